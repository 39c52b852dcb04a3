import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatDate, formatRelative, formatResumeTime, formatWhen } from './time';

const NOW = Date.parse('2026-04-02T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelative', () => {
  it.each([
    [NOW - 10_000, 'just now'],
    [NOW - 5 * MIN, '5 minutes ago'],
    [NOW - 1 * MIN, '1 minute ago'],
    [NOW - 3 * HOUR, '3 hours ago'],
    [NOW - DAY, 'yesterday'],
    [NOW + DAY, 'tomorrow'],
    [NOW - 4 * DAY, '4 days ago'],
    [NOW + 2 * DAY, 'in 2 days'],
    [NOW - 21 * DAY, '3 weeks ago'],
    [NOW - 7 * DAY, '1 week ago'],
    [NOW - 90 * DAY, '3 months ago'],
    [NOW - 800 * DAY, '2 years ago'],
  ])('reads %s as "%s"', (then, expected) => {
    expect(formatRelative(then, NOW)).toBe(expected);
  });

  it('has a short style for markers', () => {
    expect(formatRelative(NOW - 3 * HOUR, NOW, 'short')).toBe('3 h ago');
    expect(formatRelative(NOW - 12 * MIN, NOW, 'short')).toBe('12 min ago');
    expect(formatRelative(NOW - 2 * DAY, NOW, 'short')).toBe('2 d ago');
  });
});

describe('formatDate and formatWhen', () => {
  it('writes the day first with a month name, in the local calendar', () => {
    // A local afternoon: the same day in every time zone the tests may run in.
    const afternoon = new Date(2026, 2, 12, 15, 0);
    expect(formatDate(afternoon.toISOString())).toBe('12 Mar 2026');
    expect(formatWhen(afternoon.toISOString(), NOW)).toBe('3 weeks ago (12 Mar 2026)');
  });

  it('gives nothing for a date it cannot read', () => {
    expect(formatDate('not a date')).toBe('');
    expect(formatWhen('not a date', NOW)).toBe('');
  });
});

describe('formatClock and formatCount', () => {
  it('writes a clock time the way the locale does', () => {
    expect(formatClock(new Date(2026, 3, 2, 14, 5), 'en-GB')).toBe('14:05');
    expect(formatClock(new Date(2026, 3, 2, 14, 5), 'en-US')).toMatch(/^2:05\sPM$/);
  });

  it('groups thousands', () => {
    expect(formatCount(50000)).toBe('50,000');
    expect(formatCount(900)).toBe('900');
  });
});

describe('formatResumeTime', () => {
  // Local dates, so that the day boundary does not depend on the machine's time zone.
  const now = new Date(2026, 3, 2, 12, 0).getTime();

  it('gives only the clock time later today, in the locale’s clock', () => {
    const later = new Date(2026, 3, 2, 14, 5).getTime();
    expect(formatResumeTime(later, now, 'en-GB')).toBe('at 14:05');
    expect(formatResumeTime(later, now, 'en-US')).toMatch(/^at 2:05\sPM$/);
  });

  it('adds the date when it is not today', () => {
    const tomorrow = new Date(2026, 3, 3, 8, 30).getTime();
    expect(formatResumeTime(tomorrow, now, 'en-GB')).toBe('on 3 Apr 2026 at 8:30');
    expect(formatResumeTime(tomorrow, now, 'en-US')).toMatch(/^on 3 Apr 2026 at 8:30\sAM$/);
  });
});
