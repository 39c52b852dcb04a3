// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { TextMatch } from '../people/types';
import { MarkIndex, spansAround } from './mark-index';
import type { MarkPainter, PaintableMark } from './painter';

/** A painter that records the text of each mark it is given to draw, until it is taken back. */
function recordingPainter() {
  const marks = new Map<PaintableMark, string>();
  const painter: MarkPainter = {
    add: (mark) => {
      const range = document.createRange();
      range.setStart(mark.node, mark.start);
      range.setEnd(mark.endNode ?? mark.node, mark.end);
      marks.set(mark, range.toString());
    },
    remove: (mark) => void marks.delete(mark),
    setVisible: () => undefined,
    clear: () => marks.clear(),
  };
  return { painter, drawn: () => [...marks.values()].sort() };
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
    expect(drawn()).toEqual(['Ada Lovelace', 'Grace Hopper']);
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
    expect(drawn()).toEqual(['Ada Lovelace']);
  });

  it('marks answers that come sorted and apart as they are', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(text, text.data, [name(0, 3, 1), name(4, 12, 2), name(17, 29, 3)]);
    expect(drawn()).toEqual(['Ada', 'Grace Hopper', 'Lovelace']);
    expect(index.marksAt(text, 12).map((m) => m.personIds)).toEqual([[2]]);
    // Touching is not overlapping; one that starts inside the one before is dropped.
    index.setTextMarks(text, text.data, [name(0, 3, 1), name(3, 12, 2), name(11, 29, 3)]);
    expect(drawn()).toEqual([' Lovelace', 'Ada']);
    // In order, yet without a person or past the end of the text.
    index.setTextMarks(text, text.data, [name(0, 3), name(4, 12, 2), name(17, 30, 3)]);
    expect(drawn()).toEqual(['Lovelace']);
  });

  it('replaces a node’s marks on rescan instead of doubling them', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setTextMarks(text, text.data, [name(0, 12, 1)]);
    index.setTextMarks(text, text.data, [name(0, 12, 1), name(17, 29, 2)]);
    expect(index.size).toBe(2);
    expect(drawn()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    index.setTextMarks(text, text.data, []);
    expect(index.size).toBe(0);
    expect(drawn()).toEqual([]);
  });

  it('marks a mailto link as a whole when its address is a roster e-mail', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    const link = document.getElementById('a') as HTMLAnchorElement;
    index.setLinkMark(link, 'x@y.z', { start: 0, end: 5, kind: 'email', personIds: [7] });
    expect(index.linkMark(link)?.personIds).toEqual([7]);
    expect(drawn()).toEqual(['mail']);
    index.setLinkMark(link, 'x@y.z', undefined);
    expect(index.linkMark(link)).toBeUndefined();
    expect(drawn()).toEqual([]);
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
    expect(drawn()).toEqual(['mail']);
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
    expect(drawn()).toEqual([]);
    expect(index.mayHold(text.parentElement as Element)).toBe(false);
  });
});

describe('MarkIndex: names split across inline elements', () => {
  // "Met <em>Ada</em> <a>Lovelace</a> and Grace Hopper": five text nodes, one run.
  let nodes: Text[];
  let run: string;
  beforeEach(() => {
    document.body.innerHTML =
      '<p id="p">Met <em id="em">Ada</em> <a id="a" href="/x">Lovelace</a> and Grace Hopper</p><p id="q">x</p>';
    const p = document.getElementById('p') as HTMLElement;
    nodes = [
      p.childNodes[0] as Text,
      (document.getElementById('em') as HTMLElement).firstChild as Text,
      p.childNodes[2] as Text,
      (document.getElementById('a') as HTMLElement).firstChild as Text,
      p.childNodes[4] as Text,
    ];
    run = nodes.map((n) => n.data).join('');
  });
  const ada = () => name(run.indexOf('Ada'), run.indexOf('Ada') + 'Ada Lovelace'.length, 1);
  const grace = () => name(run.indexOf('Grace'), run.length, 2);

  it('makes one mark from the node of its first character to the node of its last', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setRunMarks(nodes, run, [grace(), ada()]);
    expect(index.size).toBe(2);
    // One mark over the whole name, and over nothing else.
    expect(drawn()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const [mark] = index.marksAt(nodes[1] as Text, 1);
    expect(mark?.text).toBe('Ada Lovelace');
    expect(mark?.node).toBe(nodes[1]);
    expect(mark?.start).toBe(0);
    expect(mark?.endNode).toBe(nodes[3]);
    expect(mark?.end).toBe('Lovelace'.length);
    // A name inside one node of the run is an ordinary mark in that node.
    const [hopper] = index.marksAt(nodes[4] as Text, 8);
    expect([hopper?.text, hopper?.node, hopper?.start, hopper?.end, hopper?.endNode]).toEqual([
      'Grace Hopper',
      nodes[4],
      5,
      17,
      undefined,
    ]);
  });

  it('finds a split mark from every node it covers, and not from the text around it', () => {
    const { painter } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setRunMarks(nodes, run, [ada(), grace()]);
    const at = (node: Text, offset: number) => index.marksAt(node, offset).map((m) => m.text);
    expect(at(nodes[1] as Text, 0)).toEqual(['Ada Lovelace']);
    expect(at(nodes[2] as Text, 1)).toEqual(['Ada Lovelace']);
    expect(at(nodes[3] as Text, 4)).toEqual(['Ada Lovelace']);
    expect(at(nodes[0] as Text, 1)).toEqual([]);
    expect(at(nodes[4] as Text, 2)).toEqual([]);
    for (const id of ['p', 'em', 'a'])
      expect(index.mayHold(document.getElementById(id) as Element)).toBe(true);
    expect(index.firstWithin(document.getElementById('a') as Element)?.text).toBe('Ada Lovelace');
    expect(index.firstWithin(document.getElementById('p') as Element)?.text).toBe('Ada Lovelace');
  });

  it('never starts a mark in the node before its first character or ends it in the node after its last', () => {
    document.body.innerHTML = '<p id="p">Met <b>Ada Love</b>lace<i></i><i>!</i></p>';
    const p = document.getElementById('p') as HTMLElement;
    const parts = [
      p.childNodes[0] as Text,
      p.childNodes[1]?.firstChild as Text,
      p.childNodes[2] as Text,
      document.createTextNode(''),
      p.childNodes[4]?.firstChild as Text,
    ];
    p.childNodes[3]?.appendChild(parts[3] as Text);
    const text = parts.map((n) => n.data).join('');
    const { painter } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setRunMarks(parts, text, [name(4, 16, 1)]);
    const [mark] = index.marksAt(parts[1] as Text, 0);
    expect([mark?.node, mark?.start, mark?.endNode, mark?.end]).toEqual([parts[1], 0, parts[2], 4]);
    expect(index.marksAt(parts[0] as Text, 4)).toEqual([]);
    expect(index.marksAt(parts[4] as Text, 0)).toEqual([]);
  });

  it('drops a split mark as a whole when any of its nodes changes or leaves, and keeps the others', () => {
    const { painter, drawn } = recordingPainter();
    const index = new MarkIndex(painter);
    index.setRunMarks(nodes, run, [ada(), grace()]);
    index.forget(nodes[2] as Text);
    expect(index.size).toBe(1);
    expect(drawn()).toEqual(['Grace Hopper']);
    for (const node of nodes.slice(1, 4)) expect(index.marksAt(node, 0)).toEqual([]);
    expect(index.marksAt(nodes[4] as Text, 8).map((m) => m.text)).toEqual(['Grace Hopper']);

    index.setRunMarks(nodes, run, [ada(), grace()]);
    expect(index.size).toBe(2);
    document.getElementById('a')?.remove();
    index.sweep();
    expect(index.size).toBe(1);
    expect(index.marksAt(nodes[1] as Text, 0)).toEqual([]);

    // Marking one node of a former run alone replaces the split mark through it.
    index.setRunMarks(nodes, run, [ada()]);
    index.setTextMarks(nodes[1] as Text, 'Ada', []);
    expect(index.size).toBe(0);
    expect(drawn()).toEqual([]);
    expect(index.marksAt(nodes[3] as Text, 2)).toEqual([]);
  });

  it('marks a run of one node exactly as a text node', () => {
    const { painter } = recordingPainter();
    const index = new MarkIndex(painter);
    const text = nodes[4] as Text;
    index.setRunMarks([text], text.data, [name(5, 17, 2)]);
    expect(index.marksAt(text, 6).map((m) => [m.text, m.endNode])).toEqual([['Grace Hopper', undefined]]);
  });
});
