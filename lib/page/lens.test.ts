// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextMatch } from '../people/types';
import { sendToBackground } from '../messaging';
import { makeDetails } from '../../components/test-fixtures';
import { defaultPreferences, type Preferences } from '../settings';
import { withDefaults } from '../preferences';
import { cardUi } from './card-ui';
import { isContextLost, startLens, timingsFor, type Lens, type LensOptions } from './lens';

/** The lens as the content script starts it, with the card UI at hand rather than loaded. */
const start = (initial: Preferences, options: LensOptions = {}) =>
  startLens(initial, { loadCardUi: async () => cardUi, ...options });
import { HIGHLIGHT_NAME } from './painter';

vi.mock('../messaging', () => ({ sendToBackground: vi.fn() }));
const send = vi.mocked(sendToBackground);

const roster: Record<string, number[]> = { 'Ada Lovelace': [1], 'Grace Hopper': [2], 'ada@example.com': [1] };
function match(texts: string[]): TextMatch[][] {
  return texts.map((text) =>
    Object.entries(roster).flatMap(([term, ids]) => {
      const at = text.indexOf(term);
      return at === -1
        ? []
        : [
            {
              start: at,
              end: at + term.length,
              kind: term.includes('@') ? 'email' : 'name',
              personIds: ids,
            } as TextMatch,
          ];
    }),
  );
}

/** The Highlight API, as far as the lens uses it (happy-dom has none). */
class FakeHighlight extends Set<AbstractRange> {}

/** Every element is in view here (happy-dom's observer never reports anything). */
class InViewObserver {
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target, isIntersecting: true }]));
  }
  unobserve() {}
  disconnect() {}
}
const registry = new Map<string, FakeHighlight>();

const prefs = (over: Partial<Preferences> = {}): Preferences => ({ ...defaultPreferences, ...over });
const painted = () => registry.get(HIGHLIGHT_NAME)?.size ?? 0;
const pageMatchCalls = () => send.mock.calls.filter(([type]) => type === 'page/match');
const sentTexts = () => pageMatchCalls().flatMap(([, payload]) => (payload as { texts: string[] }).texts);

/** What the fake background says to page/ready: signed in with a roster. */
let rosterReady = true;

describe('startLens', () => {
  let lens: Lens | null = null;

  beforeEach(() => {
    registry.clear();
    Object.assign(window, { Highlight: FakeHighlight, IntersectionObserver: InViewObserver });
    // happy-dom's CSS namespace is rebuilt on each read: replace it for the test.
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    send.mockReset();
    rosterReady = true;
    send.mockImplementation(async (type, payload) => {
      if (type === 'page/ready') return { matching: rosterReady };
      if (type === 'page/match') return match((payload as { texts: string[] }).texts);
      if (type === 'people/get') return makeDetails();
      throw new Error(`unexpected ${type}`);
    });
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(
      () => [new DOMRect(10, 10, 100, 20)] as unknown as DOMRectList,
    );
    document.body.innerHTML =
      '<p>Met Ada Lovelace today</p><p>Nobody else</p><pre>Grace Hopper</pre><a href="mailto:ada@example.com">mail</a>';
  });

  afterEach(() => {
    lens?.stop();
    lens = null;
    vi.restoreAllMocks();
  });

  it('marks roster people after the page settles, sending only page text to the background', async () => {
    lens = start(prefs());
    await lens.idle();
    // The link's lone word "mail" names nobody and is not sent; its address is.
    expect(sentTexts()).toEqual(['Met Ada Lovelace today', 'Nobody else', 'ada@example.com']);
    expect(send.mock.calls.every(([type]) => type === 'page/ready' || type === 'page/match')).toBe(true);
    expect(lens.index.size).toBe(2);
    // Painted once the elements holding them are seen near the viewport (observed in batches).
    await vi.waitFor(() => expect(painted()).toBe(2));
  });

  it('reads nothing while there is nobody to match against, and reads the page when the roster comes', async () => {
    rosterReady = false;
    lens = start(prefs());
    await lens.idle();
    document.body.insertAdjacentHTML('beforeend', '<p>Ada Lovelace joined later</p>');
    await new Promise((r) => setTimeout(r, 400));
    // Not one text of the page left the tab.
    expect(pageMatchCalls()).toEqual([]);
    expect(lens.index.size).toBe(0);

    rosterReady = true;
    lens.rescan();
    await lens.idle();
    expect(sentTexts()).toContain('Ada Lovelace joined later');
    expect(lens.index.size).toBe(3);

    // Signed out: the roster is gone, and so are the marks.
    rosterReady = false;
    lens.rescan();
    await lens.idle();
    expect(lens.index.size).toBe(0);
  });

  it('without marks, draws nothing but still knows the names for hovering', async () => {
    lens = start(prefs({ showMarks: false }));
    await lens.idle();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(lens.index.size).toBe(2);
    lens.update(prefs({ showMarks: true }));
    // Painted once the elements holding them are seen near the viewport (observed in batches).
    await vi.waitFor(() => expect(painted()).toBe(2));
    lens.update(prefs({ showMarks: false }));
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('marks names that the page adds later and drops marks of text that goes away', async () => {
    lens = start(prefs());
    await lens.idle();
    const added = document.createElement('p');
    added.textContent = 'Grace Hopper replied';
    document.body.append(added);
    document.body.firstElementChild?.remove();
    await new Promise((r) => setTimeout(r, 300));
    await lens.idle();
    expect(sentTexts()).toContain('Grace Hopper replied');
    expect(lens.index.size).toBe(2);
    // Painted once the elements holding them are seen near the viewport (observed in batches).
    await vi.waitFor(() => expect(painted()).toBe(2));
    expect(lens.index.marksAt(added.firstChild as Text, 0)[0]?.personIds).toEqual([2]);
  });

  it('marks, paints and follows names in open shadow roots until stopped, and leaves closed roots alone', async () => {
    const card = document.createElement('x-card');
    const open = card.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>Owner: Grace Hopper</p>';
    const bare = document.createElement('x-badge');
    bare.attachShadow({ mode: 'open' }).append('Ada Lovelace');
    const vault = document.createElement('x-vault');
    vault.attachShadow({ mode: 'closed' }).innerHTML = '<p>Grace Hopper, privately</p>';
    document.body.append(card, bare, vault);
    lens = start(prefs());
    await lens.idle();
    expect(sentTexts()).not.toContain('Grace Hopper, privately');
    expect(lens.index.size).toBe(4);
    // Text directly in a shadow root is painted too (its host's box holds it).
    await vi.waitFor(() => expect(painted()).toBe(4));

    const owner = open.querySelector('p') as HTMLElement;
    owner.textContent = 'Owner: Ada Lovelace';
    await vi.waitFor(() =>
      expect(lens?.index.marksAt(owner.firstChild as Text, 8)[0]?.personIds).toEqual([1]),
    );

    lens.stop();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    const calls = send.mock.calls.length;
    owner.textContent = 'Owner: Grace Hopper';
    await new Promise((r) => setTimeout(r, 300));
    expect(send.mock.calls.length).toBe(calls);
  });

  it('stop leaves the page as it found it: no marks, card, observer or listener', async () => {
    lens = start(prefs());
    await lens.idle();
    const [mark] = lens.index.marksAt(document.querySelector('p')?.firstChild as Text, 5);
    lens.hover.open(mark as NonNullable<typeof mark>);
    await new Promise((r) => setTimeout(r, 0));
    expect(document.querySelector('affinity-lens-card')).not.toBeNull();
    // Painted once the elements holding them are seen near the viewport (observed in batches).
    await vi.waitFor(() => expect(painted()).toBe(2));

    lens.stop();
    expect(document.querySelector('affinity-lens-card')).toBeNull();
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(lens.index.size).toBe(0);

    const calls = send.mock.calls.length;
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Ada Lovelace again' }));
    (document.querySelector('a') as HTMLElement).focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyL', altKey: true, shiftKey: true }));
    await new Promise((r) => setTimeout(r, 300));
    expect(send.mock.calls.length).toBe(calls);
    expect(document.querySelector('affinity-lens-card')).toBeNull();
  });

  it('tells its owner when the extension context is gone', async () => {
    send.mockRejectedValue(new Error('Extension context invalidated.'));
    const onContextLost = vi.fn();
    lens = start(prefs(), { onContextLost });
    await lens.idle();
    expect(onContextLost).toHaveBeenCalled();
  });

  it('stays quiet when the background cannot match yet (no key, no roster)', async () => {
    send.mockRejectedValue(new Error('No key'));
    const onContextLost = vi.fn();
    lens = start(prefs(), { onContextLost });
    await lens.idle();
    expect(onContextLost).not.toHaveBeenCalled();
    expect(lens.index.size).toBe(0);
  });
});

describe('preferences for the lens', () => {
  it('fills fields missing from older stored preferences', () => {
    const stored = {
      siteMode: 'only',
      sites: ['example.com'],
      sections: { notes: false },
    } as unknown as Partial<Preferences>;
    const full = withDefaults(stored);
    expect(full.hoverDelayMs).toBe(500);
    expect(full.showMarks).toBe(true);
    expect(full.sections).toEqual({ ...defaultPreferences.sections, notes: false });
    expect(withDefaults(null)).toEqual(defaultPreferences);
  });

  it('turns the hover delay into intent timings, refusing nonsense', () => {
    expect(timingsFor(prefs({ hoverDelayMs: 800 })).showMs).toBe(800);
    expect(timingsFor(prefs({ hoverDelayMs: -5 })).showMs).toBe(0);
    expect(timingsFor(prefs({ hoverDelayMs: Number.NaN })).showMs).toBe(500);
  });

  it('recognises a lost extension context', () => {
    expect(isContextLost(new Error('Extension context invalidated.'))).toBe(true);
    expect(isContextLost(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(
      true,
    );
    expect(isContextLost(new Error('offline'))).toBe(false);
  });
});
