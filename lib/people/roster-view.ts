/**
 * The roster as the background holds it in memory: the people by id and the text index over them.
 * People Affinity has since deleted (a 404 on their card) are hidden at once, without rebuilding
 * the index, until the next load.
 */
import type { IndexPart } from '../matching/people-index';
import type { RosterPerson, TextMatch } from './types';

/** What lib/matching's people index offers (buildPeopleIndex). */
export interface PeopleIndex {
  search(term: string, limit: number): { id: number; score: number }[];
  matchText(text: string): TextMatch[];
  matchTexts(texts: string[]): TextMatch[][];
  /** Builds the matcher or the search index now rather than on first use. */
  warm(part: IndexPart): void;
}

export type BuildPeopleIndex = (people: RosterPerson[]) => PeopleIndex;

export interface RosterView {
  readonly size: number;
  person(id: number): RosterPerson | undefined;
  /** The name a card shows for a roster person (teammates in interactions, note authors). */
  name(id: number): string | null;
  search(term: string, limit: number): { id: number; score: number }[];
  matchTexts(texts: string[]): TextMatch[][];
  /** Hides a person Affinity no longer has. */
  forget(id: number): void;
  /** Builds one part of the index now, if it is not built yet. */
  prepare(part: IndexPart): void;
  /** Builds every part of the index now; with `yieldBetween`, giving the thread back between them. */
  warm(yieldBetween?: () => Promise<void>): Promise<void>;
}

export function createRosterView(people: RosterPerson[], buildIndex: BuildPeopleIndex): RosterView {
  const byId = new Map(people.map((p) => [p.id, p]));
  const index = buildIndex(people);
  const forgotten = new Set<number>();

  const dropForgotten = (matches: TextMatch[]): TextMatch[] => {
    if (forgotten.size === 0) return matches;
    const out: TextMatch[] = [];
    for (const m of matches) {
      const personIds = m.personIds.filter((id) => !forgotten.has(id));
      if (personIds.length > 0) out.push(personIds.length === m.personIds.length ? m : { ...m, personIds });
    }
    return out;
  };

  return {
    get size() {
      return byId.size - forgotten.size;
    },
    person: (id) => (forgotten.has(id) ? undefined : byId.get(id)),
    name(id) {
      const p = byId.get(id);
      if (!p) return null;
      return `${p.firstName} ${p.lastName}`.replace(/\s+/g, ' ').trim() || p.primaryEmail;
    },
    search(term, limit) {
      if (forgotten.size === 0) return index.search(term, limit);
      return index
        .search(term, limit + forgotten.size)
        .filter((h) => !forgotten.has(h.id))
        .slice(0, limit);
    },
    matchTexts: (texts) => index.matchTexts(texts).map(dropForgotten),
    forget(id) {
      if (byId.has(id)) forgotten.add(id);
    },
    prepare: (part) => index.warm(part),
    // The matcher first: it is the quicker to build, and pages ask for it as soon as they load.
    async warm(yieldBetween) {
      await yieldBetween?.();
      index.warm('matcher');
      await yieldBetween?.();
      index.warm('search');
    },
  };
}
