import { afterEach, describe, expect, it } from 'vitest';
import { AffinityError } from '../affinity/errors';
import { createFakeAffinity, generatePeople, worldWithPeople, type FakeAffinity } from './fake-affinity';
import { openRosterDb, type RosterDb } from './roster-db';
import { createRosterSync } from './sync';
import { fakeClock, uniqueDbName, waitUntil } from './test-helpers';
import type { RosterStatus } from './types';

const open: RosterDb[] = [];
async function database(name = uniqueDbName()): Promise<RosterDb> {
  const db = await openRosterDb(name);
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const newcomer = {
  id: 99_999,
  type: 0 as const,
  firstName: 'Newly',
  lastName: 'Added',
  primaryEmail: null,
  emails: [],
  organizationIds: [],
  currentOrganizationIds: [],
  opportunityIds: [],
  listEntries: [],
  interactionDates: null,
  interactions: {},
};

const ids = (people: { id: number }[]) => people.map((p) => p.id).sort((a, b) => a - b);

/** Fails the call with this index (0-based, counted over the fake's whole life). */
function failCall(fake: FakeAffinity, index: number, error: AffinityError): void {
  fake.beforeCall = (_call, i) => {
    if (i === index) throw error;
  };
}

const rateLimited = () =>
  new AffinityError({
    kind: 'rate-limited',
    status: 429,
    message: 'Affinity rate limit reached.',
    retryAt: 1,
  });

describe('full roster sync', () => {
  it.each([
    [0, 1],
    [1, 1],
    [500, 1],
    [501, 2],
    [1234, 3],
  ])('copies %i people in %i directory calls (ceil(n / 500), at least one)', async (n, calls) => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(n)));
    const db = await database();
    const status = await createRosterSync({ client: fake.client, db }).start();

    expect(fake.count()).toBe(calls);
    expect(status).toMatchObject({ count: n, syncing: false, progress: null });
    expect(status.error).toBeUndefined();
    expect(ids(await db.loadRoster())).toEqual(ids(generatePeople(n)));
  });

  it('asks for whole pages of the directory at background priority, never with a term', async () => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(1234)));
    await createRosterSync({ client: fake.client, db: await database() }).start();

    for (const call of fake.calls) {
      expect(call.method).toBe('searchPersons');
      expect(call.priority).toBe('background');
      const query = call.args[0] as { term?: string; pageSize: number; withCurrentOrganizations?: boolean };
      expect(query.term).toBeUndefined();
      expect(query.pageSize).toBe(500);
      // Every page asks alike: Affinity accepts a page token only with the same parameters.
      expect(query.withCurrentOrganizations).toBe(true);
    }
    const tokens = fake.calls.map((c) => (c.args[0] as { pageToken?: string }).pageToken);
    expect(tokens[0]).toBeUndefined();
    expect(tokens.slice(1).every((t) => typeof t === 'string')).toBe(true);
  });

  it("keeps each person's current organizations, so search can name where they work", async () => {
    const people = generatePeople(3).map((p, i) => ({
      ...p,
      currentOrganizationIds: i === 0 ? [] : [700 + i],
    }));
    const db = await database();
    await createRosterSync({ client: createFakeAffinity(worldWithPeople(people)).client, db }).start();

    const stored = new Map((await db.loadRoster()).map((p) => [p.id, p.currentOrganizationIds]));
    expect(people.map((p) => stored.get(p.id))).toEqual([[], [701], [702]]);
  });

  it('handles a token that leads to an empty last page (one extra call)', async () => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(1000)));
    fake.trailingEmptyPage = true;
    const db = await database();
    const status = await createRosterSync({ client: fake.client, db }).start();

    expect(fake.count()).toBe(3);
    expect(status.count).toBe(1000);
    expect((await db.loadRoster()).length).toBe(1000);
  });

  it('reports progress page by page and the time of the last sync', async () => {
    const clock = fakeClock();
    const fake = createFakeAffinity(worldWithPeople(generatePeople(1234)));
    const seen: RosterStatus[] = [];
    const sync = createRosterSync({
      client: fake.client,
      db: await database(),
      clock,
      onProgress: (s) => seen.push(s),
    });
    await sync.start();

    expect(seen.filter((s) => s.syncing).map((s) => s.progress)).toEqual([0, 500, 1000, 1234]);
    expect(seen.at(-1)).toEqual({ count: 1234, lastSyncAt: clock.now(), syncing: false, progress: null });
    expect(await sync.status()).toEqual(seen.at(-1));
  });

  it('reads as syncing from the moment it is started, before its first page is asked for', async () => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(10)));
    const sync = createRosterSync({ client: fake.client, db: await database() });
    const running = sync.start();

    expect(await sync.status()).toMatchObject({ count: 0, lastSyncAt: null, syncing: true });
    expect((await running).syncing).toBe(false);
    expect(await sync.status()).toMatchObject({ count: 10, syncing: false });
  });

  it('lets concurrent starts join the running sync', async () => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(1234)));
    const sync = createRosterSync({ client: fake.client, db: await database() });
    const [a, b] = await Promise.all([sync.start(), sync.start()]);

    expect(fake.count()).toBe(3);
    expect(a).toEqual(b);
  });
});

describe('an interrupted sync', () => {
  it('keeps the old roster serving, then resumes from its last stored page', async () => {
    const name = uniqueDbName();
    const people = generatePeople(1234);
    const fake = createFakeAffinity(worldWithPeople(people));
    await createRosterSync({ client: fake.client, db: await database(name) }).start();

    // Affinity changes: two people deleted, one added. The next sync dies on its third page.
    const [deletedA, deletedB] = [people[3]?.id ?? 0, people[700]?.id ?? 0];
    fake.world.persons.delete(deletedA);
    fake.world.persons.delete(deletedB);
    fake.world.persons.set(99_999, newcomer);
    fake.calls.length = 0;
    failCall(fake, 2, rateLimited());
    const first = await database(name);
    const failed = await createRosterSync({ client: fake.client, db: first }).start();

    expect(failed.error?.kind).toBe('rate-limited');
    expect(failed.syncing).toBe(false);
    expect(failed.count).toBe(1234);
    expect(ids(await first.loadRoster())).toEqual(ids(people));

    // The worker restarts: a new sync over the same database picks up at page three.
    first.close();
    fake.calls.length = 0;
    fake.beforeCall = null;
    const restarted = await database(name);
    const sync = createRosterSync({ client: fake.client, db: restarted });
    expect((await sync.status()).error?.kind).toBe('rate-limited');
    expect(await sync.isInterrupted()).toBe(true);
    const done = await sync.start();

    expect(fake.count()).toBe(1);
    expect((fake.calls[0]?.args[0] as { pageToken?: string }).pageToken).toBeDefined();
    expect(done.error).toBeUndefined();
    expect(done.count).toBe(1233);
    const roster = ids(await restarted.loadRoster());
    expect(roster).toEqual(ids([...fake.world.persons.values()]));
    expect(roster).not.toContain(deletedA);
    expect(roster).not.toContain(deletedB);
    expect(roster).toContain(99_999);
    expect(await sync.isInterrupted()).toBe(false);
  });

  it('restarts cleanly from the first page when Affinity rejects the stored token', async () => {
    const name = uniqueDbName();
    const fake = createFakeAffinity(worldWithPeople(generatePeople(1234)));
    failCall(fake, 1, rateLimited());
    const db = await database(name);
    await createRosterSync({ client: fake.client, db }).start();

    fake.invalidateTokens();
    fake.beforeCall = null;
    fake.calls.length = 0;
    const done = await createRosterSync({ client: fake.client, db }).start();

    const tokens = fake.calls.map((c) => (c.args[0] as { pageToken?: string }).pageToken);
    expect(tokens[0]).toBeDefined(); // the stale token, rejected
    expect(tokens[1]).toBeUndefined(); // then from the top
    expect(fake.count()).toBe(1 + 3);
    expect(done.error).toBeUndefined();
    expect(done.count).toBe(1234);
    expect(ids(await db.loadRoster())).toEqual(ids(generatePeople(1234)));
  });

  it('stops with the error when even the first page is refused, and the next trigger starts over', async () => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(10)));
    failCall(fake, 0, new AffinityError({ kind: 'offline', message: 'You are offline.' }));
    const db = await database();
    const sync = createRosterSync({ client: fake.client, db });

    expect((await sync.start()).error?.kind).toBe('offline');
    fake.beforeCall = null;
    const done = await sync.start();
    expect(done.error).toBeUndefined();
    expect(done.count).toBe(10);
  });

  it('cancels on request, keeping what it stored for the next start', async () => {
    const fake = createFakeAffinity(worldWithPeople(generatePeople(1234)));
    const db = await database();
    const sync = createRosterSync({ client: fake.client, db });
    let release: () => void = () => undefined;
    fake.beforeCall = (_call, i) => {
      if (i === 1) return new Promise<void>((resolve) => (release = resolve));
    };
    const running = sync.start();
    await waitUntil(() => fake.count() === 2);
    const cancelled = sync.cancel();
    release();
    await cancelled;
    const stopped = await running;

    expect(stopped.syncing).toBe(false);
    expect(stopped.error).toBeUndefined();
    expect(await sync.isInterrupted()).toBe(true);
    fake.beforeCall = null;
    expect((await sync.start()).count).toBe(1234);
  });
});
