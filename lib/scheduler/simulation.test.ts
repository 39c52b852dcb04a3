/**
 * The scheduler against a simulated Affinity server, minutes of saturated traffic on the virtual
 * clock: what a user of the extension would notice as "Lens is slow", "Lens got rate limited" or
 * "Lens lost my request".
 */
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock';
import { createMemoryWindowStore } from './memory-store';
import { createScheduler, type SchedulerOptions } from './scheduler';
import {
  createSimServer,
  createWorkerLifetime,
  runLoad,
  seededRandom,
  type SimServer,
  type SimServerOptions,
} from './sim';

const MINUTE = 60_000;

function world(
  serverOptions: (start: number) => Partial<SimServerOptions> = () => ({}),
  options: SchedulerOptions = {},
) {
  const clock = createVirtualClock();
  const start = clock.now();
  const store = createMemoryWindowStore();
  const server = createSimServer({ clock, random: seededRandom(11), ...serverOptions(start) });
  const scheduler = createScheduler({ clock, store, random: seededRandom(13), ...options });
  return { clock, start, store, server, scheduler };
}

/** Share of the allowance used from `from` to the end of the last full server window. */
function useAfter(server: SimServer, from: number, to: number): number {
  return server.acceptedBetween(from, to) / server.allowanceBetween(from, to);
}

describe('against an honest server', () => {
  it('uses at least 97% of the allowance over ten saturated minutes, with no 429', async () => {
    const { clock, server, scheduler } = world();
    const report = await runLoad({
      clock,
      scheduler,
      server,
      durationMs: 10 * MINUTE,
      backgroundDepth: 40,
      interactivePerMinute: 200,
    });
    expect(report.allowanceUsedPct).toBeGreaterThanOrEqual(97);
    expect(report.rateLimited).toBe(0);
    expect(report.lost).toBe(0);
    expect(server.maxReceivedWithin(MINUTE)).toBeLessThanOrEqual(900);
  });

  it('answers people at once while background work saturates its share', async () => {
    const { clock, server, scheduler } = world();
    const report = await runLoad({
      clock,
      scheduler,
      server,
      durationMs: 5 * MINUTE,
      backgroundDepth: 60,
      interactivePerMinute: 60,
    });
    // Within about one round trip of the slowest answer, never a wait for the window.
    expect(report.maxInteractiveWaitMs).toBeLessThan(1_000);
    expect(report.lost).toBe(0);
  });

  it('never lets background work alone use the last share of the minute', async () => {
    const { clock, start, server, scheduler } = world();
    await runLoad({
      clock,
      scheduler,
      server,
      durationMs: 5 * MINUTE,
      backgroundDepth: 60,
      interactivePerMinute: 0,
    });
    const full = server.windows().filter((w) => w.start >= start && w.start + MINUTE <= start + 5 * MINUTE);
    expect(full.length).toBeGreaterThanOrEqual(4);
    for (const window of full) expect(window.accepted).toBeLessThanOrEqual(0.8 * 900);
    // ...but it does use its share.
    expect(useAfter(server, start, start + 5 * MINUTE)).toBeGreaterThan(0.77);
  });
});

describe('when the server lowers its limit to 300 a minute mid-run', () => {
  for (const retryAfter of ['seconds', 'http-date', 'none'] as const) {
    it(`loses no request and recovers to full use (Retry-After: ${retryAfter})`, async () => {
      const dropAt = (start: number) => start + 4.5 * MINUTE;
      const { clock, start, server, scheduler } = world((begin) => ({
        retryAfter,
        limitChanges: [{ at: dropAt(begin), limit: 300 }],
      }));
      const report = await runLoad({
        clock,
        scheduler,
        server,
        durationMs: 10 * MINUTE,
        backgroundDepth: 40,
        interactivePerMinute: 60,
      });
      expect(report.rateLimited).toBeGreaterThan(0);
      expect(report.lost).toBe(0);
      expect(report.succeeded + report.failedWithSentence).toBe(report.scheduled);
      // Recovered: from the first server window after the drop's, no 429 and full use of the new limit.
      const after = server
        .windows()
        .filter((w) => w.start >= dropAt(start) + MINUTE && w.start < start + 10 * MINUTE);
      expect(after.length).toBeGreaterThanOrEqual(4);
      for (const window of after) expect(window.rateLimited).toBe(0);
      const from = (after[0] as { start: number }).start;
      expect(useAfter(server, from, from + after.length * MINUTE)).toBeGreaterThanOrEqual(0.97);
      expect(scheduler.state().limit).toBe(300);
    });
  }
});

describe('when the server misbehaves', () => {
  it('loses nothing when the headers claim more room than the server gives', async () => {
    const { clock, start, server, scheduler } = world(() => ({
      limit: 600,
      claimedLimit: 900,
      retryAfter: 'none',
    }));
    const report = await runLoad({
      clock,
      scheduler,
      server,
      durationMs: 10 * MINUTE,
      backgroundDepth: 40,
      interactivePerMinute: 60,
    });
    expect(report.lost).toBe(0);
    expect(report.succeeded + report.failedWithSentence).toBe(report.scheduled);
    // Caught out, it keeps to what the server really accepts: 429s stay a tiny share of the traffic.
    expect(report.rateLimited).toBeLessThan(0.01 * report.sent);
    expect(useAfter(server, start, start + 10 * MINUTE)).toBeGreaterThanOrEqual(0.9);
  });

  it('loses nothing through a storm of 5xx answers, and is not rate limited', async () => {
    const { clock, server, scheduler } = world((start) => ({
      serverErrorRate: (at) => (at >= start + 3 * MINUTE && at < start + 5 * MINUTE ? 0.3 : 0),
    }));
    const report = await runLoad({
      clock,
      scheduler,
      server,
      durationMs: 8 * MINUTE,
      backgroundDepth: 40,
      interactivePerMinute: 200,
    });
    expect(server.totals.serverErrors).toBeGreaterThan(100);
    expect(report.lost).toBe(0);
    expect(report.rateLimited).toBe(0);
    // Bounded retries clear nearly all of it; the rest settles with a sentence.
    expect(report.failedWithSentence).toBeLessThan(0.01 * report.scheduled);
  });

  it('loses nothing when the network drops requests', async () => {
    const { clock, server, scheduler } = world(() => ({ networkFailureRate: 0.05 }));
    const report = await runLoad({
      clock,
      scheduler,
      server,
      durationMs: 3 * MINUTE,
      backgroundDepth: 20,
      interactivePerMinute: 100,
    });
    expect(report.lost).toBe(0);
    expect(report.succeeded).toBeGreaterThan(0.99 * report.scheduled);
  });
});

describe('a service-worker restart mid-window', () => {
  async function restartMidWindow(options: { keepStore: boolean; rateHeaders: boolean }) {
    const clock = createVirtualClock();
    const store = createMemoryWindowStore();
    const server = createSimServer({ clock, random: seededRandom(5), rateHeaders: options.rateHeaders });
    const old = createWorkerLifetime(clock, store);
    const before = createScheduler({ clock: old.clock, store: old.store, random: seededRandom(1) });
    const load = { clock, server, backgroundDepth: 40, interactivePerMinute: 200 };
    // Stopped in the middle of its second minute's burst, with requests in flight.
    await runLoad({
      ...load,
      scheduler: before,
      durationMs: 75_000,
      drainMs: 0,
      execute: old.wrap(server.execute),
    });
    old.stop();
    const afterStore = options.keepStore ? store : createMemoryWindowStore();
    const after = createScheduler({ clock, store: afterStore, random: seededRandom(2) });
    const report = await runLoad({ ...load, scheduler: after, durationMs: 3 * MINUTE });
    return { server, report };
  }

  for (const rateHeaders of [true, false]) {
    it(`causes no burst: never more than the limit within any 60 s (${rateHeaders ? 'with' : 'without'} rate headers)`, async () => {
      const { server, report } = await restartMidWindow({ keepStore: true, rateHeaders });
      expect(server.maxReceivedWithin(MINUTE)).toBeLessThanOrEqual(900);
      expect(server.totals.rateLimited).toBe(0);
      expect(report.lost).toBe(0);
      expect(report.allowanceUsedPct).toBeGreaterThanOrEqual(90);
    });
  }

  it('would burst without the saved window when the server does not count for us (the check can fail)', async () => {
    const { server } = await restartMidWindow({ keepStore: false, rateHeaders: false });
    expect(server.maxReceivedWithin(MINUTE)).toBeGreaterThan(900);
  });
});
