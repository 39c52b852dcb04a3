import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultPreferences, preferencesItem, type Preferences } from '../settings';
import { followPreferences } from './switch';

function harness(hostname = 'news.example.com') {
  const lenses: { prefs: Preferences; update: ReturnType<typeof vi.fn>; stop: ReturnType<typeof vi.fn> }[] =
    [];
  const controller = new AbortController();
  const start = (prefs: Preferences) => {
    const lens = { prefs, update: vi.fn(), stop: vi.fn() };
    lenses.push(lens);
    return lens;
  };
  const follow = () =>
    followPreferences({
      hostname,
      signal: controller.signal,
      load: () => preferencesItem.getValue(),
      watch: (cb) => preferencesItem.watch(cb),
      start,
    });
  return { lenses, controller, follow };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('followPreferences', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts on a site that is on', async () => {
    const { lenses, follow } = harness();
    await follow();
    expect(lenses).toHaveLength(1);
  });

  it('does not start on a site that is switched off', async () => {
    await preferencesItem.setValue({ ...defaultPreferences, sites: ['example.com'] });
    const { lenses, follow } = harness();
    await follow();
    expect(lenses).toHaveLength(0);
  });

  it('stops at once when the site is switched off, and starts again when it is back on', async () => {
    const { lenses, follow } = harness();
    const current = await follow();
    await preferencesItem.setValue({ ...defaultPreferences, sites: ['news.example.com'] });
    await settle();
    expect(lenses[0]?.stop).toHaveBeenCalledTimes(1);
    expect(current()).toBeNull();
    await preferencesItem.setValue({ ...defaultPreferences, siteMode: 'only', sites: ['example.com'] });
    await settle();
    expect(lenses).toHaveLength(2);
    expect(current()).toBe(lenses[1]);
  });

  it('passes other changes (hover delay, marks) to the running lens', async () => {
    const { lenses, follow } = harness();
    await follow();
    await preferencesItem.setValue({ ...defaultPreferences, hoverDelayMs: 900, showMarks: false });
    await settle();
    expect(lenses).toHaveLength(1);
    expect(lenses[0]?.update).toHaveBeenCalledWith(
      expect.objectContaining({ hoverDelayMs: 900, showMarks: false }),
    );
  });

  it('tears down and stops listening when the content script is invalidated', async () => {
    const { lenses, follow, controller } = harness();
    await follow();
    controller.abort();
    expect(lenses[0]?.stop).toHaveBeenCalledTimes(1);
    await preferencesItem.setValue({ ...defaultPreferences, hoverDelayMs: 900 });
    await settle();
    expect(lenses[0]?.update).not.toHaveBeenCalled();
    expect(lenses).toHaveLength(1);
  });

  it('still tears the page down when the extension is gone and unsubscribing throws', async () => {
    const { lenses, controller } = harness();
    await followPreferences({
      hostname: 'x.test',
      signal: controller.signal,
      load: () => Promise.resolve(null),
      watch: () => () => {
        throw new Error('Extension context invalidated.');
      },
      start: (prefs) => {
        const lens = { prefs, update: vi.fn(), stop: vi.fn() };
        lenses.push(lens);
        return lens;
      },
    });
    controller.abort();
    expect(lenses[0]?.stop).toHaveBeenCalledTimes(1);
  });

  it('stays off when the preferences cannot be read', async () => {
    const { lenses, controller } = harness();
    await followPreferences({
      hostname: 'x.test',
      signal: controller.signal,
      load: () => Promise.reject(new Error('Extension context invalidated.')),
      watch: () => () => undefined,
      start: (p) => {
        lenses.push({ prefs: p, update: vi.fn(), stop: vi.fn() });
        return lenses[0] as {
          prefs: Preferences;
          update: ReturnType<typeof vi.fn>;
          stop: ReturnType<typeof vi.fn>;
        };
      },
    });
    expect(lenses).toHaveLength(0);
  });
});
