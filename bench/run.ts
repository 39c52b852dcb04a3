/**
 * `npm run bench`: runs every benchmark module and prints its figures beside their budgets.
 * Exits non-zero when a budget is missed, so a regression is visible. Pass names to run a subset:
 * `npm run bench -- scheduler`.
 */
import type { BenchModule, BenchRow } from './types';

// Each module is loaded lazily so that a subset run does not pay for the others.
const modules: Record<string, () => Promise<BenchModule>> = {
  matching: () => import('./matching.bench').then((m) => m.default),
  people: () => import('./people.bench').then((m) => m.default),
  scheduler: () => import('./scheduler.bench').then((m) => m.default),
  sandbox: () => import('./sandbox.bench').then((m) => m.default),
  page: () => import('./page.bench').then((m) => m.default),
};

function format(row: BenchRow): string {
  const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(row.value < 10 ? 3 : 1);
  const verdict = row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED';
  return [
    row.name.padEnd(58),
    `${value} ${row.unit}`.padEnd(20),
    (row.budget ?? '').padEnd(16),
    verdict.padEnd(7),
    row.note ?? '',
  ].join(' ');
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = Object.keys(modules).filter((n) => wanted.length === 0 || wanted.includes(n));
  let missed = 0;
  for (const name of names) {
    const loader = modules[name];
    if (!loader) continue;
    const mod = await loader();
    console.log(`\n== ${mod.title}`);
    console.log(['figure'.padEnd(58), 'value'.padEnd(20), 'budget'.padEnd(16), 'verdict'].join(' '));
    for (const row of await mod.run()) {
      console.log(format(row));
      if (row.ok === false) missed += 1;
    }
  }
  console.log(missed === 0 ? '\nEvery budget met.' : `\n${missed} budget(s) missed.`);
  process.exitCode = missed === 0 ? 0 : 1;
}

await main();
