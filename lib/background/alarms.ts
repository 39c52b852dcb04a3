/** The periodic roster sync, on an alarm so that it survives the worker sleeping. */
import { browser } from 'wxt/browser';

export const ROSTER_ALARM = 'roster-sync';

export async function scheduleRosterAlarm(intervalHours: number): Promise<void> {
  const periodInMinutes = Math.max(15, Math.round(intervalHours * 60));
  const existing = await browser.alarms.get(ROSTER_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(ROSTER_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
