/** Small helpers for the matching tests: roster people and readable match results. */
import type { RosterPerson } from '../people/types';
import type { PeopleIndex } from './people-index';

export function person(
  id: number,
  firstName: string,
  lastName: string,
  emails: string[] = [],
  type: 0 | 1 = 0,
): RosterPerson {
  return { id, type, firstName, lastName, primaryEmail: emails[0] ?? null, emails };
}

export interface Found {
  text: string;
  kind: 'name' | 'email';
  ids: number[];
}

/** What matchText found, as the marked text itself (so offsets are checked too). */
export function found(index: PeopleIndex, text: string): Found[] {
  return index.matchText(text).map((m) => ({
    text: text.slice(m.start, m.end),
    kind: m.kind,
    ids: [...m.personIds].sort((a, b) => a - b),
  }));
}

/** The marked texts only. */
export function marked(index: PeopleIndex, text: string): string[] {
  return found(index, text).map((f) => f.text);
}
