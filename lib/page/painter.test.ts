// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightPainter, HIGHLIGHT_NAME } from './painter';

class FakeHighlight extends Set<AbstractRange> {}

/** An IntersectionObserver the test moves elements in and out of view with. */
class FakeObserver {
  static current: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: ObserverEntry[]) => void) {
    FakeObserver.current = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.observed.clear();
  }
  /** As the browser reports it: an element with `display: contents` has an empty box. */
  report(target: Element, isIntersecting: boolean) {
    const boxless = (target as HTMLElement).style.display === 'contents';
    const size = boxless ? 0 : 20;
    this.callback([{ target, isIntersecting, boundingClientRect: { width: size, height: size } }]);
  }
}

interface ObserverEntry {
  target: Element;
  isIntersecting: boolean;
  boundingClientRect: { width: number; height: number };
}

interface TestWindow {
  Highlight?: unknown;
  IntersectionObserver?: unknown;
  CSS?: unknown;
}

describe('createHighlightPainter', () => {
  const registry = new Map<string, FakeHighlight>();
  const painted = () => [...(registry.get(HIGHLIGHT_NAME) ?? [])];
  let near: HTMLElement;
  let far: HTMLElement;

  function setUp(withObserver: boolean) {
    const w = window as unknown as TestWindow;
    w.Highlight = FakeHighlight;
    w.IntersectionObserver = withObserver ? FakeObserver : undefined;
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    const painter = createHighlightPainter(window);
    painter.setVisible(true);
    return painter;
  }

  beforeEach(() => {
    vi.useFakeTimers();
    registry.clear();
    FakeObserver.current = null;
    document.body.innerHTML = '<p id="near">Ada Lovelace</p><p id="far">Grace Hopper</p>';
    near = document.getElementById('near') as HTMLElement;
    far = document.getElementById('far') as HTMLElement;
  });

  afterEach(() => vi.useRealTimers());

  /** Marks the text of a `display: contents` element, and has the browser report it without a box. */
  function paintBoxless(name: HTMLElement) {
    const painter = setUp(true);
    const ada = painter.makeRange(name.firstChild as Text, 0, 12);
    painter.add(ada);
    vi.runAllTimers();
    const observer = FakeObserver.current as FakeObserver;
    observer.report(name, false);
    return { painter, ada, observer };
  }

  it('paints only the marks of elements near the viewport, as they come and go', () => {
    const painter = setUp(true);
    const ada = painter.makeRange(near.firstChild as Text, 0, 12);
    const grace = painter.makeRange(far.firstChild as Text, 0, 12);
    painter.add(ada);
    painter.add(grace);
    const observer = FakeObserver.current as FakeObserver;
    // Elements are handed to the observer in batches, not one per mark as a scan finds them.
    expect(observer.observed.size).toBe(0);
    vi.runAllTimers();
    expect([...observer.observed]).toEqual([near, far]);
    expect(painted()).toEqual([]);

    observer.report(near, true);
    expect(painted()).toEqual([ada]);
    observer.report(far, true);
    observer.report(near, false);
    expect(painted()).toEqual([grace]);
  });

  it('paints a new mark at once in an element already near the viewport', () => {
    const painter = setUp(true);
    painter.add(painter.makeRange(near.firstChild as Text, 0, 3));
    vi.runAllTimers();
    (FakeObserver.current as FakeObserver).report(near, true);
    const lovelace = painter.makeRange(near.firstChild as Text, 4, 12);
    painter.add(lovelace);
    expect(painted()).toContain(lovelace);
  });

  it('stops watching an element once its last mark is gone, even after its text left the page', () => {
    const painter = setUp(true);
    const text = near.firstChild as Text;
    const ada = painter.makeRange(text, 0, 12);
    painter.add(ada);
    vi.runAllTimers();
    const observer = FakeObserver.current as FakeObserver;
    observer.report(near, true);
    text.remove();
    painter.remove(ada);
    expect(painted()).toEqual([]);
    expect(observer.observed.has(near)).toBe(false);
  });

  it('paints the marks of a display: contents element when its boxed ancestor comes near', () => {
    document.body.innerHTML =
      '<section id="box"><div style="display: contents"><span id="name" style="display: contents">Ada Lovelace</span></div></section>';
    const box = document.getElementById('box') as HTMLElement;
    const { painter, ada, observer } = paintBoxless(document.getElementById('name') as HTMLElement);
    // The browser never reports a boxless element intersecting: its ancestor with a box stands in.
    expect([...observer.observed]).toEqual([box]);
    observer.report(box, true);
    expect(painted()).toEqual([ada]);
    observer.report(box, false);
    expect(painted()).toEqual([]);

    painter.remove(ada);
    expect(observer.observed.size).toBe(0);
  });

  it('watches the host for a display: contents element at the top of a shadow root', () => {
    document.body.innerHTML = '<section id="host"></section>';
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span style="display: contents">Ada Lovelace</span>';
    const { ada, observer } = paintBoxless(root.firstElementChild as HTMLElement);
    expect([...observer.observed]).toEqual([host]);
    observer.report(host, true);
    expect(painted()).toEqual([ada]);
  });

  it('paints every mark where there is no IntersectionObserver', () => {
    const painter = setUp(false);
    const ada = painter.makeRange(near.firstChild as Text, 0, 12);
    painter.add(ada);
    expect(painted()).toEqual([ada]);
  });

  it('drops an element whose marks go before it was ever observed', () => {
    const painter = setUp(true);
    const ada = painter.makeRange(near.firstChild as Text, 0, 12);
    painter.add(ada);
    painter.remove(ada);
    vi.runAllTimers();
    expect((FakeObserver.current as FakeObserver).observed.size).toBe(0);
  });

  it('clear leaves nothing painted, registered or watched', () => {
    const painter = setUp(true);
    painter.add(painter.makeRange(near.firstChild as Text, 0, 12));
    vi.runAllTimers();
    const observer = FakeObserver.current as FakeObserver;
    observer.report(near, true);
    painter.clear();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(observer.observed.size).toBe(0);
  });
});
