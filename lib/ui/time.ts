/**
 * Dates as people read them on a card: "3 weeks ago", "in 2 days", "12 Mar 2026", "14:05".
 * Hand-rolled English rather than Intl.RelativeTimeFormat so that "last week" never appears
 * ("Last met last week" reads badly) and so that results do not depend on the machine's locale.
 * Clock times are the exception: they follow the locale, as people expect of a clock.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export type RelativeStyle = 'long' | 'short';

interface UnitStep {
  unit: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
  ms: number;
  /** Used while |diff| is below this many ms. */
  below: number;
  short: string;
}

const YEAR_STEP: UnitStep = { unit: 'year', ms: 365.25 * DAY, below: Infinity, short: 'y' };

const STEPS: UnitStep[] = [
  { unit: 'minute', ms: MINUTE, below: 59.5 * MINUTE, short: 'min' },
  { unit: 'hour', ms: HOUR, below: 23.5 * HOUR, short: 'h' },
  { unit: 'day', ms: DAY, below: 6.5 * DAY, short: 'd' },
  { unit: 'week', ms: 7 * DAY, below: 30 * DAY, short: 'wk' },
  { unit: 'month', ms: 30.44 * DAY, below: 365 * DAY, short: 'mo' },
  YEAR_STEP,
];

/** "3 weeks ago", "in 2 days", "yesterday", "just now"; short style: "3 h ago", "5 min ago". */
export function formatRelative(then: number, now: number, style: RelativeStyle = 'long'): string {
  const diff = then - now;
  const abs = Math.abs(diff);
  if (abs < 45 * SECOND) return 'just now';
  const step = STEPS.find((s) => abs < s.below) ?? YEAR_STEP;
  const count = Math.max(1, Math.round(abs / step.ms));
  if (style === 'long' && step.unit === 'day' && count === 1) return diff < 0 ? 'yesterday' : 'tomorrow';
  const amount =
    style === 'short' ? `${count} ${step.short}` : `${count} ${step.unit}${count === 1 ? '' : 's'}`;
  return diff < 0 ? `${amount} ago` : `in ${amount}`;
}

/** "12 Mar 2026": day first with a month name, unambiguous for every reader. */
export function formatDate(value: number | string | Date): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "14:05" in the person's own clock style (e.g. "2:05 PM" in en-US). */
export function formatClock(value: number | Date, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(value));
}

/**
 * When something resumes, inside a sentence: "at 2:05 PM" today, else "on 5 Mar 2026 at 2:05 PM".
 * The background's error sentences and the popup's pause line both use it, so a time reads the same
 * everywhere (the locale's own clock).
 */
export function formatResumeTime(at: number, now: number, locale?: string): string {
  const time = formatClock(at, locale);
  if (new Date(at).toDateString() === new Date(now).toDateString()) return `at ${time}`;
  return `on ${formatDate(at)} at ${time}`;
}

/** "3 weeks ago (12 Mar 2026)". */
export function formatWhen(iso: string, now: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return `${formatRelative(ms, now)} (${formatDate(ms)})`;
}

/** "1,234" with a thin-space-free, locale-independent grouping. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
