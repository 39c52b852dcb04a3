/**
 * The sandbox Affinity server has to be quick and lean enough to sit under every E2E test and
 * benchmark: generating 100,000 people, searching them, and paging them over HTTP.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSandboxData, DEMO_KEY } from '../sandbox/data';
import { startSandbox } from '../sandbox/server';
import type { BenchModule, BenchRow } from './types';

const PEOPLE = 100_000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** A full collection, so heap figures mean what is retained, not what awaits collection. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function run(): Promise<BenchRow[]> {
  const gc = collector();
  const rows: BenchRow[] = [];

  const times: number[] = [];
  for (let seed = 1; seed <= 3; seed += 1) {
    const start = performance.now();
    createSandboxData({ people: PEOPLE, seed });
    times.push(performance.now() - start);
  }
  const generation = median(times);
  rows.push({
    name: 'sandbox: generate 100,000 people (median of 3)',
    value: generation,
    unit: 'ms',
    budget: '≤ 2000 ms',
    ok: generation <= 2000,
  });

  gc();
  const before = process.memoryUsage().heapUsed;
  const data = createSandboxData({ people: PEOPLE });
  gc();
  const retainedMb = (process.memoryUsage().heapUsed - before) / 1e6;
  rows.push({
    name: 'sandbox: heap held by 100,000 people',
    value: retainedMb,
    unit: 'MB',
    budget: '≤ 40 MB',
    ok: retainedMb <= 40,
  });

  const terms = ['mar', 'jose alv', 'müller', 'quillpay.io', 'Дмитрий', 'zz', 'li', 'priya.n@gmail.com'];
  const searchTimes = terms.map((term) => {
    const start = performance.now();
    data.searchIndexes(term);
    return performance.now() - start;
  });
  const search = median(searchTimes);
  rows.push({
    name: 'sandbox: term search over 100,000 people (median)',
    value: search,
    unit: 'ms',
    budget: '≤ 25 ms',
    ok: search <= 25,
  });

  const sandbox = await startSandbox({ data, limitPerMinute: 1_000_000, monthlyLimit: 'unlimited' });
  try {
    const headers = { authorization: `Bearer ${DEMO_KEY}` };
    let token: string | null | undefined;
    let pages = 0;
    const start = performance.now();
    do {
      const query = token ? `&page_token=${encodeURIComponent(token)}` : '';
      const response = await fetch(`${sandbox.url}/persons?page_size=500${query}`, { headers });
      const page = (await response.json()) as { next_page_token?: string | null };
      token = page.next_page_token;
      pages += 1;
    } while (token);
    const perPage = (performance.now() - start) / pages;
    rows.push({
      name: 'sandbox: GET /persons page of 500 over HTTP (mean)',
      value: perPage,
      unit: 'ms',
      budget: '≤ 50 ms',
      ok: perPage <= 50 && pages === PEOPLE / 500,
      note: `${pages} pages for the whole directory`,
    });
  } finally {
    await sandbox.close();
  }
  return rows;
}

export default { title: 'Sandbox Affinity server', run } satisfies BenchModule;
