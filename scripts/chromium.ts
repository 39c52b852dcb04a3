/**
 * Finds Debian's Chromium, installing the `chromium` package when it is missing and this machine
 * allows it (root with apt-get). Otherwise it says what to do in one line and fails: never a silent skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

function found(): string | undefined {
  return CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p as string));
}

function canInstall(): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureChromium(): string {
  const existing = found();
  if (existing) return existing;
  if (!canInstall()) {
    console.error(
      'Chromium is needed: install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH), then run this again.',
    );
    process.exit(1);
  }
  console.log('Installing Debian’s chromium package (once)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  const installed = found();
  if (!installed) {
    console.error(
      'Installing chromium did not provide /usr/bin/chromium; install it by hand and run this again.',
    );
    process.exit(1);
  }
  return installed;
}
