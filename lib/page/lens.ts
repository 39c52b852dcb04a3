/**
 * Affinity Lens on one document: scans and marks, follows changes, opens cards. Everything it sets
 * up hangs off one AbortSignal, so `stop()` (site switched off, extension updated or removed)
 * leaves the page as it found it: no observer, listener, highlight or element remains.
 */
import type { MessageType, RequestOf, Responses } from '../messages';
import { sendToBackground } from '../messaging';
import type { Preferences } from '../preferences';
import type { CardController } from './card/card';
import { deferredCard } from './card/deferred-card';
import { DetailsLoader } from './card/details';
import type { CardUi } from './card-ui';
import { startHover, type HoverFeature } from './hover';
import { defaultTimings, type IntentTimings } from './intent';
import { watchLateShadows } from './late-shadows';
import { loadCardUi } from './load-card-ui';
import { MarkIndex } from './mark-index';
import { watchMutations, type MutationWatcher } from './mutations';
import { createHighlightPainter } from './painter';
import { Scanner } from './scanner';
import { UI_HOST_TAG } from './skip';
import { whenPageSettled } from './yield';

export type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<Responses[T]>;

export interface LensOptions {
  win?: Window;
  send?: Send;
  /** The extension was reloaded or removed under the page: the caller tears everything down. */
  onContextLost?(): void;
  /** Where the card UI comes from (loaded on first use by default). */
  loadCardUi?(): Promise<CardUi>;
}

export interface Lens {
  update(prefs: Preferences): void;
  stop(): void;
  /** Resolves when the initial scan and any queued rescans are applied (tests, benchmarks). */
  idle(): Promise<void>;
  /** Reads the whole page again (the roster changed); each text's marks are replaced as it is read. */
  rescan(): void;
  readonly index: MarkIndex;
  readonly hover: HoverFeature;
}

export function timingsFor(prefs: Preferences): IntentTimings {
  const showMs = Number.isFinite(prefs.hoverDelayMs)
    ? Math.max(0, prefs.hoverDelayMs)
    : defaultTimings.showMs;
  return { ...defaultTimings, showMs };
}

/** The extension context is gone (reloaded, updated, removed): messages can never succeed again. */
export function isContextLost(error: unknown): boolean {
  return error instanceof Error && /context invalidated|receiving end does not exist/i.test(error.message);
}

export function startLens(initial: Preferences, options: LensOptions = {}): Lens {
  const win = options.win ?? window;
  const doc = win.document;
  const send: Send = options.send ?? sendToBackground;
  const controller = new AbortController();
  const { signal } = controller;
  let prefs = initial;

  const contextLost = (error: unknown) => {
    if (isContextLost(error)) options.onContextLost?.();
  };

  const painter = createHighlightPainter(win);
  painter.setVisible(prefs.showMarks);
  const index = new MarkIndex(painter);
  // Started before the first walk, which reports the shadow roots it enters.
  let watcher: MutationWatcher | null = null;
  /** Whether the background has anyone to match against (see canMatch). */
  let matching = false;
  // A custom element upgraded after it was read gets its root without a mutation to tell of it.
  const lateShadows = watchLateShadows({
    signal,
    onRoot: (root) => {
      watcher?.observe(root);
      if (matching) scanner.enqueue(root);
    },
  });
  const scanner = new Scanner({
    match: (texts) => send('page/match', { texts }),
    index,
    signal,
    onShadowRoot: (root) => watcher?.observe(root),
    onCustomElement: (element) => lateShadows.add(element),
    // Not signed in or no roster yet: the page stays unmarked. Only a lost context is acted on.
    onError: contextLost,
  });

  const loader = new DetailsLoader({
    getPerson: (id, refresh) =>
      send('people/get', refresh ? { id, refresh } : { id }).catch((error: unknown) => {
        contextLost(error);
        throw error;
      }),
    searchLocal: (term) => send('people/search', { term, local: true, limit: 20 }),
  });
  let card: CardController | null = null;
  const loadUi = options.loadCardUi ?? loadCardUi;
  const hover = startHover({
    doc,
    index,
    signal,
    timings: timingsFor(prefs),
    // The card's UI is loaded on the first hover intent, while the details are fetched.
    card: () =>
      deferredCard(
        async () => {
          const ui = await loadUi();
          if (signal.aborted) throw new Error('stopped');
          card = new ui.CardController({
            doc,
            loader,
            css: ui.css,
            sections: () => prefs.sections,
            onDismiss: () => hover.intent.close(),
          });
          return card;
        },
        (mark) => loader.prefetch(mark.personIds),
      ),
  });

  /**
   * Whether the background has anyone to match against (signed in, a roster synced). Until it has,
   * the page is not read and none of its text leaves the tab; the roster's arrival rescans.
   */
  const canMatch = () =>
    send('page/ready', {}).then(
      (answer) => answer.matching,
      (error: unknown) => {
        contextLost(error);
        return false;
      },
    );

  /** Reads the whole page when there is anyone to match it against; else takes its marks away. */
  const readPage = async () => {
    matching = await canMatch();
    if (signal.aborted || !doc.body) return;
    if (matching) scanner.enqueue(doc.body);
    else index.clear();
  };

  const startup = whenPageSettled(win, signal).then(async () => {
    if (signal.aborted || !doc.body) return;
    watcher = watchMutations({
      root: doc.documentElement,
      signal,
      isOwnUi: (node) => node.nodeName.toLowerCase() === UI_HOST_TAG,
      forget: (node) => index.forget(node),
      onFlush: (plan) => {
        // While there is nobody to match against, changes are let go: a rescan reads everything.
        if (!matching) return;
        if (plan.sweep) index.sweep();
        for (const root of plan.roots) scanner.enqueue(root);
      },
    });
    await readPage();
  });
  /** The last reading asked for (startup or a rescan): idle() waits for it. */
  let reading: Promise<void> = startup;

  return {
    index,
    hover,
    update(next) {
      prefs = next;
      painter.setVisible(next.showMarks);
      hover.setTimings(timingsFor(next));
    },
    stop() {
      if (signal.aborted) return;
      controller.abort();
      card?.destroy();
      card = null;
      loader.clear();
      index.clear();
      painter.clear();
    },
    async idle() {
      await reading;
      await scanner.whenIdle();
    },
    rescan() {
      reading = reading.then(readPage);
    },
  };
}
