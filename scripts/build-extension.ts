/** Builds the Chrome MV3 extension against a given API base (the sandbox, in development). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export function buildExtension(apiBase: string, outDir = '.output'): string {
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // A production build even when called from a test runner (Vitest sets NODE_ENV=test, which
    // would keep development code in the bundles and make them unlike the released ones).
    env: { ...process.env, NODE_ENV: 'production', WXT_AFFINITY_API_URL: apiBase, LENS_OUT_DIR: outDir },
  });
  return resolve(outDir, 'chrome-mv3');
}
