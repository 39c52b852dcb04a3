// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { isOpenShortcut, keyboardTarget, type KeyLike } from './keyboard';
import { MarkIndex } from './mark-index';
import { createHighlightPainter } from './painter';

const key = (over: Partial<KeyLike>): KeyLike => ({
  key: 'L',
  code: 'KeyL',
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...over,
});

describe('isOpenShortcut', () => {
  it('is Alt+Shift+L by physical key, whatever character Alt produces', () => {
    expect(isOpenShortcut(key({}))).toBe(true);
    expect(isOpenShortcut(key({ key: 'Ò' }))).toBe(true);
    expect(isOpenShortcut(key({ shiftKey: false }))).toBe(false);
    expect(isOpenShortcut(key({ ctrlKey: true }))).toBe(false);
    expect(isOpenShortcut(key({ code: 'KeyK' }))).toBe(false);
  });
});

describe('keyboardTarget', () => {
  let index: MarkIndex;
  beforeEach(() => {
    document.body.innerHTML = `
      <a id="mail" href="mailto:ada@example.com">write</a>
      <button id="row"><span>Grace Hopper</span> and <span>Alan Turing</span></button>
      <button id="empty">nothing</button>
      <p id="p">Edsger Dijkstra</p>`;
    index = new MarkIndex(createHighlightPainter(window));
    index.setLinkMark(document.getElementById('mail') as HTMLAnchorElement, 'ada@example.com', {
      start: 0,
      end: 15,
      kind: 'email',
      personIds: [1],
    });
    const [grace, alan] = [...document.querySelectorAll('#row span')].map((s) => s.firstChild as Text);
    index.setTextMarks(alan as Text, 'Alan Turing', [{ start: 0, end: 11, kind: 'name', personIds: [3] }]);
    index.setTextMarks(grace as Text, 'Grace Hopper', [{ start: 0, end: 12, kind: 'name', personIds: [2] }]);
    const p = document.getElementById('p')?.firstChild as Text;
    index.setTextMarks(p, p.data, [{ start: 0, end: 15, kind: 'name', personIds: [4] }]);
  });

  it('opens for a focused mailto link', () => {
    (document.getElementById('mail') as HTMLElement).focus();
    expect(keyboardTarget(document, index)?.personIds).toEqual([1]);
  });

  it('opens for the first name inside the focused element', () => {
    (document.getElementById('row') as HTMLElement).focus();
    expect(keyboardTarget(document, index)?.personIds).toEqual([2]);
  });

  it('opens for a name inside the element focused within an open shadow root', () => {
    const host = document.createElement('x-row');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button>Barbara Liskov</button>';
    const text = root.querySelector('button')?.firstChild as Text;
    index.setTextMarks(text, text.data, [{ start: 0, end: 14, kind: 'name', personIds: [5] }]);
    (root.querySelector('button') as HTMLElement).focus();
    expect(document.activeElement).toBe(host);
    expect(keyboardTarget(document, index)?.personIds).toEqual([5]);
  });

  it('falls back to a caret inside a name, and otherwise finds nothing', () => {
    (document.getElementById('empty') as HTMLElement).focus();
    expect(keyboardTarget(document, index)).toBeNull();
    (document.activeElement as HTMLElement).blur();
    const p = document.getElementById('p')?.firstChild as Text;
    document.getSelection()?.collapse(p, 4);
    expect(keyboardTarget(document, index)?.personIds).toEqual([4]);
  });
});
