/**
 * The account's monthly quota, shared by the whole team: tracked from the org headers so that
 * background work (roster sync) stops before it eats what people need for lookups.
 */
import type { Allowance } from '../affinity/types';
import type { RateLimitHeaders } from '../affinity/rate-headers';
import { AffinityError } from '../affinity/errors';
import { formatResumeTime } from '../ui/time';
import type { PersistedWindow } from './types';

/** Background stops at this many left unless told otherwise, or at 1% of a larger quota. */
const DEFAULT_RESERVE = 500;

export type MonthlyFigures = Pick<PersistedWindow, 'monthlyLimit' | 'monthlyRemaining' | 'monthlyResetsAt'>;

export class MonthlyQuota {
  limit: Allowance | null = null;
  remaining: Allowance | null = null;
  resetsAt: number | null = null;

  constructor(private readonly configuredReserve: number | undefined) {}

  /** `uncounted`: other quota-counted requests in flight, which the figure may not include yet. */
  observe(rate: RateLimitHeaders, now: number, uncounted: number): void {
    if (rate.orgLimit !== undefined) this.limit = rate.orgLimit;
    if (rate.orgRemaining !== undefined) {
      this.remaining =
        rate.orgRemaining === 'unlimited' ? 'unlimited' : Math.max(0, rate.orgRemaining - uncounted);
    }
    if (rate.orgResetSeconds !== undefined) this.resetsAt = now + rate.orgResetSeconds * 1000;
  }

  recordSend(): void {
    if (typeof this.remaining === 'number') this.remaining = Math.max(0, this.remaining - 1);
  }

  reserve(): number {
    if (this.configuredReserve !== undefined) return this.configuredReserve;
    return typeof this.limit === 'number'
      ? Math.max(DEFAULT_RESERVE, Math.ceil(this.limit * 0.01))
      : DEFAULT_RESERVE;
  }

  /** Background work must stop: what is left is kept for what people ask for. */
  isLow(): boolean {
    return typeof this.remaining === 'number' && this.remaining <= this.reserve();
  }

  /** Nothing that counts can succeed until the monthly reset. */
  isSpent(): boolean {
    return this.remaining === 0;
  }

  error(now: number): AffinityError {
    const resumes =
      this.resetsAt === null ? 'when the monthly quota resets' : formatResumeTime(this.resetsAt, now);
    const message = this.isSpent()
      ? `Your Affinity account has used its monthly API rate limit (quota); requests resume ${resumes}.`
      : `Your Affinity account's monthly API rate limit (quota) is nearly used up, so background updates are paused to keep ${this.remaining} requests for lookups; they resume ${resumes}.`;
    return new AffinityError({ kind: 'quota', message, retryAt: this.resetsAt ?? undefined });
  }

  figures(): MonthlyFigures {
    return { monthlyLimit: this.limit, monthlyRemaining: this.remaining, monthlyResetsAt: this.resetsAt };
  }

  restore(saved: MonthlyFigures, now: number): void {
    // A saved figure from before the monthly reset says nothing about the new month.
    if (saved.monthlyResetsAt !== null && saved.monthlyResetsAt <= now) return;
    this.limit = saved.monthlyLimit;
    this.remaining = saved.monthlyRemaining;
    this.resetsAt = saved.monthlyResetsAt;
  }

  clear(): void {
    this.limit = null;
    this.remaining = null;
    this.resetsAt = null;
  }
}
