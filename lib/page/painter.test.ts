// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightPainter, HIGHLIGHT_NAME, holdingElement, type PaintableMark } from './painter';

class FakeHighlight extends Set<AbstractRange> {}

/** The text a range covers. */
function textOf(range: AbstractRange): string {
  const live = document.createRange();
  live.setStart(range.startContainer, range.startOffset);
  live.setEnd(range.endContainer, range.endOffset);
  return live.toString();
}

/** A mark over text[start, end), or to `end` in `endNode`, held by the element the index would give. */
function markOf(text: Text, start: number, end: number, endNode?: Text): PaintableMark {
  return { node: text, start, end, holder: holdingElement(text), ...(endNode ? { endNode } : {}) };
}

/** A mark over the whole text of an element's first child. */
const whole = (element: Element) => {
  const text = element.firstChild as Text;
  return markOf(text, 0, text.length);
};

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
  /** The texts in the registered highlight: what the user sees marked. */
  const painted = () => [...(registry.get(HIGHLIGHT_NAME) ?? [])].map(textOf);
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

  /** The observer, once the batch of new elements has been handed to it. */
  function observing(): FakeObserver {
    vi.runAllTimers();
    return FakeObserver.current as FakeObserver;
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
    const ada = whole(name);
    painter.add(ada);
    const observer = observing();
    observer.report(name, false);
    return { painter, ada, observer };
  }

  it('paints only the marks of elements near the viewport, as they come and go', () => {
    const painter = setUp(true);
    painter.add(whole(near));
    painter.add(whole(far));
    const observer = FakeObserver.current as FakeObserver;
    // Elements are handed to the observer in batches, not one per mark as a scan finds them.
    expect(observer.observed.size).toBe(0);
    vi.runAllTimers();
    expect([...observer.observed]).toEqual([near, far]);
    expect(painted()).toEqual([]);

    observer.report(near, true);
    expect(painted()).toEqual(['Ada Lovelace']);
    observer.report(far, true);
    observer.report(near, false);
    expect(painted()).toEqual(['Grace Hopper']);
    // Back near: painted again, once.
    observer.report(near, true);
    expect(painted()).toEqual(['Grace Hopper', 'Ada Lovelace']);
  });

  it('paints every mark an element holds when it comes near, and a new one at once while it is', () => {
    const painter = setUp(true);
    const text = near.firstChild as Text;
    painter.add(markOf(text, 0, 3));
    observing().report(near, true);
    painter.add(markOf(text, 4, 12));
    expect(painted()).toEqual(['Ada', 'Lovelace']);
  });

  it('takes a mark out of the highlight when it is removed, and keeps the others of its element', () => {
    const painter = setUp(true);
    const text = near.firstChild as Text;
    const ada = markOf(text, 0, 3);
    painter.add(ada);
    painter.add(markOf(text, 4, 12));
    const observer = observing();
    observer.report(near, true);
    painter.remove(ada);
    expect(painted()).toEqual(['Lovelace']);
    expect(observer.observed.has(near)).toBe(true);
    // A mark removed far from the viewport is not painted when its element comes back.
    observer.report(near, false);
    observer.report(near, true);
    expect(painted()).toEqual(['Lovelace']);
  });

  it('paints a mark over several text nodes as one range over the whole name', () => {
    document.body.innerHTML = '<p id="p">Met <em>Ada</em> Lovelace today</p>';
    const p = document.getElementById('p') as HTMLElement;
    const em = p.querySelector('em') as HTMLElement;
    const painter = setUp(true);
    painter.add(markOf(em.firstChild as Text, 0, ' Lovelace'.length, p.childNodes[2] as Text));
    const observer = observing();
    // Painted in the box of the element its first character is in.
    expect([...observer.observed]).toEqual([em]);
    observer.report(em, true);
    expect(painted()).toEqual(['Ada Lovelace']);
  });

  it('stops watching an element once its last mark is gone, even after its text left the page', () => {
    const painter = setUp(true);
    const text = near.firstChild as Text;
    const ada = whole(near);
    painter.add(ada);
    const observer = observing();
    observer.report(near, true);
    text.remove();
    painter.remove(ada);
    expect(painted()).toEqual([]);
    expect(observer.observed.has(near)).toBe(false);
  });

  it('paints text directly in a shadow root when its host comes near', () => {
    document.body.innerHTML = '<section id="host"></section>';
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.textContent = 'Ada Lovelace';
    const painter = setUp(true);
    painter.add(markOf(root.firstChild as Text, 0, 12));
    const observer = observing();
    expect([...observer.observed]).toEqual([host]);
    observer.report(host, true);
    expect(painted()).toEqual(['Ada Lovelace']);
  });

  it('paints the marks of a display: contents element when its boxed ancestor comes near', () => {
    document.body.innerHTML =
      '<section id="box"><div style="display: contents"><span id="name" style="display: contents">Ada Lovelace</span></div></section>';
    const box = document.getElementById('box') as HTMLElement;
    const { painter, ada, observer } = paintBoxless(document.getElementById('name') as HTMLElement);
    // The browser never reports a boxless element intersecting: its ancestor with a box stands in.
    expect([...observer.observed]).toEqual([box]);
    observer.report(box, true);
    expect(painted()).toEqual(['Ada Lovelace']);
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
    const { observer } = paintBoxless(root.firstElementChild as HTMLElement);
    expect([...observer.observed]).toEqual([host]);
    observer.report(host, true);
    expect(painted()).toEqual(['Ada Lovelace']);
  });

  it('paints every mark where there is no IntersectionObserver', () => {
    const painter = setUp(false);
    painter.add(whole(near));
    painter.add(whole(far));
    expect(painted()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('hides and shows the marks without losing them, near or not', () => {
    const painter = setUp(true);
    painter.add(whole(near));
    painter.add(whole(far));
    const observer = observing();
    painter.setVisible(false);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    observer.report(near, true);
    painter.setVisible(true);
    expect(painted()).toEqual(['Ada Lovelace']);
    observer.report(far, true);
    expect(painted()).toEqual(['Ada Lovelace', 'Grace Hopper']);
  });

  it('paints the others when a mark’s text shrank before its element came near', () => {
    const painter = setUp(true);
    const text = near.firstChild as Text;
    painter.add(markOf(text, 4, 12));
    painter.add(whole(far));
    const observer = observing();
    // Changed under the mark; the mutation handling has not taken it off yet.
    text.data = 'Ada';
    observer.report(near, true);
    observer.report(far, true);
    expect(painted()).toContain('Grace Hopper');
  });

  it('drops an element whose marks go before it was ever observed', () => {
    const painter = setUp(true);
    const ada = whole(near);
    painter.add(ada);
    painter.remove(ada);
    expect(observing().observed.size).toBe(0);
  });

  it('clear leaves nothing painted, registered or watched', () => {
    const painter = setUp(true);
    painter.add(whole(near));
    const observer = observing();
    observer.report(near, true);
    painter.clear();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(observer.observed.size).toBe(0);
  });
});
