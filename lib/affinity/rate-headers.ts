/**
 * Reading Affinity's rate-limit headers. Pure functions shared by the client (429 sentences) and the
 * scheduler (its window). Header names are matched case-insensitively: Affinity lower-cased them on
 * 2026-01-14, and older answers (or proxies) may use any case.
 */
import type { Allowance } from './types';

/** Anything header-like: a fetch Headers object or a plain record (any key case). */
export type HeaderSource = Headers | Readonly<Record<string, string | null | undefined>>;

/** Each field is undefined when the header is missing or not a sensible value. */
export interface RateLimitHeaders {
  /** Requests allowed per minute for this user. */
  limit?: number;
  /** Requests left in the current minute. */
  remaining?: number;
  /** Seconds until the minute window resets. */
  resetSeconds?: number;
  /** Monthly allowance of the account. */
  orgLimit?: Allowance;
  orgRemaining?: Allowance;
  /** Seconds until the monthly reset. */
  orgResetSeconds?: number;
}

export const RATE_HEADER_NAMES = {
  limit: 'x-ratelimit-limit-user',
  remaining: 'x-ratelimit-limit-user-remaining',
  resetSeconds: 'x-ratelimit-limit-user-reset',
  orgLimit: 'x-ratelimit-limit-org',
  orgRemaining: 'x-ratelimit-limit-org-remaining',
  orgResetSeconds: 'x-ratelimit-limit-org-reset',
  retryAfter: 'retry-after',
} as const;

/** The value of one header, whatever the case of its name in `headers`. */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && typeof value === 'string') return value;
  }
  return undefined;
}

/** A non-negative decimal number ("900", " 10 ", "1.5"); anything else is undefined. */
function parseCount(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function parseAllowance(raw: string | undefined): Allowance | undefined {
  if (raw !== undefined && raw.trim().toLowerCase() === 'unlimited') return 'unlimited';
  return parseCount(raw);
}

export function parseRateLimitHeaders(headers: HeaderSource): RateLimitHeaders {
  const read = (name: string) => readHeader(headers, name);
  const out: RateLimitHeaders = {};
  const limit = parseCount(read(RATE_HEADER_NAMES.limit));
  const remaining = parseCount(read(RATE_HEADER_NAMES.remaining));
  const resetSeconds = parseCount(read(RATE_HEADER_NAMES.resetSeconds));
  const orgLimit = parseAllowance(read(RATE_HEADER_NAMES.orgLimit));
  const orgRemaining = parseAllowance(read(RATE_HEADER_NAMES.orgRemaining));
  const orgResetSeconds = parseCount(read(RATE_HEADER_NAMES.orgResetSeconds));
  // Only keys that were present, so callers can spread the result over what they already know.
  if (limit !== undefined) out.limit = limit;
  if (remaining !== undefined) out.remaining = remaining;
  if (resetSeconds !== undefined) out.resetSeconds = resetSeconds;
  if (orgLimit !== undefined) out.orgLimit = orgLimit;
  if (orgRemaining !== undefined) out.orgRemaining = orgRemaining;
  if (orgResetSeconds !== undefined) out.orgResetSeconds = orgResetSeconds;
  return out;
}

/**
 * Epoch ms named by a Retry-After header: delta seconds ("30") or an HTTP date. Undefined when
 * missing or unreadable. A date in the past means "now".
 */
export function parseRetryAfter(headers: HeaderSource, now: number): number | undefined {
  const raw = readHeader(headers, RATE_HEADER_NAMES.retryAfter)?.trim();
  if (!raw) return undefined;
  const seconds = parseCount(raw);
  if (seconds !== undefined) return now + seconds * 1000;
  // Only a real HTTP date (with letters, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"), not a stray number.
  if (!/[a-z]/i.test(raw)) return undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(at, now);
}

/**
 * When requests may resume after a 429, as Affinity tells it: Retry-After when present (it is not
 * documented but honoured), else the user window's reset. Undefined when the headers say nothing,
 * in which case the caller chooses a backoff.
 */
export function retryAtFromHeaders(headers: HeaderSource, now: number): number | undefined {
  const retryAfter = parseRetryAfter(headers, now);
  if (retryAfter !== undefined) return retryAfter;
  const { resetSeconds } = parseRateLimitHeaders(headers);
  return resetSeconds === undefined ? undefined : now + resetSeconds * 1000;
}
