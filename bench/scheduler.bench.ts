/**
 * The request scheduler under saturation, against a simulated Affinity server on a virtual clock:
 * how much of the allowance it uses, how often it is rate limited, whether any request is lost,
 * and how fast it recovers when the server lowers its limit or misbehaves.
 */
import { createVirtualClock } from '../lib/scheduler/clock';
import { createMemoryWindowStore } from '../lib/scheduler/memory-store';
import { createScheduler } from '../lib/scheduler/scheduler';
import {
  createSimServer,
  createWorkerLifetime,
  runLoad,
  seededRandom,
  type LoadReport,
  type SimServer,
  type SimServerOptions,
} from '../lib/scheduler/sim';
import type { BenchModule, BenchRow } from './types';

const MINUTE = 60_000;
const LOAD = { backgroundDepth: 40, interactivePerMinute: 200 };

interface Outcome {
  report: LoadReport;
  server: SimServer;
  start: number;
  wallMs: number;
}

async function scenario(
  serverOptions: (start: number) => Partial<SimServerOptions>,
  durationMs: number,
): Promise<Outcome> {
  const wallStart = performance.now();
  const clock = createVirtualClock();
  const start = clock.now();
  const server = createSimServer({ clock, random: seededRandom(11), ...serverOptions(start) });
  const scheduler = createScheduler({ clock, store: createMemoryWindowStore(), random: seededRandom(13) });
  const report = await runLoad({ clock, scheduler, server, durationMs, ...LOAD });
  return { report, server, start, wallMs: performance.now() - wallStart };
}

const pct = (value: number) => Math.round(value * 10) / 10;

function lostRow(name: string, report: LoadReport): BenchRow {
  return {
    name: `${name}: requests lost`,
    value: report.lost,
    unit: 'requests',
    budget: '0',
    ok: report.lost === 0,
    note: `${report.scheduled} scheduled, ${report.succeeded} succeeded, ${report.failedWithSentence} failed with a sentence`,
  };
}

async function honest(): Promise<BenchRow[]> {
  const { report, server, wallMs } = await scenario(() => ({}), 10 * MINUTE);
  return [
    {
      name: 'honest server, 10 saturated minutes: allowance used',
      value: pct(report.allowanceUsedPct),
      unit: '%',
      budget: '≥ 97%',
      ok: report.allowanceUsedPct >= 97,
      note: `${report.sent} sent of 9000 allowed; simulated in ${Math.round(wallMs)} ms`,
    },
    {
      name: 'honest server: 429 answers',
      value: report.rateLimited,
      unit: '429s',
      budget: '0',
      ok: report.rateLimited === 0,
    },
    lostRow('honest server', report),
    {
      name: 'honest server: most requests within any 60 s',
      value: server.maxReceivedWithin(MINUTE),
      unit: 'requests',
      budget: '≤ 900',
      ok: server.maxReceivedWithin(MINUTE) <= 900,
    },
    {
      name: 'honest server: longest wait of a person',
      value: Math.round(report.maxInteractiveWaitMs),
      unit: 'ms',
      note: '200 requests/min from people, more than their 20% reserve',
    },
  ];
}

async function limitDrop(
  retryAfter: 'seconds' | 'http-date' | 'none',
  rateHeaders = true,
): Promise<BenchRow[]> {
  const dropAfter = 4.5 * MINUTE;
  const duration = 10 * MINUTE;
  const { report, server, start } = await scenario(
    (begin) => ({ retryAfter, rateHeaders, limitChanges: [{ at: begin + dropAfter, limit: 300 }] }),
    duration,
  );
  const dropAt = start + dropAfter;
  // Recovered: the first server window after the drop with no 429 and at least 97% of the new limit used.
  const recovered = server
    .windows()
    .find(
      (w) =>
        w.start >= dropAt &&
        w.start + MINUTE <= start + duration &&
        w.rateLimited === 0 &&
        w.accepted >= 0.97 * w.limit,
    );
  const recoverySeconds = recovered ? (recovered.start - dropAt) / 1000 : Number.POSITIVE_INFINITY;
  const since = recovered?.start ?? start + duration;
  const usedAfter =
    (100 * server.acceptedBetween(since, start + duration)) /
    server.allowanceBetween(since, start + duration);
  const label = `drop to 300/min, ${rateHeaders ? `Retry-After ${retryAfter}` : 'no headers at all'}`;
  return [
    lostRow(label, report),
    {
      name: `${label}: 429 answers`,
      value: report.rateLimited,
      unit: '429s',
      note: rateHeaders
        ? 'the server gives no warning before its first 429s'
        : 'the limit is learned from 429s alone',
    },
    {
      name: `${label}: recovery time`,
      value: recoverySeconds,
      unit: 's',
      budget: '≤ 120 s',
      ok: recoverySeconds <= 120,
      note: 'drop to the first fully used window without 429',
    },
    {
      name: `${label}: use after recovery`,
      value: pct(usedAfter),
      unit: '%',
      budget: '≥ 97%',
      ok: usedAfter >= 97,
    },
  ];
}

async function lyingHeaders(): Promise<BenchRow[]> {
  const { report } = await scenario(
    () => ({ limit: 600, claimedLimit: 900, retryAfter: 'none' }),
    10 * MINUTE,
  );
  const label = 'headers lie (claim 900, allow 600)';
  return [
    lostRow(label, report),
    {
      name: `${label}: 429 answers`,
      value: report.rateLimited,
      unit: '429s',
      note: `${pct((100 * report.rateLimited) / Math.max(1, report.sent))}% of ${report.sent} sent`,
    },
    {
      name: `${label}: real allowance used`,
      value: pct(report.allowanceUsedPct),
      unit: '%',
    },
  ];
}

async function serverErrorStorm(): Promise<BenchRow[]> {
  const { report, server } = await scenario(
    (start) => ({ serverErrorRate: (at) => (at >= start + 3 * MINUTE && at < start + 5 * MINUTE ? 0.3 : 0) }),
    8 * MINUTE,
  );
  const label = '2-minute storm of 30% 5xx';
  return [
    lostRow(label, report),
    {
      name: `${label}: failed after bounded retries`,
      value: report.failedWithSentence,
      unit: 'requests',
      note: `${server.totals.serverErrors} 5xx answers seen`,
    },
    {
      name: `${label}: 429 answers`,
      value: report.rateLimited,
      unit: '429s',
      budget: '0',
      ok: report.rateLimited === 0,
    },
  ];
}

async function restart(): Promise<BenchRow[]> {
  const clock = createVirtualClock();
  const store = createMemoryWindowStore();
  // Without rate headers the saved window is the only thing that can prevent a burst.
  const server = createSimServer({ clock, random: seededRandom(5), rateHeaders: false });
  const old = createWorkerLifetime(clock, store);
  const before = createScheduler({ clock: old.clock, store: old.store, random: seededRandom(1) });
  await runLoad({
    clock,
    server,
    scheduler: before,
    durationMs: 75_000,
    drainMs: 0,
    execute: old.wrap(server.execute),
    ...LOAD,
  });
  old.stop();
  const after = createScheduler({ clock, store, random: seededRandom(2) });
  const report = await runLoad({ clock, server, scheduler: after, durationMs: 3 * MINUTE, ...LOAD });
  const most = server.maxReceivedWithin(MINUTE);
  return [
    {
      name: 'worker restart mid-window: most within any 60 s',
      value: most,
      unit: 'requests',
      budget: '≤ 900',
      ok: most <= 900,
      note: `${server.totals.rateLimited} 429s; ${pct(report.allowanceUsedPct)}% used after the restart`,
    },
  ];
}

async function backgroundAlone(): Promise<BenchRow[]> {
  const clock = createVirtualClock();
  const start = clock.now();
  const server = createSimServer({ clock, random: seededRandom(3) });
  const scheduler = createScheduler({ clock, random: seededRandom(4) });
  await runLoad({
    clock,
    scheduler,
    server,
    durationMs: 5 * MINUTE,
    backgroundDepth: 60,
    interactivePerMinute: 0,
  });
  const full = server.windows().filter((w) => w.start + MINUTE <= start + 5 * MINUTE);
  const most = Math.max(...full.map((w) => w.accepted / w.limit)) * 100;
  return [
    {
      name: 'background alone: largest share of a window',
      value: pct(most),
      unit: '%',
      budget: '≤ 80%',
      ok: most <= 80,
      note: 'the rest stays free for people',
    },
  ];
}

export default {
  title: 'Request scheduler (simulated Affinity server, virtual clock)',
  async run() {
    return [
      ...(await honest()),
      ...(await limitDrop('seconds')),
      ...(await limitDrop('http-date')),
      ...(await limitDrop('none')),
      ...(await limitDrop('none', false)),
      ...(await lyingHeaders()),
      ...(await serverErrorStorm()),
      ...(await restart()),
      ...(await backgroundAlone()),
    ];
  },
} satisfies BenchModule;
