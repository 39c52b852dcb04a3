import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_KEY } from './data';
import { call } from './test-client';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function run(...args: string[]): { process: ChildProcess; output: () => string } {
  const process_ = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = process_;
  let output = '';
  process_.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  process_.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { process: process_, output: () => output };
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (child?.exitCode !== null) throw new Error(`the sandbox exited: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run sandbox', () => {
  it('prints the URL and the demo key, serves, and shuts down cleanly on SIGTERM', async () => {
    const { process: sandbox, output } = run('--port', '0', '--people', '300', '--seed', '5');
    const [, url = ''] = await waitFor(output, /at (http:\/\/127\.0\.0\.1:\d+)/);
    expect(output()).toContain(DEMO_KEY);
    expect(output()).toContain('300 people, seed 5');
    expect((await call(url, '/auth/whoami')).status).toBe(200);
    sandbox.kill('SIGTERM');
    const [code] = (await once(sandbox, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(output()).toContain('closing the sandbox');
  });

  it('refuses a bad flag value with a sentence and a non-zero exit', async () => {
    const { process: sandbox, output } = run('--people', '3');
    const [code] = (await once(sandbox, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(output()).toContain('--people must be a whole number');
  });
});
