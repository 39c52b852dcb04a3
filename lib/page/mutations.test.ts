// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirtySet, FlushGate, watchMutations, type RescanPlan } from './mutations';
import { UI_HOST_TAG } from './skip';

const isOwnUi = (node: Node) => node.nodeName.toLowerCase() === UI_HOST_TAG;

/** Records what a MutationObserver sees while `change` runs. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden'],
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
    const plans: RescanPlan[] = [];
    const controller = new AbortController();
    watchMutations({
      root: document.documentElement,
      signal: controller.signal,
      isOwnUi,
      forget: () => undefined,
      onFlush: (p) => plans.push(p),
    });
    const feed = document.getElementById('feed') as HTMLElement;
    for (let i = 0; i < 50; i++)
      feed.append(Object.assign(document.createElement('li'), { textContent: `Ada Lovelace ${i}` }));
    await settle(500);
    expect(plans).toHaveLength(1);
    expect(plans[0]?.roots).toHaveLength(50);
    controller.abort();
  });

  it('a page that never stops changing gets a bounded number of rescans', async () => {
    const plans: RescanPlan[] = [];
    const controller = new AbortController();
    watchMutations({
      root: document.documentElement,
      signal: controller.signal,
      isOwnUi,
      forget: () => undefined,
      onFlush: (p) => plans.push(p),
    });
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
