/**
 * `npm run lint:firefox`: builds the Firefox add-on into a temporary directory (the main build in
 * .output/ is left alone) and runs Mozilla's linter on it. Fails on any error; warnings are printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

const outDir = mkdtempSync(join(tmpdir(), 'affinity-lens-firefox-'));
let status = 1;
try {
  status = run('npx', ['wxt', 'build', '-b', 'firefox'], { ...process.env, LENS_OUT_DIR: outDir });
  if (status === 0) {
    status = run('npx', [
      'web-ext',
      'lint',
      '--source-dir',
      join(outDir, 'firefox-mv2'),
      '--no-config-discovery',
    ]);
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(status);
