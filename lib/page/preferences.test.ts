import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPreferences, preferencesItem } from '../settings';
import { loadPreferences, watchPreferences } from './preferences';

describe('the content script’s view of the preferences', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what the options page saved, and the defaults before anything was saved', async () => {
    expect(await loadPreferences()).toEqual(defaultPreferences);
    await preferencesItem.setValue({ ...defaultPreferences, hoverDelayMs: 900, sites: ['news.example'] });
    expect(await loadPreferences()).toMatchObject({ hoverDelayMs: 900, sites: ['news.example'] });
  });

  it('completes a value saved by an older version with the newer defaults', async () => {
    await fakeBrowser.storage.sync.set({ preferences: { siteMode: 'only', sites: ['a.example'] } });
    const prefs = await loadPreferences();
    expect(prefs.siteMode).toBe('only');
    expect(prefs.hoverDelayMs).toBe(defaultPreferences.hoverDelayMs);
    expect(prefs.sections).toEqual(defaultPreferences.sections);
  });

  it('hears every change until it stops listening', async () => {
    const seen = vi.fn();
    const stop = watchPreferences(seen);
    await preferencesItem.setValue({ ...defaultPreferences, showMarks: false });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledWith(expect.objectContaining({ showMarks: false })));
    stop();
    await preferencesItem.setValue({ ...defaultPreferences, showMarks: true });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
