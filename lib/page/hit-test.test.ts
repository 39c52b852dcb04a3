// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markAtPoint, nearestRect, rectsContain, type RectLike } from './hit-test';
import { MarkIndex, type Mark } from './mark-index';
import { createHighlightPainter } from './painter';

const rect = (left: number, top: number, right: number, bottom: number): RectLike => ({
  left,
  top,
  right,
  bottom,
});

describe('rectsContain', () => {
  it('is true inside any rectangle, with a pixel of tolerance', () => {
    const rects = [rect(10, 10, 50, 30), rect(0, 40, 30, 60)];
    expect(rectsContain(rects, 20, 20)).toBe(true);
    expect(rectsContain(rects, 5, 50)).toBe(true);
    expect(rectsContain(rects, 50.5, 20)).toBe(true);
    expect(rectsContain(rects, 60, 20)).toBe(false);
    expect(rectsContain(rects, 40, 50)).toBe(false);
    expect(rectsContain([], 0, 0)).toBe(false);
  });
});

describe('nearestRect', () => {
  it('picks the line of a wrapped name that the pointer is on', () => {
    const lines = [rect(300, 10, 400, 30), rect(0, 30, 80, 50)];
    expect(nearestRect(lines, 20, 40)).toBe(lines[1]);
    expect(nearestRect(lines, 390, 12)).toBe(lines[0]);
    expect(nearestRect([], 0, 0)).toBeUndefined();
  });
});

describe('markAtPoint', () => {
  let index: MarkIndex;
  let text: Text;
  let caret: { offsetNode: Node; offset: number } | null;
  const measured: Mark[] = [];

  beforeEach(() => {
    document.body.innerHTML =
      '<p id="p">Ada Lovelace met Grace Hopper</p><p id="q">nobody</p><a id="a" href="mailto:g@h.io"><b>mail</b></a>';
    text = document.getElementById('p')?.firstChild as Text;
    index = new MarkIndex(createHighlightPainter(window));
    index.setTextMarks(text, text.data, [
      { start: 0, end: 12, kind: 'name', personIds: [1] },
      { start: 17, end: 29, kind: 'name', personIds: [2] },
    ]);
    caret = null;
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = () => caret;
    measured.length = 0;
  });
  afterEach(() => {
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });

  // Layout-free geometry: each mark occupies x in [start*10, end*10), y in [0, 20).
  const measure = (mark: Mark) => {
    measured.push(mark);
    return [rect(mark.start * 10, 0, mark.end * 10, 20)];
  };

  it('finds the mark under the caret and confirms it against the mark’s rectangles', () => {
    caret = { offsetNode: text, offset: 19 };
    const p = document.getElementById('p');
    expect(markAtPoint(index, document, 190, 10, p, measure)?.personIds).toEqual([2]);
  });

  it('refuses a caret that snapped to a mark from beside it', () => {
    caret = { offsetNode: text, offset: 12 };
    const p = document.getElementById('p');
    expect(markAtPoint(index, document, 140, 10, p, measure)).toBeNull();
    expect(markAtPoint(index, document, 119, 10, p, measure)?.personIds).toEqual([1]);
  });

  it('does not hit-test elements that hold no marks', () => {
    caret = { offsetNode: text, offset: 3 };
    expect(markAtPoint(index, document, 30, 10, document.getElementById('q'), measure)).toBeNull();
    expect(measured).toEqual([]);
  });

  it('treats any point on a marked mailto link as the link', () => {
    const link = document.getElementById('a') as HTMLAnchorElement;
    index.setLinkMark(link, 'g@h.io', { start: 0, end: 6, kind: 'email', personIds: [9] });
    expect(markAtPoint(index, document, 0, 0, link.querySelector('b'), measure)?.personIds).toEqual([9]);
  });
  it('treats any point on a marked web mail chip as the chip', () => {
    document.body.insertAdjacentHTML('beforeend', '<span id="chip" email="g@h.io"><i>Grace</i></span>');
    const chip = document.getElementById('chip') as HTMLElement;
    index.setLinkMark(chip, 'g@h.io', { start: 0, end: 6, kind: 'email', personIds: [9] });
    expect(markAtPoint(index, document, 0, 0, chip.querySelector('i'), measure)?.personIds).toEqual([9]);
  });

  it('finds a name split across inline elements from the caret in any of its parts', () => {
    document.body.innerHTML =
      '<p id="s"><em id="em">Grace</em> <a id="l" href="https://example.com">Hopper</a> and others</p>';
    const em = document.getElementById('em') as HTMLElement;
    const link = document.getElementById('l') as HTMLElement;
    const p = document.getElementById('s') as HTMLElement;
    const nodes = [em.firstChild, p.childNodes[1], link.firstChild, p.childNodes[3]] as Text[];
    const run = nodes.map((n) => n.data).join('');
    index.setRunMarks(nodes, run, [{ start: 0, end: 12, kind: 'name', personIds: [2] }]);
    // The whole name is one box here: x in [0, 120).
    const wholeName = () => [rect(0, 0, 120, 20)];
    caret = { offsetNode: nodes[0] as Text, offset: 2 };
    expect(markAtPoint(index, document, 20, 10, em, wholeName)?.text).toBe('Grace Hopper');
    caret = { offsetNode: nodes[2] as Text, offset: 3 };
    const fromLink = markAtPoint(index, document, 90, 10, link, wholeName);
    expect(fromLink?.text).toBe('Grace Hopper');
    caret = { offsetNode: nodes[1] as Text, offset: 0 };
    expect(markAtPoint(index, document, 55, 10, p, wholeName)).toBe(fromLink);
    // The text after the name is not part of it, even where the caret snaps inside the name’s box.
    caret = { offsetNode: nodes[3] as Text, offset: 3 };
    expect(markAtPoint(index, document, 100, 10, p, wholeName)).toBeNull();
  });
});

describe('markAtPoint inside open shadow roots', () => {
  const calls: unknown[][] = [];
  let caret: { offsetNode: Node; offset: number } | null = null;
  beforeEach(() => {
    calls.length = 0;
    // Like Chromium: the caret enters a shadow root only when it is among the roots passed.
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = (
      ...args: unknown[]
    ) => {
      calls.push(args);
      const allowed = (args[2] as { shadowRoots?: ShadowRoot[] } | undefined)?.shadowRoots ?? [];
      const root = caret?.offsetNode.getRootNode();
      return root === document || allowed.includes(root as ShadowRoot) ? caret : null;
    };
  });
  afterEach(() => {
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });
  const measure = (mark: Mark) => [rect(mark.start * 10, 0, mark.end * 10, 20)];

  it('finds a mark in a nested open shadow root from the innermost target, and in text directly in a root from its host', () => {
    document.body.innerHTML = '<x-outer id="outer"></x-outer>';
    const outer = (document.getElementById('outer') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<x-inner></x-inner>';
    const inner = (outer.querySelector('x-inner') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Ada Lovelace</p>';
    const bare = document.createTextNode('Grace Hopper');
    outer.append(bare);
    const index = new MarkIndex(createHighlightPainter(window));
    const text = inner.querySelector('p')?.firstChild as Text;
    index.setTextMarks(text, text.data, [{ start: 0, end: 12, kind: 'name', personIds: [1] }]);
    index.setTextMarks(bare, bare.data, [{ start: 0, end: 12, kind: 'name', personIds: [2] }]);

    caret = { offsetNode: text, offset: 3 };
    const p = inner.querySelector('p') as Element;
    expect(markAtPoint(index, document, 35, 10, p, measure)?.personIds).toEqual([1]);
    expect(calls.at(-1)?.[2]).toEqual({ shadowRoots: [inner, outer] });

    caret = { offsetNode: bare, offset: 3 };
    expect(markAtPoint(index, document, 35, 10, outer.host, measure)?.personIds).toEqual([2]);
  });
});
