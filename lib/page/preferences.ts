/**
 * The preferences as the content script reads them: straight from storage.sync under the key that
 * settings.ts's preferencesItem ('sync:preferences') writes, without the storage library, which
 * would cost the content script about 2 KB gzipped of its 30 KB budget.
 */
import { browser } from 'wxt/browser';
import { withDefaults, type Preferences } from '../preferences';

const KEY = 'preferences';

export async function loadPreferences(): Promise<Preferences> {
  const stored = await browser.storage.sync.get(KEY);
  return withDefaults(stored[KEY] as Partial<Preferences> | undefined);
}

export function watchPreferences(callback: (prefs: Preferences) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && KEY in changes)
      callback(withDefaults(changes[KEY]?.newValue as Partial<Preferences> | undefined));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
