/**
 * The request scheduler: every call to Affinity goes through `schedule`, which decides when (and
 * whether again) to run it. It keeps within the per-minute allowance and a concurrency cap, serves
 * people before background work, coalesces identical requests, waits out 429s, retries 5xx and
 * network failures a bounded number of times, stops background work when the monthly quota runs
 * low, and keeps its window across service-worker restarts.
 */
import { AffinityError } from '../affinity/errors';
import { parseRateLimitHeaders, retryAtFromHeaders, type RateLimitHeaders } from '../affinity/rate-headers';
import { formatResumeTime } from '../ui/time';
import { fullJitterBackoff, type BackoffPolicy } from './backoff';
import { systemClock } from './clock';
import { WindowPersister } from './persistence';
import { PriorityQueue } from './queue';
import { MonthlyQuota } from './quota';
import type {
  Clock,
  HttpResponse,
  PersistedWindow,
  Priority,
  RequestScheduler,
  SchedulerState,
  SchedulerTask,
  WindowStore,
} from './types';
import { RateWindow } from './window';

export interface RetryLimits {
  /** 429s retried for what a person is waiting for. */
  rateLimited: number;
  /** 429s retried for background work, which can afford to wait longer. */
  backgroundRateLimited: number;
  /** 5xx answers retried (then the last answer is returned). */
  serverError: number;
  /** Network failures (AffinityError 'offline' | 'timeout') retried (then rethrown). */
  network: number;
}

export interface SchedulerOptions {
  clock?: Clock;
  /** Where the window survives a worker restart; without one it lives in memory only. */
  store?: WindowStore;
  /** Exchanges in flight at once. One slot is always kept for interactive work. */
  concurrency?: number;
  /** Requests per minute until the server's headers say otherwise. */
  defaultLimit?: number;
  /** The share of the minute's allowance background work may use; the rest waits for people. */
  backgroundShare?: number;
  maxRetries?: Partial<RetryLimits>;
  /** Background work stops when this many monthly requests are left (default: 500 or 1%, whichever is more). */
  monthlyReserve?: number;
  /** For the jitter of backoffs: a number in [0, 1). */
  random?: () => number;
  /** Added to the 60 s window to absorb network jitter between our send and the server's count. */
  windowMarginMs?: number;
  /** A person is not kept waiting behind a rate-limit pause longer than this: they get the sentence instead. */
  interactiveMaxWaitMs?: number;
  /** How often the window is written to the store at most while requests flow. */
  persistIntervalMs?: number;
}

export const DEFAULT_RETRY_LIMITS: RetryLimits = {
  rateLimited: 3,
  backgroundRateLimited: 10,
  serverError: 3,
  network: 2,
};

const RATE_LIMIT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };
const SERVER_ERROR_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 15_000 };
const NETWORK_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 15_000 };
/** A 429 never pauses for less (a "Retry-After: 0" would otherwise invite a hammering loop)... */
const MIN_PAUSE_MS = 500;
/** ...or for more: a minute limit never needs longer, and a longer claim is re-checked by a retry. */
const MAX_PAUSE_MS = 10 * 60_000;

type Phase = 'queued' | 'in-flight' | 'retry-wait' | 'done';

interface Caller {
  resolve(response: HttpResponse): void;
  reject(error: AffinityError): void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** One exchange, shared by every caller that asked for the same thing. */
interface Entry {
  readonly seq: number;
  priority: Priority;
  readonly task: SchedulerTask;
  readonly quotaFree: boolean;
  readonly callers: Set<Caller>;
  phase: Phase;
  /** Aborts the exchange once every caller has left. */
  readonly controller: AbortController;
  retryTimer: AbortController | null;
  /** The priority whose slot the running exchange holds. */
  flightPriority: Priority;
  lastResponse: HttpResponse | null;
  readonly attempts: { rateLimited: number; serverError: number; network: number };
}

const abortedError = () => new AffinityError({ kind: 'aborted', message: 'The request was cancelled.' });

const isRetryableServerError = (status: number) => status >= 500 && status <= 599 && status !== 501;

const isNetworkFailure = (error: AffinityError) => error.kind === 'offline' || error.kind === 'timeout';

export function createScheduler(options: SchedulerOptions = {}): RequestScheduler {
  const clock = options.clock ?? systemClock;
  const store = options.store;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const backgroundSlots = Math.max(1, concurrency - 1);
  const backgroundShare = Math.min(1, Math.max(0, options.backgroundShare ?? 0.8));
  const retries: RetryLimits = { ...DEFAULT_RETRY_LIMITS, ...options.maxRetries };
  const random = options.random ?? Math.random;
  const interactiveMaxWaitMs = options.interactiveMaxWaitMs ?? 30_000;
  // Enough for the sends of a 250 ms interval at full concurrency with fast answers.
  const lease = 3 * concurrency;

  const minute = new RateWindow(
    Math.max(1, Math.floor(options.defaultLimit ?? 900)),
    60_000 + Math.max(0, options.windowMarginMs ?? 1_000),
  );
  const monthly = new MonthlyQuota(options.monthlyReserve);
  const queue = new PriorityQueue<Entry>();
  const byKey = new Map<string, Entry>();
  const running = new Set<Entry>();
  const retryWaiting = new Set<Entry>();
  const listeners = new Set<(state: SchedulerState) => void>();

  /** Exchanges holding a slot, including ones abandoned by `reset` that have not ended yet. */
  let inFlight = 0;
  const inFlightBy: Record<Priority, number> = { interactive: 0, background: 0 };
  /** Of those, the ones that count against the monthly quota. */
  let inFlightCounted = 0;
  let pausedUntil: number | null = null;
  let rateLimitedCount = 0;
  let consecutiveRateLimits = 0;
  let seq = 0;
  /** Bumped by `reset`: answers to exchanges started before it are ignored. */
  let generation = 0;
  let loaded = store === undefined;
  let wake: { at: number; controller: AbortController } | null = null;
  let notifyQueued = false;

  const persister = new WindowPersister({
    clock,
    store,
    intervalMs: Math.max(0, options.persistIntervalMs ?? 250),
    lease,
    snapshot: (now): PersistedWindow => ({
      ...minute.snapshot(now),
      pausedUntil: activePause(now),
      ...monthly.figures(),
    }),
  });

  if (store) {
    const loadingGeneration = generation;
    // Through a promise, so that even a store that throws at once only means starting afresh.
    Promise.resolve()
      .then(() => store.load())
      .then(
        (saved) => {
          if (saved && generation === loadingGeneration) restore(saved);
        },
        // An unreadable store: start afresh; the server's headers correct the window quickly.
        () => undefined,
      )
      .finally(() => {
        loaded = true;
        pump();
      });
  }

  function restore(saved: PersistedWindow): void {
    const now = clock.now();
    minute.restore(saved, now, lease);
    if (saved.pausedUntil !== null && saved.pausedUntil > now) pausedUntil = saved.pausedUntil;
    monthly.restore(saved, now);
  }

  function activePause(now: number): number | null {
    if (pausedUntil !== null && now >= pausedUntil) pausedUntil = null;
    return pausedUntil;
  }

  /** What background work must leave for people in the current minute. */
  function interactiveReserve(now: number): number {
    const limit = minute.limit(now);
    return limit - Math.max(1, Math.floor(limit * backgroundShare));
  }

  function blockedByQuota(priority: Priority, quotaFree: boolean): boolean {
    if (quotaFree) return false;
    return monthly.isSpent() || (priority === 'background' && monthly.isLow());
  }

  function rateLimitedError(until: number, now: number): AffinityError {
    return new AffinityError({
      kind: 'rate-limited',
      retryAt: until,
      message: `Affinity's rate limit was reached; requests resume ${formatResumeTime(until, now)}.`,
    });
  }

  // ---- callers and entries -------------------------------------------------------------------

  function schedule(task: SchedulerTask): Promise<HttpResponse> {
    return new Promise<HttpResponse>((resolve, reject) => {
      if (task.signal?.aborted) {
        reject(abortedError());
        return;
      }
      const now = clock.now();
      let entry = task.dedupeKey === undefined ? undefined : byKey.get(task.dedupeKey);
      if (entry) {
        if (task.priority === 'interactive' && entry.priority === 'background') upgrade(entry);
      } else {
        if (blockedByQuota(task.priority, task.quotaFree === true)) {
          reject(monthly.error(now));
          return;
        }
        const pause = activePause(now);
        if (task.priority === 'interactive' && pause !== null && pause - now > interactiveMaxWaitMs) {
          reject(rateLimitedError(pause, now));
          return;
        }
        entry = {
          seq: seq++,
          priority: task.priority,
          task,
          quotaFree: task.quotaFree === true,
          callers: new Set(),
          phase: 'queued',
          controller: new AbortController(),
          retryTimer: null,
          flightPriority: task.priority,
          lastResponse: null,
          attempts: { rateLimited: 0, serverError: 0, network: 0 },
        };
        if (task.dedupeKey !== undefined) byKey.set(task.dedupeKey, entry);
        queue.insert(entry);
      }
      const joined = entry;
      const caller: Caller = { resolve, reject, signal: task.signal };
      if (task.signal) {
        caller.onAbort = () => leave(joined, caller);
        task.signal.addEventListener('abort', caller.onAbort, { once: true });
      }
      joined.callers.add(caller);
      pump();
    });
  }

  /** A person now waits for what background work asked for: it moves to their line. */
  function upgrade(entry: Entry): void {
    if (entry.phase === 'queued') queue.reprioritise(entry, 'interactive');
    else entry.priority = 'interactive';
  }

  /** One caller gave up: it leaves; the exchange is cancelled only when nobody is left. */
  function leave(entry: Entry, caller: Caller): void {
    if (!entry.callers.delete(caller)) return;
    caller.reject(abortedError());
    if (entry.callers.size === 0) cancel(entry);
    pump();
  }

  function cancel(entry: Entry): void {
    if (entry.phase === 'queued') queue.remove(entry);
    if (entry.phase === 'retry-wait') {
      entry.retryTimer?.abort();
      retryWaiting.delete(entry);
    }
    if (entry.phase === 'in-flight') entry.controller.abort();
    forget(entry);
  }

  function forget(entry: Entry): void {
    entry.phase = 'done';
    const key = entry.task.dedupeKey;
    if (key !== undefined && byKey.get(key) === entry) byKey.delete(key);
  }

  function settle(entry: Entry, outcome: { response: HttpResponse } | { error: AffinityError }): void {
    forget(entry);
    for (const caller of entry.callers) {
      if (caller.onAbort) caller.signal?.removeEventListener('abort', caller.onAbort);
      if ('response' in outcome) caller.resolve(outcome.response);
      else caller.reject(outcome.error);
    }
    entry.callers.clear();
  }

  // ---- dispatching ---------------------------------------------------------------------------

  function pump(): void {
    if (!loaded) return;
    const now = clock.now();
    for (;;) {
      if (inFlight >= concurrency) break;
      const next = pickNext(now);
      if (!next) break;
      dispatch(next, now);
    }
    armWake(now);
    notify();
  }

  function pickNext(now: number): Entry | undefined {
    if (activePause(now) !== null) return undefined;
    for (let head = queue.head('interactive'); head; head = queue.head('interactive')) {
      if (!blockedByQuota('interactive', head.quotaFree)) {
        // Background waits behind a person who is waiting for the minute.
        return minute.hasRoom(now, 'interactive', 0) ? head : undefined;
      }
      queue.remove(head);
      settle(head, { error: monthly.error(now) });
    }
    if (inFlightBy.background >= backgroundSlots) return undefined;
    for (let head = queue.head('background'); head; head = queue.head('background')) {
      if (!blockedByQuota('background', head.quotaFree)) {
        return minute.hasRoom(now, 'background', interactiveReserve(now)) ? head : undefined;
      }
      queue.remove(head);
      settle(head, { error: monthly.error(now) });
    }
    return undefined;
  }

  function dispatch(entry: Entry, now: number): void {
    queue.remove(entry);
    entry.phase = 'in-flight';
    entry.flightPriority = entry.priority;
    running.add(entry);
    inFlight += 1;
    inFlightBy[entry.flightPriority] += 1;
    if (!entry.quotaFree) {
      inFlightCounted += 1;
      monthly.recordSend();
    }
    minute.recordSend(now, entry.flightPriority);
    persister.onSend(now);

    const sentAt = now;
    const sentGeneration = generation;
    let exchange: Promise<HttpResponse>;
    try {
      exchange = Promise.resolve(entry.task.execute(entry.controller.signal));
    } catch (error) {
      exchange = Promise.reject(error);
    }
    exchange
      .then(
        (response) => onAnswer(entry, sentAt, sentGeneration, response),
        (error: unknown) => onFailure(entry, sentGeneration, error),
      )
      .catch((bug: unknown) => {
        // Whatever went wrong in here, the callers still get an answer with a sentence.
        if (entry.phase !== 'done') settle(entry, { error: AffinityError.from(bug) });
        pump();
      });
  }

  function endFlight(entry: Entry): void {
    running.delete(entry);
    inFlight -= 1;
    inFlightBy[entry.flightPriority] -= 1;
    if (!entry.quotaFree) inFlightCounted -= 1;
  }

  function onAnswer(entry: Entry, sentAt: number, sentGeneration: number, response: HttpResponse): void {
    endFlight(entry);
    if (sentGeneration !== generation) {
      pump();
      return;
    }
    const now = clock.now();
    const rate = parseRateLimitHeaders(response.headers ?? {});
    minute.observe(rate, now, inFlight);
    monthly.observe(rate, now, inFlightCounted);
    persister.markDirty(now);
    if (response.status === 429) {
      onRateLimited(entry, response, rate, sentAt, now);
    } else {
      consecutiveRateLimits = 0;
      if (entry.phase !== 'done') {
        entry.lastResponse = response;
        if (isRetryableServerError(response.status) && entry.attempts.serverError < retries.serverError) {
          retryLater(entry, fullJitterBackoff(entry.attempts.serverError++, SERVER_ERROR_BACKOFF, random));
        } else {
          settle(entry, { response });
        }
      }
    }
    sweepQuota(now);
    pump();
  }

  function onRateLimited(
    entry: Entry,
    response: HttpResponse,
    rate: RateLimitHeaders,
    sentAt: number,
    now: number,
  ): void {
    rateLimitedCount += 1;
    // A refused request did not use the allowance.
    minute.forgetSend(sentAt, entry.flightPriority);
    if (entry.phase !== 'done') entry.lastResponse = response;
    if (monthly.isSpent()) {
      // The month's quota, not the minute's: pausing would also hold quota-free calls for weeks.
      if (entry.phase !== 'done') settle(entry, { error: monthly.error(now) });
      return;
    }
    minute.onRateLimited(rate.remaining, now, inFlight);
    const told = retryAtFromHeaders(response.headers, now);
    const retryAt = told ?? now + fullJitterBackoff(consecutiveRateLimits, RATE_LIMIT_BACKOFF, random);
    consecutiveRateLimits += 1;
    const resumeAt = Math.min(now + MAX_PAUSE_MS, Math.max(now + MIN_PAUSE_MS, retryAt));
    pause(resumeAt, now);
    if (entry.phase === 'done') return;
    entry.attempts.rateLimited += 1;
    const bound = entry.priority === 'interactive' ? retries.rateLimited : retries.backgroundRateLimited;
    const tooLong =
      entry.priority === 'interactive' && (activePause(now) ?? resumeAt) - now > interactiveMaxWaitMs;
    if (entry.attempts.rateLimited > bound || tooLong) {
      settle(entry, { response });
    } else {
      entry.phase = 'queued';
      queue.insert(entry);
    }
  }

  function onFailure(entry: Entry, sentGeneration: number, error: unknown): void {
    endFlight(entry);
    if (sentGeneration === generation && entry.phase !== 'done') {
      const failure = AffinityError.from(error);
      if (isNetworkFailure(failure) && entry.attempts.network < retries.network) {
        retryLater(entry, fullJitterBackoff(entry.attempts.network++, NETWORK_BACKOFF, random));
      } else {
        settle(entry, { error: failure });
      }
    }
    pump();
  }

  /** Nothing is sent until `until`: every line waits, and the pause survives a restart. */
  function pause(until: number, now: number): void {
    pausedUntil = Math.max(activePause(now) ?? 0, until);
    void persister.saveNow(now);
    if (pausedUntil - now <= interactiveMaxWaitMs) return;
    // People are not kept waiting that long: they get the answer they had, or the sentence.
    for (const entry of queue.takeWhere('interactive', () => true)) {
      if (entry.lastResponse) settle(entry, { response: entry.lastResponse });
      else settle(entry, { error: rateLimitedError(pausedUntil, now) });
    }
  }

  function retryLater(entry: Entry, delayMs: number): void {
    entry.phase = 'retry-wait';
    const timer = new AbortController();
    entry.retryTimer = timer;
    retryWaiting.add(entry);
    clock.sleep(delayMs, timer.signal).then(
      () => {
        retryWaiting.delete(entry);
        entry.retryTimer = null;
        if (entry.phase !== 'retry-wait') return;
        entry.phase = 'queued';
        queue.insert(entry);
        pump();
      },
      () => retryWaiting.delete(entry),
    );
  }

  /** When the monthly quota runs low, waiting background work is told so at once. */
  function sweepQuota(now: number): void {
    if (!monthly.isLow()) return;
    const blocked = (entry: Entry) => blockedByQuota(entry.priority, entry.quotaFree);
    for (const priority of ['background', 'interactive'] as const) {
      for (const entry of queue.takeWhere(priority, blocked)) settle(entry, { error: monthly.error(now) });
    }
  }

  /** Sleeps until the earliest moment something waiting could be sent. */
  function armWake(now: number): void {
    const hasInteractive = queue.size('interactive') > 0;
    const hasBackground = queue.size('background') > 0;
    const pause = activePause(now);
    let at: number;
    // A pause ends with a wake-up even with nothing waiting, so that subscribers hear of it.
    if (pause !== null) at = pause;
    else if (!hasInteractive && !hasBackground) return;
    else if (inFlight >= concurrency) return;
    else if (hasInteractive) at = minute.nextRoomAt(now, 'interactive', 0);
    else if (inFlightBy.background < backgroundSlots)
      at = minute.nextRoomAt(now, 'background', interactiveReserve(now));
    else return;
    if (!Number.isFinite(at)) return;
    at = Math.max(at, now + 1);
    if (wake && wake.at <= at) return;
    wake?.controller.abort();
    const controller = new AbortController();
    wake = { at, controller };
    clock.sleep(at - now, controller.signal).then(
      () => {
        if (wake?.controller === controller) wake = null;
        pump();
      },
      () => undefined,
    );
  }

  // ---- reporting -----------------------------------------------------------------------------

  function state(): SchedulerState {
    const now = clock.now();
    const limit = minute.limit(now);
    const remaining = Math.max(0, Math.min(limit, minute.budget(now)));
    const queued = { interactive: queue.size('interactive'), background: queue.size('background') };
    for (const entry of retryWaiting) queued[entry.priority] += 1;
    let pausedFor: Pick<SchedulerState, 'pausedUntil' | 'pauseReason'> = {
      pausedUntil: null,
      pauseReason: null,
    };
    const pause = activePause(now);
    // Only a 429 sets a pause; a spent window is read from the window itself.
    if (pause !== null) pausedFor = { pausedUntil: pause, pauseReason: 'too-many-requests' };
    else if (remaining === 0)
      pausedFor = { pausedUntil: minute.nextRoomAt(now, 'interactive', 0), pauseReason: 'rate-limit' };
    else if (monthly.isLow()) pausedFor = { pausedUntil: monthly.resetsAt, pauseReason: 'quota' };
    return {
      limit,
      used: limit - remaining,
      remaining,
      resetsAt: minute.resetsAt(now),
      queued,
      inFlight,
      ...pausedFor,
      monthlyLimit: monthly.limit,
      monthlyRemaining: monthly.remaining,
      monthlyResetsAt: monthly.resetsAt,
      rateLimitedCount,
    };
  }

  /** Listeners hear once per turn of the event loop, however many changes it made. */
  function notify(): void {
    if (listeners.size === 0 || notifyQueued) return;
    notifyQueued = true;
    queueMicrotask(() => {
      notifyQueued = false;
      const current = state();
      for (const listener of [...listeners]) {
        try {
          listener(current);
        } catch {
          // One broken listener must not stop the others or the scheduler.
        }
      }
    });
  }

  function subscribe(listener: (state: SchedulerState) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async function reset(): Promise<void> {
    generation += 1;
    const cancelled = [...queue.drain(), ...retryWaiting, ...running];
    for (const entry of cancelled) {
      entry.retryTimer?.abort();
      entry.controller.abort();
      settle(entry, { error: abortedError() });
    }
    retryWaiting.clear();
    running.clear();
    byKey.clear();
    minute.clear();
    monthly.clear();
    pausedUntil = null;
    rateLimitedCount = 0;
    consecutiveRateLimits = 0;
    wake?.controller.abort();
    wake = null;
    loaded = true;
    notify();
    await persister.saveNow(clock.now(), { reserve: false });
  }

  return { schedule, state, subscribe, reset };
}
