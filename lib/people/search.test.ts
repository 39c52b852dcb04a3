import { describe, expect, it } from 'vitest';
import { AffinityError } from '../affinity/errors';
import { createFakeAffinity, personRecord, worldWithPeople } from './fake-affinity';
import { createRosterView } from './roster-view';
import { createPeopleSearch, NAMED_HITS } from './search';
import { fakeClock, plainIndex } from './test-helpers';
import type { RosterPerson } from './types';

const HOUR = 60 * 60 * 1000;

const person = (
  id: number,
  firstName: string,
  lastName: string,
  email: string | null = null,
): RosterPerson => ({
  id,
  type: 0,
  firstName,
  lastName,
  primaryEmail: email,
  emails: email ? [email] : [],
});

const ada = person(1, 'Ada', 'Lovelace', 'ada@engine.org');
const adam = person(2, 'Adam', 'Smith', 'adam@wealth.org');
const grace = person(3, 'Grace', 'Hopper', 'grace@navy.mil');
/** In Affinity but not (yet) in the local roster. */
const adaNew = person(4, 'Ada', 'Newcomer', 'ada.n@new.io');

function setUp(options: { roster?: RosterPerson[]; lastSyncAt?: number | null } = {}) {
  const roster = options.roster ?? [ada, adam, grace];
  const clock = fakeClock();
  const fake = createFakeAffinity(worldWithPeople([ada, adam, grace, adaNew].map((p) => personRecord(p))));
  const view = createRosterView(roster, plainIndex);
  const search = createPeopleSearch({
    client: fake.client,
    roster: async () => view,
    rosterStatus: async () => ({
      count: roster.length,
      lastSyncAt: options.lastSyncAt === undefined ? clock.now() - HOUR : options.lastSyncAt,
    }),
    syncIntervalMs: () => 6 * HOUR,
    organizationHint: (id) => (id === ada.id ? 'Analytical Engines' : null),
    clock,
  });
  return { fake, search, clock };
}

describe('searchPeople', () => {
  it('answers from a fresh roster with no call to Affinity', async () => {
    const { fake, search } = setUp();
    const result = await search.searchPeople('ada');

    expect(fake.count()).toBe(0);
    expect(result.source).toBe('roster');
    expect(result.hits.map((h) => h.fullName)).toEqual(['Ada Lovelace', 'Adam Smith']);
    expect(result.hits[0]).toEqual({
      id: 1,
      fullName: 'Ada Lovelace',
      primaryEmail: 'ada@engine.org',
      organization: 'Analytical Engines',
      type: 0,
    });
  });

  it("asks Affinity's term search when the roster has no hit", async () => {
    const { fake, search } = setUp();
    const result = await search.searchPeople('newcomer');

    expect(fake.calls).toEqual([
      {
        method: 'searchPersons',
        args: [{ term: 'newcomer', pageSize: 20, withCurrentOrganizations: true }],
        priority: 'interactive',
      },
    ]);
    expect(result.source).toBe('api');
    expect(result.hits.map((h) => h.fullName)).toEqual(['Ada Newcomer']);
  });

  it('refines a stale roster, merging local hits first without duplicates', async () => {
    const { fake, search, clock } = setUp({ lastSyncAt: Date.UTC(2025, 0, 1) });
    clock.set(Date.UTC(2025, 0, 1) + 13 * HOUR); // more than twice the 6-hour interval
    const result = await search.searchPeople('ada');

    expect(fake.count('searchPersons')).toBe(1);
    expect(result.source).toBe('api');
    expect(result.hits.map((h) => h.id)).toEqual([ada.id, adam.id, adaNew.id]);
  });

  it('does not refine a roster synced within twice the interval', async () => {
    const { fake, search, clock } = setUp({ lastSyncAt: Date.UTC(2025, 0, 1) });
    clock.set(Date.UTC(2025, 0, 1) + 11 * HOUR);
    await search.searchPeople('ada');
    expect(fake.count()).toBe(0);
  });

  it('refines when the roster is empty (before the first sync)', async () => {
    const { search } = setUp({ roster: [], lastSyncAt: null });
    const result = await search.searchPeople('grace');
    expect(result).toMatchObject({ source: 'api', hits: [{ id: grace.id, fullName: 'Grace Hopper' }] });
  });

  it('keeps the local hits and reports the error when Affinity fails', async () => {
    const { fake, search } = setUp({ lastSyncAt: null });
    fake.beforeCall = () => {
      throw new AffinityError({ kind: 'rate-limited', message: 'Affinity rate limit reached.', retryAt: 5 });
    };
    const result = await search.searchPeople('grace');

    expect(result.hits.map((h) => h.id)).toEqual([grace.id]);
    expect(result.source).toBe('roster');
    expect(result.error).toMatchObject({ kind: 'rate-limited', message: 'Affinity rate limit reached.' });
  });

  it('answers an empty term with nothing and no call', async () => {
    const { fake, search } = setUp({ lastSyncAt: null });
    expect((await search.searchPeople('   ')).hits).toEqual([]);
    expect(fake.count()).toBe(0);
  });

  it('respects the limit across both sources', async () => {
    const { search } = setUp({ lastSyncAt: null });
    const result = await search.searchPeople('ada', { limit: 2 });
    expect(result.hits.map((h) => h.id)).toEqual([ada.id, adam.id]);
  });
});

describe('local first, refined after (the popup)', () => {
  it('gives local hits at once and says whether a refinement is due', async () => {
    const { fake, search } = setUp();
    expect(await search.searchLocal('ada')).toMatchObject({ source: 'roster', needsRefine: false });
    expect(await search.searchLocal('newcomer')).toMatchObject({ hits: [], needsRefine: true });
    expect(fake.count()).toBe(0);
  });

  it('refines on request, keeping the local hits in their order', async () => {
    const { fake, search } = setUp();
    const local = await search.searchLocal('ada');
    const refined = await search.searchRemote('ada');

    expect(fake.count('searchPersons')).toBe(1);
    expect(refined.hits.slice(0, local.hits.length)).toEqual(local.hits);
    expect(refined.hits.map((h) => h.id)).toContain(adaNew.id);
  });
});

describe('the current organization of each hit', () => {
  /** Organization 10 is cached; 20, 30 and 40 are not (40 cannot be fetched). */
  function withOrganizations(people: RosterPerson[], roster = people) {
    const clock = fakeClock();
    const fake = createFakeAffinity(
      worldWithPeople(
        people.map((p) => ({
          ...personRecord(p),
          currentOrganizationIds: p.currentOrganizationIds ?? [],
        })),
      ),
    );
    const cache = new Map([[10, 'Cached Co']]);
    const fetchable = new Map([
      [20, 'Fetched Inc'],
      [30, 'Third Ltd'],
    ]);
    const fetched: number[][] = [];
    const view = createRosterView(roster, plainIndex);
    const search = createPeopleSearch({
      client: fake.client,
      roster: async () => view,
      rosterStatus: async () => ({ count: roster.length, lastSyncAt: clock.now() - HOUR }),
      syncIntervalMs: () => 6 * HOUR,
      organizationNames: async (ids) =>
        new Map(ids.flatMap((id) => (cache.has(id) ? [[id, cache.get(id) as string]] : []))),
      fetchOrganizationNames: async (ids) => {
        fetched.push(ids);
        for (const id of ids) {
          const name = fetchable.get(id);
          if (name) cache.set(id, name);
        }
      },
      clock,
    });
    return { fake, search, fetched };
  }
  const at = (p: RosterPerson, ...currentOrganizationIds: number[]): RosterPerson => ({
    ...p,
    currentOrganizationIds,
  });
  const organizations = (result: { hits: { organization: string | null }[] }) =>
    result.hits.map((h) => h.organization);

  it('shows cached names in a local answer with no call, and asks to refine for the missing ones', async () => {
    const { fake, search, fetched } = withOrganizations([at(ada, 10, 20), at(adam, 20)]);
    const local = await search.searchLocal('ada');
    expect(organizations(local)).toEqual(['Cached Co', null]);
    expect(local.needsRefine).toBe(true);
    expect([fake.count(), fetched]).toEqual([0, []]);
  });

  it('does not ask to refine when every hit is named or has no organization', async () => {
    const { search } = withOrganizations([at(ada, 10), at(adam)]);
    const local = await search.searchLocal('ada');
    expect(organizations(local)).toEqual(['Cached Co', null]);
    expect(local.needsRefine).toBe(false);
  });

  it('fetches the missing names once before a refined answer, without searching a fresh roster again', async () => {
    const { fake, search, fetched } = withOrganizations([at(ada, 20), at(adam, 20, 10), at(grace, 30)]);
    const refined = await search.searchPeople('ada');
    expect(organizations(refined)).toEqual(['Fetched Inc', 'Fetched Inc']);
    expect(refined.needsRefine).toBe(false);
    expect(fetched).toEqual([[20]]);
    expect(fake.count()).toBe(0);

    // Cached now: neither the local answer nor another refinement fetches it again.
    expect(await search.searchLocal('ada')).toMatchObject({ needsRefine: false });
    await search.searchPeople('ada');
    expect(fetched).toEqual([[20]]);
  });

  it('names only the first hits before answering', async () => {
    const many = Array.from({ length: NAMED_HITS + 2 }, (_, i) =>
      at(person(100 + i, 'Ann', `Number${i}`), 1000 + i),
    );
    const { search, fetched } = withOrganizations(many);
    await search.searchPeople('ann');
    expect(fetched).toEqual([many.slice(0, NAMED_HITS).map((p) => p.currentOrganizationIds?.[0])]);
  });

  it("names Affinity's newcomers from the organizations its search returns", async () => {
    const { search, fetched } = withOrganizations([at(adaNew, 30), at(ada, 10)], [at(ada, 10)]);
    const refined = await search.searchRemote('ada');
    expect(refined.hits.map((h) => [h.id, h.organization])).toEqual([
      [ada.id, 'Cached Co'],
      [adaNew.id, 'Third Ltd'],
    ]);
    expect(fetched).toEqual([[30]]);
  });

  it('gives up on a name that cannot be fetched instead of asking for it on every search', async () => {
    const { search, fetched } = withOrganizations([at(ada, 40)]);
    expect(organizations(await search.searchPeople('ada'))).toEqual([null]);
    expect(await search.searchLocal('ada')).toMatchObject({ needsRefine: false });
    await search.searchPeople('ada');
    expect(fetched).toEqual([[40]]);
  });
});
