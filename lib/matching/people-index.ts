/**
 * The roster's text index, built once per roster in the background: popup search and the page
 * matcher. Pure data and functions: no DOM, no storage. The index keeps a reference to the array
 * it was built from (do not change it afterwards; build a new index for a new roster).
 *
 * Its two halves are built when first used (or by warm()): after the worker starts, a page's text
 * is matched without waiting for the search index, the larger of the two to build.
 */
import type { RosterPerson, TextMatch } from '../people/types';
import { EmailOwners } from './email-owners';
import { NameTrieBuilder } from './name-trie';
import { SearchIndex, type SearchHitRef } from './search-index';
import { TextMatcher } from './text-matcher';
import { Tokens, wordKeys } from './tokens';
import { isUnspacedName, UnspacedNames } from './unspaced-names';

export type { SearchHitRef } from './search-index';
export { Score } from './search-index';

/** The page matcher (name trie, unspaced names, e-mail owners) or the popup's search index. */
export type IndexPart = 'matcher' | 'search';

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
  /** Builds one half now if it is not built yet, so that its first use need not wait. */
  warm(part: IndexPart): void;
  /** A rough figure of the bytes the index holds beyond the people themselves (builds both halves). */
  readonly approximateBytes: number;
}

export function buildPeopleIndex(people: readonly RosterPerson[]): PeopleIndex {
  let matcher: PageMatcher | null = null;
  let search: SearchIndex | null = null;
  let byId: { ids: Float64Array; order: Int32Array } | null = null;
  const matcherOf = () => (matcher ??= buildPageMatcher(people));
  const searchOf = () => (search ??= new SearchIndex(people));

  return {
    size: people.length,
    search: (term, limit = 20) => searchOf().search(term, limit),
    matchText: (text) => matcherOf().text.match(text),
    // One pass over all the texts: their lookups run in long batches, as in one long text.
    matchTexts: (texts) => matcherOf().text.matchAll(texts),
    personById(id) {
      byId ??= sortedIds(people);
      const at = lowerBound(byId.ids, id);
      return byId.ids[at] === id ? people[byId.order[at] as number] : undefined;
    },
    warm(part) {
      if (part === 'matcher') matcherOf();
      else searchOf();
    },
    get approximateBytes() {
      byId ??= sortedIds(people);
      return matcherOf().bytes + searchOf().bytes + byId.ids.byteLength + byId.order.byteLength;
    },
  };
}

interface PageMatcher {
  text: TextMatcher;
  bytes: number;
}

/** The name trie, the unspaced names and the e-mail owners: all the page matcher needs. */
function buildPageMatcher(people: readonly RosterPerson[]): PageMatcher {
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
  const byEmail = new EmailOwners(people);
  return {
    text: new TextMatcher(names, unspaced, byEmail),
    bytes: names.bytes + byEmail.bytes,
  };
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
