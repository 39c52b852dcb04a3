/**
 * Finds roster people in plain text: full names (first + last, middle names and initials tolerated,
 * "Last, First" too), names in scripts without word spaces, and e-mail addresses. One walk cuts the
 * text into words with a cheap shape each; a word costs a bit test unless it may start a name, and
 * only then a probe into the name trie.
 */
import type { TextMatch } from '../people/types';
import { emailAround, type EmailSpan } from './emails';
import type { EmailOwners } from './email-owners';
import { type NameTrie, ROOT_FORWARD } from './name-trie';
import { Gap, LOOKAHEAD, mayContain, Tokens, wordKeys } from './tokens';
import type { UnspacedMatch, UnspacedNames } from './unspaced-names';
import { Candidates, EMAIL, INEXACT, INITIAL } from './candidates';

/** How many words may stand between first and last name ("John Fitzgerald F. Kennedy"). */
const MAX_MIDDLE_WORDS = 2;

// Gap kinds as plain module constants: the loops below compare them per word.
const GAP_SPACE = Gap.Space;
const GAP_COMMA = Gap.Comma;
const GAP_HYPHEN = Gap.Hyphen;
const GAP_APOSTROPHE = Gap.Apostrophe;
const GAP_DOT = Gap.Dot;
const GAP_DOT_SPACE = Gap.DotSpace;

/** Shared by every text without matches (frozen, like the people arrays). */
const NO_MATCHES = Object.freeze([]) as unknown as TextMatch[];

/** The possessive "s" after an apostrophe ("Smith's"). */
const [[S_HASH = 0, S_SHAPE = 0] = []] = wordKeys('s');

export class TextMatcher {
  private readonly tokens = new Tokens();
  /** Words at and beyond this index are not to be read while visiting a start. */
  private limit = 0;
  /** Names found, in text order. */
  private readonly names = new Candidates();
  /** Unspaced names and e-mail addresses found, in text order. */
  private readonly others = new Candidates();
  private readonly unspacedFound: UnspacedMatch[] = [];
  private readonly email: EmailSpan = { start: 0, end: 0 };
  /** The candidates of the overlap cluster being settled (reused). */
  private readonly clusterSources: Candidates[] = [];
  private readonly clusterIndices: number[] = [];
  /**
   * The people of each trie node met so far. A map of the few names a page has, rather than an
   * array over every node: an array that size is read at random and misses the cache each time.
   */
  private readonly peopleOfNode = new Map<number, number[]>();
  private readonly single: string[] = [''];
  private readonly localRuns: number[] = [];
  // Where resolve() hands matches: each text's matches, and the text it is in.
  private results: TextMatch[][] = [];
  private resultText = 0;

  constructor(
    private readonly trie: NameTrie,
    private readonly unspaced: UnspacedNames,
    private readonly emailOwners: EmailOwners,
  ) {}

  match(text: string): TextMatch[] {
    this.single[0] = text;
    return this.matchAll(this.single)[0] as TextMatch[];
  }

  /**
   * The matches of each text (e.g. the text nodes of a page), in one pass over all of them: no name
   * runs from one text into the next.
   */
  matchAll(texts: readonly string[]): TextMatch[][] {
    this.names.clear();
    this.others.clear();
    const tokens = this.tokens;
    this.findNames(texts);
    if (tokens.unspacedRuns.length > 0 || tokens.textsWithAt.length > 0) this.findOthers(texts);
    const results: TextMatch[][] = new Array<TextMatch[]>(texts.length).fill(NO_MATCHES);
    if (this.names.count === 0 && this.others.count === 0) return results;
    this.results = results;
    this.resultText = 0;
    this.resolve();
    this.results = [];
    return results;
  }

  /**
   * Reads the texts and gathers every name. Its own function, with nothing after the loop: V8
   * optimizes a long loop while it runs (on-stack replacement), before any code after the loop has
   * run, and such code would then leave the optimized function on every later call.
   */
  private findNames(texts: readonly string[]): void {
    const tokens = this.tokens;
    tokens.beginAll(texts, this.trie.starts);
    for (let more = true; more;) {
      more = tokens.scan();
      for (let i = tokens.nextStart(); i >= 0; i = tokens.nextStart()) this.visitStart(i, tokens.count);
    }
  }

  /**
   * A word that may start a name, forwards ("John Smith") or reversed ("Smith, John"). Words up to
   * i + LOOKAHEAD - 1 (or to the end of the text) are known, with the gap after them.
   */
  private visitStart(i: number, known: number): void {
    const tokens = this.tokens;
    const trie = this.trie;
    this.limit = Math.min(known, i + LOOKAHEAD);
    // A name starts a word: not after "Mary-", "O'" or "john.".
    const before = tokens.gapBefore(i);
    if (before === GAP_HYPHEN || before === GAP_APOSTROPHE || before === GAP_DOT) return;
    const shape = tokens.shapeOf(i);
    if (mayContain(trie.forwardStarts, shape)) {
      const node = trie.child(ROOT_FORWARD, tokens, i);
      if (node >= 0) this.walkFirstName(i, node);
    }
    // "Smith, John": only worth a look with a comma within the next three words.
    const limit = this.limit;
    if (
      (tokens.gapBefore(i + 1) === GAP_COMMA ||
        (i + 2 <= limit && tokens.gapBefore(i + 2) === GAP_COMMA) ||
        (i + 3 <= limit && tokens.gapBefore(i + 3) === GAP_COMMA)) &&
      mayContain(trie.lastStarts, shape)
    ) {
      this.walkReversed(i);
    }
  }

  /** From the first word of a first name at `start`, through the rest of it, to every last name. */
  private walkFirstName(start: number, node: number): void {
    const { tokens, trie } = this;
    const count = this.limit;
    for (let j = start; ;) {
      const afterFirst = trie.afterMarker(node);
      if (afterFirst >= 0 && this.nameGapAfter(j)) {
        this.walkTail(start, afterFirst, j + 1, 0);
        // Middle names and initials: capitalised words between first and last name.
        for (let m = j + 1, skipped = 1; skipped <= MAX_MIDDLE_WORDS && m + 1 < count; m++, skipped++) {
          if (!tokens.isCapitalized(m) || !this.nameGapAfter(m)) break;
          this.walkTail(start, afterFirst, m + 1, INEXACT);
        }
      }
      if (j + 1 >= count || !trie.hasWords(node) || !this.wordGapAfter(j)) return;
      node = trie.child(node, tokens, j + 1);
      if (node < 0) return;
      j++;
    }
  }

  /**
   * The last name from word `at`, down the trie from node (after a first name), recording every
   * complete name. Most words fail the bit test of the words last names start with, and cost no
   * probe.
   */
  private walkTail(start: number, node: number, at: number, flags: number): void {
    const { tokens, trie } = this;
    if (at >= this.limit || !mayContain(trie.lastStarts, tokens.shapeOf(at))) return;
    for (let k = at; ;) {
      node = trie.child(node, tokens, k);
      if (node < 0) return;
      if (trie.isName(node) && this.endsWord(k)) {
        const initial = tokens.isSingle(start) ? INITIAL : 0;
        this.names.add(tokens.startOf(start), tokens.endOf(k), node, (flags & INEXACT) | initial);
      }
      if (k + 1 >= this.limit || !trie.hasWords(node) || !this.wordGapAfter(k)) return;
      k++;
    }
  }

  /**
   * "Smith, John": last-name words, a comma, then the first name. Looked up in the order names are
   * kept (first name, then last name), so the trie holds each name once. Not inside a list of names
   * in the usual order: in "Johnny Smith, Jon Doe" neither "Smith" nor "Jon" stands alone, so no
   * "Smith, Jon" is read there. (Lists of names are common on pages; a capitalised word right before
   * "Smith, John" that is no name, as at the start of a sentence, is rare, and then the name is
   * missed.)
   */
  private walkReversed(start: number): void {
    if (this.capitalizedBefore(start)) return;
    // The last name is words start..last (up to three), the comma right after it.
    for (let last = start; last < start + 3 && last + 1 < this.limit; last++) {
      if (last > start && !this.wordGapAfter(last - 1)) return;
      if (this.tokens.gapBefore(last + 1) === GAP_COMMA) this.walkFirstAfterComma(start, last);
    }
  }

  /** The first name after "Smith," (from word last + 1), then back to the last name, start..last. */
  private walkFirstAfterComma(start: number, last: number): void {
    const { tokens, trie } = this;
    const from = last + 1;
    if (!mayContain(trie.forwardStarts, tokens.shapeOf(from))) return;
    let node = trie.child(ROOT_FORWARD, tokens, from);
    for (let k = from; node >= 0; k++) {
      const afterFirst = trie.afterMarker(node);
      // The first name ends the name: "Smith, John Q." is not read as John Smith.
      if (afterFirst >= 0 && this.endsWord(k) && !this.capitalizedAfter(k)) {
        let name = afterFirst;
        for (let w = start; w <= last && name >= 0; w++) name = trie.child(name, tokens, w);
        if (name >= 0 && trie.isName(name)) {
          this.names.add(tokens.startOf(start), tokens.endOf(k), name, tokens.isSingle(start) ? INITIAL : 0);
        }
      }
      if (k + 1 >= this.limit || !trie.hasWords(node) || !this.wordGapAfter(k)) return;
      node = trie.child(node, tokens, k + 1);
    }
  }

  /** Whether word i is preceded by a capitalised word, after a space. */
  private capitalizedBefore(i: number): boolean {
    const tokens = this.tokens;
    return i > 0 && tokens.gapBefore(i) === GAP_SPACE && tokens.isCapitalized(i - 1);
  }

  /** Whether word i is followed by a capitalised word, after a space. */
  private capitalizedAfter(i: number): boolean {
    const tokens = this.tokens;
    return i + 1 < this.limit && tokens.gapBefore(i + 1) === GAP_SPACE && tokens.isCapitalized(i + 1);
  }

  /** Between words of one name part: "Mary Ann", "Jean-Pierre", "O'Brien", "J.R.". */
  private wordGapAfter(i: number): boolean {
    const g = this.tokens.gapBefore(i + 1);
    if (g === GAP_SPACE || g === GAP_HYPHEN || g === GAP_APOSTROPHE) return true;
    return (g === GAP_DOT || g === GAP_DOT_SPACE) && this.tokens.isSingle(i);
  }

  /** Between first name, middle names and last name: a space, or a full stop after an initial. */
  private nameGapAfter(i: number): boolean {
    const g = this.tokens.gapBefore(i + 1);
    if (g === GAP_SPACE) return true;
    return (g === GAP_DOT || g === GAP_DOT_SPACE) && this.tokens.isSingle(i);
  }

  /** A name ends a word: not "Smith-Jones" or "smith.com", but "Smith's" and "Smith." are fine. */
  private endsWord(i: number): boolean {
    const tokens = this.tokens;
    const g = tokens.gapBefore(i + 1);
    if (g === GAP_HYPHEN || g === GAP_DOT) return false;
    if (g !== GAP_APOSTROPHE) return true;
    const next = i + 1;
    if (!tokens.isSingle(next)) return false;
    if (tokens.shapeOf(next) !== S_SHAPE || tokens.hashOf(next) !== S_HASH) return false;
    const after = tokens.gapBefore(next + 1);
    return after !== GAP_HYPHEN && after !== GAP_APOSTROPHE && after !== GAP_DOT;
  }

  /**
   * Unspaced names and e-mail addresses, merged in text order into `others`, in the texts the
   * scan saw either in (runs of scripts without spaces, an "@").
   */
  private findOthers(texts: readonly string[]): void {
    const tokens = this.tokens;
    const runs = tokens.unspacedRuns;
    const withAt = tokens.textsWithAt;
    let r = 0;
    let a = 0;
    let t = 0;
    while (r < runs.length || a < withAt.length) {
      // The text of the next run (run offsets are stream offsets, in order).
      if (r < runs.length) t = tokens.textHolding(runs[r] as number, t);
      const runText = r < runs.length ? t : texts.length;
      const atText = a < withAt.length ? (withAt[a] as number) : texts.length;
      const current = Math.min(runText, atText);
      const text = texts[current] as string;
      const base = tokens.textStart(current);
      const local = this.localRuns;
      local.length = 0;
      while (r < runs.length && (runs[r] as number) < base + text.length)
        local.push((runs[r++] as number) - base);
      if (atText === current) a++;
      this.findOthersIn(text, local, atText === current, base);
    }
  }

  /** findOthers in one text, whose offsets start at `base` in the stream. */
  private findOthersIn(text: string, runs: readonly number[], hasAt: boolean, base: number): void {
    const unspaced = this.unspacedFound;
    unspaced.length = 0;
    if (runs.length > 0) this.unspaced.find(text, runs, unspaced);
    const email = this.email;
    let u = 0;
    for (let at = hasAt ? text.indexOf('@') : -1; at !== -1;) {
      if (!emailAround(text, at, email)) {
        at = text.indexOf('@', at + 1);
        continue;
      }
      at = text.indexOf('@', email.end);
      const ids = this.emailOwners.getAt(text, email.start, email.end);
      if (!ids) continue;
      for (; u < unspaced.length && (unspaced[u] as UnspacedMatch).start <= email.start; u++) {
        const m = unspaced[u] as UnspacedMatch;
        this.others.addList(base + m.start, base + m.end, m.ids, 0);
      }
      this.others.addList(base + email.start, base + email.end, ids, EMAIL);
    }
    for (; u < unspaced.length; u++) {
      const m = unspaced[u] as UnspacedMatch;
      this.others.addList(base + m.start, base + m.end, m.ids, 0);
    }
  }

  /**
   * Settles overlaps (the longest wins; see settleCluster) and builds the matches in text order.
   * Walks names and others together, like a merge of two sorted lists.
   */
  private resolve(): void {
    const a = this.names;
    const b = this.others;
    let i = 0;
    let j = 0;
    // The cluster of overlapping candidates being gathered: usually one.
    let size = 0;
    let clusterEnd = -1;
    while (i < a.count || j < b.count) {
      const fromA = j >= b.count || (i < a.count && (a.start[i] as number) <= (b.start[j] as number));
      const source = fromA ? a : b;
      const k = fromA ? i++ : j++;
      if ((source.start[k] as number) >= clusterEnd && size > 0) {
        this.settleCluster(size);
        size = 0;
      }
      this.clusterSources[size] = source;
      this.clusterIndices[size] = k;
      size++;
      const end = source.end[k] as number;
      if (size === 1 || end > clusterEnd) clusterEnd = end;
    }
    if (size > 0) this.settleCluster(size);
  }

  /**
   * Longest first, an exact name before one with skipped middle words. A shorter exact name inside a
   * longer inexact one, starting where it starts ("John Fitzgerald Smith" when both John Smith and
   * John Fitzgerald are known), makes the text ambiguous: the long span keeps both people as
   * candidates. An exact name starting further in ("Elena Petrova Paula Moreno") would have its own
   * first name skipped as a middle word: that text is two names side by side, and the inexact one
   * is dropped (see splitsOff).
   */
  private settleCluster(size: number): void {
    const sources = this.clusterSources;
    const indices = this.clusterIndices;
    if (size === 1) {
      this.emit(this.toMatch(sources[0] as Candidates, indices[0] as number));
      return;
    }
    const all = sources.slice(0, size).map((source, n) => {
      const k = indices[n] as number;
      const flags = source.flags[k] as number;
      return { source, k, flags, start: source.start[k] as number, end: source.end[k] as number };
    });
    const items = all.filter(
      (host) => !(host.flags & INEXACT) || !all.some((inner) => splitsOff(host, inner)),
    );
    items.sort(
      (x, y) =>
        y.end - y.start - (x.end - x.start) || (x.flags & INEXACT) - (y.flags & INEXACT) || x.start - y.start,
    );
    const picked: { item: (typeof items)[number]; match: TextMatch }[] = [];
    for (const item of items) {
      const host = picked.find((p) => item.start < p.item.end && p.item.start < item.end);
      if (!host) {
        picked.push({ item, match: this.toMatch(item.source, item.k) });
        continue;
      }
      const inside = item.start >= host.item.start && item.end <= host.item.end;
      const names = !((item.flags | host.item.flags) & EMAIL);
      if (inside && names && host.item.flags & INEXACT && !(item.flags & INEXACT)) {
        const more = this.peopleOf(item.source, item.k).filter((id) => !host.match.personIds.includes(id));
        host.match.personIds = [...host.match.personIds, ...more];
      }
    }
    picked.sort((x, y) => x.item.start - y.item.start);
    for (const p of picked) this.emit(p.match);
  }

  /** Hands a match (in stream offsets, in order) to its text, in that text's offsets. */
  private emit(match: TextMatch): void {
    const tokens = this.tokens;
    const t = tokens.textHolding(match.start, this.resultText);
    this.resultText = t;
    const base = tokens.textStart(t);
    match.start -= base;
    match.end -= base;
    const list = this.results[t] as TextMatch[];
    // A literal holds the first match in an array of its size: a page has thousands of short lists.
    if (list === NO_MATCHES) this.results[t] = [match];
    else list.push(match);
  }

  /**
   * The people of a candidate. Arrays are shared between matches and frozen: a page names the same
   * people again and again, and fresh arrays for each would only feed the garbage collector.
   */
  private peopleOf(source: Candidates, k: number): number[] {
    const people = source.people[k] as number;
    if (people < 0) return source.lists[-people - 1] as number[];
    let ids = this.peopleOfNode.get(people);
    if (ids === undefined) {
      ids = Object.freeze(this.trie.peopleAt(people)) as number[];
      this.peopleOfNode.set(people, ids);
    }
    return ids;
  }

  private toMatch(source: Candidates, k: number): TextMatch {
    return {
      start: source.start[k] as number,
      end: source.end[k] as number,
      kind: (source.flags[k] as number) & EMAIL ? 'email' : 'name',
      personIds: this.peopleOf(source, k),
    };
  }
}

interface Span {
  flags: number;
  start: number;
  end: number;
}

/**
 * Whether `inner`, an exact name that ends the inexact name `host` but starts after it, shows the
 * host to be two names side by side. Not when inner starts with an initial: "David Q. Smith" reads
 * as a middle initial even if someone is called Q Smith. Not when inner stops short of the host's
 * end: "María Paula Moreno García" is one person with two given names and two surnames, not Paula
 * Moreno beside someone else.
 */
function splitsOff(host: Span, inner: Span): boolean {
  return inner.start > host.start && inner.end === host.end && !(inner.flags & (INEXACT | EMAIL | INITIAL));
}
