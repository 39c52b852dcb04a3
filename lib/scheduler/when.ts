/**
 * When something resumes, as a person reads it: "at 14:05" today, or "on 2026-03-01 at 00:00"
 * (local time). The same wording as the client's rate-limit sentences.
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function formatWhen(at: number, now: number): string {
  const when = new Date(at);
  const time = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  if (when.toDateString() === new Date(now).toDateString()) return `at ${time}`;
  return `on ${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} at ${time}`;
}
