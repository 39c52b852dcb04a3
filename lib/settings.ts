/**
 * Every stored value, declared once. The key and account are private items (private-store.ts):
 * storage.local locked to trusted contexts (extension pages and the worker) in Chrome, the extension
 * origin's IndexedDB in Firefox, so content scripts cannot read them. Preferences live in
 * storage.sync: content scripts need them and they follow the user.
 */
import { storage } from 'wxt/utils/storage';
import type { Account } from './messages';
import type { SearchHit } from './people/types';
import { definePrivateItem } from './private-store';

// Each item reads its storage area as soon as it is defined. /* @__PURE__ */ lets a bundle drop the
// items it does not use, so the content script never touches storage.local or storage.session
// (locked to extension pages: reading them from a page throws).
export const apiKeyItem = /* @__PURE__ */ definePrivateItem<string | null>('apiKey', null);
export const accountItem = /* @__PURE__ */ definePrivateItem<Account | null>('account', null);

export type SiteMode = 'all-except' | 'only';

export interface Preferences {
  /** 'all-except': on everywhere but `sites`; 'only': on only on `sites`. */
  siteMode: SiteMode;
  sites: string[];
  /** ms of resting the pointer before the card shows. */
  hoverDelayMs: number;
  /** Cards still open on hover or shortcut, but names are not underlined. */
  showMarks: boolean;
  sections: {
    interactions: boolean;
    relationships: boolean;
    lists: boolean;
    fields: boolean;
    notes: boolean;
  };
  syncIntervalHours: number;
}

export const defaultPreferences: Preferences = {
  siteMode: 'all-except',
  sites: [],
  hoverDelayMs: 500,
  showMarks: true,
  sections: { interactions: true, relationships: true, lists: true, fields: true, notes: true },
  syncIntervalHours: 6,
};

export const preferencesItem = /* @__PURE__ */ storage.defineItem<Preferences>('sync:preferences', {
  fallback: defaultPreferences,
});

/** A site is a host name; "example.com" also covers its subdomains. */
export function isSiteEnabled(prefs: Pick<Preferences, 'siteMode' | 'sites'>, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const listed = prefs.sites.some((site) => {
    const s = site.trim().toLowerCase();
    return s !== '' && (host === s || host.endsWith(`.${s}`));
  });
  return prefs.siteMode === 'only' ? listed : !listed;
}

/**
 * What the popup remembers between openings: the last search and the last person viewed. Kept in
 * storage.session (memory only, extension pages only), so people's data never reaches the disk.
 */
export interface PopupMemory {
  term: string;
  lastPerson: SearchHit | null;
}

export const popupMemoryItem = /* @__PURE__ */ storage.defineItem<PopupMemory>('session:popupMemory', {
  fallback: { term: '', lastPerson: null },
});

export function maskKey(key: string): string {
  return `••••••••${key.slice(-4)}`;
}
