/**
 * One pass over a text that cuts it into words. Words keep their offsets in the original text
 * (folding never touches the text, so offsets cannot drift); between two words we keep only the
 * kind of gap (a space, a comma, a hyphen…), which is all the name rules need.
 *
 * Each word gets a cheap "shape" on the way (its folded length, first and last two letters and
 * the sum of its letters, mixed): enough to turn away nearly every word that starts no name. The full hash of the folded
 * word is computed later, only for the few words that need it.
 */
import * as chars from './chars';

// Local copies: some module loaders (tsx, vitest) read imported bindings through getters, which
// would cost a call per character in the loops below.
const {
  APOSTROPHE,
  COMMA,
  DOT,
  FOLD_SEVERAL,
  HYPHEN,
  IGNORABLE,
  NO_BOUNDARY,
  SPACE,
  UPPER,
  WORD,
  isHighSurrogate,
  isLowSurrogate,
} = chars;
const INFO_ASCII = chars.ASCII_INFO;
const FOLD_ASCII = chars.ASCII_FOLD;
const infoOfUnit = chars.infoOf;
const infoOfPoint = chars.infoOfCodePoint;
const foldOfUnit = chars.foldOf;
const foldOfPoint = chars.foldOfCodePoint;
const severalOfUnit = chars.severalOf;

/** What separates a word from the one before it. */
export const Gap = {
  Start: 0,
  Space: 1,
  Comma: 2,
  /** A hyphen with no space around it: "Jean-Pierre", "Smith-Jones". */
  Hyphen: 3,
  /** An apostrophe with no space around it: "O'Brien", "Smith's". */
  Apostrophe: 4,
  /** A full stop with no space after it: "J.R.", "john.smith". */
  Dot: 5,
  /** A full stop and a space: "J. Smith", or a sentence end. */
  DotSpace: 6,
  Other: 7,
} as const;
export type Gap = (typeof Gap)[keyof typeof Gap];

// A word's byte: the gap before it (a Gap, three bits), then its flags. One byte and one store
// per word: each array the reading loop writes costs it time (measured).
const GAP_MASK = 7;
const CAPITALIZED = 8;
/** Exactly one folded letter long: an initial. */
const SINGLE = 16;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// Gap bits gathered while walking separators; MANY marks two or more non-space separators.
const G_SPACE = 1;
const G_COMMA = 2;
const G_HYPHEN = 4;
const G_APOSTROPHE = 8;
const G_DOT = 16;
const G_OTHER = 32;
const G_MANY = 64;
/** An "@" among the separators: the text may hold an e-mail address (a kind of G_OTHER). */
const G_AT = 128;

function gapFromBits(bits: number): Gap {
  if (bits & (G_OTHER | G_MANY)) return Gap.Other;
  const spaced = (bits & G_SPACE) !== 0;
  const mark = bits & ~G_SPACE;
  if (mark === 0) return spaced ? Gap.Space : Gap.Start;
  if (mark === G_COMMA) return Gap.Comma;
  if (mark === G_DOT) return spaced ? Gap.DotSpace : Gap.Dot;
  if (spaced) return Gap.Other;
  return mark === G_HYPHEN ? Gap.Hyphen : Gap.Apostrophe;
}

const GAP_OF_BITS = new Uint8Array(256);
for (let bits = 0; bits < 256; bits++) GAP_OF_BITS[bits] = gapFromBits(bits);

/** Separator char class bits -> gap bits. */
function gapBitsOf(info: number): number {
  if (info & SPACE) return G_SPACE;
  if (info & COMMA) return G_COMMA;
  if (info & HYPHEN) return G_HYPHEN;
  if (info & APOSTROPHE) return G_APOSTROPHE;
  if (info & DOT) return G_DOT;
  return G_OTHER;
}

const ASCII_GAP_BITS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_GAP_BITS[c] = gapBitsOf(INFO_ASCII[c] as number);
ASCII_GAP_BITS[0x40] = G_OTHER | G_AT;

/** Folded ASCII word characters (A-Z lower-cased), 0 for everything else. */
const ASCII_WORD_UNIT = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_WORD_UNIT[c] = (INFO_ASCII[c] as number) & WORD ? (FOLD_ASCII[c] as number) : 0;

/** ASCII_WORD_UNIT over every UTF-16 unit (0 beyond ASCII): one load and one test per character. */
const BMP_ASCII_WORD_UNIT = new Uint8Array(0x10000);
BMP_ASCII_WORD_UNIT.set(ASCII_WORD_UNIT);

/** Mixes a word's shape: folded length, first, next-to-last and last folded units, sum of units. */
function shapeOf(length: number, first: number, beforeLast: number, last: number, sum: number): number {
  let x =
    Math.imul(length ^ (first << 8) ^ (beforeLast << 16), 0x9e3779b1) ^
    Math.imul((last ^ (sum << 16)) + 0x7f4a7c15, 0x85ebca6b);
  x ^= x >>> 15;
  return Math.imul(x, 0x2c1b3c6d);
}

/**
 * A bit set over word shapes (e.g. of the words names start with): one load and one test turn away
 * nearly every word of prose. Each shape sets two bits of one 32-bit word (a blocked Bloom filter,
 * k = 2): with `bitsPerShape` 32, about one word in 250 gets past by chance, against one in thirty
 * with a single bit, for the same memory and the same one read.
 */
export function shapeFilter(shapes: ReadonlySet<number>, bitsPerShape = 32): Int32Array {
  let size = 64;
  while (size * 32 < shapes.size * bitsPerShape) size *= 2;
  const filter = new Int32Array(size);
  for (const shape of shapes) {
    const slot = (shape >>> 5) & (size - 1);
    filter[slot] = (filter[slot] as number) | shapeBits(shape);
  }
  return filter;
}

/** The two bits of a shape in its filter word: from its lowest and highest five bits. */
function shapeBits(shape: number): number {
  return (1 << (shape & 31)) | (1 << (shape >>> 27));
}

/** Whether a shape may be in the set the filter was built from. */
export function mayContain(filter: Int32Array, shape: number): boolean {
  const bits = shapeBits(shape);
  return ((filter[(shape >>> 5) & (filter.length - 1)] as number) & bits) === bits;
}

/** classify() results beyond single folded units. */
const UNIT_LIMIT = 0x10000;
const SEVERAL_UNITS = 0x10001;
const NO_UNITS = 0x10002;

const HASHED = 32;
const ASCII_ONLY = 64;

/** How many words after a possible name start are read before the start is looked at. */
export const LOOKAHEAD = 16;
/** Words kept (a power of two). */
const RING = 256;
/** scan() pauses when the oldest waiting start is this many words back, well before it leaves the ring. */
const PAUSE_AFTER = RING - LOOKAHEAD - 8;
const RING_MASK = RING - 1;

/**
 * The words of a text, or of several read as one stream (the text nodes of a page). Words are
 * addressed by their index in the stream but only the last RING are kept, in small typed arrays
 * that stay in cache: no array the size of the text is written. Words whose shape passes a filter
 * (possible name starts) are queued; scan() pauses whenever the oldest of them is about to leave
 * the ring, so that the caller can look at them while their words are still there. Keeping that
 * work out of the character loop keeps the loop small and fast, and reading many short texts as
 * one stream keeps those lookups in long runs, as in one long text.
 *
 * Offsets count from the start of the first text, as if the texts were joined (see textStart);
 * nothing joins the last word of one text to the first of the next (their gap is Gap.Other).
 */
export class Tokens {
  /** Words read so far. */
  count = 0;
  /**
   * Where each run of characters of scripts written without spaces begins (names there are found
   * apart), as stream offsets.
   */
  readonly unspacedRuns: number[] = [];
  /** The texts that hold an "@" (an e-mail address may be there), in order. */
  readonly textsWithAt: number[] = [];
  private readonly starts = new Int32Array(RING);
  private readonly ends = new Int32Array(RING);
  /** See shapeOf. Together with the full hash, it identifies a folded word (64 bits). */
  private readonly shapes = new Int32Array(RING);
  /**
   * Per word: the gap before it and its flags (see GAP_MASK). words[count] holds only the gap: what
   * follows the last word read.
   */
  private readonly words = new Uint8Array(RING);
  private readonly hashes = new Int32Array(RING);
  /** Queued possible starts, oldest at `visited`, next free at `waiting` (indices into a ring). */
  private readonly queue = new Int32Array(RING);
  private waiting = 0;
  private visited = 0;
  private filter: Int32Array | null = null;
  private texts: readonly string[] = [];
  /** Where each text read so far starts in the stream. */
  private readonly textStarts: number[] = [];
  private readonly single: string[] = [''];
  // Where scan() stopped: the text, the next character in it, and what separates it from the last word.
  private textIndex = 0;
  /** The text of the word hashed last (see hashOf). */
  private hashedText = 0;
  private at = 0;
  private finished = false;
  private gapBits = 0;
  private gapMarks = 0;
  /** Separator bits seen in the current text so far (for G_AT). */
  private seenBits = 0;

  startOf(i: number): number {
    return this.starts[i & RING_MASK] as number;
  }

  endOf(i: number): number {
    return this.ends[i & RING_MASK] as number;
  }

  shapeOf(i: number): number {
    return this.shapes[i & RING_MASK] as number;
  }

  /** What stands before word i (gapBefore(count) is what follows the last word). */
  gapBefore(i: number): number {
    return (this.words[i & RING_MASK] as number) & GAP_MASK;
  }

  isCapitalized(i: number): boolean {
    return ((this.words[i & RING_MASK] as number) & CAPITALIZED) !== 0;
  }

  /** One folded letter long: an initial. */
  isSingle(i: number): boolean {
    return ((this.words[i & RING_MASK] as number) & SINGLE) !== 0;
  }

  /** Cuts a whole text (a name) into words; returns how many. */
  read(text: string): number {
    this.begin(text, null);
    while (this.scan());
    return this.count;
  }

  /** Starts on a text; words whose shape passes `filter` (a shapeFilter) will be queued. */
  begin(text: string, filter: Int32Array | null): void {
    this.single[0] = text;
    this.beginAll(this.single, filter);
  }

  /** Starts on several texts, read as one stream of words (see the class comment). */
  beginAll(texts: readonly string[], filter: Int32Array | null): void {
    this.texts = texts;
    this.filter = filter;
    if (this.unspacedRuns.length > 0) this.unspacedRuns.length = 0;
    if (this.textsWithAt.length > 0) this.textsWithAt.length = 0;
    this.textStarts.length = 0;
    this.textStarts.push(0);
    this.lastUnspaced = -10;
    this.pairEnd = -1;
    this.streamStart = 0;
    this.waiting = 0;
    this.visited = 0;
    this.count = 0;
    this.textIndex = 0;
    this.hashedText = 0;
    this.at = 0;
    this.finished = texts.length === 0;
    this.gapBits = 0;
    this.gapMarks = 0;
    this.seenBits = 0;
  }

  /** Where text t starts in the stream (t at most the text being read). */
  textStart(t: number): number {
    return this.textStarts[t] as number;
  }

  /**
   * The text holding stream offset `offset`, looking on from text `from` (callers ask in order).
   * Of empty texts at the same offset, the last: the text the offset's character is in.
   */
  textHolding(offset: number, from: number): number {
    const starts = this.textStarts;
    let t = from;
    while (t + 1 < starts.length && (starts[t + 1] as number) <= offset) t++;
    return t;
  }

  /**
   * The oldest queued word that can be looked at now (LOOKAHEAD words read after it, or every text
   * read to its end), removed from the queue; or -1.
   */
  nextStart(): number {
    if (this.visited === this.waiting) return -1;
    const i = this.queue[this.visited & RING_MASK] as number;
    if (i + LOOKAHEAD > this.count && !this.finished) return -1;
    this.visited++;
    return i;
  }

  /**
   * Reads on. Returns true when it paused (queued words are about to leave the ring: take them with
   * nextStart, then scan again), false at the end of the text.
   */
  scan(): boolean {
    if (this.finished) return false;
    const texts = this.texts;
    let t = this.textIndex;
    let text = texts[t] as string;
    let n = text.length;
    let base = this.streamStart;
    const { starts, ends, shapes, words, queue, filter } = this;
    let { waiting, count, gapBits, gapMarks, seenBits } = this;
    const oldest = this.visited < waiting ? (queue[this.visited & RING_MASK] as number) : -1;
    let pauseAt = oldest >= 0 ? oldest + PAUSE_AFTER : 0x7fffffff;
    let i = this.at;
    for (;;) {
      // Two loops take turns: one over the characters between words, one over a word's own. Each is
      // small, and the common case in each (ASCII) is a test or two.
      while (i < n) {
        // Between words: gather what separates them.
        let c = text.charCodeAt(i);
        let unit: number;
        if (c < 128) {
          unit = ASCII_WORD_UNIT[c] as number;
          if (unit === 0) {
            const bits = ASCII_GAP_BITS[c] as number;
            if (bits !== G_SPACE && ++gapMarks > 1) gapBits |= G_MANY;
            gapBits |= bits;
            i++;
            continue;
          }
        } else {
          // classify() also skips the second half of a surrogate pair (it returns -1 there).
          unit = this.classify(text, i, c);
          if (unit <= 0) {
            if (unit === 0) {
              const bits = this.separator;
              if (bits !== G_SPACE && ++gapMarks > 1) gapBits |= G_MANY;
              gapBits |= bits;
            }
            i++;
            continue;
          }
        }

        // A word starts at i.
        const slot = count & RING_MASK;
        if (count >= pauseAt) {
          // The gap is known before the word is read: visits may look at it.
          words[slot] = GAP_OF_BITS[gapBits] as number;
          break; // resumes here, at the start of this word
        }
        starts[slot] = base + i;
        let wordFlags = c < 128 ? ASCII_ONLY | (c <= 90 && c >= 65 ? CAPITALIZED : 0) : this.upper;
        let first = 0;
        let beforeLast = 0;
        let last = 0;
        let sum = 0;
        // The folded length is the word's length in the text plus `extra`: only characters outside
        // ASCII that fold to no unit or to several change it, so the common case counts nothing.
        const wordStart = i;
        let extra = 0;
        if (unit < UNIT_LIMIT) {
          first = last = sum = unit;
        } else if (unit === SEVERAL_UNITS) {
          const several = this.several;
          first = several.charCodeAt(0);
          extra = several.length - 1;
          for (let k = 0; k < several.length; k++) {
            beforeLast = last;
            last = several.charCodeAt(k);
            sum += last;
          }
        } else {
          extra = -1;
        }
        if (c >= 128) wordFlags &= ~ASCII_ONLY;

        // The rest of the word.
        let separator = -1;
        for (i++; i < n; i++) {
          c = text.charCodeAt(i);
          // ASCII letters, most of any page, by arithmetic: c | 0x20 is the lower case of A-Z and
          // a-z, and nothing else lands in a-z. Measured ~5% faster reading than the table alone.
          const lower = c | 0x20;
          if (lower >= 97 && lower <= 122) {
            beforeLast = last;
            last = lower;
            sum += lower;
            continue;
          }
          unit = BMP_ASCII_WORD_UNIT[c] as number;
          if (unit !== 0) {
            beforeLast = last;
            last = unit;
            sum += unit;
            continue;
          }
          if (c < 128) {
            separator = ASCII_GAP_BITS[c] as number;
            break;
          }
          unit = this.classify(text, i, c);
          if (unit === 0) {
            separator = this.separator;
            break;
          }
          // Not ASCII only, even when invisible: hashOf must fold the word in full to skip it.
          wordFlags &= ~ASCII_ONLY;
          if (unit < 0) {
            extra--; // invisible inside words
            continue;
          }
          if (unit < UNIT_LIMIT) {
            beforeLast = last;
            last = unit;
            sum += unit;
          } else if (unit === SEVERAL_UNITS) {
            const several = this.several;
            extra += several.length - 1;
            for (let k = 0; k < several.length; k++) {
              beforeLast = last;
              last = several.charCodeAt(k);
              sum += last;
            }
          } else {
            extra--;
          }
        }

        // The word ends at i.
        const folded = i - wordStart + extra;
        const shape = shapeOf(folded, first, beforeLast, last, sum);
        ends[slot] = base + i;
        shapes[slot] = shape;
        words[slot] = (GAP_OF_BITS[gapBits] as number) | wordFlags | (folded === 1 ? SINGLE : 0);
        seenBits |= gapBits;
        if (filter !== null && mayContain(filter, shape)) {
          if (waiting === this.visited) pauseAt = count + PAUSE_AFTER;
          queue[waiting++ & RING_MASK] = count;
        }
        count++;
        gapBits = 0;
        gapMarks = 0;
        if (separator >= 0) {
          // The character that ended the word was classified already: it opens the next gap.
          if (separator !== G_SPACE) gapMarks = 1;
          gapBits = separator;
          i++;
        }
      }
      if (i < n) {
        this.textIndex = t;
        this.streamStart = base;
        this.at = i;
        this.waiting = waiting;
        this.count = count;
        this.gapBits = gapBits;
        this.gapMarks = gapMarks;
        this.seenBits = seenBits;
        return true;
      }
      // The end of text t.
      if ((seenBits | gapBits) & G_AT) this.textsWithAt.push(t);
      if (++t >= texts.length) break;
      // The next text: nothing joins its first word to the last one read (G_OTHER).
      base += n;
      this.textStarts.push(base);
      this.streamStart = base;
      this.lastUnspaced = -10;
      text = texts[t] as string;
      n = text.length;
      i = 0;
      gapBits = G_OTHER;
      gapMarks = 0;
      seenBits = 0;
    }
    // Nothing joins the last word to a following one: a trailing "." or "-" is only punctuation.
    const trailing: number = GAP_OF_BITS[gapBits] as number;
    words[count & RING_MASK] = trailing === Gap.Space || trailing === Gap.Comma ? trailing : Gap.Other;
    this.textIndex = texts.length - 1;
    this.finished = true;
    this.waiting = waiting;
    this.count = count;
    return false;
  }

  /** The full hash (FNV-1a) of folded word i, computed on first use. */
  hashOf(i: number): number {
    const slot = i & RING_MASK;
    const flags = this.words[slot] as number;
    if (flags & HASHED) return this.hashes[slot] as number;
    const start = this.starts[slot] as number;
    // The word's text: the last one read that starts at or before it, found from the text of the
    // last word hashed (words are hashed nearly in order), rather than stored for every word read.
    const textStarts = this.textStarts;
    const newest = this.textIndex;
    let t = Math.min(this.hashedText, newest);
    while (t < newest && (textStarts[t + 1] as number) <= start) t++;
    while ((textStarts[t] as number) > start) t--;
    this.hashedText = t;
    const text = this.texts[t] as string;
    const textStart = textStarts[t] as number;
    const from = start - textStart;
    const to = (this.ends[slot] as number) - textStart;
    let h = FNV_OFFSET;
    if (flags & ASCII_ONLY) {
      for (let at = from; at < to; at++)
        h = Math.imul(h ^ (ASCII_WORD_UNIT[text.charCodeAt(at)] as number), FNV_PRIME);
    } else {
      for (let at = from; at < to; at++) {
        const c = text.charCodeAt(at);
        if (c < 128) {
          h = Math.imul(h ^ (ASCII_WORD_UNIT[c] as number), FNV_PRIME);
          continue;
        }
        // Outside ASCII: fold exactly as read() did.
        let units: string;
        if (isHighSurrogate(c) && at + 1 < to && isLowSurrogate(text.charCodeAt(at + 1))) {
          units = foldOfPoint(((c - 0xd800) << 10) + (text.charCodeAt(at + 1) - 0xdc00) + 0x10000);
          at++;
        } else if (infoOfUnit(c) & IGNORABLE) {
          continue;
        } else {
          const f = foldOfUnit(c);
          units = f >= 0 ? String.fromCharCode(f) : f === FOLD_SEVERAL ? severalOfUnit(c) : '';
        }
        for (let k = 0; k < units.length; k++) h = Math.imul(h ^ units.charCodeAt(k), FNV_PRIME);
      }
    }
    this.hashes[slot] = h;
    this.words[slot] = flags | HASHED;
    return h;
  }

  // What classify() tells read() besides its result.
  /** Index of the second half of the surrogate pair just classified. */
  private pairEnd = -1;
  /** CAPITALIZED when the character is an upper-case letter. */
  private upper = 0;
  /** Gap bits of a separator. */
  private separator = 0;
  /** The folded units when there are several. */
  private several = '';
  private lastUnspaced = -10;
  /** Where the text being read starts in the stream. */
  private streamStart = 0;

  /**
   * One character outside ASCII at i: a folded unit (> 0, below UNIT_LIMIT), SEVERAL_UNITS (see
   * this.several), NO_UNITS (a mark that folds away), 0 for a separator, -1 for an invisible one.
   */
  private classify(text: string, i: number, c: number): number {
    if (i === this.pairEnd) return -1;
    let info: number;
    if (isHighSurrogate(c) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      const codePoint = ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      this.pairEnd = i + 1;
      info = infoOfPoint(codePoint);
      if (info & WORD) {
        this.upper = info & UPPER ? CAPITALIZED : 0;
        this.several = foldOfPoint(codePoint);
        return this.several.length > 0 ? SEVERAL_UNITS : NO_UNITS;
      }
    } else {
      info = infoOfUnit(c);
      if (info & WORD) {
        this.upper = info & UPPER ? CAPITALIZED : 0;
        const f = foldOfUnit(c);
        if (f > 0) return f;
        if (f === FOLD_SEVERAL) {
          this.several = severalOfUnit(c);
          return SEVERAL_UNITS;
        }
        return NO_UNITS;
      }
    }
    if (info & IGNORABLE) return -1;
    if (info & NO_BOUNDARY) {
      // A run goes on across one space or middle dot ("山田 太郎", "ジョン・スミス").
      const continues =
        this.lastUnspaced === i - 1 ||
        (this.lastUnspaced === i - 2 && isPartSeparator(text.charCodeAt(i - 1)));
      if (!continues) this.unspacedRuns.push(this.streamStart + i);
      this.lastUnspaced = i;
    }
    this.separator = gapBitsOf(info);
    return 0;
  }
}

/** What may stand between family and given name in scripts without word spaces. */
export function isPartSeparator(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x30fb || code === 0xb7;
}

/** A word as the matcher keys it: its full hash and its shape. */
export type WordKey = readonly [hash: number, shape: number];

/** The keys of every word of a name (of up to 256 words), cut exactly as running text is cut. */
export function wordKeys(text: string, tokens = new Tokens()): WordKey[] {
  const count = Math.min(tokens.read(text), RING);
  const keys: WordKey[] = [];
  for (let i = 0; i < count; i++) keys.push([tokens.hashOf(i), tokens.shapeOf(i)]);
  return keys;
}
