/** Shared set-up for the people store's tests: fresh databases, a settable clock, a plain index. */
import { fold } from '../matching/fold';
import type { PeopleIndex } from './roster-view';
import type { RosterPerson, TextMatch } from './types';

let databases = 0;

/** A database name no other test uses (fake-indexeddb is shared by the whole test file). */
export const uniqueDbName = (): string => `lens-test-${++databases}-${Date.now()}`;

/** Lets pending work run until the condition holds (turns of the event loop, no timing assumptions). */
export async function waitUntil(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !condition(); turn += 1) await new Promise((r) => setTimeout(r, 0));
  if (!condition()) throw new Error('The awaited condition never held.');
}

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function fakeClock(start = Date.UTC(2025, 0, 15, 9)): FakeClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    set: (ms) => {
      now = ms;
    },
  };
}

/**
 * A deliberately plain index (substring on folded names and e-mails, full names in text) so the
 * store's tests do not depend on lib/matching's ranking.
 */
export function plainIndex(people: RosterPerson[]): PeopleIndex {
  const entries = people.map((p) => ({
    id: p.id,
    full: fold(`${p.firstName} ${p.lastName}`),
    emails: p.emails.map(fold),
  }));
  const matchText = (text: string): TextMatch[] => {
    const folded = fold(text);
    const out: TextMatch[] = [];
    for (const e of entries) {
      if (e.full.trim() === '') continue;
      let at = folded.indexOf(e.full);
      while (at >= 0) {
        out.push({ start: at, end: at + e.full.length, kind: 'name', personIds: [e.id] });
        at = folded.indexOf(e.full, at + 1);
      }
    }
    return out.sort((a, b) => a.start - b.start);
  };
  return {
    warm() {},
    search(term, limit) {
      const q = fold(term.trim());
      const hits: { id: number; score: number }[] = [];
      for (const e of entries) {
        const score =
          e.full === q
            ? 3
            : e.full.startsWith(q)
              ? 2
              : e.full.includes(q) || e.emails.some((m) => m.includes(q))
                ? 1
                : 0;
        if (score > 0) hits.push({ id: e.id, score });
      }
      return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
    },
    matchText,
    matchTexts: (texts) => texts.map(matchText),
  };
}
