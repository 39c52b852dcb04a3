// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHover, type CardPort, type HoverOptions } from './hover';
import { MarkIndex, type Mark } from './mark-index';
import { createHighlightPainter } from './painter';

describe('startHover', () => {
  let index: MarkIndex;
  let ada: Mark;
  let grace: Mark;
  let card: CardPort & { shown: Mark | null; opener: string | null; ownsTarget: EventTarget | null };
  let createCard: ReturnType<typeof vi.fn>;
  let controller: AbortController;
  let under: Mark | null;

  const point = (target: EventTarget = document.body) => {
    const event = new PointerEvent('pointermove', { bubbles: true, clientX: 5, clientY: 5 });
    target.dispatchEvent(event);
  };
  const key = (init: KeyboardEventInit) =>
    document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));

  function start(overrides: Partial<HoverOptions> = {}) {
    return startHover({
      doc: document,
      index,
      signal: controller.signal,
      timings: { fetchMs: 150, showMs: 500, hideMs: 300 },
      card: createCard as unknown as () => CardPort,
      nextFrame: (callback) => callback(),
      hitTest: () => under,
      isTrusted: () => true,
      ...overrides,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML =
      '<p id="p">Ada Lovelace and Grace Hopper</p><a id="mail" href="mailto:g@h.io">mail</a>';
    const node = document.getElementById('p')?.firstChild as Text;
    index = new MarkIndex(createHighlightPainter(window));
    index.setTextMarks(node, node.data, [
      { start: 0, end: 12, kind: 'name', personIds: [1] },
      { start: 17, end: 29, kind: 'name', personIds: [2] },
    ]);
    [ada, grace] = [index.marksAt(node, 1)[0] as Mark, index.marksAt(node, 20)[0] as Mark];
    card = {
      shown: null,
      opener: null,
      ownsTarget: null,
      prefetch: vi.fn(),
      show: vi.fn((mark: Mark, openedBy: string) => {
        card.shown = mark;
        card.opener = openedBy;
      }),
      hide: vi.fn(() => (card.shown = null)),
      owns: (target) => target !== null && target === card.ownsTarget,
      hasFocus: () => false,
    };
    createCard = vi.fn(() => card);
    controller = new AbortController();
    under = null;
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('does not build the card until someone rests on a name', () => {
    start();
    point();
    vi.advanceTimersByTime(1000);
    expect(createCard).not.toHaveBeenCalled();
    under = ada;
    point();
    vi.advanceTimersByTime(150);
    expect(createCard).toHaveBeenCalledTimes(1);
    expect(card.prefetch).toHaveBeenCalledWith(ada);
  });

  it('opens the card for the name under the pointer after the delay and hides it after leaving', () => {
    start();
    under = ada;
    point();
    vi.advanceTimersByTime(500);
    expect(card.shown).toBe(ada);
    under = null;
    point();
    vi.advanceTimersByTime(300);
    expect(card.shown).toBeNull();
  });

  it('keeps the card while the pointer is on it', () => {
    start();
    under = ada;
    point();
    vi.advanceTimersByTime(500);
    const host = document.createElement('div');
    document.body.append(host);
    card.ownsTarget = host;
    under = null;
    point();
    vi.advanceTimersByTime(100);
    point(host);
    vi.advanceTimersByTime(5000);
    expect(card.shown).toBe(ada);
  });

  it('hit-tests the innermost target inside an open shadow root, not the host the document sees', () => {
    const host = document.createElement('x-card');
    document.body.append(host);
    const inner = document.createElement('p');
    host.attachShadow({ mode: 'open' }).append(inner);
    const targets: (Element | null)[] = [];
    start({
      hitTest: (_x, _y, target) => {
        targets.push(target);
        return ada;
      },
    });
    inner.dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: 5, clientY: 5 }),
    );
    expect(targets).toEqual([inner]);
    vi.advanceTimersByTime(500);
    expect(card.shown).toBe(ada);
  });

  it('ignores synthetic events from page scripts', () => {
    start({ isTrusted: undefined });
    under = ada;
    point();
    key({ key: 'L', code: 'KeyL', altKey: true, shiftKey: true });
    vi.advanceTimersByTime(2000);
    expect(createCard).not.toHaveBeenCalled();
  });

  it('ignores touch pointers', () => {
    start();
    under = grace;
    document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'touch' }));
    vi.advanceTimersByTime(2000);
    expect(createCard).not.toHaveBeenCalled();
  });

  it('opens for the focused element on Alt+Shift+L, and Escape closes', () => {
    start();
    (document.getElementById('mail') as HTMLElement).focus();
    index.setLinkMark(document.getElementById('mail') as HTMLAnchorElement, 'g@h.io', {
      start: 0,
      end: 6,
      kind: 'email',
      personIds: [2],
    });
    key({ key: 'L', code: 'KeyL', altKey: true, shiftKey: true });
    expect(card.shown?.personIds).toEqual([2]);
    expect(card.opener).toBe('keyboard');
    key({ key: 'Escape' });
    expect(card.shown).toBeNull();
  });

  it('closes when the user clicks elsewhere', () => {
    start();
    under = ada;
    point();
    vi.advanceTimersByTime(500);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(card.shown).toBeNull();
  });

  it('follows a new hover delay', () => {
    const hover = start();
    hover.setTimings({ fetchMs: 150, showMs: 1200, hideMs: 300 });
    under = ada;
    point();
    vi.advanceTimersByTime(1000);
    expect(card.shown).toBeNull();
    vi.advanceTimersByTime(200);
    expect(card.shown).toBe(ada);
  });

  it('stops listening and closes the card when aborted', () => {
    start();
    under = ada;
    point();
    vi.advanceTimersByTime(500);
    controller.abort();
    expect(card.shown).toBeNull();
    under = grace;
    point();
    vi.advanceTimersByTime(2000);
    expect(card.show).toHaveBeenCalledTimes(1);
  });
});
