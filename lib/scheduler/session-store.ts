/**
 * The window's home in the extension: `storage.session` keeps it across service-worker restarts,
 * forgets it when the browser closes, and never syncs it.
 */
import { storage } from 'wxt/utils/storage';
import type { PersistedWindow, WindowStore } from './types';

export function createSessionWindowStore(key: `session:${string}` = 'session:scheduler-window'): WindowStore {
  const item = storage.defineItem<PersistedWindow>(key);
  return {
    load: async () => (await item.getValue()) ?? undefined,
    save: (window) => item.setValue(window),
  };
}
