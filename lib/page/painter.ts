/**
 * Draws marks with the CSS Custom Highlight API: no element is added around page text, so layout,
 * selection and the page's own scripts are untouched. StaticRanges cost nothing on DOM mutations
 * (live Ranges are updated by every edit); the mutation handling drops marks whose text changed.
 */

export const HIGHLIGHT_NAME = 'affinity-lens-person';

export interface MarkPainter {
  /** A range over node[start, end), or the whole content of an element when start/end are omitted. */
  makeRange(node: Node, start?: number, end?: number): AbstractRange;
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
}

function rangeFactory(win: HighlightWindow, doc: Document): MarkPainter['makeRange'] {
  const Static = win.StaticRange;
  return (node, start, end) => {
    const from = start ?? 0;
    const to = end ?? node.childNodes.length;
    if (Static)
      return new Static({ startContainer: node, startOffset: from, endContainer: node, endOffset: to });
    const range = doc.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    return range;
  };
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
  return {
    makeRange,
    add: (range) => void highlight.add(range),
    remove: (range) => void highlight.delete(range),
    setVisible(next) {
      if (next === visible) return;
      visible = next;
      if (next) registry.set(HIGHLIGHT_NAME, highlight);
      else if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
    },
    clear() {
      highlight.clear();
      if (registry.get(HIGHLIGHT_NAME) === highlight) registry.delete(HIGHLIGHT_NAME);
      visible = false;
    },
  };
}
