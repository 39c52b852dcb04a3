/**
 * A simulated Affinity server and a load driver on the virtual clock, shared by the scheduler's
 * tests and its benchmark. The server counts requests in fixed one-minute windows as they arrive
 * and answers with the six rate-limit headers; it can lower its limit mid-run, lie in its headers,
 * answer 5xx, fail the network, and take time to answer.
 */
import { AffinityError, isAffinityError } from '../affinity/errors';
import type { Allowance } from '../affinity/types';
import type { VirtualClock } from './clock';
import type { Clock, HttpResponse, Priority, RequestScheduler, WindowStore } from './types';

const MINUTE_MS = 60_000;

/** A small, fast, seeded generator (mulberry32), so every simulation is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SimServerOptions {
  clock: VirtualClock;
  /** Requests per user per minute. */
  limit?: number;
  /** The limit changes at these times (epoch ms), e.g. a drop to 300 mid-run. */
  limitChanges?: { at: number; limit: number }[];
  /** Where the server's fixed windows start, relative to the clock's time at creation. */
  windowPhaseMs?: number;
  /** Round-trip time, drawn uniformly; the request reaches the server part-way through it. */
  latencyMs?: { min: number; max: number };
  /** Retry-After on a 429: delta seconds, an HTTP date, or absent. */
  retryAfter?: 'seconds' | 'http-date' | 'none';
  /** Headers that lie: they claim this per-minute limit (and the remaining count against it). */
  claimedLimit?: number;
  /** false: answers carry no rate-limit headers at all (only Retry-After on a 429). */
  rateHeaders?: boolean;
  /** Share of accepted requests answered 503 (a number, or one that depends on the time). */
  serverErrorRate?: number | ((now: number) => number);
  /** Share of requests lost to the network before they arrive. */
  networkFailureRate?: number;
  monthly?: { limit: Allowance; remaining: number; resetSeconds: number };
  random?: () => number;
}

export interface Receipt {
  at: number;
  status: number;
}

export interface ServerWindow {
  start: number;
  limit: number;
  accepted: number;
  rateLimited: number;
}

export interface SimServer {
  /** One exchange, to use as a task's `execute`. */
  execute(signal: AbortSignal, options?: { quotaFree?: boolean }): Promise<HttpResponse>;
  /** Every request that reached the server, in order of arrival. */
  receipts(): readonly Receipt[];
  windows(): ServerWindow[];
  limitAt(at: number): number;
  /** Requests accepted (anything but 429) that arrived in [from, to). */
  acceptedBetween(from: number, to: number): number;
  /** What the server allowed in [from, to): its per-minute limit, pro rata. */
  allowanceBetween(from: number, to: number): number;
  /** The most requests that arrived within any `spanMs` (60 s by default). */
  maxReceivedWithin(spanMs?: number): number;
  readonly totals: { received: number; accepted: number; rateLimited: number; serverErrors: number };
}

export function createSimServer(options: SimServerOptions): SimServer {
  const { clock } = options;
  const random = options.random ?? seededRandom(1);
  const baseLimit = options.limit ?? 900;
  const changes = [...(options.limitChanges ?? [])].sort((a, b) => a.at - b.at);
  const origin = clock.now() + (options.windowPhaseMs ?? 0);
  const latency = options.latencyMs ?? { min: 80, max: 300 };
  const retryAfter = options.retryAfter ?? 'seconds';
  const monthly = options.monthly ? { ...options.monthly } : undefined;
  const monthlyResetAt = monthly ? clock.now() + monthly.resetSeconds * 1000 : 0;

  const acceptedIn = new Map<number, number>();
  const rateLimitedIn = new Map<number, number>();
  const receipts: Receipt[] = [];
  const totals = { received: 0, accepted: 0, rateLimited: 0, serverErrors: 0 };

  const windowOf = (at: number) => Math.floor((at - origin) / MINUTE_MS);
  const windowEnd = (index: number) => origin + (index + 1) * MINUTE_MS;

  function limitAt(at: number): number {
    let limit = baseLimit;
    for (const change of changes) if (change.at <= at) limit = change.limit;
    return limit;
  }

  function errorRate(at: number): number {
    const rate = options.serverErrorRate;
    return typeof rate === 'function' ? rate(at) : (rate ?? 0);
  }

  function headersAt(at: number, index: number): Record<string, string> {
    if (options.rateHeaders === false) return {};
    const shownLimit = options.claimedLimit ?? limitAt(at);
    const headers: Record<string, string> = {
      'x-ratelimit-limit-user': String(shownLimit),
      'x-ratelimit-limit-user-remaining': String(Math.max(0, shownLimit - (acceptedIn.get(index) ?? 0))),
      'x-ratelimit-limit-user-reset': String(Math.ceil((windowEnd(index) - at) / 1000)),
    };
    if (monthly) {
      headers['x-ratelimit-limit-org'] = String(monthly.limit);
      headers['x-ratelimit-limit-org-remaining'] =
        monthly.limit === 'unlimited' ? 'unlimited' : String(monthly.remaining);
      headers['x-ratelimit-limit-org-reset'] = String(Math.max(0, Math.ceil((monthlyResetAt - at) / 1000)));
    }
    return headers;
  }

  /** What the server does the moment a request arrives. */
  function receive(at: number, quotaFree: boolean): HttpResponse {
    const index = windowOf(at);
    const accepted = acceptedIn.get(index) ?? 0;
    totals.received += 1;
    const monthSpent = monthly !== undefined && monthly.limit !== 'unlimited' && monthly.remaining <= 0;
    if (accepted >= limitAt(at) || (monthSpent && !quotaFree)) {
      totals.rateLimited += 1;
      rateLimitedIn.set(index, (rateLimitedIn.get(index) ?? 0) + 1);
      receipts.push({ at, status: 429 });
      const headers = headersAt(at, index);
      const resumeAt = windowEnd(index);
      if (retryAfter === 'seconds') headers['retry-after'] = String(Math.ceil((resumeAt - at) / 1000));
      if (retryAfter === 'http-date')
        headers['retry-after'] = new Date(Math.ceil(resumeAt / 1000) * 1000).toUTCString();
      return {
        status: 429,
        headers,
        body: { errors: [{ code: 'rate-limit', message: 'Rate limit exceeded' }] },
      };
    }
    acceptedIn.set(index, accepted + 1);
    totals.accepted += 1;
    if (monthly && monthly.limit !== 'unlimited' && !quotaFree) monthly.remaining -= 1;
    const failed = random() < errorRate(at);
    const status = failed ? 503 : 200;
    if (failed) totals.serverErrors += 1;
    receipts.push({ at, status });
    const body = failed ? { message: 'Service Unavailable' } : { ok: true, at };
    return { status, headers: headersAt(at, index), body };
  }

  async function execute(signal: AbortSignal, request: { quotaFree?: boolean } = {}): Promise<HttpResponse> {
    const roundTrip = latency.min + random() * (latency.max - latency.min);
    const upstream = roundTrip * (0.3 + 0.4 * random());
    if (random() < (options.networkFailureRate ?? 0)) {
      await clock.sleep(roundTrip, signal);
      throw new AffinityError({ kind: 'offline', message: 'You appear to be offline.' });
    }
    await clock.sleep(upstream, signal);
    const response = receive(clock.now(), request.quotaFree === true);
    await clock.sleep(roundTrip - upstream, signal);
    return response;
  }

  function windows(): ServerWindow[] {
    const indexes = new Set([...acceptedIn.keys(), ...rateLimitedIn.keys()]);
    return [...indexes]
      .sort((a, b) => a - b)
      .map((index) => {
        const start = origin + index * MINUTE_MS;
        return {
          start,
          limit: limitAt(start + MINUTE_MS - 1),
          accepted: acceptedIn.get(index) ?? 0,
          rateLimited: rateLimitedIn.get(index) ?? 0,
        };
      });
  }

  function allowanceBetween(from: number, to: number): number {
    // Integrate the limit over time, one change at a time.
    let total = 0;
    let cursor = from;
    for (const change of changes) {
      if (change.at <= cursor) continue;
      if (change.at >= to) break;
      total += (limitAt(cursor) * (change.at - cursor)) / MINUTE_MS;
      cursor = change.at;
    }
    return total + (limitAt(cursor) * (to - cursor)) / MINUTE_MS;
  }

  function maxReceivedWithin(spanMs = MINUTE_MS): number {
    let most = 0;
    let first = 0;
    for (let last = 0; last < receipts.length; last += 1) {
      while ((receipts[last] as Receipt).at - (receipts[first] as Receipt).at >= spanMs) first += 1;
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  return {
    execute,
    receipts: () => receipts,
    windows,
    limitAt,
    acceptedBetween: (from, to) =>
      receipts.filter((r) => r.at >= from && r.at < to && r.status !== 429).length,
    allowanceBetween,
    maxReceivedWithin,
    totals,
  };
}

// ---- the load driver ---------------------------------------------------------------------------

export interface LoadOptions {
  clock: VirtualClock;
  scheduler: RequestScheduler;
  server: SimServer;
  durationMs: number;
  /** Background tasks kept waiting at all times (a roster sync that never ends). */
  backgroundDepth: number;
  /** Tasks a person starts, evenly spread with some jitter. */
  interactivePerMinute: number;
  /** How long, after the run, queued work may take to settle (default 15 min); 0 to not wait. */
  drainMs?: number;
  /** Wraps each exchange (e.g. to lose answers when a worker is stopped). */
  execute?: (signal: AbortSignal) => Promise<HttpResponse>;
  random?: () => number;
}

export interface LoadReport {
  scheduled: number;
  succeeded: number;
  /** Settled with something a person can read: an AffinityError's sentence, or a non-2xx answer the client words. */
  failedWithSentence: number;
  /** Promises that never settled, or failed without a sentence. */
  lost: number;
  /** Requests that reached the server during the run. */
  sent: number;
  /** 429 answers the server gave, run and drain together. */
  rateLimited: number;
  /** Accepted requests during the run as a share of what the server allowed, in percent. */
  allowanceUsedPct: number;
  /** Longest time a person's task waited before it was sent (or settled, if never sent). */
  maxInteractiveWaitMs: number;
  startedAt: number;
  endedAt: number;
}

interface Tracked {
  priority: Priority;
  scheduledAt: number;
  startedAt?: number;
  settledAt?: number;
  outcome?: 'succeeded' | 'sentence' | 'lost';
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { clock, scheduler, server } = options;
  const random = options.random ?? seededRandom(7);
  const exchange = options.execute ?? ((signal: AbortSignal) => server.execute(signal));
  const startedAt = clock.now();
  const endsAt = startedAt + options.durationMs;
  const tracked: Tracked[] = [];
  const receivedBefore = server.receipts().length;
  const rateLimitedBefore = server.totals.rateLimited;

  function issue(priority: Priority): Promise<unknown> {
    const record: Tracked = { priority, scheduledAt: clock.now() };
    tracked.push(record);
    return scheduler
      .schedule({
        priority,
        execute: (signal) => {
          record.startedAt ??= clock.now();
          return exchange(signal);
        },
      })
      .then(
        (response) => {
          record.outcome = response.status >= 200 && response.status < 300 ? 'succeeded' : 'sentence';
        },
        (error: unknown) => {
          record.outcome = isAffinityError(error) && error.message.length > 0 ? 'sentence' : 'lost';
        },
      )
      .finally(() => {
        record.settledAt = clock.now();
      });
  }

  function keepBackgroundBusy(): void {
    if (clock.now() >= endsAt) return;
    void issue('background').then(keepBackgroundBusy);
  }
  for (let i = 0; i < options.backgroundDepth; i += 1) keepBackgroundBusy();

  async function people(): Promise<void> {
    if (options.interactivePerMinute <= 0) return;
    const gap = MINUTE_MS / options.interactivePerMinute;
    for (;;) {
      await clock.sleep(gap * (0.5 + random()));
      if (clock.now() >= endsAt) return;
      void issue('interactive');
    }
  }
  void people();

  await clock.advanceTo(endsAt);
  const drainMs = options.drainMs ?? 15 * MINUTE_MS;
  if (drainMs > 0) await clock.runUntilIdle({ until: endsAt + drainMs });

  const count = (outcome: Tracked['outcome']) => tracked.filter((t) => t.outcome === outcome).length;
  const interactiveWaits = tracked
    .filter((t) => t.priority === 'interactive')
    .map((t) => (t.startedAt ?? t.settledAt ?? clock.now()) - t.scheduledAt);
  const allowance = server.allowanceBetween(startedAt, endsAt);
  return {
    scheduled: tracked.length,
    succeeded: count('succeeded'),
    failedWithSentence: count('sentence'),
    lost: count('lost') + tracked.filter((t) => t.outcome === undefined).length,
    sent: server.receipts().filter((r, i) => i >= receivedBefore && r.at < endsAt).length,
    rateLimited: server.totals.rateLimited - rateLimitedBefore,
    allowanceUsedPct: allowance > 0 ? (100 * server.acceptedBetween(startedAt, endsAt)) / allowance : 0,
    maxInteractiveWaitMs: Math.max(0, ...interactiveWaits),
    startedAt,
    endedAt: endsAt,
  };
}

// ---- a worker that can be stopped ---------------------------------------------------------------

export interface WorkerLifetime {
  /** The clock as the worker sees it: after `stop`, nothing it waits for ever happens. */
  clock: Clock;
  /** The store as the worker sees it: after `stop`, its writes are lost. */
  store: WindowStore;
  /** Wraps an exchange: the server still gets it, but a stopped worker never hears the answer. */
  wrap(
    execute: (signal: AbortSignal) => Promise<HttpResponse>,
  ): (signal: AbortSignal) => Promise<HttpResponse>;
  /** The browser stops the service worker. */
  stop(): void;
}

export function createWorkerLifetime(clock: VirtualClock, store: WindowStore): WorkerLifetime {
  let alive = true;
  const unlessStopped = <T>(promise: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      promise.then(
        (value) => alive && resolve(value),
        (error: unknown) => alive && reject(error),
      );
    });
  return {
    clock: { now: () => clock.now(), sleep: (ms, signal) => unlessStopped(clock.sleep(ms, signal)) },
    store: {
      load: () => store.load(),
      save: (window) => (alive ? store.save(window) : Promise.resolve()),
    },
    wrap: (execute) => (signal) => unlessStopped(execute(signal)),
    stop: () => {
      alive = false;
    },
  };
}
