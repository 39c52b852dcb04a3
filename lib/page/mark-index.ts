/**
 * Every mark on the page, by the text node (or mailto link) that holds it, kept sorted per node so
 * that hit-testing a caret offset is a binary search. Owns the painted ranges of its marks.
 */
import type { TextMatch } from '../people/types';
import type { MarkPainter } from './painter';

export interface Mark {
  node: Text | HTMLAnchorElement;
  /** UTF-16 offsets into the text node; 0..childNodes.length for a link. */
  start: number;
  end: number;
  kind: TextMatch['kind'];
  personIds: number[];
  /** What the page shows ("Ada Lovelace", "ada@example.com"): the card's label until details land. */
  text: string;
  range: AbstractRange;
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

export class MarkIndex {
  private readonly texts = new Map<Text, Mark[]>();
  private readonly links = new Map<HTMLAnchorElement, Mark>();
  /** Elements whose direct text children hold marks: a cheap test before an exact hit test. */
  private parents = new WeakSet<Element>();

  constructor(private readonly painter: MarkPainter) {}

  get size(): number {
    let count = this.links.size;
    for (const marks of this.texts.values()) count += marks.length;
    return count;
  }

  /** Replaces the marks of a text node with `matches` found in `text` (its content when sent). */
  setTextMarks(node: Text, text: string, matches: readonly TextMatch[]): void {
    this.forget(node);
    const valid = matches
      .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end && m.personIds.length > 0)
      .sort((a, b) => a.start - b.start)
      .filter((m, i, all) => i === 0 || m.start >= (all[i - 1] as TextMatch).end);
    if (valid.length === 0) return;
    const marks = valid.map((m) => this.paint(node, m, text.slice(m.start, m.end), m.start, m.end));
    this.texts.set(node, marks);
    if (node.parentElement) this.parents.add(node.parentElement);
  }

  /** Marks a mailto link as a whole; `match` is the roster's answer for its address. */
  setLinkMark(link: HTMLAnchorElement, address: string, match: TextMatch | undefined): void {
    this.forget(link);
    if (!match || match.personIds.length === 0) return;
    this.links.set(link, this.paint(link, match, address));
  }

  private paint(node: Mark['node'], m: TextMatch, text: string, start?: number, end?: number): Mark {
    const range = this.painter.makeRange(node, start, end);
    this.painter.add(range);
    return {
      node,
      start: start ?? 0,
      end: end ?? node.childNodes.length,
      kind: m.kind,
      personIds: [...m.personIds],
      text,
      range,
    };
  }

  forget(node: Node): void {
    const marks = this.texts.get(node as Text);
    if (marks) {
      for (const mark of marks) this.painter.remove(mark.range);
      this.texts.delete(node as Text);
    }
    const link = this.links.get(node as HTMLAnchorElement);
    if (link) {
      this.painter.remove(link.range);
      this.links.delete(node as HTMLAnchorElement);
    }
  }

  /** Drops the marks of nodes that left the document. */
  sweep(): void {
    for (const node of this.texts.keys()) if (!node.isConnected) this.forget(node);
    for (const link of this.links.keys()) if (!link.isConnected) this.forget(link);
  }

  marksAt(node: Node, offset: number): Mark[] {
    const marks = this.texts.get(node as Text);
    if (!marks) return [];
    return spansAround(marks, offset).map((i) => marks[i] as Mark);
  }

  linkMark(link: Element): Mark | undefined {
    return this.links.get(link as HTMLAnchorElement);
  }

  /** False when `element` certainly has no marked text child. */
  mayHold(element: Element): boolean {
    return this.parents.has(element);
  }

  /** The first mark inside `element`, in document order. */
  firstWithin(element: Element): Mark | undefined {
    let best: Mark | undefined;
    const consider = (mark: Mark) => {
      if (!element.contains(mark.node)) return;
      // DOCUMENT_POSITION_PRECEDING (2): the candidate comes before the best so far.
      if (!best || (best.node !== mark.node && best.node.compareDocumentPosition(mark.node) & 2)) best = mark;
    };
    for (const link of this.links.values()) consider(link);
    for (const marks of this.texts.values()) if (marks[0]) consider(marks[0]);
    return best;
  }

  clear(): void {
    for (const node of [...this.texts.keys(), ...this.links.keys()]) this.forget(node);
    this.parents = new WeakSet();
  }
}
