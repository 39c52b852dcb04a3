/**
 * The roster's full names as a trie of word hashes in one open-addressing table. A path spells
 * first-name words, a marker, then last-name words ("Smith, John" is looked up in that order too).
 * A node reached after a complete name holds the ids of everyone with it.
 *
 * Laid out for the cache: a node is the table slot of the edge that leads to it, and the slot holds
 * both the edge (parent, word shape and hash) and the node's facts, so a step down the trie is one
 * memory read.
 */
import { shapeFilter, type Tokens, type WordKey } from './tokens';

export const ROOT_FORWARD = -2;
const EMPTY = -1;

// The marker is an edge with a hash no folded word produces in practice (odds of 2^-64).
const END_OF_FIRST: WordKey = [0, 1];

// A slot: parent, word shape, word hash, facts: 16 bytes, four to a cache line, so that a probe
// reads one line. The shape comes first: it is known for every word of a text, the hash only once
// asked for. Who has a name is read rarely (once per name a matcher meets) and lives apart.
const SLOT = 4;
const PARENT = 0;
const SHAPE = 1;
const HASH = 2;
/** (node after the marker + 1) << 3 | the one id is stored inline | a name ends here | words go on. */
const FACTS = 3;

const HAS_WORDS = 1;
const IS_NAME = 2;
const INLINE_ID = 4;
const AFTER_SHIFT = 3;

function slotOf(parent: number, shape: number, mask: number): number {
  let x = Math.imul(shape ^ Math.imul(parent, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  return x & mask;
}

function isMarker(hash: number, shape: number): boolean {
  return hash === 0 && shape === END_OF_FIRST[1];
}

/** Collects names as a plain trie (node ids in creation order), then lays it out once. */
export class NameTrieBuilder {
  /** (parent, hash, shape) -> child, open addressing: four Int32s an entry, grown at half full. */
  private children = new Int32Array(4096 * 4).fill(EMPTY);
  private childMask = 4095;
  /** Per node (index = id): parent, word hash, word shape. Roots are not stored. */
  private readonly edges: number[] = [];
  private readonly afterMarker: number[] = [];
  private readonly hasWords: number[] = [];
  private readonly people = new Map<number, number[]>();
  private readonly forwardStarts = new Set<number>();
  private readonly lastStarts = new Set<number>();

  /** Adds one person's name; first and last must each have at least one word. */
  add(first: readonly WordKey[], last: readonly WordKey[], personId: number): void {
    this.forwardStarts.add((first[0] as WordKey)[1]);
    this.lastStarts.add((last[0] as WordKey)[1]);
    let node = ROOT_FORWARD;
    for (const word of first) node = this.child(node, word);
    node = this.child(node, END_OF_FIRST);
    for (const word of last) node = this.child(node, word);
    const ids = this.people.get(node);
    if (!ids) this.people.set(node, [personId]);
    else if (!ids.includes(personId)) ids.push(personId);
  }

  private child(parent: number, [hash, shape]: WordKey): number {
    let slot = slotOf(parent, shape, this.childMask);
    for (;;) {
      const at = slot * 4;
      if (this.children[at] === EMPTY) break;
      if (this.children[at] === parent && this.children[at + 1] === hash && this.children[at + 2] === shape) {
        return this.children[at + 3] as number;
      }
      slot = (slot + 1) & this.childMask;
    }
    const node = this.afterMarker.length;
    const at = slot * 4;
    this.children[at] = parent;
    this.children[at + 1] = hash;
    this.children[at + 2] = shape;
    this.children[at + 3] = node;
    if ((node + 1) * 2 > this.childMask) this.growChildren();
    this.edges.push(parent, hash, shape);
    this.afterMarker.push(EMPTY);
    this.hasWords.push(0);
    if (parent >= 0) {
      if (isMarker(hash, shape)) this.afterMarker[parent] = node;
      else this.hasWords[parent] = 1;
    }
    return node;
  }

  private growChildren(): void {
    const old = this.children;
    this.childMask = this.childMask * 2 + 1;
    this.children = new Int32Array((this.childMask + 1) * 4).fill(EMPTY);
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === EMPTY) continue;
      let slot = slotOf(old[at] as number, old[at + 2] as number, this.childMask);
      while (this.children[slot * 4] !== EMPTY) slot = (slot + 1) & this.childMask;
      this.children.set(old.subarray(at, at + 4), slot * 4);
    }
  }

  build(): NameTrie {
    const nodes = this.afterMarker.length;
    let capacity = 1024;
    // Linear probing stays short below half full.
    while (capacity < nodes * 2) capacity *= 2;
    const mask = capacity - 1;
    const table = new Int32Array(capacity * SLOT).fill(EMPTY);
    /** Per slot: the one person's id (INLINE_ID), or where the count and ids are in `shared`. */
    const people = new Int32Array(capacity);
    const slotOfNode = new Int32Array(nodes);
    // Parents are created before their children, so their slots are known when a child is placed.
    for (let node = 0; node < nodes; node++) {
      const builderParent = this.edges[node * 3] as number;
      const parent = builderParent < 0 ? builderParent : (slotOfNode[builderParent] as number);
      const shape = this.edges[node * 3 + 2] as number;
      let slot = slotOf(parent, shape, mask);
      while (table[slot * SLOT] !== EMPTY) slot = (slot + 1) & mask;
      slotOfNode[node] = slot;
      const at = slot * SLOT;
      table[at + PARENT] = parent;
      table[at + SHAPE] = shape;
      table[at + HASH] = this.edges[node * 3 + 1] as number;
      table[at + FACTS] = this.hasWords[node] ? HAS_WORDS : 0;
    }
    for (let node = 0; node < nodes; node++) {
      const after = this.afterMarker[node] as number;
      if (after < 0) continue;
      const at = (slotOfNode[node] as number) * SLOT + FACTS;
      table[at] = (table[at] as number) | (((slotOfNode[after] as number) + 1) << AFTER_SHIFT);
    }
    const shared: number[] = [];
    for (const [node, ids] of this.people) {
      const slot = slotOfNode[node] as number;
      const at = slot * SLOT + FACTS;
      const only = ids[0] as number;
      if (ids.length === 1 && (only | 0) === only) {
        table[at] = (table[at] as number) | IS_NAME | INLINE_ID;
        people[slot] = only;
      } else {
        table[at] = (table[at] as number) | IS_NAME;
        people[slot] = shared.length;
        shared.push(ids.length, ...ids);
      }
    }
    return new NameTrie(
      mask,
      table,
      people,
      Float64Array.from(shared),
      this.people.size,
      shapeFilter(new Set([...this.forwardStarts, ...this.lastStarts]), 32),
      shapeFilter(this.forwardStarts, 32),
      shapeFilter(this.lastStarts, 32),
    );
  }
}

export class NameTrie {
  constructor(
    private readonly mask: number,
    private readonly table: Int32Array,
    private readonly people: Int32Array,
    /** Count, then ids, of names shared by several people (or with ids too large to store inline). */
    private readonly sharedIds: Float64Array,
    /** How many distinct names the trie spells. */
    readonly names: number,
    /** Shapes of the words any name starts with, either way round (see shapeFilter). */
    readonly starts: Int32Array,
    /** Shapes of the words first names start with. */
    readonly forwardStarts: Int32Array,
    /** Shapes of the words last names start with: "Smith, John" starts, and a check before probing. */
    readonly lastStarts: Int32Array,
  ) {}

  /** Node ids are below this. */
  get nodeIds(): number {
    return this.mask + 1;
  }

  /** The child of node along word i of tokens, or -1. */
  child(node: number, tokens: Tokens, i: number): number {
    const shape = tokens.shapeOf(i);
    const table = this.table;
    const mask = this.mask;
    let slot = slotOf(node, shape, mask);
    for (;;) {
      const at = slot * SLOT;
      const parent = table[at] as number;
      if (parent === EMPTY) return EMPTY;
      if (parent === node && table[at + SHAPE] === shape && table[at + HASH] === tokens.hashOf(i))
        return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** The node after a complete first name at node, or -1. */
  afterMarker(node: number): number {
    return ((this.table[node * SLOT + FACTS] as number) >>> AFTER_SHIFT) - 1;
  }

  /** Whether a word (not a marker) continues from node: saves probing from leaves. */
  hasWords(node: number): boolean {
    return ((this.table[node * SLOT + FACTS] as number) & HAS_WORDS) !== 0;
  }

  /** Whether a complete name ends at node. */
  isName(node: number): boolean {
    return ((this.table[node * SLOT + FACTS] as number) & IS_NAME) !== 0;
  }

  /** Ids of everyone whose name ends at node (a new array). */
  peopleAt(node: number): number[] {
    const facts = this.table[node * SLOT + FACTS] as number;
    const at = this.people[node] as number;
    if (facts & INLINE_ID) return [at];
    if (!(facts & IS_NAME)) return [];
    const ids: number[] = [];
    const count = this.sharedIds[at] as number;
    for (let k = at + 1; k <= at + count; k++) ids.push(this.sharedIds[k] as number);
    return ids;
  }

  /** Bytes held by the typed arrays (an estimate for benchmarks). */
  get bytes(): number {
    return (
      this.table.byteLength +
      this.people.byteLength +
      this.sharedIds.byteLength +
      this.forwardStarts.byteLength +
      this.lastStarts.byteLength
    );
  }
}
