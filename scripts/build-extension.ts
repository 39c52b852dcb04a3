/** Builds the extension against a given API base (the sandbox, in development and tests). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The Chrome MV3 build, or the Firefox MV2 add-on from the same code. */
export type Target = 'chrome' | 'firefox';

export function buildExtension(apiBase: string, outDir = '.output', target: Target = 'chrome'): string {
  execFileSync('npx', ['wxt', 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // A production build even when called from a test runner (Vitest sets NODE_ENV=test, which
    // would keep development code in the bundles and make them unlike the released ones).
    env: { ...process.env, NODE_ENV: 'production', WXT_AFFINITY_API_URL: apiBase, LENS_OUT_DIR: outDir },
  });
  return resolve(outDir, target === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}
