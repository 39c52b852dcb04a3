/**
 * The content script's side of a lookup: the background asks (context menu or shortcut), the card
 * shows next to the selection or the mailto: link, focused, and Escape or moving the focus away (a
 * click elsewhere) closes it. Runs in every frame whatever the site switch says: a lookup is always
 * asked for explicitly.
 */
import { browser } from 'wxt/browser';
import { isShowLookupMessage, type ShowLookupReply } from '../lookup-protocol';
import { sendToBackground } from '../messaging';
import { defaultPreferences, type Preferences } from '../preferences';
import type { CardHost } from './card/host';
import type { CardUi } from './card-ui';
import type { Send } from './lens';
import { loadCardUi } from './load-card-ui';
import { menuAnchor, selectionLookup, type ContextClick } from './lookup-anchor';
import type { LookupView } from './lookup-view';

export interface PageLookupOptions {
  signal: AbortSignal;
  doc?: Document;
  send?: Send;
  /** The user's card sections, read at each lookup. */
  preferences(): Promise<Partial<Preferences> | null>;
  /** A lookup card is about to show (the hover card makes way). */
  onShow?(): void;
  /** The card's host (a closed shadow root by default; tests look inside their own). */
  createHost?(doc: Document, css: string): CardHost;
  /** Where the card UI comes from (loaded on first use by default). */
  loadCardUi?(): Promise<CardUi>;
  /** Where the background's messages arrive (runtime.onMessage; replaceable in tests). */
  messages?: {
    addListener(listener: (message: unknown) => Promise<ShowLookupReply> | undefined): void;
    removeListener(listener: (message: unknown) => Promise<ShowLookupReply> | undefined): void;
  };
}

export function startLookups(options: PageLookupOptions): void {
  const { signal } = options;
  const doc = options.doc ?? document;
  const send: Send = options.send ?? sendToBackground;
  const messages = options.messages ?? browser.runtime.onMessage;
  let sections = defaultPreferences.sections;
  let lastClick: ContextClick | null = null;
  let view: LookupView | null = null;
  let viewReady: Promise<LookupView> | null = null;

  // The card UI is loaded on the first lookup.
  const getView = () =>
    (viewReady ??= (options.loadCardUi ?? loadCardUi)().then(
      (ui) => {
        view = ui.createLookupView({
          doc,
          send,
          css: ui.css,
          sections: () => sections,
          openSearch: (term) =>
            void send('ui/open-search', { term: term.slice(0, 200) }).catch(() => undefined),
          openSettings: () => void send('ui/open-settings', {}).catch(() => undefined),
          onDismiss: () => undefined,
          createHost: options.createHost,
        });
        if (signal.aborted) view.destroy();
        return view;
      },
      (error: unknown) => {
        viewReady = null;
        throw error;
      },
    ));

  const listen = { capture: true, signal };
  // The menu's click names the text or link but not where it was: the right-click that opened it does.
  doc.addEventListener(
    'contextmenu',
    (event) => {
      if (event.isTrusted) lastClick = { target: event.target, x: event.clientX, y: event.clientY };
    },
    { ...listen, passive: true },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || event.key !== 'Escape' || !view?.visible) return;
      // The page's own Escape handling is left alone unless the user was inside the card.
      if (view.hasFocus()) event.stopPropagation();
      view.hide();
    },
    listen,
  );
  const onMessage = (message: unknown): Promise<ShowLookupReply> | undefined => {
    if (!isShowLookupMessage(message)) return undefined;
    const { text, source, focusedOnly } = message.payload;
    if (focusedOnly && !doc.hasFocus()) return undefined;
    // The shortcut (no text): only a frame with a selection answers; the others stay silent.
    const selected = text === null ? selectionLookup(doc) : null;
    if (text === null && !selected) return undefined;
    const query = { text: selected?.text ?? text ?? '', source };
    const anchor = selected?.anchor ?? menuAnchor(doc, query, lastClick);
    options.onShow?.();
    // Read while the lookup runs: the sections matter only once a person's card renders.
    void options
      .preferences()
      .then((prefs) => {
        sections = { ...defaultPreferences.sections, ...prefs?.sections };
      })
      .catch(() => undefined);
    return getView().then(
      (shown) => {
        if (!signal.aborted) void shown.present(query, anchor);
        return { shown: true };
      },
      () => ({ shown: false }),
    );
  };

  messages.addListener(onMessage);
  signal.addEventListener(
    'abort',
    () => {
      messages.removeListener(onMessage);
      view?.destroy();
      view = null;
    },
    { once: true },
  );
}
