/**
 * The roster's text index, built once per roster in the background: popup search and the page
 * matcher. Pure data and functions: no DOM, no storage. The index keeps a reference to the array
 * it was built from (do not change it afterwards; build a new index for a new roster).
 */
import type { RosterPerson, TextMatch } from '../people/types';
import { normaliseEmail } from './emails';
import { NameTrieBuilder } from './name-trie';
import { SearchIndex, type SearchHitRef } from './search-index';
import { TextMatcher } from './text-matcher';
import { Tokens, wordKeys } from './tokens';
import { isUnspacedName, UnspacedNames } from './unspaced-names';

export type { SearchHitRef } from './search-index';
export { Score } from './search-index';

export interface PeopleIndex {
  /** People in the index. */
  readonly size: number;
  /** Best matches for a typed term, best first; score is higher for better tiers (see Score). */
  search(term: string, limit?: number): SearchHitRef[];
  /**
   * Roster names and e-mail addresses in text, in order, offsets into text as given. The returned
   * arrays (and each match's personIds) may be shared between calls and are frozen: copy to change.
   */
  matchText(text: string): TextMatch[];
  /** matchText for each text (e.g. the text nodes of a page), same order. */
  matchTexts(texts: readonly string[]): TextMatch[][];
  personById(id: number): RosterPerson | undefined;
  /** A rough figure of the bytes the index holds beyond the people themselves. */
  readonly approximateBytes: number;
}

export function buildPeopleIndex(people: readonly RosterPerson[]): PeopleIndex {
  const trie = new NameTrieBuilder();
  const unspaced = new UnspacedNames();
  const tokens = new Tokens();
  for (const person of people) {
    if (isUnspacedName(person.firstName) && isUnspacedName(person.lastName)) {
      unspaced.add(person.firstName, person.lastName, person.id);
      continue;
    }
    const first = wordKeys(person.firstName, tokens);
    const last = wordKeys(person.lastName, tokens);
    // A first or a last name alone is never matched on a page: only both together.
    if (first.length > 0 && last.length > 0) trie.add(first, last, person.id);
  }
  const names = trie.build();
  const search = new SearchIndex(people);
  const byEmail = emailOwners(people);
  const matcher = new TextMatcher(names, unspaced, (address) => byEmail.get(address));
  const byId = sortedIds(people);

  return {
    size: people.length,
    search: (term, limit = 20) => search.search(term, limit),
    matchText: (text) => matcher.match(text),
    // One pass over all the texts: their lookups run in long batches, as in one long text.
    matchTexts: (texts) => matcher.matchAll(texts),
    personById(id) {
      const at = lowerBound(byId.ids, id);
      return byId.ids[at] === id ? people[byId.order[at] as number] : undefined;
    },
    approximateBytes: names.bytes + search.bytes + byId.ids.byteLength + byId.order.byteLength,
  };
}

/** Normalised address -> ids of everyone who has it (usually one). */
function emailOwners(people: readonly RosterPerson[]): Map<string, number[]> {
  const owners = new Map<string, number[]>();
  for (const person of people) {
    for (const raw of [person.primaryEmail, ...person.emails]) {
      if (!raw) continue;
      const address = normaliseEmail(raw);
      const ids = owners.get(address);
      if (!ids) owners.set(address, [person.id]);
      else if (!ids.includes(person.id)) ids.push(person.id);
    }
  }
  // Shared by every match of the address (see TextMatcher.peopleOf).
  for (const ids of owners.values()) Object.freeze(ids);
  return owners;
}

function sortedIds(people: readonly RosterPerson[]): { ids: Float64Array; order: Int32Array } {
  const order = Int32Array.from(people.keys()).sort(
    (a, b) => (people[a] as RosterPerson).id - (people[b] as RosterPerson).id,
  );
  const ids = Float64Array.from(order, (p) => (people[p] as RosterPerson).id);
  return { ids, order };
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
