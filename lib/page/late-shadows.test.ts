// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLateShadows } from './late-shadows';
import { createPageWalker } from './walker';

const DELAYS = [10, 100, 1000];

function setUp(options: { max?: number } = {}) {
  const controller = new AbortController();
  const roots: ShadowRoot[] = [];
  const late = watchLateShadows({
    signal: controller.signal,
    onRoot: (root) => roots.push(root),
    delaysMs: DELAYS,
    ...options,
  });
  return { controller, roots, late };
}

/** Runs the clock to the next look, `delay` ms on. */
const lookAfter = (delay: number) => vi.advanceTimersByTime(delay);

const element = (tag = 'x-card') => document.body.appendChild(document.createElement(tag));

describe('shadow roots attached after the walk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands on a root that appears on an element met without one, at the next look', () => {
    const { roots, late } = setUp();
    const upgraded = element();
    const plain = element('x-plain');
    late.add(upgraded);
    late.add(plain);
    lookAfter(10);
    expect(roots).toEqual([]);
    const root = upgraded.attachShadow({ mode: 'open' });
    lookAfter(99);
    expect(roots).toEqual([]);
    lookAfter(1);
    expect(roots).toEqual([root]);
    // Looked at once more, later, then let go.
    lookAfter(1000);
    expect(vi.getTimerCount()).toBe(0);
    plain.attachShadow({ mode: 'open' });
    lookAfter(10_000);
    expect(roots).toEqual([root]);
  });

  it('looks again soon when more custom elements are met later (a single-page app rendering on)', () => {
    const { roots, late } = setUp();
    for (let i = 0; i < 500; i++) late.add(element());
    lookAfter(10);
    // Next look at 100 ms; an element met now brings it forward to 10 ms.
    const later = element();
    late.add(later);
    const root = later.attachShadow({ mode: 'open' });
    lookAfter(10);
    expect(roots).toEqual([root]);
  });

  it('drops elements that left the page, keeps a bounded number, and stops on abort', () => {
    const { controller, roots, late } = setUp({ max: 2 });
    const gone = element();
    const kept = element();
    const over = element();
    late.add(gone);
    late.add(kept);
    late.add(over);
    gone.remove();
    gone.attachShadow({ mode: 'open' });
    over.attachShadow({ mode: 'open' });
    lookAfter(10);
    expect(roots).toEqual([]);
    kept.attachShadow({ mode: 'open' });
    controller.abort();
    lookAfter(10_000);
    expect(roots).toEqual([]);
  });
});

describe('the walker reports custom elements without a root', () => {
  it('reports them once each, not elements with a root, built-in ones or skipped ones', () => {
    document.body.innerHTML =
      '<x-late><p>Ada Lovelace</p></x-late><x-open></x-open><span>Grace Hopper</span>' +
      '<textarea-like-x><x-inside></x-inside></textarea-like-x><pre><x-code></x-code></pre>';
    (document.querySelector('x-open') as Element).attachShadow({ mode: 'open' }).innerHTML =
      '<x-deep></x-deep>';
    const met: string[] = [];
    const next = createPageWalker(document.body, undefined, (e) => met.push(e.localName));
    while (next());
    expect(met.sort()).toEqual(['textarea-like-x', 'x-deep', 'x-inside', 'x-late']);
  });
});
