/**
 * Matches found before overlaps are settled, kept in typed arrays reused from one text to the next
 * (a page can hold ten thousand of them; objects would only feed the garbage collector).
 */

/** An e-mail address rather than a name. */
export const EMAIL = 1;
/** Middle words were skipped to reach the last name: yields to, or shares with, an exact name. */
export const INEXACT = 2;
/** The name starts with a single letter ("Q. Smith"): inside a longer name, it reads as an initial. */
export const INITIAL = 4;

export class Candidates {
  count = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** A name-trie node (>= 0) holding the people, or -(k + 1) for lists[k]. */
  people = new Int32Array(256);
  flags = new Uint8Array(256);
  /** People of candidates that do not come from the trie (unspaced names, e-mail addresses). */
  readonly lists: number[][] = [];

  clear(): void {
    this.count = 0;
    if (this.lists.length > 0) this.lists.length = 0;
  }

  add(start: number, end: number, people: number, flags: number): void {
    const k = this.count;
    if (k === this.start.length) this.grow();
    this.start[k] = start;
    this.end[k] = end;
    this.people[k] = people;
    this.flags[k] = flags;
    this.count = k + 1;
  }

  addList(start: number, end: number, ids: number[], flags: number): void {
    this.lists.push(ids);
    this.add(start, end, -this.lists.length, flags);
  }

  private grow(): void {
    const size = this.start.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.start = widen(this.start, new Int32Array(size));
    this.end = widen(this.end, new Int32Array(size));
    this.people = widen(this.people, new Int32Array(size));
    this.flags = widen(this.flags, new Uint8Array(size));
  }
}
