import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AffinityError } from '../affinity/errors';
import type { PersonRecord } from '../affinity/types';
import type { ShowLookupMessage } from '../lookup-protocol';
import { createFakeAffinity, personRecord, worldWithPeople } from '../people/fake-affinity';
import type { LookupSources } from '../people/lookup';
import { createPeopleStore, type PeopleStore } from '../people/store';
import { uniqueDbName } from '../people/test-helpers';
import { popupMemoryItem } from '../settings';
import { createLookupService, lookupSources, lookupWindowPath, type LookupPort } from './lookup';

const person = (id: number, firstName: string, lastName: string, ...emails: string[]): PersonRecord =>
  personRecord({ id, type: 0, firstName, lastName, primaryEmail: emails[0] ?? null, emails });

describe('lookups against the people store', () => {
  const stores: PeopleStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.wipe();
  });

  async function synced() {
    const fake = createFakeAffinity(
      worldWithPeople([
        person(1, 'Ada', 'Lovelace', 'ada@engines.org', 'a.lovelace@gmail.com'),
        person(2, 'Daniel', 'Kim', 'daniel@quill.io'),
        person(3, 'Daniel', 'Kim', 'dkim@hanbit.kr'),
        person(4, 'Daniel', 'Kimball', 'dk@kimball.com'),
      ]),
    );
    const store = createPeopleStore({
      client: fake.client,
      getSubdomain: () => 'acme',
      dbName: uniqueDbName(),
    });
    stores.push(store);
    await store.sync.start();
    await store.idle();
    fake.calls.length = 0;
    const service = createLookupService(lookupSources(store, fake.client), fakePort().port);
    return { fake, service };
  }

  it('answers a roster address (any of the person’s addresses) without calling Affinity', async () => {
    const { fake, service } = await synced();
    const result = await service.run({ text: 'A.Lovelace@gmail.com', source: 'selection' });
    expect(result.hits.map((h) => h.fullName)).toEqual(['Ada Lovelace']);
    expect(fake.count()).toBe(0);
  });

  it('lists both people of the same name, without calling Affinity', async () => {
    const { fake, service } = await synced();
    const result = await service.run({ text: 'Daniel Kim', source: 'selection' });
    expect(result.hits.map((h) => h.id).sort()).toEqual([2, 3]);
    expect(fake.count()).toBe(0);
  });

  it('finds someone added to Affinity since the sync by their address, in one call', async () => {
    const { fake, service } = await synced();
    fake.world.persons.set(9, person(9, 'Grace', 'Hopper', 'grace@navy.mil'));
    fake.world.persons.set(10, person(10, 'Grace', 'Other', 'grace@navy.mil.example'));
    const result = await service.run({ text: 'mailto:grace@navy.mil', source: 'link' });
    expect(result.hits.map((h) => h.id)).toEqual([9]);
    expect(fake.count('searchPersons')).toBe(1);
  });

  it('finds a roster name inside a sentence', async () => {
    const { service } = await synced();
    const result = await service.run({ text: 'Lunch with Ada Lovelace on Friday', source: 'selection' });
    expect(result.hits.map((h) => h.id)).toEqual([1]);
  });
});

/** A browser port that records what it was asked and answers as the test says. */
function fakePort(
  answers: {
    tab?: (message: ShowLookupMessage, frameId?: number) => Promise<unknown>;
    selection?: () => Promise<string>;
    popup?: () => Promise<void>;
  } = {},
) {
  const windows: string[] = [];
  const sent: { message: ShowLookupMessage; frameId?: number }[] = [];
  const port: LookupPort = {
    sendToTab: vi.fn(async (_tabId, message, frameId) => {
      sent.push({ message, frameId });
      if (!answers.tab) throw new Error('Could not establish connection. Receiving end does not exist.');
      return answers.tab(message, frameId);
    }),
    readSelection: vi.fn(async () =>
      answers.selection ? answers.selection() : Promise.reject(new Error('no')),
    ),
    openWindow: vi.fn(async (path: string) => {
      windows.push(path);
    }),
    openPopup: vi.fn(async () => (answers.popup ? answers.popup() : Promise.reject(new Error('no popup')))),
    openOptions: vi.fn(async () => undefined),
  };
  return { port, windows, sent };
}

const noSources = {} as LookupSources;

describe('where a lookup shows', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks the frame the menu was opened in to show the card, and opens no window when it does', async () => {
    const { port, sent, windows } = fakePort({ tab: async () => ({ shown: true }) });
    await createLookupService(noSources, port).fromMenu(
      { text: 'Ada Lovelace', source: 'selection' },
      { id: 7 },
      3,
    );
    expect(sent).toEqual([
      {
        message: { lens: 1, type: 'lookup/show', payload: { text: 'Ada Lovelace', source: 'selection' } },
        frameId: 3,
      },
    ]);
    expect(windows).toEqual([]);
  });

  it('opens the lookup window where the page cannot host the card', async () => {
    const { port, windows } = fakePort();
    const service = createLookupService(noSources, port);
    await service.fromMenu({ text: 'mailto:ada@engines.org', source: 'link' }, { id: 7 }, 0);
    await service.fromMenu({ text: 'Ada Lovelace', source: 'selection' }, undefined, undefined);
    expect(windows).toEqual([
      '/lookup.html?q=mailto%3Aada%40engines.org&source=link',
      '/lookup.html?q=Ada+Lovelace&source=selection',
    ]);
  });

  it('shortcut: the focused frame with a selection shows the card', async () => {
    const { port, sent, windows } = fakePort({
      tab: async (message) => (message.payload.focusedOnly ? { shown: true } : undefined),
    });
    await createLookupService(noSources, port).fromShortcut({ id: 7 });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.payload).toEqual({ text: null, source: 'selection', focusedOnly: true });
    expect(windows).toEqual([]);
  });

  it('shortcut: the top frame’s selection when no focused frame has one', async () => {
    const { port, sent } = fakePort({
      tab: async (message, frameId) =>
        frameId === 0 && !message.payload.focusedOnly ? { shown: true } : undefined,
    });
    await createLookupService(noSources, port).fromShortcut({ id: 7 });
    expect(sent.map((s) => s.frameId)).toEqual([undefined, 0]);
    expect(port.openPopup).not.toHaveBeenCalled();
  });

  it('shortcut: reads the selection itself where no content script runs, and shows it in the window', async () => {
    const { port, windows } = fakePort({ selection: async () => 'Daniel Kim' });
    await createLookupService(noSources, port).fromShortcut({ id: 7 });
    expect(windows).toEqual([lookupWindowPath({ text: 'Daniel Kim', source: 'selection' })]);
  });

  it('shortcut: with nothing selected anywhere, opens the popup search', async () => {
    const { port, windows } = fakePort({ tab: async () => undefined, popup: async () => undefined });
    await createLookupService(noSources, port).fromShortcut({ id: 7 });
    expect(port.openPopup).toHaveBeenCalledTimes(1);
    expect(windows).toEqual([]);
  });

  it('fills in the popup search, keeping the last person viewed, and opens the popup', async () => {
    const last = {
      id: 5,
      fullName: 'Zoë Lindgren',
      primaryEmail: null,
      organization: null,
      type: 0 as const,
    };
    await popupMemoryItem.setValue({ term: 'old', lastPerson: last });
    const { port, windows } = fakePort({ popup: async () => undefined });
    await createLookupService(noSources, port).openSearch('  Elena Petrova ');
    expect(await popupMemoryItem.getValue()).toEqual({ term: 'Elena Petrova', lastPerson: last });
    expect(port.openPopup).toHaveBeenCalledTimes(1);
    expect(windows).toEqual([]);
  });

  it('opens the popup page in a small window where the browser will not open the popup', async () => {
    const { port, windows } = fakePort();
    await createLookupService(noSources, port).openSearch('Elena Petrova');
    expect(windows).toEqual(['/popup.html']);
  });

  it('passes a lookup’s failure on with its kind', async () => {
    const sources = {
      rosterOwners: async () => [],
      searchAffinity: async () => {
        throw new AffinityError({ kind: 'no-key', message: 'Add your Affinity API key first.' });
      },
    } as unknown as LookupSources;
    const service = createLookupService(sources, fakePort().port);
    await expect(service.run({ text: 'who@x.example', source: 'selection' })).rejects.toMatchObject({
      kind: 'no-key',
    });
  });
});
