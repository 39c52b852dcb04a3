/** The in-page shortcut that opens the card for what has focus (the browser-level command is separate). */
import { ADDRESS_SELECTOR } from './addresses';
import type { Mark, MarkIndex } from './mark-index';

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export const SHORTCUT_LABEL = 'Alt+Shift+L';

/** Alt+Shift+L, by physical key: on macOS Alt changes the character that `key` reports. */
export function isOpenShortcut(event: KeyLike): boolean {
  return event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyL';
}

/**
 * The mark the shortcut is about: a focused mailto link, else the first mark inside the focused
 * element (inside open shadow roots too), else a caret or selection inside a mark (caret browsing,
 * a double-clicked name).
 */
export function keyboardTarget(doc: Document, index: MarkIndex): Mark | null {
  let active = doc.activeElement;
  // Focus inside an open shadow root shows at the document as its host.
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (active && active !== doc.body && active !== doc.documentElement) {
    const link = active.closest(ADDRESS_SELECTOR);
    const linkMark = link ? index.linkMark(link) : undefined;
    if (linkMark) return linkMark;
    const within = index.firstWithin(active);
    if (within) return within;
  }
  const selection = doc.getSelection();
  if (selection && selection.rangeCount > 0 && selection.anchorNode) {
    const [mark] = index.marksAt(selection.anchorNode, selection.anchorOffset);
    if (mark) return mark;
  }
  return null;
}
