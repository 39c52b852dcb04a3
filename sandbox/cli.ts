/**
 * `npm run sandbox`: the sandbox Affinity API on 127.0.0.1 until Ctrl-C.
 * Flags: --port (default 4010, 0 for any free port), --people (default 2,000), --seed (default 1).
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PEOPLE, DEFAULT_SEED, DEMO_KEY, MAX_PEOPLE, MIN_PEOPLE } from './data';
import { startSandbox } from './server';

function wholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    people: { type: 'string' },
    seed: { type: 'string' },
  },
});

const port = wholeNumber('port', values.port, 4010, 0, 65_535);
const sandbox = await startSandbox({
  port,
  people: wholeNumber('people', values.people, DEFAULT_PEOPLE, MIN_PEOPLE, MAX_PEOPLE),
  seed: wholeNumber('seed', values.seed, DEFAULT_SEED, 0, 2 ** 32 - 1),
}).catch((error: NodeJS.ErrnoException) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use (try --port 0)` : error.message;
  console.error(`The sandbox could not start: ${reason}`);
  process.exit(1);
});

console.log(
  `Sandbox Affinity API at ${sandbox.url} (${sandbox.data.size} people, seed ${sandbox.data.seed})`,
);
console.log(`API key:   ${DEMO_KEY}`);
console.log(`Demo page: ${sandbox.demoUrl}`);
console.log(`Build against it: WXT_AFFINITY_API_URL=${sandbox.url} npm run build`);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing the sandbox`);
  await sandbox.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
