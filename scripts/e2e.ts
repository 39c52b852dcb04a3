/**
 * `npm run test:e2e`: Chromium and Firefox are checked (and installed where allowed) before Vitest
 * starts.
 */
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium';
import { ensureFirefox } from './firefox';

ensureChromium();
ensureFirefox();
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
