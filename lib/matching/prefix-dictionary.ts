/**
 * Sorted unique keys with a posting list each (numbers, e.g. person index and word position),
 * stored flat: a key's postings are postings[start[k] .. start[k + 1]). Prefix lookups are two
 * binary searches.
 */
export class PrefixDictionary {
  private constructor(
    readonly keys: readonly string[],
    readonly start: Int32Array,
    readonly postings: Int32Array,
  ) {}

  static build(entries: Map<string, number[]>): PrefixDictionary {
    // The default sort orders strings by UTF-16 code units, as `<` does (lowerBound relies on it),
    // without calling back into a comparator for each of a large roster's many comparisons.
    const keys = [...entries.keys()].sort();
    const lists = keys.map((key) => entries.get(key) as number[]);
    const start = new Int32Array(keys.length + 1);
    let total = 0;
    for (let k = 0; k < lists.length; k++) {
      start[k] = total;
      total += (lists[k] as number[]).length;
    }
    start[keys.length] = total;
    const postings = new Int32Array(total);
    for (let k = 0; k < lists.length; k++) postings.set(lists[k] as number[], start[k] as number);
    return new PrefixDictionary(keys, start, postings);
  }

  get size(): number {
    return this.keys.length;
  }

  /** Index of the first key >= value. */
  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Keys starting with prefix, as a range of key indices [from, to). */
  prefixRange(prefix: string): [number, number] {
    if (prefix.length === 0) return [0, 0];
    return [this.lowerBound(prefix), this.lowerBound(`${prefix}\uffff`)];
  }

  /** Index of key, or -1. */
  indexOf(key: string): number {
    const k = this.lowerBound(key);
    return this.keys[k] === key ? k : -1;
  }

  /** How many postings the keys in [from, to) hold together. */
  postingCount(from: number, to: number): number {
    return (this.start[to] as number) - (this.start[from] as number);
  }

  get bytes(): number {
    let chars = 0;
    for (const key of this.keys) chars += key.length;
    // Strings: about 16 bytes of header each, one or two bytes a character; 8 bytes a reference.
    return chars * 2 + this.keys.length * 24 + this.start.byteLength + this.postings.byteLength;
  }
}
