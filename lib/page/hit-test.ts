/**
 * Which mark is under the pointer. Highlights are not elements, so the point is turned into a caret
 * position (node + offset), looked up in the mark index, and confirmed against the mark's own
 * rectangles (a caret snaps to the nearest character even beside the text).
 *
 * The document's caret lookup stops at shadow hosts unless told which shadow roots it may enter:
 * those around the pointer's innermost target are passed.
 */
import { ADDRESS_SELECTOR } from './addresses';
import type { Mark, MarkIndex } from './mark-index';
import { shadowHostOf } from './walker';

export interface RectLike {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Caret {
  node: Node;
  offset: number;
}

interface CaretDocument {
  caretPositionFromPoint?(
    x: number,
    y: number,
    options?: { shadowRoots: ShadowRoot[] },
  ): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** The open shadow roots a node is inside, innermost first (none for a node in the document tree). */
export function shadowRootsAround(node: Node): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (let host = shadowHostOf(node); host; host = shadowHostOf(host)) {
    const root = host.shadowRoot;
    if (root) roots.push(root);
  }
  return roots;
}

export function caretFromPoint(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): Caret | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos =
      shadowRoots.length > 0
        ? d.caretPositionFromPoint(x, y, { shadowRoots })
        : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Whether (x, y) lies in one of the rectangles, with `slop` px of tolerance for sub-pixel edges. */
export function rectsContain(rects: Iterable<RectLike>, x: number, y: number, slop = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

/** The rectangle among `rects` nearest to a point (the line of a wrapped name the pointer is on). */
export function nearestRect<R extends RectLike>(rects: readonly R[], x: number, y: number): R | undefined {
  let best: R | undefined;
  let bestDistance = Infinity;
  for (const r of rects) {
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

/** Client rectangles of a mark, measured now (layout may have moved since it was found). */
export function markRects(mark: Mark): DOMRect[] {
  if (mark.node.nodeType !== 3) return [...(mark.node as Element).getClientRects()];
  const range = mark.node.ownerDocument.createRange();
  // A mark over several text nodes ends in another one; its rectangles are those of all its parts.
  const endNode = mark.endNode ?? (mark.node as Text);
  range.setStart(mark.node, mark.start);
  range.setEnd(endNode, Math.min(mark.end, endNode.length));
  const rects = [...range.getClientRects()];
  range.detach();
  return rects;
}

/** The mark under (x, y), given the element the pointer event targeted (its innermost target). */
export function markAtPoint(
  index: MarkIndex,
  doc: Document,
  x: number,
  y: number,
  target: Element | null,
  measure: (mark: Mark) => RectLike[] = markRects,
): Mark | null {
  if (!target) return null;
  const link = target.closest(ADDRESS_SELECTOR);
  const linkMark = link ? index.linkMark(link) : undefined;
  if (linkMark) return linkMark;
  // Pointer events target the text's parent element: most of the page is ruled out here. Text
  // directly in a shadow root targets its host, and text slotted into one targets the slot.
  const ownRoot = target.shadowRoot;
  if (!ownRoot && target.localName !== 'slot' && !index.mayHold(target)) return null;
  const roots = shadowRootsAround(target);
  if (ownRoot) roots.unshift(ownRoot);
  const caret = caretFromPoint(doc, x, y, roots);
  if (!caret) return null;
  for (const mark of index.marksAt(caret.node, caret.offset)) {
    if (rectsContain(measure(mark), x, y)) return mark;
  }
  return null;
}
