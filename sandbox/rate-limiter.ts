/**
 * Affinity's two allowances: requests per key per minute (a fixed window that starts with the first
 * request after the previous one ended) and requests per account per month (whoami and /rate-limit
 * are free of the monthly one).
 */
export type Allowance = number | 'unlimited';

export interface MinuteState {
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (60 when no window is open). */
  resetSeconds: number;
  used: number;
}

export interface MonthState {
  limit: Allowance;
  remaining: Allowance;
  resetSeconds: number;
  used: number;
}

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  used: number;
}

export class RateLimiter {
  readonly perMinute: number;
  readonly monthly: Allowance;
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();
  #monthUsed = 0;

  constructor(options: { perMinute: number; monthly: Allowance; now: () => number }) {
    this.perMinute = options.perMinute;
    this.monthly = options.monthly;
    this.#now = options.now;
  }

  /** Counts one request against the key's minute if `limit` allows it; false when over. */
  tryTake(key: string, limit: number): boolean {
    const window = this.#openWindow(key);
    if (window.used >= limit) return false;
    window.used += 1;
    return true;
  }

  minute(key: string, limit: number): MinuteState {
    const window = this.#current(key);
    const used = window?.used ?? 0;
    const resetSeconds = window
      ? Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - this.#now()) / 1000))
      : 60;
    return { limit, remaining: Math.max(0, limit - used), resetSeconds, used };
  }

  /** Whether the month's allowance has room for one more request. */
  monthHasRoom(): boolean {
    return this.monthly === 'unlimited' || this.#monthUsed < this.monthly;
  }

  takeMonth(): void {
    this.#monthUsed += 1;
  }

  month(): MonthState {
    const limit = this.monthly;
    return {
      limit,
      remaining: limit === 'unlimited' ? 'unlimited' : Math.max(0, limit - this.#monthUsed),
      resetSeconds: secondsToNextMonth(this.#now()),
      used: this.#monthUsed,
    };
  }

  reset(): void {
    this.#windows.clear();
    this.#monthUsed = 0;
  }

  #current(key: string): Window | undefined {
    const window = this.#windows.get(key);
    return window && this.#now() < window.startedAt + WINDOW_MS ? window : undefined;
  }

  #openWindow(key: string): Window {
    let window = this.#current(key);
    if (!window) {
      window = { startedAt: this.#now(), used: 0 };
      this.#windows.set(key, window);
    }
    return window;
  }
}

/** Whole seconds until the first instant of next month (UTC). */
export function secondsToNextMonth(now: number): number {
  const date = new Date(now);
  const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return Math.ceil((next - now) / 1000);
}
