/** Person details for component tests: a full card and helpers to vary it. */
import type { PersonDetails, PersonDetailsResult } from '../lib/people/types';

/** Noon on a calendar day in the local time zone: the same date wherever the tests run. */
function localNoon(year: number, month: number, day: number): string {
  return new Date(year, month - 1, day, 12).toISOString();
}

export const NOW = Date.parse(localNoon(2026, 4, 2));

export function makePerson(overrides: Partial<PersonDetails> = {}): PersonDetails {
  return {
    id: 101,
    type: 0,
    firstName: 'Zoë',
    lastName: 'Hartmann',
    fullName: 'Zoë Hartmann',
    primaryEmail: 'zoe@northwind.vc',
    emails: ['zoe@northwind.vc', 'zoe.h@gmail.com'],
    currentOrganizations: [{ id: 7, name: 'Northwind Ventures' }],
    otherOrganizations: [
      { id: 8, name: 'Contoso Capital' },
      { id: 9, name: 'Fabrikam' },
    ],
    interactions: {
      firstEmail: null,
      lastEmail: { date: localNoon(2026, 3, 30), people: [{ id: 2, name: 'Ben Ode' }] },
      lastEvent: {
        date: localNoon(2026, 3, 12),
        people: [
          { id: 1, name: 'Ann Lee' },
          { id: 2, name: 'Ben Ode' },
        ],
      },
      nextEvent: { date: localNoon(2026, 4, 9), people: [{ id: 1, name: 'Ann Lee' }] },
      lastInteraction: { date: localNoon(2026, 3, 30), people: [] },
    },
    lists: [
      { id: 11, name: 'Founders 2026' },
      { id: 12, name: 'LP prospects' },
    ],
    fields: [
      { fieldId: 21, label: 'Seniority', values: ['Partner'], list: null },
      { fieldId: 22, label: 'Location', values: ['Berlin, Germany'], list: null },
      { fieldId: 23, label: 'Stage', values: ['Diligence'], list: 'LP prospects' },
    ],
    relationships: [
      { person: { id: 2, name: 'Ben Ode' }, strength: 0.35 },
      { person: { id: 1, name: 'Ann Lee' }, strength: 0.82 },
    ],
    notes: [
      { id: 31, createdAt: localNoon(2026, 3, 1), text: 'Older note.', author: 'Ben Ode' },
      { id: 32, createdAt: localNoon(2026, 3, 28), text: 'Met at the LP summit.', author: 'Ann Lee' },
    ],
    affinityUrl: 'https://acme.affinity.co/persons/101',
    ...overrides,
  };
}

export function makeDetails(
  overrides: Partial<PersonDetails> = {},
  meta: Partial<Omit<PersonDetailsResult, 'person'>> = {},
): PersonDetailsResult {
  return { person: makePerson(overrides), fetchedAt: NOW - 60_000, stale: false, ...meta };
}
