/**
 * Draws marks with the CSS Custom Highlight API: no element is added around page text, so layout,
 * selection and the page's own scripts are untouched. StaticRanges cost nothing on DOM mutations
 * (live Ranges are updated by every edit); the mutation handling drops marks whose text changed.
 *
 * Only marks near the viewport are in the highlight. Chrome rebuilds the markers of every range of
 * every highlight after any DOM or style change of the page, so 10,000 registered ranges would cost
 * the page about 40 ms per frame in which anything changed. An IntersectionObserver on the elements
 * holding marks adds their ranges when they come within a screen of the viewport, and takes them
 * out when they leave. A mark's range is made only then, and dropped when its element leaves: a
 * scan of a long page makes ranges for the few hundred marks near the viewport, not for all of
 * them, and a page read to its end holds no more ranges than one screen's worth around it.
 *
 * Marks inside open shadow roots are drawn by the same rule: Chromium's highlight styles inherit
 * through the flattened tree, so the document's `::highlight()` rule reaches into shadow trees.
 */

import { nearViewport } from './near-viewport';

export const HIGHLIGHT_NAME = 'affinity-lens-person';

/** What the painter needs of a mark; the mark object itself is its identity for `remove`. */
export interface PaintableMark {
  /** The text node the mark starts in, or an element painted as a whole. */
  readonly node: Node;
  /** Offsets into `node` (`end` into `endNode` when given); child indexes for an element. */
  readonly start: number;
  readonly end: number;
  /** The text node a mark over several nodes ends in. */
  readonly endNode?: Node;
  /**
   * The element whose box holds the mark's start (see holdingElement), kept with the mark: its
   * text may leave the page before the mark is removed, and the caller finds it once per node.
   * Null: nothing to paint in (a node without a parent).
   */
  readonly holder: Element | null;
}

export interface MarkPainter {
  /** Paints a mark while its holder is near the viewport, from now until `remove`. */
  add(mark: PaintableMark): void;
  remove(mark: PaintableMark): void;
  /** Marks visible or not; they are kept either way so that hovering still works. */
  setVisible(visible: boolean): void;
  /** Removes every mark and the highlight registration. */
  clear(): void;
}

/**
 * The element whose box holds a node: the node itself for an element, else its parent, or for
 * text directly in a shadow root, the host.
 */
export function holdingElement(node: Node): Element | null {
  if (node.nodeType === 1) return node as Element;
  return node.parentElement ?? (node.parentNode as Partial<ShadowRoot> | null)?.host ?? null;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
}

interface HighlightWindow {
  Highlight?: new (...ranges: AbstractRange[]) => HighlightLike;
  CSS?: { highlights?: Map<string, HighlightLike> };
  StaticRange?: new (init: StaticRangeInit) => AbstractRange;
  IntersectionObserver?: typeof IntersectionObserver;
  getComputedStyle?(element: Element): { display: string };
}

function rangeFactory(win: HighlightWindow, doc: Document): (mark: PaintableMark) => AbstractRange {
  const Static = win.StaticRange;
  if (Static) {
    return (mark) =>
      new Static({
        startContainer: mark.node,
        startOffset: mark.start,
        endContainer: mark.endNode ?? mark.node,
        endOffset: mark.end,
      });
  }
  // A live Range checks its offsets: text may have shrunk since the mark was made (the mutation
  // handling has not dropped it yet), so they are kept within the nodes.
  const lengthOf = (node: Node) => (node.nodeType === 1 ? node.childNodes.length : (node as Text).length);
  return (mark) => {
    const endNode = mark.endNode ?? mark.node;
    const range = doc.createRange();
    range.setStart(mark.node, Math.min(mark.start, lengthOf(mark.node)));
    range.setEnd(endNode, Math.min(mark.end, lengthOf(endNode)));
    return range;
  };
}

export function createHighlightPainter(win: Window): MarkPainter {
  const w = win as unknown as HighlightWindow;
  const registry = w.CSS?.highlights;
  if (!w.Highlight || !registry) {
    // No highlight support: nothing is drawn, hovering names still opens cards.
    return { add() {}, remove() {}, setVisible() {}, clear() {} };
  }
  const makeRange = rangeFactory(w, win.document);
  const highlight = new w.Highlight();
  let visible = false;
  /** The marks held by each element: one entry per element. */
  const marksOf = new Map<Element, Set<PaintableMark>>();
  /** The ranges of the marks in the highlight: those of elements near the viewport. */
  const rangeOf = new Map<PaintableMark, AbstractRange>();

  const paint = (mark: PaintableMark) => {
    const range = makeRange(mark);
    rangeOf.set(mark, range);
    highlight.add(range);
  };
  const unpaint = (mark: PaintableMark) => {
    const range = rangeOf.get(mark);
    if (!range) return;
    rangeOf.delete(mark);
    highlight.delete(range);
  };

  const near = nearViewport(w, (element, isNear) => {
    for (const mark of marksOf.get(element) ?? []) {
      if (isNear) paint(mark);
      else unpaint(mark);
    }
  });

  return {
    add(mark) {
      const holder = mark.holder;
      if (!holder) return;
      const marks = marksOf.get(holder);
      if (marks) marks.add(mark);
      else {
        marksOf.set(holder, new Set<PaintableMark>().add(mark));
        near.observe(holder);
      }
      if (near.isNear(holder)) paint(mark);
    },
    remove(mark) {
      const holder = mark.holder;
      if (!holder) return;
      unpaint(mark);
      const marks = marksOf.get(holder);
      if (!marks?.delete(mark) || marks.size > 0) return;
      marksOf.delete(holder);
      near.unobserve(holder);
    },
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      if (next) registry.set(HIGHLIGHT_NAME, highlight);
      else if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
    },
    clear() {
      near.disconnect();
      marksOf.clear();
      rangeOf.clear();
      highlight.clear();
      if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
      visible = false;
    },
  };
}
