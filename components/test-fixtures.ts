/** Person details for component tests: a full card and helpers to vary it. */
import type { PersonDetails, PersonDetailsResult } from '../lib/people/types';

export const NOW = Date.parse('2026-04-02T12:00:00Z');

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
      lastEmail: { date: '2026-03-30T09:00:00Z', people: [{ id: 2, name: 'Ben Ode' }] },
      lastEvent: {
        date: '2026-03-12T15:00:00Z',
        people: [
          { id: 1, name: 'Ann Lee' },
          { id: 2, name: 'Ben Ode' },
        ],
      },
      nextEvent: { date: '2026-04-09T10:00:00Z', people: [{ id: 1, name: 'Ann Lee' }] },
      lastInteraction: { date: '2026-03-30T09:00:00Z', people: [] },
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
      { id: 31, createdAt: '2026-03-01T10:00:00Z', text: 'Older note.', author: 'Ben Ode' },
      { id: 32, createdAt: '2026-03-28T10:00:00Z', text: 'Met at the LP summit.', author: 'Ann Lee' },
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
