/**
 * The context menu: "Look up “%s” in Affinity" on selected text and "Look up in Affinity" on
 * mailto: links. Menus outlive the worker (Chrome) and the event page (Firefox), so they are made
 * when the extension is installed or updated, and made again at browser start-up, all at once
 * after removing whatever was there, so that a second run never fails on a duplicate id.
 */
import { browser } from 'wxt/browser';
import type { LookupQuery } from '../lookup-protocol';

export const MENU_SELECTION = 'lookup-selection';
export const MENU_MAILTO = 'lookup-mailto';

export interface MenuItem {
  id: string;
  title: string;
  contexts: ['selection'] | ['link'];
  targetUrlPatterns?: string[];
}

export const MENU_ITEMS: readonly MenuItem[] = [
  // The browser puts the selected text in place of %s.
  { id: MENU_SELECTION, title: 'Look up “%s” in Affinity', contexts: ['selection'] },
  { id: MENU_MAILTO, title: 'Look up in Affinity', contexts: ['link'], targetUrlPatterns: ['mailto:*'] },
];

/** What a click on one of the items asks for. */
export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
}

/** The part of the menus API used here (Chrome's contextMenus, Firefox's menus). */
export interface MenusApi {
  create(properties: MenuItem, callback?: () => void): unknown;
  removeAll(): Promise<void>;
}

/** Firefox names the API `menus` (`contextMenus` is its alias); Chrome has only `contextMenus`. */
export function menusApi(): MenusApi {
  const firefox = (browser as unknown as { menus?: MenusApi }).menus;
  return firefox ?? (browser.contextMenus as unknown as MenusApi);
}

export async function createMenus(api: MenusApi = menusApi()): Promise<void> {
  await api.removeAll();
  await Promise.all(
    MENU_ITEMS.map(
      (item) =>
        new Promise<void>((resolve, reject) => {
          api.create(item, () => {
            // Reading lastError in the callback is also what keeps it out of the console.
            const error = browser.runtime.lastError;
            if (error) reject(new Error(error.message));
            else resolve();
          });
        }),
    ),
  );
}

/** The lookup a click asks for, or null for an item that is not ours or has nothing to look up. */
export function menuQuery(click: MenuClick): LookupQuery | null {
  if (click.menuItemId === MENU_MAILTO && click.linkUrl?.toLowerCase().startsWith('mailto:')) {
    return { text: click.linkUrl, source: 'link' };
  }
  if (click.menuItemId === MENU_SELECTION && click.selectionText?.trim()) {
    return { text: click.selectionText, source: 'selection' };
  }
  return null;
}
