/**
 * Time for the scheduler: the system clock in the extension, and a virtual clock for simulations in
 * which ten minutes of saturated traffic run in well under a second, deterministically.
 */
import type { Clock } from './types';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

export interface VirtualClock extends Clock {
  /** Fires every timer due up to `time` in order, letting promise chains settle after each. */
  advanceTo(time: number): Promise<void>;
  advanceBy(ms: number): Promise<void>;
  /** Fires timers until none are left (or virtual time would pass `until`). */
  runUntilIdle(options?: { until?: number }): Promise<void>;
  /** Advances time until `promise` settles and returns its outcome; throws if nothing could settle it. */
  run<T>(promise: Promise<T>, options?: { maxMs?: number }): Promise<T>;
  pendingTimers(): number;
}

interface Timer {
  at: number;
  order: number;
  fire(): void;
}

/** Lets every queued promise callback run: a macrotask starts only after the microtask queue drains. */
const settle = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });

/** A binary min-heap on (at, order), so timers due at the same moment fire in the order they were set. */
class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  push(timer: Timer): void {
    const items = this.items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Timer, items[parent] as Timer)) break;
      [items[i], items[parent]] = [items[parent] as Timer, items[i] as Timer];
      i = parent;
    }
  }

  pop(): Timer | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && before(items[left] as Timer, items[smallest] as Timer)) smallest = left;
      if (right < items.length && before(items[right] as Timer, items[smallest] as Timer)) smallest = right;
      if (smallest === i) break;
      [items[i], items[smallest]] = [items[smallest] as Timer, items[i] as Timer];
      i = smallest;
    }
    return top;
  }

  remove(timer: Timer): void {
    const index = this.items.indexOf(timer);
    if (index < 0) return;
    const rest = this.items.splice(index);
    rest.shift();
    for (const item of rest) this.push(item);
  }
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.order < b.order);

/** A clock whose time moves only when told to; `sleep` resolves when time is advanced past it. */
export function createVirtualClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)): VirtualClock {
  let now = start;
  let order = 0;
  const timers = new TimerHeap();

  async function fireDue(limit: number): Promise<boolean> {
    await settle();
    const next = timers.peek();
    if (!next || next.at > limit) return false;
    now = Math.max(now, next.at);
    // Fire everything due at this instant, then let the reactions run before moving on.
    while (timers.peek() !== undefined && (timers.peek() as Timer).at <= now) (timers.pop() as Timer).fire();
    return true;
  }

  const clock: VirtualClock = {
    now: () => now,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(abortReason(signal));
          return;
        }
        const onAbort = () => {
          timers.remove(timer);
          reject(abortReason(signal as AbortSignal));
        };
        const timer: Timer = {
          at: now + Math.max(0, ms),
          order: order++,
          fire: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        timers.push(timer);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    async advanceTo(time) {
      while (await fireDue(time));
      now = Math.max(now, time);
      await settle();
    },
    advanceBy(ms) {
      return clock.advanceTo(now + ms);
    },
    async runUntilIdle(options = {}) {
      const until = options.until ?? Number.POSITIVE_INFINITY;
      while (await fireDue(until));
    },
    async run<T>(promise: Promise<T>, options: { maxMs?: number } = {}): Promise<T> {
      const limit = now + (options.maxMs ?? Number.POSITIVE_INFINITY);
      let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
      promise.then(
        (value) => (outcome = { ok: true, value }),
        (error: unknown) => (outcome = { ok: false, error }),
      );
      for (;;) {
        await settle();
        if (outcome) break;
        if (!(await fireDue(limit))) {
          await settle();
          if (outcome) break;
          throw new Error('The promise cannot settle: no timer left to fire within the time allowed.');
        }
      }
      if (outcome.ok) return outcome.value;
      throw outcome.error;
    },
    pendingTimers: () => timers.size,
  };
  return clock;
}
