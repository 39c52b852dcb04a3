import { describe, expect, it, vi } from 'vitest';
import { AffinityError } from '../affinity/errors';
import { createVirtualClock, type VirtualClock } from './clock';
import { createMemoryWindowStore } from './memory-store';
import { createScheduler, type SchedulerOptions } from './scheduler';
import type { HttpResponse, Priority, RequestScheduler, SchedulerState } from './types';

const answer = (status: number, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: status === 200 ? { ok: true } : null,
});

/** An exchange that answers from a script (the last entry repeats) after `latencyMs`. */
function scripted(clock: VirtualClock, script: (HttpResponse | Error)[], latencyMs = 100) {
  const calls: number[] = [];
  const signals: AbortSignal[] = [];
  let running = 0;
  let mostRunning = 0;
  const execute = async (signal: AbortSignal): Promise<HttpResponse> => {
    const step = script[Math.min(calls.length, script.length - 1)] as HttpResponse | Error;
    calls.push(clock.now());
    signals.push(signal);
    running += 1;
    mostRunning = Math.max(mostRunning, running);
    try {
      await clock.sleep(latencyMs, signal);
    } finally {
      running -= 1;
    }
    if (step instanceof Error) throw step;
    return step;
  };
  return {
    execute,
    calls,
    signals,
    get mostRunning() {
      return mostRunning;
    },
  };
}

/** Requests that note, by name, the order in which they went on the wire (each takes 50 ms). */
function inOrder(clock: VirtualClock) {
  const order: string[] = [];
  const named = (name: string) => async () => {
    order.push(name);
    await clock.sleep(50);
    return answer(200);
  };
  return { order, named };
}

function setup(options: SchedulerOptions = {}) {
  const clock = createVirtualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
  const scheduler = createScheduler({ clock, random: () => 0.5, ...options });
  return { clock, scheduler };
}

/** Settles without throwing, so a test can look at the outcome after time has moved. */
function outcome(promise: Promise<HttpResponse>) {
  const result: { response?: HttpResponse; error?: AffinityError } = {};
  const settled = promise.then(
    (response) => {
      result.response = response;
    },
    (error: AffinityError) => {
      result.error = error;
    },
  );
  return Object.assign(result, { settled });
}

function run(
  scheduler: RequestScheduler,
  priority: Priority,
  execute: (s: AbortSignal) => Promise<HttpResponse>,
) {
  return outcome(scheduler.schedule({ priority, execute }));
}

describe('concurrency and priorities', () => {
  it('never runs more exchanges at once than the cap', async () => {
    const { clock, scheduler } = setup({ concurrency: 3 });
    const server = scripted(clock, [answer(200)]);
    const results = Array.from({ length: 12 }, () => run(scheduler, 'interactive', server.execute));
    await clock.runUntilIdle();
    expect(server.mostRunning).toBe(3);
    expect(results.every((r) => r.response?.status === 200)).toBe(true);
  });

  it('serves people before background work, first come first served within each', async () => {
    const { clock, scheduler } = setup({ concurrency: 1 });
    const { order, named } = inOrder(clock);
    for (const name of ['sync 1', 'sync 2', 'sync 3']) run(scheduler, 'background', named(name));
    for (const name of ['card 1', 'card 2']) run(scheduler, 'interactive', named(name));
    await clock.runUntilIdle();
    // "sync 1" was already on the wire when the cards arrived.
    expect(order).toEqual(['sync 1', 'card 1', 'card 2', 'sync 2', 'sync 3']);
  });

  it('keeps a slot free for people while background work is busy', async () => {
    const { clock, scheduler } = setup({ concurrency: 4 });
    const slow = scripted(clock, [answer(200)], 10_000);
    for (let i = 0; i < 10; i += 1) run(scheduler, 'background', slow.execute);
    await clock.advanceBy(1);
    expect(scheduler.state().inFlight).toBe(3);
    const card = scripted(clock, [answer(200)], 100);
    const result = run(scheduler, 'interactive', card.execute);
    await clock.advanceBy(150);
    expect(result.response?.status).toBe(200);
  });

  it('lets background work use only its share of the minute, and people the rest', async () => {
    const { clock, scheduler } = setup({ defaultLimit: 10, backgroundShare: 0.8 });
    const server = scripted(clock, [answer(200)], 10);
    const sync = Array.from({ length: 12 }, () => run(scheduler, 'background', server.execute));
    await clock.advanceBy(5_000);
    expect(server.calls).toHaveLength(8);
    const card = run(scheduler, 'interactive', server.execute);
    await clock.advanceBy(100);
    expect(card.response?.status).toBe(200);
    await clock.advanceBy(65_000);
    expect(sync.every((r) => r.response?.status === 200)).toBe(true);
  });

  it('moves a background request ahead when a person asks for the same thing', async () => {
    const { clock, scheduler } = setup({ concurrency: 1 });
    const { order, named } = inOrder(clock);
    run(scheduler, 'background', named('first'));
    scheduler.schedule({ priority: 'background', dedupeKey: 'person 7', execute: named('person 7') });
    run(scheduler, 'interactive', named('card'));
    scheduler.schedule({ priority: 'interactive', dedupeKey: 'person 7', execute: named('duplicate') });
    await clock.runUntilIdle();
    expect(order).toEqual(['first', 'person 7', 'card']);
  });
});

describe('defaults', () => {
  it('runs on the system clock when given none', async () => {
    const scheduler = createScheduler();
    const response = await scheduler.schedule({ priority: 'interactive', execute: async () => answer(200) });
    expect(response.status).toBe(200);
    expect(scheduler.state()).toMatchObject({ limit: 900, used: 1, inFlight: 0 });
  });
});

describe('coalescing and abort', () => {
  it('answers identical requests with one exchange', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200)]);
    const task = { priority: 'interactive' as const, dedupeKey: 'GET /persons/1', execute: server.execute };
    const results = [outcome(scheduler.schedule(task)), outcome(scheduler.schedule(task))];
    const other = outcome(scheduler.schedule({ ...task, dedupeKey: 'GET /persons/2' }));
    await clock.runUntilIdle();
    expect(server.calls).toHaveLength(2);
    expect(results[0]?.response).toBe(results[1]?.response);
    expect(other.response?.status).toBe(200);
  });

  it('starts a new exchange for a request made after the identical one was answered', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200)]);
    const task = { priority: 'interactive' as const, dedupeKey: 'GET /lists', execute: server.execute };
    await clock.run(scheduler.schedule(task));
    await clock.run(scheduler.schedule(task));
    expect(server.calls).toHaveLength(2);
  });

  it('rejects a waiting task as aborted when its caller gives up, without ever sending it', async () => {
    const { clock, scheduler } = setup({ concurrency: 1 });
    const server = scripted(clock, [answer(200)]);
    run(scheduler, 'interactive', server.execute);
    const controller = new AbortController();
    const waiting = outcome(
      scheduler.schedule({ priority: 'interactive', signal: controller.signal, execute: server.execute }),
    );
    controller.abort();
    await clock.runUntilIdle();
    expect(waiting.error).toMatchObject({ kind: 'aborted' });
    expect(waiting.error?.message).toMatch(/cancelled/);
    expect(server.calls).toHaveLength(1);
  });

  it('rejects at once a task whose caller already gave up', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200)]);
    const result = outcome(
      scheduler.schedule({ priority: 'interactive', signal: AbortSignal.abort(), execute: server.execute }),
    );
    await clock.runUntilIdle();
    expect(result.error).toMatchObject({ kind: 'aborted' });
    expect(server.calls).toHaveLength(0);
  });

  it('keeps a shared exchange going for the callers who stay when one leaves', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200)], 1_000);
    const leaving = new AbortController();
    const task = { priority: 'interactive' as const, dedupeKey: 'GET /persons/1', execute: server.execute };
    const left = outcome(scheduler.schedule({ ...task, signal: leaving.signal }));
    const stayed = outcome(scheduler.schedule(task));
    await clock.advanceBy(500);
    leaving.abort();
    await clock.runUntilIdle();
    expect(left.error).toMatchObject({ kind: 'aborted' });
    expect(stayed.response?.status).toBe(200);
    expect(server.signals[0]?.aborted).toBe(false);
  });

  it('cancels the exchange when every caller has left', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200)], 1_000);
    const first = new AbortController();
    const second = new AbortController();
    const task = { priority: 'interactive' as const, dedupeKey: 'GET /persons/1', execute: server.execute };
    const results = [
      outcome(scheduler.schedule({ ...task, signal: first.signal })),
      outcome(scheduler.schedule({ ...task, signal: second.signal })),
    ];
    await clock.advanceBy(500);
    first.abort();
    second.abort();
    await clock.runUntilIdle();
    expect(server.signals[0]?.aborted).toBe(true);
    expect(results.map((r) => r.error?.kind)).toEqual(['aborted', 'aborted']);
    expect(scheduler.state().inFlight).toBe(0);
  });
});

describe('429 answers', () => {
  it('waits as long as Retry-After says in seconds, pausing everything, then retries', async () => {
    const { clock, scheduler } = setup();
    const start = clock.now();
    const server = scripted(clock, [answer(429, { 'retry-after': '7' }), answer(200)]);
    const result = run(scheduler, 'interactive', server.execute);
    await clock.advanceBy(200);
    expect(scheduler.state()).toMatchObject({
      pausedUntil: start + 100 + 7_000,
      pauseReason: 'too-many-requests',
      rateLimitedCount: 1,
    });
    const other = scripted(clock, [answer(200)]);
    run(scheduler, 'interactive', other.execute);
    await clock.advanceBy(1_000);
    expect(other.calls).toHaveLength(0);
    await clock.runUntilIdle();
    expect(result.response?.status).toBe(200);
    expect(server.calls[1]).toBe(start + 100 + 7_000);
    expect(other.calls[0]).toBeGreaterThanOrEqual(start + 7_100);
    expect(scheduler.state().pausedUntil).toBeNull();
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const { clock, scheduler } = setup();
    const resumeAt = clock.now() + 12_000;
    const server = scripted(clock, [
      answer(429, { 'retry-after': new Date(resumeAt).toUTCString() }),
      answer(200),
    ]);
    const result = run(scheduler, 'background', server.execute);
    await clock.runUntilIdle();
    expect(result.response?.status).toBe(200);
    expect(server.calls[1]).toBe(resumeAt);
  });

  it('falls back to the window reset header when there is no Retry-After', async () => {
    const { clock, scheduler } = setup();
    const start = clock.now();
    const headers = {
      'x-ratelimit-limit-user': '900',
      'x-ratelimit-limit-user-remaining': '0',
      'x-ratelimit-limit-user-reset': '25',
    };
    const server = scripted(clock, [answer(429, headers), answer(200)]);
    run(scheduler, 'background', server.execute);
    await clock.runUntilIdle();
    expect(server.calls[1]).toBe(start + 100 + 25_000);
  });

  it('backs off exponentially with full jitter when the 429 says nothing', async () => {
    const { clock, scheduler } = setup({ random: () => 0.5 });
    const server = scripted(clock, [answer(429), answer(429), answer(429), answer(429), answer(200)], 0);
    const result = run(scheduler, 'background', server.execute);
    await clock.runUntilIdle();
    expect(result.response?.status).toBe(200);
    const gaps = server.calls.slice(1).map((at, i) => at - (server.calls[i] as number));
    // Half of 1 s, 2 s, 4 s, 8 s: each wait a random share of a doubling ceiling.
    expect(gaps).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('keeps jittered waits within the doubling ceiling', async () => {
    const { clock, scheduler } = setup({ random: () => 0.999, maxRetries: { backgroundRateLimited: 12 } });
    const server = scripted(clock, [answer(429)], 0);
    run(scheduler, 'background', server.execute);
    await clock.runUntilIdle();
    const gaps = server.calls.slice(1).map((at, i) => at - (server.calls[i] as number));
    expect(gaps).toHaveLength(12);
    gaps.forEach((gap, attempt) => {
      expect(gap).toBeLessThanOrEqual(Math.min(60_000, 1_000 * 2 ** attempt));
      expect(gap).toBeGreaterThanOrEqual(500);
    });
  });

  it('gives a person the 429 once retries are used up, and background work more patience', async () => {
    const { clock, scheduler } = setup({ maxRetries: { rateLimited: 2, backgroundRateLimited: 5 } });
    const card = scripted(clock, [answer(429, { 'retry-after': '1' })], 0);
    const sync = scripted(clock, [answer(429, { 'retry-after': '1' })], 0);
    const cardResult = run(scheduler, 'interactive', card.execute);
    const syncResult = run(scheduler, 'background', sync.execute);
    await clock.runUntilIdle();
    expect(cardResult.response?.status).toBe(429);
    expect(card.calls).toHaveLength(3);
    expect(syncResult.response?.status).toBe(429);
    expect(sync.calls).toHaveLength(6);
  });

  it('does not keep a person waiting behind a long pause: they get the sentence with the time', async () => {
    const { clock, scheduler } = setup({ interactiveMaxWaitMs: 30_000 });
    const start = clock.now();
    const sync = scripted(clock, [answer(429, { 'retry-after': '120' }), answer(200)]);
    const syncResult = run(scheduler, 'background', sync.execute);
    await clock.advanceBy(200);
    const card = scripted(clock, [answer(200)]);
    const cardResult = run(scheduler, 'interactive', card.execute);
    await clock.advanceBy(1);
    expect(cardResult.error).toMatchObject({ kind: 'rate-limited', retryAt: start + 100 + 120_000 });
    expect(cardResult.error?.message).toMatch(/rate limit/);
    await clock.runUntilIdle();
    expect(syncResult.response?.status).toBe(200);
    expect(card.calls).toHaveLength(0);
  });
});

describe('5xx and network failures', () => {
  it('retries a 5xx a bounded number of times, then returns the last answer', async () => {
    const { clock, scheduler } = setup({ maxRetries: { serverError: 3 } });
    const server = scripted(clock, [answer(503)]);
    const result = run(scheduler, 'interactive', server.execute);
    await clock.runUntilIdle();
    expect(server.calls).toHaveLength(4);
    expect(result.response?.status).toBe(503);
  });

  it('returns the first success after a 5xx', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(500), answer(200)]);
    const result = run(scheduler, 'interactive', server.execute);
    await clock.runUntilIdle();
    expect(result.response?.status).toBe(200);
  });

  it('does not retry answers that another try cannot change', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(404)]);
    const result = run(scheduler, 'interactive', server.execute);
    await clock.runUntilIdle();
    expect(server.calls).toHaveLength(1);
    expect(result.response?.status).toBe(404);
  });

  it('retries a network failure a bounded number of times, then rethrows it', async () => {
    const { clock, scheduler } = setup({ maxRetries: { network: 2 } });
    const offline = new AffinityError({ kind: 'offline', message: 'You appear to be offline.' });
    const server = scripted(clock, [offline]);
    const result = run(scheduler, 'interactive', server.execute);
    await clock.runUntilIdle();
    expect(server.calls).toHaveLength(3);
    expect(result.error).toBe(offline);
  });

  it('still settles its callers when an exchange answers with something that is not a response', async () => {
    const { clock, scheduler } = setup();
    const broken = async () => undefined as unknown as HttpResponse;
    const result = run(scheduler, 'interactive', broken);
    await clock.runUntilIdle();
    expect(result.error).toBeInstanceOf(AffinityError);
    expect(result.error?.message.length).toBeGreaterThan(10);
    expect(scheduler.state().inFlight).toBe(0);
  });

  it('turns an unexpected throw into an error with a sentence, without retrying', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [new TypeError('boom')]);
    const result = run(scheduler, 'interactive', server.execute);
    await clock.runUntilIdle();
    expect(server.calls).toHaveLength(1);
    expect(result.error).toBeInstanceOf(AffinityError);
    expect(result.error?.kind).toBe('unexpected');
    expect(result.error?.message.length).toBeGreaterThan(10);
  });
});

describe('monthly quota', () => {
  const monthly = (remaining: number | 'unlimited') => ({
    'x-ratelimit-limit-org': '100000',
    'x-ratelimit-limit-org-remaining': String(remaining),
    'x-ratelimit-limit-org-reset': '86400',
  });

  it('stops background work when the quota runs low, while people still get answers', async () => {
    const { clock, scheduler } = setup({ monthlyReserve: 500 });
    const start = clock.now();
    const server = scripted(clock, [answer(200, monthly(450))]);
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    const sync = outcome(scheduler.schedule({ priority: 'background', execute: server.execute }));
    const card = outcome(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    const whoami = outcome(
      scheduler.schedule({ priority: 'background', quotaFree: true, execute: server.execute }),
    );
    await clock.runUntilIdle();
    expect(sync.error).toMatchObject({ kind: 'quota', retryAt: start + 100 + 86_400_000 });
    expect(sync.error?.message).toMatch(/monthly/);
    expect(sync.error?.message).toMatch(/rate limit/);
    expect(sync.error?.message).toMatch(/resume/);
    expect(card.response?.status).toBe(200);
    expect(whoami.response?.status).toBe(200);
    expect(scheduler.state().pauseReason).toBe('quota');
  });

  it('tells waiting background work as soon as the quota runs low', async () => {
    const { clock, scheduler } = setup({ concurrency: 1, monthlyReserve: 500 });
    const server = scripted(clock, [answer(200, monthly(450))]);
    const queued = [0, 1, 2].map(() =>
      outcome(scheduler.schedule({ priority: 'background', execute: server.execute })),
    );
    await clock.runUntilIdle();
    expect(server.calls).toHaveLength(1);
    expect(queued.slice(1).map((r) => r.error?.kind)).toEqual(['quota', 'quota']);
  });

  it('stops everything that counts when the quota is spent, but not quota-free calls', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200, monthly(0))]);
    await clock.run(
      scheduler.schedule({ priority: 'interactive', quotaFree: true, execute: server.execute }),
    );
    const card = outcome(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    const whoami = outcome(
      scheduler.schedule({ priority: 'interactive', quotaFree: true, execute: server.execute }),
    );
    await clock.runUntilIdle();
    expect(card.error?.kind).toBe('quota');
    expect(whoami.response?.status).toBe(200);
  });

  it('counts sends against the monthly figure, except quota-free ones', async () => {
    const { clock, scheduler } = setup({ concurrency: 1 });
    const first = scripted(clock, [answer(200, monthly(5_000))]);
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: first.execute }));
    const silent = scripted(clock, [answer(200)], 1_000);
    scheduler.schedule({ priority: 'interactive', quotaFree: true, execute: silent.execute });
    await clock.advanceBy(1);
    expect(scheduler.state().monthlyRemaining).toBe(5_000);
    await clock.advanceBy(1_000);
    scheduler.schedule({ priority: 'interactive', execute: silent.execute });
    await clock.advanceBy(1);
    expect(scheduler.state().monthlyRemaining).toBe(4_999);
  });

  it('never stops for an unlimited plan', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [
      answer(200, { ...monthly('unlimited'), 'x-ratelimit-limit-org': 'unlimited' }),
    ]);
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    const sync = outcome(scheduler.schedule({ priority: 'background', execute: server.execute }));
    await clock.runUntilIdle();
    expect(sync.response?.status).toBe(200);
    expect(scheduler.state()).toMatchObject({ monthlyLimit: 'unlimited', monthlyRemaining: 'unlimited' });
  });
});

describe('state for the UI', () => {
  it('reports the window, the queues and what is in flight', async () => {
    const { clock, scheduler } = setup({ concurrency: 2 });
    const start = clock.now();
    const headers = {
      'x-ratelimit-limit-user': '600',
      'x-ratelimit-limit-user-remaining': '599',
      'x-ratelimit-limit-user-reset': '40',
    };
    const server = scripted(clock, [answer(200, headers)], 1_000);
    expect(scheduler.state()).toMatchObject({
      limit: 900,
      used: 0,
      remaining: 900,
      inFlight: 0,
      pausedUntil: null,
    });
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    for (let i = 0; i < 3; i += 1) scheduler.schedule({ priority: 'background', execute: server.execute });
    scheduler.schedule({ priority: 'interactive', execute: server.execute });
    await clock.advanceBy(1);
    const state = scheduler.state();
    expect(state).toMatchObject({
      limit: 600,
      inFlight: 2,
      queued: { interactive: 0, background: 2 },
      rateLimitedCount: 0,
    });
    // One answered, two sent since: the server's 599 less those two.
    expect(state.remaining).toBe(597);
    expect(state.used).toBe(3);
    expect(state.resetsAt).toBe(start + 1_000 + 40_000);
  });

  it('tells subscribers about changes, once per turn, until they unsubscribe', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(200)]);
    const heard: SchedulerState[] = [];
    const unsubscribe = scheduler.subscribe((state) => heard.push(state));
    for (let i = 0; i < 5; i += 1) scheduler.schedule({ priority: 'background', execute: server.execute });
    await clock.advanceBy(1);
    expect(heard).toHaveLength(1);
    expect(heard[0]?.inFlight).toBe(3);
    await clock.runUntilIdle();
    expect(heard.at(-1)).toMatchObject({ inFlight: 0, used: 5 });
    unsubscribe();
    const count = heard.length;
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    expect(heard).toHaveLength(count);
  });

  it('tells subscribers when a pause ends, even with nothing waiting', async () => {
    const { clock, scheduler } = setup();
    const server = scripted(clock, [answer(429, { 'retry-after': '5' })]);
    const heard: SchedulerState[] = [];
    scheduler.subscribe((state) => heard.push(state));
    scheduler.schedule({ priority: 'interactive', execute: server.execute }).catch(() => undefined);
    await clock.advanceBy(200);
    expect(heard.at(-1)?.pauseReason).toBe('too-many-requests');
    await clock.advanceBy(60_000);
    expect(heard.at(-1)?.pauseReason).toBeNull();
  });

  it('says the window is spent and when it frees', async () => {
    const { clock, scheduler } = setup({ defaultLimit: 2 });
    const start = clock.now();
    const server = scripted(clock, [answer(200)], 0);
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    expect(scheduler.state()).toMatchObject({
      remaining: 0,
      pauseReason: 'rate-limit',
      pausedUntil: start + 61_000,
    });
  });
});

describe('reset (sign out)', () => {
  it('rejects waiting tasks as aborted and forgets the window', async () => {
    const store = createMemoryWindowStore();
    const { clock, scheduler } = setup({ concurrency: 1, store });
    const headers = {
      'x-ratelimit-limit-user': '300',
      'x-ratelimit-limit-user-remaining': '10',
      'x-ratelimit-limit-user-reset': '30',
    };
    const server = scripted(clock, [answer(200, headers)]);
    await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    const running = outcome(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    const waiting = outcome(scheduler.schedule({ priority: 'background', execute: server.execute }));
    await clock.advanceBy(1);
    await scheduler.reset();
    await clock.runUntilIdle();
    expect(waiting.error?.kind).toBe('aborted');
    expect(running.error?.kind).toBe('aborted');
    expect(scheduler.state()).toMatchObject({
      limit: 900,
      used: 0,
      queued: { interactive: 0, background: 0 },
    });
    expect(store.peek()).toMatchObject({ limit: 900, used: 0, recentSends: [], pausedUntil: null });
  });
});

describe('persistence across a worker restart', () => {
  it('sends nothing until the saved window is loaded', async () => {
    const clock = createVirtualClock(0);
    const saved = {
      limit: 900,
      used: 900,
      resetsAt: 30_000,
      pausedUntil: null,
      monthlyLimit: null,
      monthlyRemaining: null,
      monthlyResetsAt: null,
      recentSends: Array.from({ length: 900 }, () => 0),
    };
    const store = createMemoryWindowStore(saved);
    const load = vi.fn(() => clock.sleep(500).then(() => store.load()));
    const scheduler = createScheduler({ clock, store: { load, save: store.save } });
    const server = scripted(clock, [answer(200)]);
    scheduler.schedule({ priority: 'interactive', execute: server.execute });
    await clock.advanceBy(60_000);
    expect(server.calls).toHaveLength(0);
    await clock.runUntilIdle();
    expect(server.calls).toEqual([61_000]);
  });

  it('starts afresh when the store cannot be read', async () => {
    const clock = createVirtualClock(0);
    const failing = {
      load: () => Promise.reject(new Error('storage unavailable')),
      save: () => Promise.resolve(),
    };
    const scheduler = createScheduler({ clock, store: failing });
    const server = scripted(clock, [answer(200)]);
    const result = await clock.run(scheduler.schedule({ priority: 'interactive', execute: server.execute }));
    expect(result.status).toBe(200);
  });

  it('keeps a pause across a restart', async () => {
    const store = createMemoryWindowStore();
    const { clock, scheduler } = setup({ store });
    const start = clock.now();
    const server = scripted(clock, [answer(429, { 'retry-after': '20' })]);
    scheduler.schedule({ priority: 'background', execute: server.execute });
    await clock.advanceBy(200);
    const restarted = createScheduler({ clock, store });
    const after = scripted(clock, [answer(200)]);
    restarted.schedule({ priority: 'interactive', execute: after.execute });
    await clock.advanceBy(1_000);
    expect(restarted.state()).toMatchObject({
      pausedUntil: start + 100 + 20_000,
      pauseReason: 'too-many-requests',
    });
    await clock.advanceTo(start + 100 + 20_000);
    expect(after.calls).toEqual([start + 100 + 20_000]);
  });

  it('writes the window at most every 250 ms while requests flow', async () => {
    const store = createMemoryWindowStore();
    const { clock, scheduler } = setup({ store, concurrency: 4 });
    const server = scripted(clock, [answer(200)], 100);
    const results = Array.from({ length: 200 }, () => run(scheduler, 'background', server.execute));
    await clock.runUntilIdle();
    expect(results.every((r) => r.response?.status === 200)).toBe(true);
    // 200 requests, three at a time, take about 6.7 s: some 27 intervals of 250 ms.
    const elapsed = (server.calls.at(-1) as number) - (server.calls[0] as number);
    expect(store.saves).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
    expect(store.peek()?.recentSends.length).toBeGreaterThanOrEqual(200);
  });
});
