/**
 * The name pools of names.ts, parsed once into ready-to-use parts (display form, ASCII slug for
 * e-mail addresses, folded form and search words), and the weighted draw of a full name.
 */
import { fold } from '../lib/matching/fold';
import { CULTURES, type Culture } from './names';
import type { Rng } from './prng';

/** Simple name parts are numbered below this; double-barrelled surnames above. */
const MAX_PART_KEYS = 4096;

export interface NamePart {
  display: string;
  /** ASCII letters and digits only, for e-mail local parts. */
  slug: string;
  folded: string;
  /** A number per distinct folded form, so that name pairs can be compared as numbers. */
  key: number;
  /**
   * Folded words a term search may begin with, each preceded by a newline: "Jean-Luc" gives
   * "\njean-luc\njean\nluc\njeanluc". Shared by everyone with this name part.
   */
  searchText: string;
}

export interface CultureTable {
  culture: Culture;
  index: number;
  /** First names taking the masculine (or only) surname form. */
  first: readonly NamePart[];
  /** First names taking the feminine surname form (cultures with gendered surnames only). */
  femaleFirst: readonly NamePart[];
  last: readonly NamePart[];
  /** Same order as `last`; equal to it where surnames do not change with gender. */
  lastFeminine: readonly NamePart[];
}

export function slugOf(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, '');
}

export function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const word of fold(text).split(/\s+/)) {
    if (!word) continue;
    words.add(word);
    const pieces = word.split(/[-'’]+/).filter(Boolean);
    if (pieces.length > 1) {
      for (const piece of pieces) words.add(piece);
      words.add(pieces.join(''));
    }
  }
  return [...words];
}

const foldedKeys = new Map<string, number>();
/** The number of a folded name part (the same for "Zoë" and "Zoe"). */
function foldedKey(folded: string): number {
  let key = foldedKeys.get(folded);
  if (key === undefined) {
    key = foldedKeys.size;
    if (key >= MAX_PART_KEYS) throw new RangeError('too many distinct name parts');
    foldedKeys.set(folded, key);
  }
  return key;
}

/** `Name` or `Name|slug`. */
export function namePart(entry: string): NamePart {
  const [display = '', slug] = entry.split('|');
  const folded = fold(display);
  return {
    display,
    slug: slug ?? slugOf(display),
    folded,
    key: foldedKey(folded),
    searchText: ['', ...wordsOf(display)].join('\n'),
  };
}

function cultureTable(culture: Culture, index: number): CultureTable {
  const last: NamePart[] = [];
  const lastFeminine: NamePart[] = [];
  for (const entry of culture.last) {
    const [masculine = '', feminine] = entry.split('/');
    last.push(namePart(masculine));
    lastFeminine.push(namePart(feminine ?? masculine));
  }
  return {
    culture,
    index,
    first: culture.first.map(namePart),
    femaleFirst: (culture.femaleFirst ?? []).map(namePart),
    last,
    lastFeminine,
  };
}

export const CULTURE_TABLES: readonly CultureTable[] = CULTURES.map(cultureTable);

export function cultureTableByKey(key: string | undefined): CultureTable {
  return CULTURE_TABLES.find((table) => table.culture.key === key) ?? (CULTURE_TABLES[0] as CultureTable);
}

const LATIN_TABLES = CULTURE_TABLES.filter((table) => table.culture.latin);
/** Surnames that read well after any Latin first name: those that do not change with gender. */
const MIXABLE_LAST = LATIN_TABLES.flatMap((table) =>
  table.last.filter((part, index) => part.display === table.lastFeminine[index]?.display),
);
const MIXABLE_FIRST = LATIN_TABLES.flatMap((table) => [...table.first, ...table.femaleFirst]);

const TOTAL_WEIGHT = CULTURE_TABLES.reduce((sum, table) => sum + table.culture.weight, 0);

function pickCulture(rng: Rng): CultureTable {
  let ticket = rng.next() * TOTAL_WEIGHT;
  for (const table of CULTURE_TABLES) {
    ticket -= table.culture.weight;
    if (ticket < 0) return table;
  }
  return CULTURE_TABLES[CULTURE_TABLES.length - 1] as CultureTable;
}

export interface DrawnName {
  first: NamePart;
  last: NamePart;
  culture: CultureTable;
}

/** One name from one culture; Latin cultures sometimes borrow a surname (people marry, move). */
function drawFromCulture(rng: Rng, table: CultureTable): DrawnName {
  const firsts = table.first.length + table.femaleFirst.length;
  const pick = rng.int(0, firsts - 1);
  const feminine = pick >= table.first.length;
  const first = (feminine ? table.femaleFirst[pick - table.first.length] : table.first[pick]) as NamePart;
  if (table.culture.latin && rng.chance(0.12)) return { first, last: rng.pick(MIXABLE_LAST), culture: table };
  const lastIndex = rng.int(0, table.last.length - 1);
  const last = (feminine ? table.lastFeminine[lastIndex] : table.last[lastIndex]) as NamePart;
  return { first, last, culture: table };
}

/** A double-barrelled surname ("Smith-Okafor"), for big directories that exhaust the simple ones. */
function compoundPart(a: NamePart, b: NamePart): NamePart {
  const display = `${a.display}-${b.display}`;
  return {
    display,
    slug: a.slug + b.slug,
    folded: `${a.folded}-${b.folded}`,
    // Above every simple key, and the same for the same pair.
    key: MAX_PART_KEYS + a.key * MAX_PART_KEYS + b.key,
    searchText: ['', ...wordsOf(display)].join('\n'),
  };
}

/**
 * The full names given out so far, by folded first and last name ("Zoë Faure" and "Zoe Faure" are
 * the same name). Simple names live in a bitmap (one bit per first/last pair: fast, no hashing);
 * the rare double-barrelled ones in a set.
 */
export class TakenNames {
  readonly #simple = new Uint8Array((MAX_PART_KEYS * MAX_PART_KEYS) / 8);
  readonly #compound = new Set<number>();

  has(first: NamePart, last: NamePart): boolean {
    if (last.key >= MAX_PART_KEYS) return this.#compound.has(last.key * MAX_PART_KEYS + first.key);
    const bit = first.key * MAX_PART_KEYS + last.key;
    return ((this.#simple[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  }

  add(first: NamePart, last: NamePart): void {
    if (last.key >= MAX_PART_KEYS) {
      this.#compound.add(last.key * MAX_PART_KEYS + first.key);
      return;
    }
    const bit = first.key * MAX_PART_KEYS + last.key;
    this.#simple[bit >> 3] = (this.#simple[bit >> 3] ?? 0) | (1 << (bit & 7));
  }
}

/**
 * Draws a full name nobody has yet. Small cultures run out of combinations in big directories;
 * the draw then mixes Latin first names and surnames, and at last takes a double-barrelled
 * surname, so any directory size can be served.
 */
export function drawUniqueName(rng: Rng, taken: TakenNames): DrawnName {
  const table = pickCulture(rng);
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const drawn = drawFromCulture(rng, table);
    if (!taken.has(drawn.first, drawn.last)) return drawn;
  }
  const latin = table.culture.latin ? table : (LATIN_TABLES[0] as CultureTable);
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const first = rng.pick(MIXABLE_FIRST);
    const last = rng.pick(MIXABLE_LAST);
    if (!taken.has(first, last)) return { first, last, culture: latin };
  }
  for (;;) {
    const first = rng.pick(MIXABLE_FIRST);
    const a = rng.pick(MIXABLE_LAST);
    const b = rng.pick(MIXABLE_LAST);
    if (a.key === b.key) continue;
    const last = compoundPart(a, b);
    if (!taken.has(first, last)) return { first, last, culture: latin };
  }
}
