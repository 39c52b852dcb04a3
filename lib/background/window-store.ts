/**
 * The scheduler's rate window kept in storage.session: it survives the service worker being stopped
 * (so a restart cannot burst past Affinity's per-minute limit) and is gone when the browser closes.
 */
import { storage } from 'wxt/utils/storage';
import type { PersistedWindow, WindowStore } from '../scheduler/types';

const windowItem = storage.defineItem<PersistedWindow | null>('session:schedulerWindow', { fallback: null });

export const sessionWindowStore: WindowStore = {
  async load() {
    return (await windowItem.getValue()) ?? undefined;
  },
  async save(window) {
    await windowItem.setValue(window);
  },
};
