/** The popup footer's figures in words: roster, rate-limit meter, pause. */
import type { RosterStatus } from '../people/types';
import type { SchedulerState } from '../scheduler/types';
import { formatCount, formatRelative, formatResumeTime } from './time';

export interface RateMeter {
  used: number;
  limit: number;
  remaining: number;
  /** Share of this minute's allowance used, 0..1. */
  fraction: number;
  /** 'waiting': Affinity answered 429 and asked to wait; the minute's figures mean nothing then. */
  level: 'ok' | 'busy' | 'full' | 'waiting';
  minuteText: string;
  monthlyText: string | null;
}

export function rateMeter(rate: SchedulerState, now: number): RateMeter {
  const limit = Math.max(0, rate.limit);
  const remaining = Math.max(0, Math.min(limit, rate.remaining));
  const used = Math.max(0, Math.min(limit, rate.used));
  const fraction = limit === 0 ? 1 : used / limit;
  // After a 429 the server says "0 left", which would read as if the person had spent the minute.
  // The pause line (pauseText) says when requests resume, so the meter only says why.
  const waiting = rate.pauseReason === 'too-many-requests' && isPaused(rate, now);
  const level = waiting ? 'waiting' : remaining === 0 ? 'full' : fraction >= 0.75 ? 'busy' : 'ok';
  return {
    used,
    limit,
    remaining,
    fraction,
    level,
    minuteText: waiting
      ? 'Waiting for Affinity'
      : `${formatCount(used)} used · ${formatCount(remaining)} left this minute`,
    monthlyText: monthlyText(rate.monthlyRemaining),
  };
}

function monthlyText(remaining: SchedulerState['monthlyRemaining']): string | null {
  if (remaining === null) return null;
  if (remaining === 'unlimited') return 'No monthly limit';
  return `${formatCount(remaining)} left this month`;
}

function isPaused(rate: SchedulerState, now: number): rate is SchedulerState & { pausedUntil: number } {
  return rate.pausedUntil !== null && rate.pausedUntil > now;
}

/** "Paused by Affinity's rate limit. Requests resume at 2:05 PM.", or null when requests flow. */
export function pauseText(rate: SchedulerState, now: number, locale?: string): string | null {
  if (!isPaused(rate, now)) return null;
  const until = formatResumeTime(rate.pausedUntil, now, locale);
  if (rate.pauseReason === 'quota') {
    return `Background sync is paused: the monthly quota is nearly spent. It resumes ${until}.`;
  }
  return `Paused by Affinity’s rate limit. Requests resume ${until}.`;
}

export function rosterText(roster: RosterStatus, now: number): string {
  if (roster.syncing) {
    const progress = roster.progress ?? 0;
    return progress > 0 ? `Syncing… ${formatCount(progress)} people so far` : 'Syncing…';
  }
  const people = `${formatCount(roster.count)} ${roster.count === 1 ? 'person' : 'people'}`;
  if (roster.lastSyncAt === null) return `${people} · not synced yet`;
  return `${people} · synced ${formatRelative(roster.lastSyncAt, now)}`;
}
