/**
 * The card's host element: a closed shadow root (page scripts cannot reach inside), `all: initial`
 * against the page's styles (set from inside, where !important beats the page), styles adopted as a
 * constructed sheet (allowed under a strict style-src CSP, unlike a <style> element), and the top
 * layer where popovers are supported so that no z-index of the page covers it.
 */
import { UI_HOST_TAG } from '../skip';

export interface CardHost {
  host: HTMLElement;
  /** Where the card renders, inside the shadow root. */
  mount: HTMLElement;
  setVisible(visible: boolean): void;
  /** Whether a node (or event target) belongs to the card. */
  owns(target: EventTarget | null): boolean;
  /** Whether focus is inside the card. */
  hasFocus(): boolean;
  remove(): void;
}

/**
 * Important declarations inside a shadow tree win over the page's important ones for its host
 * (the cascade reverses for !important across tree contexts), so no page rule can restyle it.
 */
const HOST_CSS = `:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  overflow: visible !important;
  background: transparent !important;
  z-index: 2147483647 !important;
  display: block !important;
}
`;

export function createCardHost(doc: Document, css: string): CardHost {
  const host = doc.createElement(UI_HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const view = doc.defaultView;
  if (view && 'adoptedStyleSheets' in root) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HOST_CSS + css);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = HOST_CSS + css;
    root.append(style);
  }
  const mount = doc.createElement('div');
  mount.style.setProperty('position', 'fixed');
  mount.style.setProperty('top', '0');
  mount.style.setProperty('left', '0');
  root.append(mount);
  const usePopover = typeof (host as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
  if (usePopover) host.setAttribute('popover', 'manual');

  return {
    host,
    mount,
    // The host is in the page only while a card shows: pages see nothing of the extension otherwise.
    setVisible(visible) {
      if (!visible) {
        host.remove();
        return;
      }
      if (!host.isConnected) doc.documentElement.append(host);
      try {
        if (usePopover && !host.matches(':popover-open')) host.showPopover();
      } catch {
        // No top layer here: the fixed position and z-index still apply.
      }
    },
    owns: (target) => target === host,
    hasFocus: () => doc.activeElement === host,
    remove: () => host.remove(),
  };
}
