/**
 * The lookup window: the same card as on a page, for pages that cannot host one (browser pages,
 * the web store, PDFs, tabs without the content script). Opened by the background with
 * ?q=<selection or mailto: link>&source=selection|link.
 */
import { browser } from 'wxt/browser';
import { lookupQueryFromUrl, startLookupWindow } from '../../lib/lookup-window';
import { popupMemoryItem, preferencesItem } from '../../lib/settings';

const view = startLookupWindow({
  doc: document,
  query: lookupQueryFromUrl(location.search),
  preferences: () => preferencesItem.getValue(),
  close: () => window.close(),
  openSearch: async (term) => {
    // The popup page in this same window, its search filled in.
    await popupMemoryItem.setValue({ ...(await popupMemoryItem.getValue()), term });
    location.assign(browser.runtime.getURL('/popup.html'));
  },
  openSettings: () => void browser.runtime.openOptionsPage(),
});
window.addEventListener('pagehide', () => view.destroy(), { once: true });
