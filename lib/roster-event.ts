/**
 * The background tells open tabs when the roster changed (a first sync after signing in, people
 * added or removed), so pages opened before it are marked without a reload. Zod-free: the content
 * script imports it.
 */
export interface RosterUpdatedEvent {
  lens: 1;
  event: 'roster/updated';
}

export const rosterUpdatedEvent: RosterUpdatedEvent = { lens: 1, event: 'roster/updated' };

export function isRosterUpdatedEvent(value: unknown): value is RosterUpdatedEvent {
  const event = value as RosterUpdatedEvent | null;
  return typeof event === 'object' && event !== null && event.lens === 1 && event.event === 'roster/updated';
}
