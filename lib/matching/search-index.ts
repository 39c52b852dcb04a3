/**
 * Popup search over the roster: prefix matching through sorted dictionaries (name words, e-mail
 * addresses, e-mail domains), ranked in tiers, with a bounded typo-tolerant scan only when the
 * prefixes leave too few hits.
 */
import type { RosterPerson } from '../people/types';
import { allowedEdits, prefixEditDistance } from './edit-distance';
import { EmailPrefixes } from './email-prefixes';
import { normaliseEmail } from './emails';
import { fold } from './fold';
import { PrefixDictionary } from './prefix-dictionary';
import { isUnspacedName } from './unspaced-names';

/**
 * Scores, best first. Within a tier a few points go to whole-word matches (or fewer typos).
 * Equal scores list external people (type 0) before internal ones (type 1): the roster exists for
 * relationships outside the team, and a teammate's card adds little that the user does not know.
 * Then alphabetical by full name.
 */
export const Score = {
  exactName: 100,
  exactEmail: 90,
  namePrefix: 80,
  wordPrefix: 70,
  emailPrefix: 60,
  typo: 50,
} as const;

const TOP_SCORE = 110;
const MAX_QUERY_WORDS = 6;
/** Word positions per person kept in postings (a posting is person * 16 + position). */
const MAX_WORDS = 14;
/** Position marking a name written without spaces, kept whole ("山田太郎"). */
const COMPACT_NAME = 15;

const STRIP_RE = /['’ʼ.]/g;
const SPLIT_RE = /[^\p{L}\p{N}]+/u;

/** The searchable words of a name: folded, apostrophes and dots dropped, split at everything else. */
export function searchWords(text: string): string[] {
  return (
    plainWords(text) ??
    fold(text)
      .replace(STRIP_RE, '')
      .split(SPLIT_RE)
      .filter((w) => w.length > 0)
  );
}

/**
 * searchWords of most names, in one pass without regular expressions: ASCII letters and digits,
 * cut at anything else. Null when the text needs more (a character outside ASCII to fold, an
 * apostrophe or a dot to drop). Building the search index reads 100,000 names for 50,000 people,
 * and the general path spent a third of the build on them.
 */
function plainWords(text: string): string[] | null {
  let lower: string | null = null;
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c >= 128 || c === 0x27 || c === 0x2e) return null;
    const letter = c | 0x20;
    if ((letter >= 97 && letter <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      lower ??= text.toLowerCase();
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

/** The roster's addresses, one entry each, with the person each belongs to. */
interface AddressList {
  addresses: string[];
  persons: number[];
}

/** A person's address and its domain (an address or domain met twice for one person counts once). */
function addAddress(
  raw: string | null,
  p: number,
  emails: AddressList,
  domains: Map<string, number[]>,
): void {
  if (!raw) return;
  const address = normaliseEmail(raw);
  if (!address.includes('@')) return;
  const { addresses, persons } = emails;
  for (let k = persons.length - 1; k >= 0 && persons[k] === p; k--) if (addresses[k] === address) return;
  addresses.push(address);
  persons.push(p);
  addPosting(domains, domainOf(address), p);
}

function addPosting(map: Map<string, number[]>, key: string, posting: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [posting]);
  else if (list[list.length - 1] !== posting) list.push(posting);
}

export interface SearchHitRef {
  id: number;
  score: number;
}

interface Query {
  words: string[];
  /** Lower-cased term without surrounding spaces: for e-mail and domain prefixes. */
  raw: string;
  spaced: string;
}

export class SearchIndex {
  /** Every person's search name, "first words last words", one after another. */
  private readonly names: string;
  private readonly nameStart: Int32Array;
  /** Characters of the first-name part (the last name starts one space later). */
  private readonly firstLength: Int32Array;
  /** Words in the first name: the posting position where the last name begins. */
  private readonly firstWords: Uint8Array;
  private readonly words: PrefixDictionary;
  private readonly emails: EmailPrefixes;
  private readonly domains: PrefixDictionary;
  // Scratch space for one search at a time (searches run to completion, so sharing is safe).
  private readonly seen: Int32Array;
  private generation = 0;

  constructor(private readonly people: readonly RosterPerson[]) {
    const n = people.length;
    this.nameStart = new Int32Array(n + 1);
    this.firstLength = new Int32Array(n);
    this.firstWords = new Uint8Array(n);
    this.seen = new Int32Array(n);
    const words = new Map<string, number[]>();
    const emails: AddressList = { addresses: [], persons: [] };
    const domains = new Map<string, number[]>();
    let packed = '';
    for (let p = 0; p < n; p++) {
      const person = people[p] as RosterPerson;
      const first = searchWords(person.firstName);
      const last = searchWords(person.lastName);
      // Word positions run on from the first name into the last.
      for (let k = 0; k < first.length; k++)
        addPosting(words, first[k] as string, p * 16 + Math.min(k, MAX_WORDS - 1));
      for (let k = 0; k < last.length; k++)
        addPosting(words, last[k] as string, p * 16 + Math.min(first.length + k, MAX_WORDS - 1));
      if (first.length + last.length > 1 && isUnspacedName(person.firstName + person.lastName)) {
        addPosting(words, last.join('') + first.join(''), p * 16 + COMPACT_NAME);
        addPosting(words, first.join('') + last.join(''), p * 16 + COMPACT_NAME);
      }
      addAddress(person.primaryEmail, p, emails, domains);
      for (const raw of person.emails) if (raw !== person.primaryEmail) addAddress(raw, p, emails, domains);
      const firstPart = first.join(' ');
      const full =
        last.length === 0
          ? firstPart
          : first.length === 0
            ? last.join(' ')
            : `${firstPart} ${last.join(' ')}`;
      this.nameStart[p] = packed.length;
      this.firstLength[p] = first.length === 0 ? -1 : firstPart.length;
      this.firstWords[p] = Math.min(first.length, MAX_WORDS - 1);
      packed += full;
    }
    this.nameStart[n] = packed.length;
    this.names = packed;
    this.words = PrefixDictionary.build(words);
    this.emails = new EmailPrefixes(emails.addresses, emails.persons);
    this.domains = PrefixDictionary.build(domains);
  }

  /** Approximate bytes held beyond the people themselves. */
  get bytes(): number {
    const arrays = [this.nameStart, this.firstLength, this.firstWords, this.seen];
    return (
      this.names.length * 2 +
      arrays.reduce((sum, a) => sum + a.byteLength, 0) +
      this.words.bytes +
      this.emails.bytes +
      this.domains.bytes
    );
  }

  search(term: string, limit = 20): SearchHitRef[] {
    if (limit <= 0 || this.people.length === 0) return [];
    const query = parseQuery(term);
    if (query.words.length === 0 && query.raw.replace(/^@/, '').length === 0) return [];
    const top = new TopK(limit, this.alphabetically);
    if (query.words.length === 1) this.searchOneWord(query.words[0] as string, top);
    else if (query.words.length > 1) this.searchAllWords(query, top, false);
    this.searchEmails(query, top);
    if (top.size < limit && query.words.some((w) => allowedEdits(w.length) > 0)) {
      this.searchAllWords(query, top, true);
    }
    return top.sorted().map(({ person, score }) => ({ id: (this.people[person] as RosterPerson).id, score }));
  }

  private offer(top: TopK, p: number, score: number): void {
    const internal = (this.people[p] as RosterPerson).type === 1 ? 1 : 0;
    top.offer(p, score, (TOP_SCORE - score) * 2 + internal);
  }

  /**
   * Orders two people by full name (as `<` orders strings), then by id. Asked only of the few
   * people a search ranks alike, rather than sorting the whole roster by name up front.
   */
  private readonly alphabetically = (a: number, b: number): number => {
    const names = this.names;
    const fromA = this.nameStart[a] as number;
    const fromB = this.nameStart[b] as number;
    const lengthA = (this.nameStart[a + 1] as number) - fromA;
    const lengthB = (this.nameStart[b + 1] as number) - fromB;
    const common = Math.min(lengthA, lengthB);
    for (let i = 0; i < common; i++) {
      const diff = names.charCodeAt(fromA + i) - names.charCodeAt(fromB + i);
      if (diff !== 0) return diff;
    }
    if (lengthA !== lengthB) return lengthA - lengthB;
    return (this.people[a] as RosterPerson).id - (this.people[b] as RosterPerson).id;
  };

  /** One word: scored straight from the postings, without reading names. */
  private searchOneWord(word: string, top: TopK): void {
    const [from, to] = this.words.prefixRange(word);
    const { start, postings, keys } = this.words;
    for (let k = from; k < to; k++) {
      const whole = keys[k] === word;
      for (let i = start[k] as number; i < (start[k + 1] as number); i++) {
        const posting = postings[i] as number;
        const p = posting >> 4;
        const position = posting & 15;
        let score: number;
        if (position === COMPACT_NAME) score = whole ? Score.exactName : Score.namePrefix;
        else if (whole && this.isWholeName(p, word)) score = Score.exactName;
        else if (position === 0 || position === this.firstWords[p])
          score = Score.namePrefix + (whole ? 5 : 0);
        else score = Score.wordPrefix + (whole ? 5 : 0);
        this.offer(top, p, score);
      }
    }
  }

  private isWholeName(p: number, text: string): boolean {
    const from = this.nameStart[p] as number;
    return (this.nameStart[p + 1] as number) - from === text.length && this.names.startsWith(text, from);
  }

  /** E-mail prefix for terms without spaces; "@acme" or "acme.com" searches domains too. */
  private searchEmails(query: Query, top: TopK): void {
    const raw = query.raw;
    if (raw.length === 0 || /\s/.test(raw)) return;
    if (!raw.startsWith('@')) {
      this.emails.forEachStartingWith(raw, (p, exact) =>
        this.offer(top, p, exact ? Score.exactEmail : Score.emailPrefix + 5),
      );
    }
    if (!raw.includes('@') || raw.startsWith('@')) {
      const [from, to] = this.domains.prefixRange(raw.startsWith('@') ? raw.slice(1) : raw);
      for (let i = this.domains.start[from] as number; i < (this.domains.start[to] as number); i++) {
        this.offer(top, this.domains.postings[i] as number, Score.emailPrefix);
      }
    }
  }

  /**
   * Several words ("jo smi", "smith john", "smith acme"), or any words with typos allowed.
   * Candidates come from the word with the fewest postings; each is then checked in full.
   */
  private searchAllWords(query: Query, top: TopK, typos: boolean): void {
    const edits = query.words.map((w) => (typos ? allowedEdits(w.length) : 0));
    let pivotKeys: number[] = [];
    let pivotDomains: [number, number] = [0, 0];
    let pivotCost = Infinity;
    query.words.forEach((word, w) => {
      const [from, to] = this.words.prefixRange(word);
      const keys: number[] = [];
      for (let k = from; k < to; k++) keys.push(k);
      if ((edits[w] as number) > 0) this.typoKeys(word, edits[w] as number, from, to, keys);
      const domains = this.domains.prefixRange(word);
      let cost = this.domains.postingCount(domains[0], domains[1]);
      for (const k of keys) cost += this.words.postingCount(k, k + 1);
      if (cost < pivotCost) {
        pivotCost = cost;
        pivotKeys = keys;
        pivotDomains = domains;
      }
    });
    const generation = this.nextGeneration();
    const consider = (p: number): void => {
      if (this.seen[p] === generation) return;
      this.seen[p] = generation;
      const score = this.scoreWords(p, query, edits);
      if (score > 0) this.offer(top, p, score);
    };
    const { start, postings } = this.words;
    for (const k of pivotKeys) {
      for (let i = start[k] as number; i < (start[k + 1] as number); i++)
        consider((postings[i] as number) >> 4);
    }
    const domainStart = this.domains.start;
    for (let i = domainStart[pivotDomains[0]] as number; i < (domainStart[pivotDomains[1]] as number); i++) {
      consider(this.domains.postings[i] as number);
    }
  }

  private nextGeneration(): number {
    this.generation++;
    if (this.generation > 0x3fffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /** Keys (outside the prefix range [from, to)) within the allowed edits of word. */
  private typoKeys(word: string, edits: number, from: number, to: number, out: number[]): void {
    const keys = this.words.keys;
    const minLength = word.length - edits;
    for (let k = 0; k < keys.length; k++) {
      if (k === from && to > from) {
        k = to - 1;
        continue;
      }
      const key = keys[k] as string;
      if (key.length < minLength) continue;
      if (prefixEditDistance(word, key, edits) <= edits) out.push(k);
    }
  }

  /** Full check of one person against every query word; 0 when they do not match. */
  private scoreWords(p: number, query: Query, edits: number[]): number {
    const from = this.nameStart[p] as number;
    const full = this.names.slice(from, this.nameStart[p + 1] as number);
    const firstLength = this.firstLength[p] as number;
    // Masks hold 16 words (and 16 more bits for typos): longer names are checked on their first 16.
    const nameWords = full.length === 0 ? [] : full.split(' ').slice(0, 16);
    const words = query.words;
    let domains: string[] | null = null;
    const masks: number[] = [];
    const wholeMasks: number[] = [];
    const inDomain: boolean[] = [];
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      let mask = 0;
      let whole = 0;
      nameWords.forEach((nameWord, i) => {
        if (nameWord.startsWith(word)) {
          mask |= 1 << i;
          if (nameWord === word) whole |= 1 << i;
        } else if (
          (edits[w] as number) > 0 &&
          prefixEditDistance(word, nameWord, edits[w] as number) <= (edits[w] as number)
        ) {
          mask |= 1 << (i + 16);
        }
      });
      if (mask === 0) {
        domains ??= this.domainsOf(p);
        inDomain[w] = domains.some((d) => d.startsWith(word));
        if (!inDomain[w]) return 0;
      } else inDomain[w] = false;
      masks.push(mask);
      wholeMasks.push(whole);
    }
    const typoCount = assignWords(masks, inDomain);
    if (typoCount < 0) return 0;
    if (typoCount > 0) return Score.typo + Math.max(0, 9 - 3 * typoCount);
    const wholeWords = wholeMasks.reduce((sum, m) => sum + (m !== 0 ? 1 : 0), 0);
    if (inDomain.some(Boolean)) return Score.emailPrefix;
    const reversed =
      firstLength < 0 || firstLength >= full.length
        ? full
        : `${full.slice(firstLength + 1)} ${full.slice(0, firstLength)}`;
    if (query.spaced === full || query.spaced === reversed) return Score.exactName;
    if (full.startsWith(query.spaced) || reversed.startsWith(query.spaced))
      return Score.namePrefix + Math.min(wholeWords, 5);
    return Score.wordPrefix + Math.min(wholeWords, 5);
  }

  private domainsOf(p: number): string[] {
    const person = this.people[p] as RosterPerson;
    return [person.primaryEmail ?? '', ...person.emails]
      .map((e) => domainOf(normaliseEmail(e)))
      .filter(Boolean);
  }
}

/**
 * Gives each query word its own name word (or an e-mail domain). Bits 0-15 of a mask are prefix
 * matches, bits 16-31 matches with typos. Returns the fewest typos of an assignment, or -1.
 */
function assignWords(masks: number[], inDomain: boolean[]): number {
  let best = -1;
  const visit = (w: number, used: number, typos: number): void => {
    if (best >= 0 && typos >= best) return;
    if (w === masks.length) {
      best = typos;
      return;
    }
    if (inDomain[w]) visit(w + 1, used, typos);
    const mask = masks[w] as number;
    for (let i = 0; i < 16; i++) {
      if (used & (1 << i)) continue;
      if (mask & (1 << i)) visit(w + 1, used | (1 << i), typos);
      else if (mask & (1 << (i + 16))) visit(w + 1, used | (1 << i), typos + 1);
    }
  };
  visit(0, 0, 0);
  return best;
}

function parseQuery(term: string): Query {
  const words = searchWords(term).slice(0, MAX_QUERY_WORDS);
  return { words, raw: normaliseEmail(term), spaced: words.join(' ') };
}

/**
 * The best `limit` people by sort key (lower is better), people with equal keys in the order
 * `tie` gives; kept in a heap with the worst at the top.
 */
class TopK {
  private readonly keys: number[] = [];
  private readonly persons: number[] = [];
  private readonly scores: number[] = [];
  private readonly members = new Set<number>();

  constructor(
    private readonly limit: number,
    private readonly tie: (a: number, b: number) => number,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  offer(person: number, score: number, key: number): void {
    if (this.members.has(person)) {
      const at = this.persons.indexOf(person);
      if (key >= (this.keys[at] as number)) return;
      this.removeAt(at);
    }
    if (this.keys.length === this.limit) {
      if (!this.before(key, person, 0)) return;
      this.removeAt(0);
    }
    this.keys.push(key);
    this.persons.push(person);
    this.scores.push(score);
    this.members.add(person);
    this.up(this.keys.length - 1);
  }

  sorted(): { person: number; score: number }[] {
    return this.keys
      .map((key, i) => ({ key, person: this.persons[i] as number, score: this.scores[i] as number }))
      .sort((a, b) => a.key - b.key || this.tie(a.person, b.person));
  }

  /** Whether a person with `key` ranks before the one at heap index i. */
  private before(key: number, person: number, i: number): boolean {
    const other = this.keys[i] as number;
    return key < other || (key === other && this.tie(person, this.persons[i] as number) < 0);
  }

  private removeAt(i: number): void {
    const last = this.keys.length - 1;
    this.members.delete(this.persons[i] as number);
    this.swap(i, last);
    this.keys.pop();
    this.persons.pop();
    this.scores.pop();
    if (i < this.keys.length) {
      this.up(i);
      this.down(i);
    }
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.keys[parent] as number, this.persons[parent] as number, i)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < n && this.before(this.keys[worst] as number, this.persons[worst] as number, l)) worst = l;
      if (r < n && this.before(this.keys[worst] as number, this.persons[worst] as number, r)) worst = r;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(a: number, b: number): void {
    const { keys, persons, scores } = this;
    [keys[a], keys[b]] = [keys[b] as number, keys[a] as number];
    [persons[a], persons[b]] = [persons[b] as number, persons[a] as number];
    [scores[a], scores[b]] = [scores[b] as number, scores[a] as number];
  }
}
