/**
 * Every mark on the page, by the text node (or the address element: mailto link, web mail chip) that holds it, kept sorted per node so
 * that hit-testing a caret offset is a binary search. Hands its marks to the painter, and takes
 * them back when they go.
 *
 * A name split across inline elements ("<em>Ada</em> Lovelace") is one mark spanning several text
 * nodes: one range, listed under every node it covers, so it is found from any of its parts and
 * dropped as a whole when any of them changes.
 */
import type { TextMatch } from '../people/types';
import { holdingElement, type MarkPainter, type PaintableMark } from './painter';

export interface Mark extends PaintableMark {
  /** The text node the mark starts in, or the link. */
  node: Text | Element;
  /** UTF-16 offsets: `start` into `node`, `end` into `endNode` (else `node`); 0..childNodes.length for a link. */
  start: number;
  end: number;
  /** The text node the mark ends in, when it is not `node` (a name split across inline elements). */
  endNode?: Text;
  kind: TextMatch['kind'];
  /** The matcher's answer as it came: shared, never changed. */
  personIds: readonly number[];
  /** What the page shows ("Ada Lovelace", "ada@example.com"): the card's label until details land. */
  text: string;
}

export interface Span {
  start: number;
  end: number;
}

/** Indexes of the spans (sorted by start, not overlapping) that touch `offset`: start <= offset <= end. */
export function spansAround(spans: readonly Span[], offset: number): number[] {
  // First span whose end >= offset.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((spans[mid] as Span).end < offset) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let i = lo; i < spans.length && (spans[i] as Span).start <= offset; i++) found.push(i);
  return found;
}

/** Where a mark lies within one of the text nodes it covers. */
function startIn(mark: Mark, node: Text): number {
  return mark.node === node ? mark.start : 0;
}
function endIn(mark: Mark, node: Text): number {
  return mark.endNode === undefined || mark.endNode === node ? mark.end : Infinity;
}

/** Like spansAround, over the marks listed under one text node (sorted, not overlapping there). */
function marksAround(marks: readonly Mark[], node: Text, offset: number): Mark[] {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (endIn(marks[mid] as Mark, node) < offset) lo = mid + 1;
    else hi = mid;
  }
  const found: Mark[] = [];
  for (let i = lo; i < marks.length && startIn(marks[i] as Mark, node) <= offset; i++)
    found.push(marks[i] as Mark);
  return found;
}

/** Matches that can be marked in `text`: inside it, with a person, sorted, the first of overlapping ones. */
function markable(matches: readonly TextMatch[], length: number): readonly TextMatch[] {
  // The matcher's answers are already so: they are taken as they are, without copying them.
  let end = 0;
  for (const m of matches) {
    if (m.start < end || m.start >= m.end || m.end > length || m.personIds.length === 0)
      return markableCopy(matches, length);
    end = m.end;
  }
  return matches;
}

function markableCopy(matches: readonly TextMatch[], length: number): TextMatch[] {
  return matches
    .filter((m) => m.start >= 0 && m.end <= length && m.start < m.end && m.personIds.length > 0)
    .sort((a, b) => a.start - b.start)
    .filter((m, i, all) => i === 0 || m.start >= (all[i - 1] as TextMatch).end);
}

export class MarkIndex {
  private readonly texts = new Map<Text, Mark[]>();
  private readonly links = new Map<Element, Mark>();
  /** The text nodes each mark spanning several of them covers. */
  private readonly spanned = new Map<Mark, readonly Text[]>();
  /** Elements whose direct text children hold marks: a cheap test before an exact hit test. */
  private parents = new WeakSet<Element>();

  constructor(private readonly painter: MarkPainter) {}

  get size(): number {
    let count = this.links.size;
    // A mark over several nodes is listed under each: it counts once, under its first.
    for (const [node, marks] of this.texts) for (const mark of marks) if (mark.node === node) count++;
    return count;
  }

  /** Replaces the marks of a text node with `matches` found in `text` (its content when sent). */
  setTextMarks(node: Text, text: string, matches: readonly TextMatch[]): void {
    this.forget(node);
    const valid = markable(matches, text.length);
    if (valid.length === 0) return;
    const holder = this.holderOf(node);
    const marks = valid.map((m) => this.paint(node, holder, m, text.slice(m.start, m.end), m.start, m.end));
    this.texts.set(node, marks);
  }

  /**
   * Replaces the marks of a run of text nodes with `matches` found in `text`, their data joined
   * (as it was when sent). A match maps back to the node holding its first character and the one
   * holding its last, so a mark never reaches into a node with none of the name's text.
   */
  setRunMarks(nodes: readonly Text[], text: string, matches: readonly TextMatch[]): void {
    if (nodes.length === 1) {
      this.setTextMarks(nodes[0] as Text, text, matches);
      return;
    }
    for (const node of nodes) this.forget(node);
    const valid = markable(matches, text.length);
    let first = 0;
    let firstStart = 0;
    // Consecutive marks mostly start in the same node: its holder is looked up once.
    let heldNode: Text | null = null;
    let holder: Element | null = null;
    for (const m of valid) {
      // Node `first` starts at text offset `firstStart`; matches are sorted, so it only moves on.
      while (first < nodes.length - 1 && firstStart + (nodes[first] as Text).length <= m.start) {
        firstStart += (nodes[first] as Text).length;
        first++;
      }
      let last = first;
      let lastStart = firstStart;
      while (last < nodes.length - 1 && lastStart + (nodes[last] as Text).length < m.end) {
        lastStart += (nodes[last] as Text).length;
        last++;
      }
      const label = text.slice(m.start, m.end);
      const startNode = nodes[first] as Text;
      if (startNode !== heldNode) {
        heldNode = startNode;
        holder = this.holderOf(startNode);
      }
      if (first === last) {
        this.list(
          startNode,
          this.paint(startNode, holder, m, label, m.start - firstStart, m.end - firstStart),
        );
        continue;
      }
      const endNode = nodes[last] as Text;
      const mark = this.paint(startNode, holder, m, label, m.start - firstStart, m.end - lastStart, endNode);
      const covered = nodes.slice(first, last + 1);
      this.spanned.set(mark, covered);
      for (const node of covered) {
        this.list(node, mark);
        if (node !== startNode && node.parentElement) this.parents.add(node.parentElement);
      }
    }
  }

  /** Marks an address element (a mailto link, a web mail chip) as a whole; `match` is the roster's answer for its address. */
  setLinkMark(link: Element, address: string, match: TextMatch | undefined): void {
    this.forget(link);
    if (!match || match.personIds.length === 0) return;
    this.links.set(link, this.paint(link, link, match, address, 0, link.childNodes.length));
  }

  /** Appends a mark to a node's list (callers add in document order). */
  private list(node: Text, mark: Mark): void {
    const marks = this.texts.get(node);
    if (marks) marks.push(mark);
    else this.texts.set(node, [mark]);
  }

  /**
   * The element a text node's marks are painted in, looked up once for all of them; its parent is
   * noted for mayHold (text directly in a shadow root has none: it is painted in the host).
   */
  private holderOf(node: Text): Element | null {
    const parent = node.parentElement;
    if (!parent) return holdingElement(node);
    this.parents.add(parent);
    return parent;
  }

  private paint(
    node: Mark['node'],
    holder: Element | null,
    m: TextMatch,
    text: string,
    start: number,
    end: number,
    endNode?: Text,
  ): Mark {
    const mark: Mark = { node, start, end, kind: m.kind, personIds: m.personIds, text, holder };
    if (endNode) mark.endNode = endNode;
    this.painter.add(mark);
    return mark;
  }

  forget(node: Node): void {
    const marks = this.texts.get(node as Text);
    if (marks) {
      this.texts.delete(node as Text);
      for (const mark of marks) {
        this.painter.remove(mark);
        if (mark.endNode) this.unlist(mark, node as Text);
      }
    }
    const link = this.links.get(node as Element);
    if (link) {
      this.painter.remove(link);
      this.links.delete(node as Element);
    }
  }

  /** Takes a mark over several nodes out of the lists of its other nodes. */
  private unlist(mark: Mark, from: Text): void {
    const covered = this.spanned.get(mark) ?? [];
    this.spanned.delete(mark);
    for (const node of covered) {
      if (node === from) continue;
      const marks = this.texts.get(node);
      if (!marks) continue;
      const at = marks.indexOf(mark);
      if (at !== -1) marks.splice(at, 1);
      if (marks.length === 0) this.texts.delete(node);
    }
  }

  /** Drops the marks of nodes that left the document. */
  sweep(): void {
    for (const node of this.texts.keys()) if (!node.isConnected) this.forget(node);
    for (const link of this.links.keys()) if (!link.isConnected) this.forget(link);
  }

  /** The marks touching `offset` in a text node, including marks that only pass through it. */
  marksAt(node: Node, offset: number): Mark[] {
    const marks = this.texts.get(node as Text);
    if (!marks) return [];
    return marksAround(marks, node as Text, offset);
  }

  linkMark(link: Element): Mark | undefined {
    return this.links.get(link as Element);
  }

  /** False when `element` certainly has no marked text child. */
  mayHold(element: Element): boolean {
    return this.parents.has(element);
  }

  /** The first mark inside `element` (any part of it), in document order. */
  firstWithin(element: Element): Mark | undefined {
    let best: Mark | undefined;
    let bestNode: Node | undefined;
    const consider = (mark: Mark, node: Node) => {
      if (!element.contains(node)) return;
      // DOCUMENT_POSITION_PRECEDING (2): the candidate comes before the best so far.
      if (!bestNode || (bestNode !== node && bestNode.compareDocumentPosition(node) & 2)) {
        best = mark;
        bestNode = node;
      }
    };
    for (const link of this.links.values()) consider(link, link.node);
    for (const [node, marks] of this.texts) if (marks[0]) consider(marks[0], node);
    return best;
  }

  clear(): void {
    for (const node of [...this.texts.keys(), ...this.links.keys()]) this.forget(node);
    this.spanned.clear();
    this.parents = new WeakSet();
  }
}
