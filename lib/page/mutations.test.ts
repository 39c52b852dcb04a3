// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextMatch } from '../people/types';
import { MarkIndex } from './mark-index';
import { DirtySet, FlushGate, OBSERVED_ATTRIBUTES, watchMutations, type RescanPlan } from './mutations';
import { createHighlightPainter } from './painter';
import { Scanner } from './scanner';
import { UI_HOST_TAG } from './skip';

const isOwnUi = (node: Node) => node.nodeName.toLowerCase() === UI_HOST_TAG;

/** Watches the whole document, keeping every rescan plan it is handed. */
function watchDocument(forget: (node: Node) => void = () => undefined) {
  const plans: RescanPlan[] = [];
  const controller = new AbortController();
  const watcher = watchMutations({
    root: document.documentElement,
    signal: controller.signal,
    isOwnUi,
    forget,
    onFlush: (p) => plans.push(p),
  });
  return { plans, controller, watcher };
}

/** Records what a MutationObserver sees while `change` runs. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...OBSERVED_ATTRIBUTES],
  });
  change();
  await new Promise((r) => setTimeout(r, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

describe('DirtySet', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<ul id="feed"></ul><p id="p">Ada Lovelace</p><div id="gone"><p>Grace Hopper</p></div>';
  });

  it('coalesces many additions into the outermost roots', async () => {
    const forget = vi.fn();
    const dirty = new DirtySet({ isOwnUi, forget });
    const feed = document.getElementById('feed') as HTMLElement;
    dirty.add(
      await recordsOf(() => {
        const item = document.createElement('li');
        feed.append(item);
        item.append('Ada Lovelace', document.createElement('b'));
        item.querySelector('b')?.append('Grace Hopper');
        feed.append(document.createElement('li'));
      }),
    );
    const plan = dirty.take();
    expect(plan.roots).toEqual([...feed.children]);
    expect(plan.sweep).toBe(false);
    expect(dirty.pending).toBe(false);
  });

  it('forgets the marks of changed text at once and rescans it', async () => {
    const forget = vi.fn();
    const dirty = new DirtySet({ isOwnUi, forget });
    const text = document.getElementById('p')?.firstChild as Text;
    dirty.add(await recordsOf(() => (text.data = 'Grace Hopper')));
    expect(forget).toHaveBeenCalledWith(text);
    expect(dirty.take().roots).toEqual([text]);
  });

  it('forgets removed text, asks for a sweep when an element leaves, and drops roots that left', async () => {
    const forget = vi.fn();
    const dirty = new DirtySet({ isOwnUi, forget });
    const text = document.getElementById('p')?.firstChild as Text;
    const added = document.createElement('li');
    dirty.add(
      await recordsOf(() => {
        document.getElementById('feed')?.append(added);
        text.remove();
        document.getElementById('gone')?.remove();
        added.remove();
      }),
    );
    expect(forget).toHaveBeenCalledWith(text);
    const plan = dirty.take();
    expect(plan.roots).toEqual([]);
    expect(plan.sweep).toBe(true);
  });

  it('rescans an element whose hidden attribute was removed', async () => {
    const dirty = new DirtySet({ isOwnUi, forget: () => undefined });
    const gone = document.getElementById('gone') as HTMLElement;
    gone.hidden = true;
    dirty.add(await recordsOf(() => (gone.hidden = false)));
    expect(dirty.take().roots).toEqual([gone]);
  });

  it('rescans an element that comes to stand for an address, as a web mail chip filled in late', async () => {
    const forget = vi.fn();
    const dirty = new DirtySet({ isOwnUi, forget });
    const p = document.getElementById('p') as HTMLElement;
    dirty.add(await recordsOf(() => p.setAttribute('email', 'ada@example.com')));
    expect(forget).toHaveBeenCalledWith(p);
    expect(dirty.take().roots).toEqual([p]);
  });

  it('rescans the text on either side of a removal, which may now flow together', async () => {
    document.body.innerHTML = '<p id="p">Ada<br>Lovelace</p><ul id="list"><li>one</li><li>two</li></ul>';
    const p = document.getElementById('p') as HTMLElement;
    const [before, , after] = [...p.childNodes];
    const dirty = new DirtySet({ isOwnUi, forget: () => undefined });
    dirty.add(await recordsOf(() => p.querySelector('br')?.remove()));
    expect(dirty.take().roots).toEqual([before, after]);
    // Blocks beside a removal (a feed dropping an item) are not read again.
    dirty.add(await recordsOf(() => document.querySelector('li')?.remove()));
    expect(dirty.take().roots).toEqual([]);
  });

  it('ignores the extension’s own UI', async () => {
    const dirty = new DirtySet({ isOwnUi, forget: () => undefined });
    const host = document.createElement(UI_HOST_TAG);
    dirty.add(await recordsOf(() => document.documentElement.append(host)));
    dirty.add(await recordsOf(() => host.append('Ada Lovelace')));
    expect(dirty.pending).toBe(false);
    host.remove();
  });

  it('hands over at most maxRoots at a time and keeps the rest', async () => {
    const dirty = new DirtySet({ isOwnUi, forget: () => undefined });
    const feed = document.getElementById('feed') as HTMLElement;
    dirty.add(
      await recordsOf(() => feed.append(...Array.from({ length: 5 }, () => document.createElement('li')))),
    );
    expect(dirty.take(3).roots).toHaveLength(3);
    expect(dirty.pending).toBe(true);
    expect(dirty.take(3).roots).toHaveLength(2);
  });
});

describe('FlushGate', () => {
  it('waits briefly after a quiet period', () => {
    const gate = new FlushGate(100, 2000);
    expect(gate.delay(10_000)).toBe(100);
  });

  it('backs off while changes keep coming, and recovers once the page is quiet', () => {
    const gate = new FlushGate(100, 2000);
    let now = 0;
    const intervals: number[] = [];
    for (let i = 0; i < 8; i++) {
      now += gate.delay(now);
      gate.flushed(now);
      intervals.push(gate.currentInterval);
    }
    expect(intervals).toEqual([100, 200, 400, 800, 1600, 2000, 2000, 2000]);
    now += 60_000;
    gate.flushed(now);
    expect(gate.currentInterval).toBe(100);
  });
});

describe('watchMutations', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    document.body.innerHTML = '<p id="ticker">0</p><ul id="feed"></ul>';
  });
  afterEach(() => vi.useRealTimers());

  const settle = async (ms: number) => {
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(ms);
  };

  it('turns a burst of changes into one rescan', async () => {
    const { plans, controller } = watchDocument();
    const feed = document.getElementById('feed') as HTMLElement;
    for (let i = 0; i < 50; i++)
      feed.append(Object.assign(document.createElement('li'), { textContent: `Ada Lovelace ${i}` }));
    await settle(500);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.roots).toHaveLength(50);
    controller.abort();
  });

  it('a page that never stops changing gets a bounded number of rescans', async () => {
    const { plans, controller } = watchDocument();
    const ticker = document.getElementById('ticker')?.firstChild as Text;
    // A ticker rewriting itself every 20 ms for 20 seconds: 1000 changes.
    for (let i = 1; i <= 1000; i++) {
      ticker.data = String(i);
      await settle(20);
    }
    // Backing off to one rescan every 2 s: about a dozen in 20 s, not a thousand.
    expect(plans.length).toBeLessThan(20);
    expect(plans.length).toBeGreaterThan(5);
    controller.abort();
  });

  it('stops observing when aborted', async () => {
    const onFlush = vi.fn();
    const controller = new AbortController();
    watchMutations({
      root: document.documentElement,
      signal: controller.signal,
      isOwnUi,
      forget: () => undefined,
      onFlush,
    });
    document.getElementById('feed')?.append(document.createElement('li'));
    controller.abort();
    document.getElementById('feed')?.append(document.createElement('li'));
    await settle(5000);
    expect(onFlush).not.toHaveBeenCalled();
  });
});

describe('watchMutations: open shadow roots', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    document.body.innerHTML = '<x-card id="card"></x-card>';
  });
  afterEach(() => vi.useRealTimers());

  it('follows changes inside the shadow roots it is given, and stops observing them all when aborted', async () => {
    const root = (document.getElementById('card') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="owner">Ada Lovelace</p><ul></ul>';
    const forget = vi.fn();
    const { plans, controller, watcher } = watchDocument(forget);
    watcher.observe(root);
    watcher.observe(root);
    const text = root.getElementById('owner')?.firstChild as Text;
    text.data = 'Grace Hopper';
    const item = Object.assign(document.createElement('li'), { textContent: 'Alan Turing' });
    root.querySelector('ul')?.append(item);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(500);
    expect(forget).toHaveBeenCalledWith(text);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.roots).toEqual([text, item]);

    controller.abort();
    text.data = 'Barbara Liskov';
    watcher.observe(root);
    root.append(document.createElement('p'));
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(5000);
    expect(plans).toHaveLength(1);
  });
});

describe('following a page: names split across inline elements', () => {
  const roster: Record<string, number> = { 'Ada Lovelace': 1, 'Grace Hopper': 2 };
  const match = async (texts: string[]): Promise<TextMatch[][]> =>
    texts.map((text) =>
      Object.entries(roster).flatMap(([term, id]) => {
        const at = text.indexOf(term);
        return at === -1
          ? []
          : [{ start: at, end: at + term.length, kind: 'name' as const, personIds: [id] }];
      }),
    );

  let controller: AbortController;
  let index: MarkIndex;
  beforeEach(() => {
    controller = new AbortController();
  });
  afterEach(() => controller.abort());

  /** The lens's wiring of scanner, index and mutations, with no delay before a rescan. */
  async function follow(html: string): Promise<void> {
    document.body.innerHTML = html;
    index = new MarkIndex(createHighlightPainter(window));
    const scanner = new Scanner({ match, index, signal: controller.signal });
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    watchMutations({
      root: document.documentElement,
      signal: controller.signal,
      isOwnUi,
      gate: new FlushGate(1, 1),
      forget: (node) => index.forget(node),
      onFlush: (plan) => {
        if (plan.sweep) index.sweep();
        for (const root of plan.roots) scanner.enqueue(root);
      },
    });
  }
  const markedAt = (node: Node | null | undefined, offset: number) =>
    node ? index.marksAt(node, offset).map((m) => m.text) : [];

  it('drops a split mark when one part changes, and finds it again when the name is whole again', async () => {
    await follow('<p id="p">Met <em id="em">Ada</em> Lovelace today</p>');
    const em = document.getElementById('em') as HTMLElement;
    const rest = em.nextSibling as Text;
    expect(markedAt(rest, 3)).toEqual(['Ada Lovelace']);

    rest.data = ' Byron today';
    // Dropped at once, from both parts, before any rescan.
    await vi.waitFor(() => expect(markedAt(em.firstChild, 1)).toEqual([]));
    expect(index.size).toBe(0);

    rest.data = ' Lovelace today';
    await vi.waitFor(() => expect(markedAt(em.firstChild, 1)).toEqual(['Ada Lovelace']));
    expect(markedAt(rest, 3)).toEqual(['Ada Lovelace']);
    expect(index.size).toBe(1);
  });

  it('finds a name whose second part is added later, or whose parts are joined by a removal', async () => {
    await follow('<p id="p">Met <b>Grace</b> </p><p id="q">Ada <br>Lovelace</p>');
    expect(index.size).toBe(0);
    const p = document.getElementById('p') as HTMLElement;
    const added = document.createElement('span');
    added.textContent = 'Hopper';
    p.append(added);
    await vi.waitFor(() => expect(markedAt(added.firstChild, 2)).toEqual(['Grace Hopper']));
    expect(markedAt(p.querySelector('b')?.firstChild, 0)).toEqual(['Grace Hopper']);

    document.querySelector('#q br')?.remove();
    await vi.waitFor(() =>
      expect(markedAt(document.getElementById('q')?.lastChild, 2)).toEqual(['Ada Lovelace']),
    );
    expect(index.size).toBe(2);
  });

  it('drops a split mark whose part leaves with its element', async () => {
    await follow('<p id="p"><span id="given">Ada</span> Lovelace</p>');
    expect(index.size).toBe(1);
    const rest = document.getElementById('given')?.nextSibling as Text;
    document.getElementById('given')?.remove();
    await vi.waitFor(() => expect(index.size).toBe(0));
    expect(markedAt(rest, 3)).toEqual([]);
  });
});
