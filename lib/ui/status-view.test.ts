import { describe, expect, it } from 'vitest';
import { rateState } from '../../components/test-background';
import type { SchedulerState } from '../scheduler/types';
import { pauseText, rateMeter, rosterText } from './status-view';

const NOW = new Date(2026, 3, 2, 14, 0).getTime();

const rate = (overrides: Partial<SchedulerState> = {}): SchedulerState =>
  rateState({ resetsAt: NOW + 30_000, ...overrides });

describe('rateMeter', () => {
  it('shows this minute and the month', () => {
    const meter = rateMeter(rate(), NOW);
    expect(meter.minuteText).toBe('120 used · 780 left this minute');
    expect(meter.monthlyText).toBe('39,000 left this month');
    expect(meter.fraction).toBeCloseTo(120 / 900);
    expect(meter.level).toBe('ok');
  });

  it('warns when the minute is nearly or fully spent', () => {
    expect(rateMeter(rate({ used: 800, remaining: 100 }), NOW).level).toBe('busy');
    expect(rateMeter(rate({ used: 900, remaining: 0 }), NOW).level).toBe('full');
  });

  it('says it waits for Affinity after a 429 rather than "0 left"', () => {
    const storm = rate({
      used: 900,
      remaining: 0,
      pausedUntil: NOW + 65_000,
      pauseReason: 'too-many-requests',
    });
    const meter = rateMeter(storm, NOW);
    expect(meter.minuteText).toBe('Waiting for Affinity');
    expect(meter.level).toBe('waiting');
    expect(meter.monthlyText).toBe('39,000 left this month');
    // The pause line gives the time; the meter does not repeat it.
    expect(pauseText(storm, NOW, 'en-GB')).toBe('Paused by Affinity’s rate limit. Requests resume at 14:01.');
    // Once the pause is over, the figures are back.
    expect(rateMeter(storm, NOW + 65_000).minuteText).toBe('900 used · 0 left this minute');
  });

  it('still says "0 left" when the minute was spent by Lens itself', () => {
    const spent = rate({ used: 900, remaining: 0, pausedUntil: NOW + 30_000, pauseReason: 'rate-limit' });
    expect(rateMeter(spent, NOW).minuteText).toBe('900 used · 0 left this minute');
  });

  it('handles unlimited and unknown monthly quotas', () => {
    expect(rateMeter(rate({ monthlyRemaining: 'unlimited' }), NOW).monthlyText).toBe('No monthly limit');
    expect(rateMeter(rate({ monthlyRemaining: null }), NOW).monthlyText).toBeNull();
  });
});

describe('pauseText', () => {
  it('names the rate limit and when requests resume', () => {
    const text = pauseText(rate({ pausedUntil: NOW + 65_000, pauseReason: 'rate-limit' }), NOW, 'en-GB');
    expect(text).toBe('Paused by Affinity’s rate limit. Requests resume at 14:01.');
  });

  it('explains a quota pause with its date', () => {
    const until = new Date(2026, 4, 1, 0, 0).getTime();
    expect(pauseText(rate({ pausedUntil: until, pauseReason: 'quota' }), NOW)).toContain('on 1 May 2026');
  });

  it('is silent when nothing is paused or the pause is over', () => {
    expect(pauseText(rate(), NOW)).toBeNull();
    expect(pauseText(rate({ pausedUntil: NOW - 1, pauseReason: 'rate-limit' }), NOW)).toBeNull();
  });
});

describe('rosterText', () => {
  it('gives the size and the last sync', () => {
    expect(
      rosterText({ count: 2000, lastSyncAt: NOW - 5 * 60_000, syncing: false, progress: null }, NOW),
    ).toBe('2,000 people · synced 5 minutes ago');
    expect(rosterText({ count: 0, lastSyncAt: null, syncing: false, progress: null }, NOW)).toBe(
      '0 people · not synced yet',
    );
  });

  it('shows progress while syncing', () => {
    expect(rosterText({ count: 0, lastSyncAt: null, syncing: true, progress: 1500 }, NOW)).toBe(
      'Syncing… 1,500 people so far',
    );
  });
});
