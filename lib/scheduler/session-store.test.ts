import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSessionWindowStore } from './session-store';
import type { PersistedWindow } from './types';

const saved: PersistedWindow = {
  limit: 900,
  used: 12,
  resetsAt: 1_000_000,
  pausedUntil: null,
  monthlyLimit: 100_000,
  monthlyRemaining: 'unlimited',
  monthlyResetsAt: null,
  recentSends: [1, 2, 3],
};

describe('session window store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has nothing before the first save, then gives back what was saved', async () => {
    const store = createSessionWindowStore();
    expect(await store.load()).toBeUndefined();
    await store.save(saved);
    expect(await createSessionWindowStore().load()).toEqual(saved);
  });

  it('keeps the window in session storage, which a worker restart does not clear', async () => {
    await createSessionWindowStore().save(saved);
    expect(await fakeBrowser.storage.session.get('scheduler-window')).toEqual({ 'scheduler-window': saved });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
