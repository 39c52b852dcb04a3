import { afterEach, describe, expect, it } from 'vitest';
import { AffinityError } from '../affinity/errors';
import type { PersonUpdate } from './details';
import { createFakeAffinity, generatePeople, personRecord } from './fake-affinity';
import { CURRENT_ORG_ID, SUBJECT_ID, TEAM, fixtureWorld } from './fixture-world';
import { buildPeopleIndex, type IndexPart } from '../matching/people-index';
import { createPeopleStore, type PeopleStore } from './store';
import { fakeClock, uniqueDbName } from './test-helpers';
import type { RosterPerson, RosterStatus, SearchResult } from './types';

const MINUTE = 60_000;
const stores: PeopleStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.wipe();
});

function setUp() {
  const world = fixtureWorld();
  for (const p of generatePeople(1200, 1000)) world.persons.set(p.id, p);
  const fake = createFakeAffinity(world);
  const clock = fakeClock();
  const dbName = uniqueDbName();
  const store = createPeopleStore({ client: fake.client, clock, getSubdomain: () => 'acme', dbName });
  stores.push(store);
  return { world, fake, clock, store, dbName };
}

const names = (result: { hits: { fullName: string }[] }) => result.hits.map((h) => h.fullName);

/** A people index that records what it is asked to do (searches, matches, builds), in order. */
function recordingIndex(asked: string[]) {
  return (people: RosterPerson[]) => {
    const index = buildPeopleIndex(people);
    return {
      search: (term: string, limit: number) => (asked.push('search'), index.search(term, limit)),
      matchText: (text: string) => index.matchText(text),
      matchTexts: (texts: string[]) => (asked.push('match'), index.matchTexts(texts)),
      warm: (part: IndexPart) => (asked.push(`build ${part}`), index.warm(part)),
    };
  };
}

describe('the people store', () => {
  it('syncs the roster, then searches and matches it locally with no call', async () => {
    const { fake, store } = setUp();
    const status = await store.sync.start();
    expect(status).toMatchObject({ count: 1204, syncing: false });
    expect(fake.count('searchPersons')).toBe(3);
    await store.idle();
    fake.calls.length = 0;

    const local = await store.search('tara team', { local: true });
    expect(names(local)[0]).toBe('Tara Team');
    expect(await store.search('Joscha', { local: true })).toMatchObject({ hits: [{ id: SUBJECT_ID }] });
    const [matches] = await store.matchTexts(['Lunch with Joscha Feth and ian@acme.com today']);
    expect(matches?.map((m) => m.personIds)).toEqual([[SUBJECT_ID], [TEAM.ian.id]]);
    expect(fake.count()).toBe(0);

    // Refined, a fresh roster is not searched again; only the organization's name is fetched.
    expect(await store.search('Joscha')).toMatchObject({ source: 'roster', hits: [{ id: SUBJECT_ID }] });
    expect(fake.calls.map((c) => c.method)).toEqual(['getOrganization']);
  });

  it('names the current organization of search hits: cached names at once, missing ones on refining', async () => {
    const { fake, store } = setUp();
    await store.sync.start();
    await store.idle();
    fake.calls.length = 0;
    const joscha = (result: SearchResult) => result.hits.find((h) => h.id === SUBJECT_ID);

    // Never opened, organization never named: the local answer has no name, makes no call, asks to refine.
    const local = await store.search('Joscha', { local: true });
    expect(joscha(local)?.organization).toBeNull();
    expect(local.needsRefine).toBe(true);
    expect(fake.count()).toBe(0);

    // Two refinements at once (a popup and a hover card, say) cost one call, at interactive priority.
    const [refined, again] = await Promise.all([store.search('Joscha'), store.search('Joscha')]);
    expect(joscha(refined)?.organization).toBe('Affinity');
    expect(joscha(again)?.organization).toBe('Affinity');
    expect(refined.needsRefine).toBe(false);
    expect(fake.calls).toEqual([
      { method: 'getOrganization', args: [CURRENT_ORG_ID], priority: 'interactive' },
    ]);

    // Cached now: the local answer names it with no call, and nothing is left to refine.
    fake.calls.length = 0;
    const cached = await store.search('Joscha', { local: true });
    expect(joscha(cached)?.organization).toBe('Affinity');
    expect(cached.needsRefine).toBe(false);
    expect(fake.count()).toBe(0);
  });

  it("answers through Affinity's search before the first sync", async () => {
    const { fake, store } = setUp();
    const result = await store.search('Joscha');
    expect(result.source).toBe('api');
    expect(names(result)).toContain('Joscha Feth');
    expect(fake.count('searchPersons')).toBe(1);
  });

  it('rebuilds its index after each sync: newcomers appear, deleted people vanish', async () => {
    const { world, store } = setUp();
    await store.sync.start();
    expect(names(await store.search('Ian Inside', { local: true }))).toContain('Ian Inside');

    world.persons.delete(TEAM.ian.id);
    world.persons.set(
      5,
      personRecord({ id: 5, type: 0, firstName: 'Zoë', lastName: 'Quist', primaryEmail: null, emails: [] }),
    );
    await store.sync.start();
    await store.idle();

    expect(names(await store.search('Ian Inside', { local: true }))).not.toContain('Ian Inside');
    expect(names(await store.search('zoe quist', { local: true }))).toEqual(['Zoë Quist']);
    expect(await store.matchTexts(['Ian Inside'])).toEqual([[]]);
  });

  it('reports sync progress to subscribers', async () => {
    const { store } = setUp();
    const seen: RosterStatus[] = [];
    store.sync.subscribe((s) => seen.push(s));
    await store.sync.start();
    expect(seen.filter((s) => s.syncing).map((s) => s.progress)).toEqual([0, 500, 1000, 1204]);
    expect(seen.at(-1)?.syncing).toBe(false);
  });

  it('resumes a sync a worker restart cut short', async () => {
    const { fake, store, clock, dbName } = setUp();
    fake.beforeCall = (_call, i) => {
      if (i === 1) throw new AffinityError({ kind: 'offline', message: 'You are offline.' });
    };
    expect((await store.sync.start()).error?.kind).toBe('offline');
    fake.beforeCall = null;

    // The old worker is gone: only the new store is wiped after the test (which deletes the database).
    stores.splice(stores.indexOf(store), 1);
    const restarted = createPeopleStore({ client: fake.client, clock, getSubdomain: () => 'acme', dbName });
    stores.push(restarted);
    expect(await restarted.sync.resumeIfInterrupted()).toBe(true);
    await restarted.idle();
    expect(await restarted.sync.start()).toMatchObject({ count: 1204, syncing: false });
    // Three pages plus the one call that failed; the restarted store went on from the second page.
    expect(fake.count('searchPersons')).toBe(4);
    expect((fake.calls[2]?.args[0] as { pageToken?: string }).pageToken).toBeDefined();
  });

  /** A synced store, then the store of a restarted worker over its database, and what its index is asked. */
  async function restartedAfterSync() {
    const { fake, store, clock, dbName } = setUp();
    await store.sync.start();
    await store.idle();
    stores.splice(stores.indexOf(store), 1);
    const asked: string[] = [];
    const restarted = createPeopleStore({
      client: fake.client,
      clock,
      getSubdomain: () => 'acme',
      dbName,
      buildIndex: recordingIndex(asked),
    });
    stores.push(restarted);
    return { restarted, asked };
  }

  it('after a worker start, matches a page without waiting for the search index, and builds that later', async () => {
    const { restarted, asked } = await restartedAfterSync();
    await restarted.preload();
    const [matches] = await restarted.matchTexts(['Lunch with Joscha Feth']);
    expect(matches?.map((m) => m.personIds)).toEqual([[SUBJECT_ID]]);
    expect(asked).toEqual(['match']);
    await restarted.idle();
    expect(asked).toEqual(['match', 'build matcher', 'build search']);
    expect(names(await restarted.search('joscha', { local: true }))).toEqual(['Joscha Feth']);
  });

  it('builds the search index when the popup says a search is coming, not at the first search', async () => {
    const { restarted, asked } = await restartedAfterSync();
    await restarted.prepareSearch();
    expect(asked).toEqual(['build search']);
    expect(names(await restarted.search('joscha', { local: true }))).toEqual(['Joscha Feth']);
    expect(asked).toEqual(['build search', 'search']);
  });

  it('hides a person Affinity answers 404 for, without waiting for a sync', async () => {
    const { world, store } = setUp();
    await store.sync.start();
    world.persons.delete(TEAM.tara.id);

    await expect(store.getPerson(TEAM.tara.id)).rejects.toMatchObject({ kind: 'not-found' });
    await store.idle();
    expect(names(await store.search('Tara Team', { local: true }))).not.toContain('Tara Team');
    expect(await store.matchTexts(['Tara Team'])).toEqual([[]]);
    expect((await store.sync.status()).count).toBe(1203);
  });

  it('serves cards from its cache and reports background refreshes of stale ones', async () => {
    const { fake, clock, store } = setUp();
    await store.sync.start();
    const updates: PersonUpdate[] = [];
    store.onPersonUpdate((u) => updates.push(u));
    const first = await store.getPerson(SUBJECT_ID);
    expect(first.person.affinityUrl).toBe(`https://acme.affinity.co/persons/${SUBJECT_ID}`);
    expect(first.person.relationships[0]?.person.name).toBe('Tara Team');
    await store.idle();
    fake.calls.length = 0;
    updates.length = 0;

    expect((await store.getPerson(SUBJECT_ID)).stale).toBe(false);
    expect(fake.count()).toBe(0);
    clock.advance(11 * MINUTE);
    expect((await store.getPerson(SUBJECT_ID)).stale).toBe(true);
    await store.idle();
    expect(updates.some((u) => u.id === SUBJECT_ID && 'result' in u && !u.result.stale)).toBe(true);
  });

  it('shows the current organization of people whose card was seen in search hits', async () => {
    const { store } = setUp();
    await store.sync.start();
    await store.getPerson(SUBJECT_ID);
    const result = await store.search('Joscha Feth', { local: true });
    expect(result.hits[0]).toMatchObject({ id: SUBJECT_ID, organization: 'Affinity' });
  });

  it('clears caches but keeps the roster', async () => {
    const { fake, store } = setUp();
    await store.sync.start();
    await store.getPerson(SUBJECT_ID);
    await store.idle();
    await store.clearCaches();
    fake.calls.length = 0;

    expect(names(await store.search('Joscha Feth', { local: true }))).toContain('Joscha Feth');
    await store.getPerson(SUBJECT_ID);
    expect(fake.count('getPerson')).toBe(1);
    expect(fake.count('getFields')).toBeGreaterThan(0);
  });

  it('forgets everything on wipe (sign out) and works again afterwards', async () => {
    const { fake, store } = setUp();
    await store.sync.start();
    await store.getPerson(SUBJECT_ID);
    await store.idle();
    const seen: RosterStatus[] = [];
    store.sync.subscribe((s) => seen.push(s));

    await store.wipe();
    expect(seen.at(-1)).toEqual({ count: 0, lastSyncAt: null, syncing: false, progress: null });
    expect(await store.sync.status()).toMatchObject({ count: 0, lastSyncAt: null });
    const local = await store.search('Joscha Feth', { local: true });
    expect(local.hits).toEqual([]);
    expect(local.needsRefine).toBe(true);
    fake.calls.length = 0;
    await store.getPerson(SUBJECT_ID);
    expect(fake.count('getPerson')).toBe(1);
  });
});
