/**
 * Normalised e-mail address -> the ids of everyone who has it, for the page matcher.
 *
 * A page's addresses are looked up between long stretches of other work, so each lookup finds the
 * table out of the cache. A Map costs several reads from memory per lookup (bucket, entry, the
 * key's characters, the value); here a lookup reads one table slot, which holds the address's
 * 64-bit fingerprint, and then the owners. Two addresses with one fingerprint are as unlikely as
 * two names with one word key in the name trie (odds of 2^-64 per pair).
 */
import type { RosterPerson } from '../people/types';
import { normaliseEmail } from './emails';

// A slot: fingerprint (two words), then the owners' index + 1 (0: empty), and a spare word that
// keeps slots 16 bytes, four to a cache line.
const SLOT = 4;
const FIRST = 0;
const SECOND = 1;
const OWNERS = 2;

// The last fingerprint (see fingerprintOf): two module words rather than a fresh pair per lookup.
let fingerprintFirst = 0;
let fingerprintSecond = 0;

/**
 * Two independent 32-bit hashes (FNV-1a, and a multiply-xorshift of its own) of text[from, to),
 * upper-case ASCII read as lower case; into fingerprintFirst and fingerprintSecond. With asciiOnly,
 * false and no fingerprint at the first character outside ASCII (such text is normalised first).
 */
function fingerprintOf(text: string, from: number, to: number, asciiOnly = false): boolean {
  let first = 0x811c9dc5;
  let second = 0x9e3779b9 ^ (to - from);
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128 && asciiOnly) return false;
    if (c >= 65 && c <= 90) c += 32;
    first = Math.imul(first ^ c, 0x01000193);
    second = Math.imul(second ^ c, 0x5bd1e995);
    second ^= second >>> 15;
  }
  fingerprintFirst = first | 0;
  fingerprintSecond = second | 0;
  return true;
}

export class EmailOwners {
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Each address's owners, frozen: shared by every match of that address (see TextMatcher). */
  private readonly owners: number[][] = [];

  constructor(people: readonly RosterPerson[]) {
    // The directory lists the primary address among the others too: count it once.
    let addresses = 0;
    for (const person of people) {
      if (person.primaryEmail) addresses++;
      for (const raw of person.emails) if (raw && raw !== person.primaryEmail) addresses++;
    }
    let capacity = 64;
    // Linear probing stays short below half full (of at most this many distinct addresses).
    while (capacity < addresses * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.table = new Int32Array(capacity * SLOT);
    // Straight into the table, keyed by fingerprint: no map of address strings on the way.
    for (const person of people) {
      if (person.primaryEmail) this.add(person.primaryEmail, person.id);
      for (const raw of person.emails) if (raw && raw !== person.primaryEmail) this.add(raw, person.id);
    }
    for (const ids of this.owners) Object.freeze(ids);
  }

  private add(raw: string, id: number): void {
    const address = normaliseEmail(raw);
    fingerprintOf(address, 0, address.length);
    const at = this.slotOfFingerprint();
    const owners = this.table[at + OWNERS] as number;
    if (owners === 0) {
      this.table[at + FIRST] = fingerprintFirst;
      this.table[at + SECOND] = fingerprintSecond;
      this.table[at + OWNERS] = this.owners.push([id]);
      return;
    }
    const ids = this.owners[owners - 1] as number[];
    if (!ids.includes(id)) ids.push(id);
  }

  /** Everyone with a normalised address (see normaliseEmail), or undefined for no one. */
  get(address: string): number[] | undefined {
    fingerprintOf(address, 0, address.length);
    return this.lookUp();
  }

  /**
   * Everyone with the address text[start, end), as found in running text (not yet normalised):
   * an ASCII address is read in place, with no string made for it.
   */
  getAt(text: string, start: number, end: number): number[] | undefined {
    // An ASCII address needs only lower-casing, done while it is hashed.
    if (!fingerprintOf(text, start, end, true)) return this.get(normaliseEmail(text.slice(start, end)));
    return this.lookUp();
  }

  /** The owners of the last fingerprint taken. */
  private lookUp(): number[] | undefined {
    const owners = this.table[this.slotOfFingerprint() + OWNERS] as number;
    return owners === 0 ? undefined : this.owners[owners - 1];
  }

  /** Where the last fingerprint taken is in the table, or the empty slot where it would go. */
  private slotOfFingerprint(): number {
    const first = fingerprintFirst;
    const second = fingerprintSecond;
    const table = this.table;
    for (let slot = first & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * SLOT;
      if (table[at + OWNERS] === 0) return at;
      if (table[at + FIRST] === first && table[at + SECOND] === second) return at;
    }
  }

  /** Bytes held by the table (an estimate for benchmarks). */
  get bytes(): number {
    return this.table.byteLength;
  }
}
