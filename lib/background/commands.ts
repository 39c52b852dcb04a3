/**
 * The lookup's wiring to the browser: the context menu's items and clicks, and the keyboard
 * command. Listeners are added synchronously (the caller runs at the worker's start) so that the
 * event that woke the worker is delivered.
 */
import { browser } from 'wxt/browser';
import type { LookupService } from './lookup';
import { createMenus, menuQuery, menusApi, type MenuClick } from './menus';

/** The manifest's command (see wxt.config.ts); `_execute_action` opens the popup on its own. */
export const LOOKUP_COMMAND = 'lookup-selection';

export interface LookupTabInfo {
  id?: number;
}

interface ClickEvent {
  addListener(listener: (info: MenuClick & { frameId?: number }, tab?: LookupTabInfo) => void): void;
}

export function listenForLookups(lookups: LookupService): void {
  const remake = () =>
    void createMenus().catch((error: unknown) => console.warn('Affinity Lens menus:', error));
  browser.runtime.onInstalled.addListener(remake);
  browser.runtime.onStartup.addListener(remake);

  const menus = menusApi() as unknown as { onClicked: ClickEvent };
  menus.onClicked.addListener((info, tab) => {
    const query = menuQuery(info);
    if (query) void lookups.fromMenu(query, tab, info.frameId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== LOOKUP_COMMAND) return;
    void (async () => {
      // Chrome passes the tab; otherwise the active tab of the focused window.
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      await lookups.fromShortcut(target);
    })();
  });
}
