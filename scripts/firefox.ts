/** Debian's Firefox ESR, for the Firefox add-on's end-to-end test (see debian-package.ts). */
import { ensureDebianProgram } from './debian-package';

export function ensureFirefox(): string {
  return ensureDebianProgram({
    name: 'Firefox',
    debianPackage: 'firefox-esr',
    paths: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
    pathVariable: 'FIREFOX_PATH',
  });
}
