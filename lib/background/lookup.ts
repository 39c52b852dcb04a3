/**
 * Lookups from the context menu and the shortcut: runs the lookup against the people store, and
 * decides where its answer shows. A tab's content script shows it as the card next to the
 * selection; where no content script can (browser pages, the web store, PDFs, tabs opened before
 * the extension was installed), a small extension window shows the same card instead.
 */
import { browser } from 'wxt/browser';
import type { AffinityClient } from '../affinity/types';
import {
  MAX_LOOKUP_TEXT,
  type LookupQuery,
  type LookupResult,
  type ShowLookupMessage,
  type ShowLookupReply,
} from '../lookup-protocol';
import { lookUp, type LookupSources } from '../people/lookup';
import type { PeopleStore } from '../people/store';
import { popupMemoryItem } from '../settings';

/** What the lookup needs from the browser; replaced by a fake in tests. */
export interface LookupPort {
  /** Rejects when no content script listens in that tab (or frame). */
  sendToTab(tabId: number, message: ShowLookupMessage, frameId?: number): Promise<unknown>;
  /** The text selected in a tab's top frame, read through activeTab; rejects where scripts cannot run. */
  readSelection(tabId: number): Promise<string>;
  /** Opens an extension page (path with its query) in a small window of its own. */
  openWindow(path: string): Promise<void>;
  /** Opens the toolbar popup; rejects where the browser does not allow it now. */
  openPopup(): Promise<void>;
  openOptions(): Promise<void>;
}

export interface LookupTab {
  id?: number;
}

export interface LookupService {
  run(query: LookupQuery): Promise<LookupResult>;
  /** The context menu: the card in the frame the menu was opened in, else a window. */
  fromMenu(query: LookupQuery, tab: LookupTab | undefined, frameId: number | undefined): Promise<void>;
  /** The shortcut: the focused frame's selection, else the top frame's, else the popup search. */
  fromShortcut(tab: LookupTab | undefined): Promise<void>;
  /** The popup search, with `term` filled in when given. */
  openSearch(term?: string): Promise<void>;
  openSettings(): Promise<void>;
}

const NAMES_IN_TEXT = 5;

/** The lookup's sources, in terms of the people store (roster) and the client (Affinity's search). */
export function lookupSources(people: PeopleStore, client: AffinityClient): LookupSources {
  const rosterHits = async (term: string, ids: ReadonlySet<number>) =>
    (await people.searchLocal(term, { limit: 20 })).hits.filter((hit) => ids.has(hit.id));
  const matchesIn = async (text: string) => (await people.matchTexts([text]))[0] ?? [];
  return {
    async rosterOwners(address) {
      const ids = new Set(
        (await matchesIn(address)).filter((m) => m.kind === 'email').flatMap((m) => m.personIds),
      );
      return ids.size === 0 ? [] : rosterHits(address, ids);
    },
    async searchAffinity(term) {
      const page = await client.searchPersons({ term, pageSize: 20 }, { priority: 'interactive' });
      return page.persons;
    },
    searchPeople: (term, limit) => people.search(term, { limit }),
    async namesIn(text) {
      const names = (await matchesIn(text)).filter((m) => m.kind === 'name').slice(0, NAMES_IN_TEXT);
      const hits = await Promise.all(
        names.map((m) => rosterHits(text.slice(m.start, m.end), new Set(m.personIds))),
      );
      return hits.flat();
    },
  };
}

export function lookupWindowPath(query: LookupQuery): string {
  const params = new URLSearchParams({ q: query.text.slice(0, MAX_LOOKUP_TEXT), source: query.source });
  return `/lookup.html?${params.toString()}`;
}

const showMessage = (payload: ShowLookupMessage['payload']): ShowLookupMessage => ({
  lens: 1,
  type: 'lookup/show',
  payload,
});

const wasShown = (reply: unknown) => (reply as ShowLookupReply | undefined)?.shown === true;

export function createLookupService(sources: LookupSources, port: LookupPort): LookupService {
  const openLookupWindow = (query: LookupQuery) => port.openWindow(lookupWindowPath(query));

  const service: LookupService = {
    run: (query) => lookUp(query, sources),

    async fromMenu(query, tab, frameId) {
      if (tab?.id !== undefined && tab.id >= 0) {
        try {
          if (wasShown(await port.sendToTab(tab.id, showMessage(query), frameId))) return;
        } catch {
          // No content script in that frame: the window below shows the answer.
        }
      }
      await openLookupWindow(query);
    },

    async fromShortcut(tab) {
      if (tab?.id === undefined || tab.id < 0) return service.openSearch();
      const tabId = tab.id;
      try {
        // Every frame hears this; only the focused one with a selection shows the card and answers.
        const focused = await port.sendToTab(
          tabId,
          showMessage({ text: null, source: 'selection', focusedOnly: true }),
        );
        if (wasShown(focused)) return;
        const top = await port.sendToTab(tabId, showMessage({ text: null, source: 'selection' }), 0);
        if (wasShown(top)) return;
      } catch {
        // No content script here: the shortcut's activeTab grant lets the selection be read directly.
        const text = await port.readSelection(tabId).catch(() => '');
        if (text.trim() !== '') return openLookupWindow({ text, source: 'selection' });
      }
      // Nothing selected: the shortcut still leads somewhere useful.
      return service.openSearch();
    },

    async openSearch(term) {
      if (term !== undefined) {
        const memory = await popupMemoryItem.getValue();
        await popupMemoryItem.setValue({ ...memory, term: term.trim() });
      }
      try {
        await port.openPopup();
      } catch {
        // Firefox opens the popup only on a click of its own; a small window serves instead.
        await port.openWindow('/popup.html');
      }
    },

    openSettings: () => port.openOptions(),
  };
  return service;
}

/** Room for the card (360 px wide) and the window's own frame. */
const WINDOW_SIZE = { width: 400, height: 620 };

interface ActionWithPopup {
  openPopup?: () => Promise<void>;
}

/** Reads what is selected, in a form field too; runs in the page, so it must stand alone. */
function selectedText(): string {
  const field = document.activeElement;
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    try {
      return field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
    } catch {
      // Inputs without a selection API (e.g. type=email) throw.
    }
  }
  return getSelection()?.toString() ?? '';
}

export function browserLookupPort(): LookupPort {
  return {
    sendToTab: (tabId, message, frameId) =>
      frameId === undefined
        ? browser.tabs.sendMessage(tabId, message)
        : browser.tabs.sendMessage(tabId, message, { frameId }),
    async readSelection(tabId) {
      const [first] = await browser.scripting.executeScript({ target: { tabId }, func: selectedText });
      return typeof first?.result === 'string' ? first.result : '';
    },
    async openWindow(path) {
      const [file, query] = path.split('?');
      const url = browser.runtime.getURL(file as '/popup.html') + (query ? `?${query}` : '');
      await browser.windows.create({ url, type: 'popup', ...WINDOW_SIZE });
    },
    async openPopup() {
      // MV3 has `action`; Firefox's MV2 build has `browserAction`.
      const action = (browser.action ?? browser.browserAction) as ActionWithPopup | undefined;
      if (!action?.openPopup) throw new Error('The popup cannot be opened from here.');
      await action.openPopup();
    },
    openOptions: () => browser.runtime.openOptionsPage(),
  };
}
