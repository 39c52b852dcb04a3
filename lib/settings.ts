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
import { defaultPreferences, type Preferences } from './preferences';

export * from './preferences';

// Each item reads its storage area as soon as it is defined. /* @__PURE__ */ lets a bundle drop the
// items it does not use, so the content script never touches storage.local or storage.session
// (locked to extension pages: reading them from a page throws).
export const apiKeyItem = /* @__PURE__ */ definePrivateItem<string | null>('apiKey', null);
export const accountItem = /* @__PURE__ */ definePrivateItem<Account | null>('account', null);

export const preferencesItem = /* @__PURE__ */ storage.defineItem<Preferences>('sync:preferences', {
  fallback: defaultPreferences,
});

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
