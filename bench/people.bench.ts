/**
 * People store: API calls per full roster sync and per card (counted on an in-memory Affinity),
 * and popup search latency through the whole store (roster view, index, hit assembly) on
 * 50,000 people. IndexedDB is fake-indexeddb here, as in the unit tests.
 */
import 'fake-indexeddb/auto';
import type { PersonRecord } from '../lib/affinity/types';
import {
  createFakeAffinity,
  personRecord,
  worldWithPeople,
  type FakeMethod,
} from '../lib/people/fake-affinity';
import { CURRENT_ORG_ID, fixtureWorld, SUBJECT_ID } from '../lib/people/fixture-world';
import { deleteRosterDb, openRosterDb } from '../lib/people/roster-db';
import { createPeopleStore, type PeopleStore } from '../lib/people/store';
import { createRosterSync, ROSTER_PAGE_SIZE } from '../lib/people/sync';
import type { RosterPerson } from '../lib/people/types';
import { generateRoster, prng } from './people-gen';
import type { BenchModule, BenchRow } from './types';

const PEOPLE = 50_000;
const SEARCH_TERMS = 1_000;
const PER_PERSON: FakeMethod[] = ['getPerson', 'getFieldValues', 'getRelationshipStrengths', 'getNotes'];

const toRecord = (p: RosterPerson): PersonRecord => personRecord(p);

async function callsPerFullSync(people: PersonRecord[]): Promise<BenchRow> {
  const fake = createFakeAffinity(worldWithPeople(people));
  const name = `bench-sync-${Date.now()}`;
  const db = await openRosterDb(name);
  const status = await createRosterSync({ client: fake.client, db }).start();
  db.close();
  await deleteRosterDb(name);
  const expected = Math.max(1, Math.ceil(people.length / ROSTER_PAGE_SIZE));
  return {
    name: `API calls per full sync, ${people.length.toLocaleString('en-US')} people`,
    value: fake.count(),
    unit: 'calls',
    budget: `= ceil(n/500) = ${expected}`,
    ok: fake.count() === expected && status.count === people.length && !status.error,
  };
}

async function callsPerCard(): Promise<BenchRow[]> {
  const world = fixtureWorld();
  const colleague = personRecord({
    id: 7,
    type: 0,
    firstName: 'Col',
    lastName: 'League',
    primaryEmail: 'col@affinity.co',
    emails: ['col@affinity.co'],
  });
  world.persons.set(colleague.id, {
    ...colleague,
    currentOrganizationIds: [CURRENT_ORG_ID],
    organizationIds: [CURRENT_ORG_ID],
  });
  const fake = createFakeAffinity(world);
  const dbName = `bench-cards-${Date.now()}`;
  const store = createPeopleStore({ client: fake.client, getSubdomain: () => 'acme', dbName });
  await store.sync.start();
  await store.idle();

  // The very first card also fills the long-lived caches (fields, lists, organization names).
  fake.calls.length = 0;
  await store.getPerson(SUBJECT_ID);
  await store.idle();
  const firstCard = fake.count();
  const firstPerPerson = fake.calls.filter((c) => PER_PERSON.includes(c.method)).length;

  fake.calls.length = 0;
  await store.getPerson(colleague.id);
  await store.idle();
  const uncached = fake.count();

  fake.calls.length = 0;
  await store.getPerson(colleague.id);
  await store.getPerson(SUBJECT_ID);
  await store.idle();
  const cached = fake.count();
  await store.wipe();

  return [
    {
      name: 'API calls per uncached card (long-lived caches warm)',
      value: uncached,
      unit: 'calls',
      budget: '≤ 4',
      ok: uncached <= 4,
    },
    {
      name: 'API calls per cached card (within fresh time)',
      value: cached / 2,
      unit: 'calls',
      budget: '0',
      ok: cached === 0,
    },
    {
      name: 'API calls for the first card of all (caches cold)',
      value: firstCard,
      unit: 'calls',
      note: `${firstPerPerson} per-person + fields, lists and organization names, cached 24 h / 7 days`,
    },
  ];
}

/** Terms people type: name prefixes, whole names, "first la", last names, e-mail prefixes, typos. */
function searchTerms(people: readonly RosterPerson[], count: number, seed: number): string[] {
  const random = prng(seed);
  const terms: string[] = [];
  while (terms.length < count) {
    const p = people[Math.floor(random() * people.length)] as RosterPerson;
    const first = p.firstName.toLowerCase();
    const last = p.lastName.toLowerCase();
    const pick = [
      () => first.slice(0, 2 + Math.floor(random() * 3)),
      () => `${p.firstName} ${p.lastName}`,
      () => `${first} ${last.slice(0, 2)}`,
      () => last.slice(0, 3),
      () => (p.primaryEmail ?? first).slice(0, 6),
      () => (last.length > 4 ? last.slice(0, 2) + last[3] + last[2] + last.slice(4) : last),
    ];
    terms.push((pick[terms.length % pick.length] as () => string)());
  }
  return terms;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};

async function searchLatency(roster: RosterPerson[], people: PersonRecord[]): Promise<BenchRow[]> {
  const fake = createFakeAffinity(worldWithPeople(people));
  const dbName = `bench-search-${Date.now()}`;
  const store = createPeopleStore({ client: fake.client, getSubdomain: () => 'acme', dbName });
  await store.sync.start();
  await store.idle();

  // A worker that just started loads the roster from IndexedDB (preload()); each half of the index
  // is built when first asked for. Woken once by a page, once by the popup.
  const coldStart = async (first: (store: PeopleStore) => Promise<unknown>) => {
    const cold = createPeopleStore({ client: fake.client, getSubdomain: () => 'acme', dbName });
    const t0 = performance.now();
    await cold.preload();
    await first(cold);
    const ms = performance.now() - t0;
    await cold.idle();
    return ms;
  };
  const matchReadyMs = await coldStart((s) => s.matchTexts(['A page names Ada Lovelace']));
  const searchReadyMs = await coldStart((s) => s.search('ada', { local: true }));

  for (const term of searchTerms(roster, 200, 99)) await store.search(term, { local: true });
  const latencies: number[] = [];
  let empty = 0;
  for (const term of searchTerms(roster, SEARCH_TERMS, 5)) {
    const start = performance.now();
    const result = await store.search(term, { local: true, limit: 20 });
    latencies.push(performance.now() - start);
    if (result.hits.length === 0) empty += 1;
  }
  await store.wipe();

  const p95 = percentile(latencies, 0.95);
  const max = Math.max(...latencies);
  return [
    {
      name: 'popup search through the store, 50,000 people, p95',
      value: p95,
      unit: 'ms',
      budget: '≤ 16 ms',
      ok: p95 <= 16,
      note: `${SEARCH_TERMS} terms: p50 ${percentile(latencies, 0.5).toFixed(2)} ms, worst ${max.toFixed(1)} ms, ${empty} without hits`,
    },
    {
      name: 'after a worker start: first page text matched',
      value: matchReadyMs,
      unit: 'ms',
      note: 'a page woke the worker: roster load + the matcher; fake IndexedDB in Node',
    },
    {
      name: 'after a worker start: first popup search answered',
      value: searchReadyMs,
      unit: 'ms',
      note: 'the popup woke the worker: roster load + the search index',
    },
  ];
}

async function run(): Promise<BenchRow[]> {
  const roster = generateRoster(PEOPLE);
  const people = roster.map(toRecord);
  const rows: BenchRow[] = [];
  rows.push(await callsPerFullSync(people));
  rows.push(await callsPerFullSync(people.slice(0, 1_234)));
  rows.push(...(await callsPerCard()));
  rows.push(...(await searchLatency(roster, people)));
  return rows;
}

export default {
  title: 'People store: API calls per sync and card, search through the store',
  run,
} satisfies BenchModule;
