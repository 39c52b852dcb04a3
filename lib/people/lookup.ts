/**
 * Who a selection or a mailto: link names, for the context menu and the lookup shortcut.
 *
 * An e-mail address decides alone: the roster's owners of exactly that address, else Affinity's
 * term search kept to people who have exactly that address. Otherwise the text is read as a name
 * through the people store's search, exact names before near ones (Affinity is asked for an exact
 * name when the roster knows only near ones: the person may be newer than the last sync). A
 * selection longer than a name is never sent to Affinity: only roster names inside it are found.
 */
import { AffinityError, type SerializedError } from '../affinity/errors';
import type { PersonSummary } from '../affinity/types';
import { findEmails, normaliseEmail } from '../matching/emails';
import { fold } from '../matching/fold';
import { MAX_LOOKUP_TEXT, type LookupQuery, type LookupResult } from '../lookup-protocol';
import { fullName } from './assemble';
import type { SearchHit, SearchResult } from './types';

export type { LookupQuery, LookupResult, LookupSource } from '../lookup-protocol';

export interface LookupSources {
  /** Roster people who have exactly this (normalised) address. No call. */
  rosterOwners(address: string): Promise<SearchHit[]>;
  /** Affinity's term search, with every address of each person. One call. */
  searchAffinity(term: string): Promise<PersonSummary[]>;
  /** The people store's search: the roster first, refined by Affinity when the roster cannot answer. */
  searchPeople(term: string, limit: number): Promise<SearchResult>;
  /** Roster people named inside a longer text. No call. */
  namesIn(text: string): Promise<SearchHit[]>;
}

/** The most people a lookup lists to choose from. */
export const MAX_CHOICES = 8;
const MAX_ADDRESSES = 5;
const MAX_NAME_LENGTH = 80;
const MAX_NAME_WORDS = 6;
const SEARCH_LIMIT = 20;
const LABEL_LENGTH = 60;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The words of a name for comparison: folded, apostrophes and dots dropped. */
function nameWords(name: string): string[] {
  return fold(name)
    .replace(/['’ʼ.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .sort();
}

/** Same words in any order: "Kim, Daniel" and "Daniel Kim" are one name. */
export function sameName(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  return x.length > 0 && x.length === y.length && x.every((w, i) => w === y[i]);
}

/** A selection as a name: punctuation around it and a possessive dropped ("(José Álvarez's)," → "José Álvarez"). */
export function tidyName(text: string): string {
  return collapse(text)
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/(\p{L})['’]s$/u, '$1');
}

function isNameLike(name: string): boolean {
  return (
    name.length >= 2 &&
    name.length <= MAX_NAME_LENGTH &&
    name.split(' ').length <= MAX_NAME_WORDS &&
    /\p{L}/u.test(name)
  );
}

function labelOf(text: string): string {
  return text.length <= LABEL_LENGTH ? text : `${text.slice(0, LABEL_LENGTH - 1).trimEnd()}…`;
}

/** The addresses a query names: a mailto: link's recipients, or the addresses in a selection. */
export function addressesOf(query: LookupQuery): string[] {
  let text = query.text;
  if (query.source === 'link') {
    // mailto:a@x.com,b@y.com?subject=… : the recipients are the path, percent-encoded.
    const path = text.replace(/^mailto:/i, '').split('?')[0] ?? '';
    try {
      text = decodeURIComponent(path);
    } catch {
      text = path;
    }
  }
  const unique = new Set(findEmails(text.slice(0, MAX_LOOKUP_TEXT)).map((hit) => hit.address));
  return [...unique].slice(0, MAX_ADDRESSES);
}

function toHit(person: PersonSummary): SearchHit {
  const email = person.primaryEmail ?? person.emails[0] ?? null;
  return {
    id: person.id,
    fullName: fullName(person.firstName, person.lastName) || (email ?? ''),
    primaryEmail: email,
    organization: null,
    type: person.type,
  };
}

function hasAddress(person: PersonSummary, address: string): boolean {
  return [person.primaryEmail, ...person.emails].some((e) => e !== null && normaliseEmail(e) === address);
}

function unique(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<number>();
  return hits.filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
}

/** The sentence for a lookup with no one to show; the card adds the popup search as the next step. */
function emptyMessage(label: string, byAddress: boolean, tooMany: boolean): string {
  if (tooMany) return `Many people in your Affinity match “${label}”.`;
  if (label === '') return 'Select a name or an e-mail address to look up.';
  return byAddress
    ? `No one in your Affinity has the address ${label}.`
    : `No one in your Affinity matches “${label}”.`;
}

function resultOf(label: string, hits: SearchHit[], byAddress = false): LookupResult {
  const people = unique(hits);
  const tooMany = people.length > MAX_CHOICES;
  if (people.length > 0 && !tooMany) return { label, hits: people, tooMany, message: null };
  return { label, hits: [], tooMany, message: emptyMessage(label, byAddress, tooMany) };
}

async function byAddress(addresses: string[], sources: LookupSources): Promise<LookupResult> {
  const label = addresses.join(', ');
  const owners = (await Promise.all(addresses.map((a) => sources.rosterOwners(a)))).flat();
  if (owners.length > 0) return resultOf(label, owners, true);
  const found: SearchHit[] = [];
  let failure: unknown = null;
  for (const address of addresses) {
    try {
      const people = await sources.searchAffinity(address);
      found.push(...people.filter((p) => hasAddress(p, address)).map(toHit));
    } catch (error) {
      failure ??= error;
    }
  }
  // Nobody found because Affinity could not be asked is not "nobody": say what went wrong.
  if (found.length === 0 && failure !== null) throw AffinityError.from(failure);
  return resultOf(label, found, true);
}

interface NameHits {
  hits: SearchHit[];
  /** Affinity could not be asked, so no hits may not mean nobody. */
  error?: SerializedError;
}

async function byName(name: string, sources: LookupSources): Promise<NameHits> {
  const result = await sources.searchPeople(name, SEARCH_LIMIT);
  const exact = result.hits.filter((hit) => sameName(hit.fullName, name));
  if (exact.length > 0) return { hits: exact };
  if (result.source === 'roster' && !result.error && result.hits.length > 0) {
    // The roster knows only near names; Affinity may have the exact person, added since the sync.
    try {
      const remote = (await sources.searchAffinity(name)).map(toHit);
      const remoteExact = remote.filter((hit) => sameName(hit.fullName, name));
      if (remoteExact.length > 0) return { hits: remoteExact };
    } catch {
      // The near names from the roster are still worth showing.
    }
  }
  return { hits: result.hits, error: result.error };
}

export async function lookUp(query: LookupQuery, sources: LookupSources): Promise<LookupResult> {
  const addresses = addressesOf(query);
  if (addresses.length > 0) return byAddress(addresses, sources);
  const text = collapse(query.text.slice(0, MAX_LOOKUP_TEXT));
  if (query.source === 'link' || text === '') return resultOf(labelOf(text), [], query.source === 'link');

  const name = tidyName(text);
  if (!isNameLike(name)) {
    // A sentence or a paragraph stays in the browser: only roster names inside it are found.
    return resultOf(labelOf(text), await sources.namesIn(text));
  }
  const found = await byName(name, sources);
  if (found.hits.length > 0) return resultOf(name, found.hits);
  // "Met Ada Lovelace": no one is named that, but the roster knows the name inside.
  const inside = await sources.namesIn(text);
  if (inside.length === 0 && found.error) throw new AffinityError(found.error);
  return resultOf(name, inside);
}
