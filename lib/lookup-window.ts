/**
 * The lookup window's logic: the query from the window's address, the card in the window's own
 * document (no shadow root needed on an extension page), Escape and the close button close it.
 */
import { cardStyles } from '../components/styles';
import { MAX_LOOKUP_TEXT, type LookupQuery } from './lookup-protocol';
import { sendToBackground } from './messaging';
import type { CardHost } from './page/card/host';
import { shellStyles } from './page/card/shell-styles';
import type { Send } from './page/lens';
import { createLookupView, type LookupView } from './page/lookup-view';
import { defaultPreferences, type Preferences } from './settings';

export interface LookupWindowOptions {
  doc: Document;
  query: LookupQuery;
  send?: Send;
  preferences(): Promise<Partial<Preferences> | null>;
  close(): void;
  openSearch(term: string): void | Promise<void>;
  openSettings(): void;
}

export function lookupQueryFromUrl(search: string): LookupQuery {
  const params = new URLSearchParams(search);
  return {
    text: (params.get('q') ?? '').slice(0, MAX_LOOKUP_TEXT),
    source: params.get('source') === 'link' ? 'link' : 'selection',
  };
}

const WINDOW_CSS = `
body { margin: 0; background: var(--lens-surface); }
.alens-card { max-height: calc(100vh - 20px); box-shadow: none; }
`;

/** The card straight in the window's page: the page belongs to the extension. */
function windowHost(doc: Document, css: string): CardHost {
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.append(style);
  const mount = doc.getElementById('app') ?? doc.body.appendChild(doc.createElement('div'));
  mount.style.setProperty('position', 'fixed');
  mount.style.setProperty('top', '0');
  mount.style.setProperty('left', '0');
  return {
    host: mount,
    mount,
    setVisible: () => undefined,
    owns: (target) => target instanceof Node && mount.contains(target),
    hasFocus: () => mount.contains(doc.activeElement),
    remove: () => mount.replaceChildren(),
  };
}

export function startLookupWindow(options: LookupWindowOptions): LookupView {
  const { doc, query } = options;
  doc.body.classList.add('lens');
  let sections = defaultPreferences.sections;
  void options
    .preferences()
    .then((prefs) => {
      sections = { ...defaultPreferences.sections, ...prefs?.sections };
    })
    .catch(() => undefined);

  const view = createLookupView({
    doc,
    send: options.send ?? sendToBackground,
    css: `${cardStyles}\n${shellStyles}\n${WINDOW_CSS}`,
    sections: () => sections,
    openSearch: (term) => void options.openSearch(term),
    openSettings: options.openSettings,
    onDismiss: options.close,
    // The window is the card: leaving it by focus is not closing it.
    openedBy: 'pointer',
    createHost: windowHost,
  });

  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) options.close();
  });

  if (query.text.trim() === '') {
    void options.openSearch('');
    return view;
  }
  const anchor = doc.getElementById('anchor') ?? doc.body;
  void view.present(query, { node: anchor, rects: () => [anchor.getBoundingClientRect()] });
  // Keyboard users start inside the card.
  doc.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  return view;
}
