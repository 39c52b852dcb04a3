import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders, parseRetryAfter, readHeader, retryAtFromHeaders } from './rate-headers';

const NOW = Date.UTC(2026, 0, 20, 12, 0, 0);

describe('parseRateLimitHeaders', () => {
  it('reads the six headers as Affinity sends them since 2026 (lower case)', () => {
    expect(
      parseRateLimitHeaders({
        'x-ratelimit-limit-user': '900',
        'x-ratelimit-limit-user-remaining': '878',
        'x-ratelimit-limit-user-reset': '10',
        'x-ratelimit-limit-org': '100000',
        'x-ratelimit-limit-org-remaining': '99993',
        'x-ratelimit-limit-org-reset': '2124845',
      }),
    ).toEqual({
      limit: 900,
      remaining: 878,
      resetSeconds: 10,
      orgLimit: 100000,
      orgRemaining: 99993,
      orgResetSeconds: 2124845,
    });
  });

  it('reads them in the older mixed case, and from a fetch Headers object', () => {
    const record = {
      'X-Ratelimit-Limit-User': '300',
      'X-RATELIMIT-LIMIT-USER-REMAINING': '0',
      'X-Ratelimit-Limit-User-Reset': '42',
    };
    const expected = { limit: 300, remaining: 0, resetSeconds: 42 };
    expect(parseRateLimitHeaders(record)).toEqual(expected);
    expect(parseRateLimitHeaders(new Headers(record))).toEqual(expected);
  });

  it('takes "unlimited" (any case) for the monthly allowance of unlimited plans', () => {
    expect(
      parseRateLimitHeaders({
        'x-ratelimit-limit-org': 'unlimited',
        'x-ratelimit-limit-org-remaining': 'Unlimited',
        'x-ratelimit-limit-org-reset': '2124845',
      }),
    ).toEqual({ orgLimit: 'unlimited', orgRemaining: 'unlimited', orgResetSeconds: 2124845 });
  });

  it('leaves out what is missing or not a count, instead of guessing', () => {
    expect(parseRateLimitHeaders({})).toEqual({});
    expect(
      parseRateLimitHeaders({
        'x-ratelimit-limit-user': 'unlimited', // the per-minute limit is always a number
        'x-ratelimit-limit-user-remaining': '-5',
        'x-ratelimit-limit-user-reset': 'soon',
        'x-ratelimit-limit-org': '',
        'x-ratelimit-limit-org-remaining': '12abc',
      }),
    ).toEqual({});
  });

  it('tolerates surrounding spaces and fractional seconds', () => {
    expect(
      parseRateLimitHeaders({ 'x-ratelimit-limit-user': ' 900 ', 'x-ratelimit-limit-user-reset': '1.5' }),
    ).toEqual({ limit: 900, resetSeconds: 1.5 });
  });
});

describe('retry timing', () => {
  it('Retry-After in seconds', () => {
    expect(parseRetryAfter({ 'Retry-After': '30' }, NOW)).toBe(NOW + 30_000);
  });

  it('Retry-After as an HTTP date; a date in the past means now', () => {
    expect(parseRetryAfter({ 'retry-after': 'Tue, 20 Jan 2026 12:02:00 GMT' }, NOW)).toBe(NOW + 120_000);
    expect(parseRetryAfter({ 'retry-after': 'Tue, 20 Jan 2026 11:00:00 GMT' }, NOW)).toBe(NOW);
  });

  it('an unreadable Retry-After is ignored', () => {
    expect(parseRetryAfter({ 'retry-after': 'later' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-1' }, NOW)).toBeUndefined();
    expect(parseRetryAfter({}, NOW)).toBeUndefined();
  });

  it('prefers Retry-After over the user-window reset, falls back to the reset, else says nothing', () => {
    const both = { 'retry-after': '5', 'x-ratelimit-limit-user-reset': '50' };
    expect(retryAtFromHeaders(both, NOW)).toBe(NOW + 5_000);
    expect(retryAtFromHeaders({ 'X-Ratelimit-Limit-User-Reset': '50' }, NOW)).toBe(NOW + 50_000);
    expect(retryAtFromHeaders({ 'x-ratelimit-limit-org-reset': '50' }, NOW)).toBeUndefined();
  });
});

describe('readHeader', () => {
  it('finds a header whatever the case of its name', () => {
    expect(readHeader({ 'Content-Type': 'application/json' }, 'content-type')).toBe('application/json');
    expect(readHeader({ 'content-type': 'text/plain' }, 'Content-Type')).toBe('text/plain');
    expect(readHeader({ other: 'x' }, 'content-type')).toBeUndefined();
  });
});
