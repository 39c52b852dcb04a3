// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { TextMatch } from '../people/types';
import { MarkIndex, spansAround } from './mark-index';
import type { MarkPainter } from './painter';

/** A painter that records what is drawn, as the Highlight would. */
function recordingPainter() {
  const drawn = new Set<AbstractRange>();
  const painter: MarkPainter = {
    makeRange: (node, start, end) => {
      const range = document.createRange();
      range.setStart(node, start ?? 0);
      range.setEnd(node, end ?? node.childNodes.length);
      return range;
    },
    add: (range) => void drawn.add(range),
    remove: (range) => void drawn.delete(range),
    setVisible: () => undefined,
    clear: () => drawn.clear(),
  };
  return { painter, drawn };
}

const name = (start: number, end: number, ...personIds: number[]): TextMatch => ({
  start,
  end,
  kind: 'name',
  personIds,
});

describe('spansAround', () => {
  const spans = [
    { start: 0, end: 5 },
    { start: 10, end: 20 },
    { start: 20, end: 25 },
    { start: 40, end: 50 },
  ];

  it('finds the spans whose range touches an offset, by binary search', () => {
    expect(spansAround(spans, 3)).toEqual([0]);
    expect(spansAround(spans, 5)).toEqual([0]);
    expect(spansAround(spans, 7)).toEqual([]);
    expect(spansAround(spans, 20)).toEqual([1, 2]);
    expect(spansAround(spans, 45)).toEqual([3]);
    expect(spansAround(spans, 60)).toEqual([]);
    expect(spansAround([], 3)).toEqual([]);
  });
});

describe('MarkIndex', () => {
  let text: Text;
  beforeEach(() => {
    document.body.innerHTML =
      '<p id="p">Ada Lovelace met Grace Hopper</p><a id="a" href="mailto:x@y.z">mail</a>';
    text = document.getElementById('p')?.firstChild as Text;
  });

  it('keeps a node’s marks sorted, draws them, and finds them by offset', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(text, text.data, [name(17, 29, 2), name(0, 12, 1)]);
    expect(drawn.size).toBe(2);
    expect(index.marksAt(text, 3).map((m) => m.text)).toEqual(['Ada Lovelace']);
    expect(index.marksAt(text, 20).map((m) => m.personIds)).toEqual([[2]]);
    expect(index.marksAt(text, 14)).toEqual([]);
    expect(index.mayHold(text.parentElement as Element)).toBe(true);
    expect(index.size).toBe(2);
  });

  it('ignores answers that are out of bounds, empty, overlapping or without people', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(text, text.data, [
      name(0, 12, 1),
      name(4, 12, 3),
      name(20, 99, 2),
      name(5, 5, 1),
      name(17, 29),
    ]);
    expect(index.size).toBe(1);
    expect(drawn.size).toBe(1);
  });

  it('replaces a node’s marks on rescan instead of doubling them', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(text, text.data, [name(0, 12, 1)]);
    index.setTextMarks(text, text.data, [name(0, 12, 1), name(17, 29, 2)]);
    expect(index.size).toBe(2);
    expect(drawn.size).toBe(2);
    index.setTextMarks(text, text.data, []);
    expect(index.size).toBe(0);
    expect(drawn.size).toBe(0);
  });

  it('marks a mailto link as a whole when its address is a roster e-mail', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    const link = document.getElementById('a') as HTMLAnchorElement;
    index.setLinkMark(link, 'x@y.z', { start: 0, end: 5, kind: 'email', personIds: [7] });
    expect(index.linkMark(link)?.personIds).toEqual([7]);
    expect(drawn.size).toBe(1);
    index.setLinkMark(link, 'x@y.z', undefined);
    expect(index.linkMark(link)).toBeUndefined();
    expect(drawn.size).toBe(0);
  });

  it('sweeps the marks of nodes that left the document', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    const link = document.getElementById('a') as HTMLAnchorElement;
    index.setTextMarks(text, text.data, [name(0, 12, 1)]);
    index.setLinkMark(link, 'x@y.z', { start: 0, end: 5, kind: 'email', personIds: [7] });
    document.getElementById('p')?.remove();
    index.sweep();
    expect(index.size).toBe(1);
    expect(drawn.size).toBe(1);
    expect(index.marksAt(text, 3)).toEqual([]);
  });

  it('finds the first mark inside an element in document order', () => {
    document.body.innerHTML = '<div id="d"><p>Ada Lovelace</p><p>Grace Hopper</p></div><p>Alan Turing</p>';
    const [p1, p2, p3] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const { painter } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(p3 as Text, (p3 as Text).data, [name(0, 11, 3)]);
    index.setTextMarks(p2 as Text, (p2 as Text).data, [name(0, 12, 2)]);
    index.setTextMarks(p1 as Text, (p1 as Text).data, [name(0, 12, 1)]);
    expect(index.firstWithin(document.getElementById('d') as Element)?.personIds).toEqual([1]);
    expect(index.firstWithin(document.body)?.personIds).toEqual([1]);
  });

  it('clear removes every mark and its drawing', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(text, text.data, [name(0, 12, 1), name(17, 29, 2)]);
    index.clear();
    expect(index.size).toBe(0);
    expect(drawn.size).toBe(0);
    expect(index.mayHold(text.parentElement as Element)).toBe(false);
  });
});
