/**
 * Draws marks with the CSS Custom Highlight API: no element is added around page text, so layout,
 * selection and the page's own scripts are untouched. StaticRanges cost nothing on DOM mutations
 * (live Ranges are updated by every edit); the mutation handling drops marks whose text changed.
 *
 * Only marks near the viewport are in the highlight. Chrome rebuilds the markers of every range of
 * every highlight after any DOM or style change of the page, so 10,000 registered ranges would cost
 * the page about 40 ms per frame in which anything changed. An IntersectionObserver on the elements
 * holding marks adds their ranges when they come within a screen of the viewport, and takes them
 * out when they leave.
 *
 * Marks inside open shadow roots are drawn by the same rule: Chromium's highlight styles inherit
 * through the flattened tree, so the document's `::highlight()` rule reaches into shadow trees.
 */

import { nearViewport } from './near-viewport';

export const HIGHLIGHT_NAME = 'affinity-lens-person';

export interface MarkPainter {
  /**
   * A range over node[start, end) — to `end` in `endNode` when given (a mark over several text
   * nodes) — or the whole content of an element when start/end are omitted.
   */
  makeRange(node: Node, start?: number, end?: number, endNode?: Node): AbstractRange;
  add(range: AbstractRange): void;
  remove(range: AbstractRange): void;
  /** Marks visible or not; ranges are kept either way so that hovering still works. */
  setVisible(visible: boolean): void;
  /** Removes every range and the highlight registration. */
  clear(): void;
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

function rangeFactory(win: HighlightWindow, doc: Document): MarkPainter['makeRange'] {
  const Static = win.StaticRange;
  return (node, start, end, endNode = node) => {
    const from = start ?? 0;
    const to = end ?? node.childNodes.length;
    if (Static)
      return new Static({ startContainer: node, startOffset: from, endContainer: endNode, endOffset: to });
    const range = doc.createRange();
    range.setStart(node, from);
    range.setEnd(endNode, to);
    return range;
  };
}

/**
 * The element whose box holds a range's start: text directly in a shadow root is drawn in its host.
 */
function holdingElement(container: Node): Element | null {
  if (container.nodeType === 1) return container as Element;
  return container.parentElement ?? (container.parentNode as Partial<ShadowRoot> | null)?.host ?? null;
}

export function createHighlightPainter(win: Window): MarkPainter {
  const w = win as unknown as HighlightWindow;
  const makeRange = rangeFactory(w, win.document);
  const registry = w.CSS?.highlights;
  if (!w.Highlight || !registry) {
    // No highlight support: nothing is drawn, hovering names still opens cards.
    return { makeRange, add() {}, remove() {}, setVisible() {}, clear() {} };
  }
  const highlight = new w.Highlight();
  let visible = false;
  // The ranges held by each element, and each range's element as it was when the mark was made
  // (a text node that has since left the page no longer has a parent to look it up by).
  const rangesOf = new Map<Element, Set<AbstractRange>>();
  const holderOf = new Map<AbstractRange, Element>();
  const near = nearViewport(w, (element, isNear) => {
    for (const range of rangesOf.get(element) ?? []) {
      if (isNear) highlight.add(range);
      else highlight.delete(range);
    }
  });
  return {
    makeRange,
    add(range) {
      const holder = holdingElement(range.startContainer);
      if (!holder) return;
      let ranges = rangesOf.get(holder);
      if (!ranges) {
        ranges = new Set();
        rangesOf.set(holder, ranges);
        near.observe(holder);
      }
      ranges.add(range);
      holderOf.set(range, holder);
      if (near.isNear(holder)) highlight.add(range);
    },
    remove(range) {
      highlight.delete(range);
      const holder = holderOf.get(range);
      if (!holder) return;
      holderOf.delete(range);
      const ranges = rangesOf.get(holder);
      ranges?.delete(range);
      if (ranges?.size === 0) {
        rangesOf.delete(holder);
        near.unobserve(holder);
      }
    },
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      if (next) registry.set(HIGHLIGHT_NAME, highlight);
      else if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
    },
    clear() {
      near.disconnect();
      rangesOf.clear();
      holderOf.clear();
      highlight.clear();
      if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
      visible = false;
    },
  };
}
