/** Debian's Chromium, installed where the machine allows it (see debian-package.ts). */
import { ensureDebianProgram } from './debian-package';

export function ensureChromium(): string {
  return ensureDebianProgram({
    name: 'Chromium',
    debianPackage: 'chromium',
    paths: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    pathVariable: 'CHROMIUM_PATH',
  });
}
