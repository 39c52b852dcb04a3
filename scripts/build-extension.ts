/** Builds the Chrome MV3 extension against a given API base (the sandbox, in development). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export function buildExtension(apiBase: string, outDir = '.output'): string {
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WXT_AFFINITY_API_URL: apiBase, LENS_OUT_DIR: outDir },
  });
  return resolve(outDir, 'chrome-mv3');
}
