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
    matchTexts: (texts) => matchEach(texts, (text) => matcher.match(text)),
    personById(id) {
      const at = lowerBound(byId.ids, id);
      return byId.ids[at] === id ? people[byId.order[at] as number] : undefined;
    },
    approximateBytes: names.bytes + search.bytes + byId.ids.byteLength + byId.order.byteLength,
  };
}

const NO_MATCHES = Object.freeze([]) as unknown as TextMatch[];

/** A character no name or address runs across: texts joined with it stay apart. */
const TEXT_BREAK = '\u0000';
/** Texts are matched in batches of about this many characters. */
const BATCH = 1 << 20;

/**
 * matchText for many texts (the text nodes of a page): short texts are joined with TEXT_BREAK and
 * matched as one, which saves the fixed cost of each call, then the matches are handed back to
 * their texts with offsets made relative again.
 */
function matchEach(texts: readonly string[], match: (text: string) => TextMatch[]): TextMatch[][] {
  // Texts without matches share one frozen empty array.
  const results: TextMatch[][] = new Array<TextMatch[]>(texts.length).fill(NO_MATCHES);
  for (let first = 0; first < texts.length;) {
    let last = first;
    let length = 0;
    while (last < texts.length && (last === first || length + (texts[last] as string).length < BATCH)) {
      length += (texts[last] as string).length + 1;
      last++;
    }
    const batch = texts.slice(first, last);
    if (batch.some((text) => text.includes(TEXT_BREAK))) {
      // A text with the break character in it is matched alone (a rare, odd text).
      batch.forEach((text, k) => (results[first + k] = match(text)));
    } else {
      let k = 0;
      let offset = 0;
      for (const m of match(batch.join(TEXT_BREAK))) {
        while (m.start >= offset + (batch[k] as string).length + 1)
          offset += (batch[k++] as string).length + 1;
        // The match objects are fresh: moved to their text's offsets in place.
        m.start -= offset;
        m.end -= offset;
        const own = results[first + k] as TextMatch[];
        if (own === NO_MATCHES) results[first + k] = [m];
        else own.push(m);
      }
    }
    first = last;
  }
  return results;
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
