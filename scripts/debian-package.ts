/**
 * Finds a program from a Debian package, installing the package when the program is missing and
 * this machine allows it (root with apt-get). Otherwise it says what to do in one line and fails:
 * never a silent skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface DebianProgram {
  /** What a person calls it, in messages. */
  name: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** Where it may be, first match wins (an environment override first). */
  paths: readonly (string | undefined)[];
  /** The environment variable that points at it instead. */
  pathVariable: string;
}

function found(program: DebianProgram): string | undefined {
  return program.paths.find((p): p is string => Boolean(p) && existsSync(p as string));
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

export function ensureDebianProgram(program: DebianProgram): string {
  const existing = found(program);
  if (existing) return existing;
  const { name, debianPackage, pathVariable } = program;
  if (!canInstall()) {
    console.error(
      `${name} is needed: install it with \`sudo apt-get install -y ${debianPackage}\` (or set ${pathVariable}), then run this again.`,
    );
    process.exit(1);
  }
  console.log(`Installing Debian’s ${debianPackage} package (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', debianPackage], {
    stdio: 'inherit',
    env,
  });
  const installed = found(program);
  if (!installed) {
    console.error(
      `Installing ${debianPackage} did not provide ${name}; install it by hand and run this again.`,
    );
    process.exit(1);
  }
  return installed;
}
