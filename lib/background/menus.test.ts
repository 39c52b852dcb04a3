import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOOKUP_COMMAND, listenForLookups } from './commands';
import type { LookupService } from './lookup';
import { createMenus, MENU_MAILTO, MENU_SELECTION, menuQuery, type MenuItem, type MenusApi } from './menus';

/** Menus as Chrome keeps them: a second item with the same id is an error (reported in lastError). */
function fakeMenus() {
  const items = new Map<string, MenuItem>();
  const api: MenusApi = {
    create(item, callback) {
      const duplicate = items.has(item.id);
      if (!duplicate) items.set(item.id, item);
      const runtime = fakeBrowser.runtime as { lastError?: { message: string } };
      runtime.lastError = duplicate
        ? { message: `Cannot create item with duplicate id ${item.id}` }
        : undefined;
      callback?.();
      runtime.lastError = undefined;
      return item.id;
    },
    removeAll: async () => items.clear(),
  };
  return { api, items };
}

describe('the context menu', () => {
  it('offers the lookup on selected text (the browser fills in %s) and on mailto: links only', async () => {
    const { api, items } = fakeMenus();
    await createMenus(api);
    expect([...items.values()]).toEqual([
      { id: MENU_SELECTION, title: 'Look up “%s” in Affinity', contexts: ['selection'] },
      { id: MENU_MAILTO, title: 'Look up in Affinity', contexts: ['link'], targetUrlPatterns: ['mailto:*'] },
    ]);
  });

  it('can be made again (an update, a restart) without failing on its own items', async () => {
    const { api, items } = fakeMenus();
    await createMenus(api);
    await expect(createMenus(api)).resolves.toBeUndefined();
    expect(items.size).toBe(2);
  });

  it('turns a click into the lookup it asks for', () => {
    expect(menuQuery({ menuItemId: MENU_SELECTION, selectionText: 'Daniel Kim' })).toEqual({
      text: 'Daniel Kim',
      source: 'selection',
    });
    expect(menuQuery({ menuItemId: MENU_MAILTO, linkUrl: 'mailto:ada@engines.org?subject=Hi' })).toEqual({
      text: 'mailto:ada@engines.org?subject=Hi',
      source: 'link',
    });
    expect(menuQuery({ menuItemId: MENU_SELECTION, selectionText: '   ' })).toBeNull();
    expect(menuQuery({ menuItemId: MENU_MAILTO, linkUrl: 'https://example.com/' })).toBeNull();
    expect(menuQuery({ menuItemId: 'someone-else', selectionText: 'Daniel Kim' })).toBeNull();
  });
});

describe('the lookup’s listeners', () => {
  let clicked: ((info: object, tab?: object) => void) | undefined;
  let command: ((name: string, tab?: object) => void) | undefined;
  let menus: ReturnType<typeof fakeMenus>;
  let lookups: { [K in keyof LookupService]: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    fakeBrowser.reset();
    menus = fakeMenus();
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(((item: MenuItem, done?: () => void) =>
      menus.api.create(item, done)) as never);
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockImplementation(menus.api.removeAll as never);
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((listener: never) => {
      clicked = listener;
    }) as never);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((listener: never) => {
      command = listener;
    }) as never);
    lookups = {
      run: vi.fn(),
      fromMenu: vi.fn(async () => undefined),
      fromShortcut: vi.fn(async () => undefined),
      openSearch: vi.fn(),
      openSettings: vi.fn(),
    };
    listenForLookups(lookups as unknown as LookupService);
  });
  afterEach(() => vi.restoreAllMocks());

  it('makes the menu when the extension is installed or updated', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await vi.waitFor(() => expect(menus.items.size).toBe(2));
  });

  it('shows a clicked lookup in the frame the menu was opened in', () => {
    clicked?.({ menuItemId: MENU_SELECTION, selectionText: 'Daniel Kim', frameId: 4 }, { id: 12 });
    expect(lookups.fromMenu).toHaveBeenCalledWith({ text: 'Daniel Kim', source: 'selection' }, { id: 12 }, 4);
    clicked?.({ menuItemId: 'not-ours', selectionText: 'x' }, { id: 12 });
    expect(lookups.fromMenu).toHaveBeenCalledTimes(1);
  });

  it('looks up the selection on the shortcut, and only on its own command', async () => {
    command?.('some-other-command', { id: 12 });
    command?.(LOOKUP_COMMAND, { id: 12 });
    await vi.waitFor(() => expect(lookups.fromShortcut).toHaveBeenCalledWith({ id: 12 }));
    expect(lookups.fromShortcut).toHaveBeenCalledTimes(1);
  });
});
