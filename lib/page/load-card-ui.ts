/**
 * Loads the card UI (card-ui.ts) into the content script's world on first use: an import of the
 * extension's own script, by the per-session URL Chrome gives it (the file is web-accessible only
 * through that URL, so pages cannot probe for the extension by it).
 */
import { browser } from 'wxt/browser';
import type { CardUi } from './card-ui';
import { CARD_UI_GLOBAL } from './card-ui-global';

let loading: Promise<CardUi> | null = null;

export function loadCardUi(): Promise<CardUi> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/card-ui.js')).then(
    () => {
      const ui = (globalThis as unknown as Record<string, CardUi | undefined>)[CARD_UI_GLOBAL];
      if (!ui) throw new Error('The card could not be loaded. Reload the page.');
      return ui;
    },
    (error: unknown) => {
      // A later wish tries again (the extension may have been busy updating).
      loading = null;
      throw error;
    },
  );
  return loading;
}
