/**
 * An in-memory AffinityClient for the people store's tests and benchmark: it answers from a world
 * of domain objects (fixture-world.ts builds one from the recorded fixtures), pages the directory with
 * tokens the way Affinity does, and logs every call so budgets can be counted.
 */
import { AffinityError } from '../affinity/errors';
import type {
  AffinityClient,
  AffinityList,
  Field,
  FieldValue,
  Note,
  Organization,
  PersonRecord,
  PersonSummary,
  RelationshipStrength,
  RequestOptions,
} from '../affinity/types';

export interface FakeWorld {
  persons: Map<number, PersonRecord>;
  organizations: Map<number, Organization>;
  fields: Field[];
  lists: AffinityList[];
  fieldValues: Map<number, FieldValue[]>;
  strengths: Map<number, RelationshipStrength[]>;
  notes: Map<number, Note[]>;
  /** Old id -> the id it was merged into (GET /persons/{old} answers 422). */
  merged: Map<number, number>;
}

export type FakeMethod = keyof AffinityClient;

export interface FakeCall {
  method: FakeMethod;
  args: unknown[];
  priority: RequestOptions['priority'];
}

export interface FakeAffinity {
  client: AffinityClient;
  world: FakeWorld;
  calls: FakeCall[];
  count(method?: FakeMethod): number;
  /** Runs before every call; throw from it to inject a failure. */
  beforeCall: ((call: FakeCall, index: number) => void | Promise<void>) | null;
  /** Makes every page token handed out so far invalid (as if it expired). */
  invalidateTokens(): void;
  /** Affinity can hand out a token that leads to an empty last page: do so when the last page is full. */
  trailingEmptyPage: boolean;
}

export function emptyWorld(): FakeWorld {
  return {
    persons: new Map(),
    organizations: new Map(),
    fields: [],
    lists: [],
    fieldValues: new Map(),
    strengths: new Map(),
    notes: new Map(),
    merged: new Map(),
  };
}

/** A record with nothing but the directory's fields filled. */
export function personRecord(summary: PersonSummary): PersonRecord {
  return {
    ...summary,
    organizationIds: summary.organizationIds ?? [],
    currentOrganizationIds: [],
    opportunityIds: [],
    listEntries: [],
    interactionDates: null,
    interactions: {},
  };
}

const notFound = (): AffinityError =>
  new AffinityError({ kind: 'not-found', status: 404, message: 'No such person in Affinity.' });

/** What GET /persons says of a person: current organizations only when asked for. */
const summaryOf = (p: PersonRecord, withCurrentOrganizations = false): PersonSummary => ({
  id: p.id,
  type: p.type,
  firstName: p.firstName,
  lastName: p.lastName,
  primaryEmail: p.primaryEmail,
  emails: p.emails,
  ...(withCurrentOrganizations ? { currentOrganizationIds: [...p.currentOrganizationIds] } : {}),
});

export function createFakeAffinity(world: FakeWorld = emptyWorld()): FakeAffinity {
  let tokenEpoch = 1;
  const fake: FakeAffinity = {
    world,
    calls: [],
    beforeCall: null,
    trailingEmptyPage: false,
    count: (method) => (method ? fake.calls.filter((c) => c.method === method).length : fake.calls.length),
    invalidateTokens: () => {
      tokenEpoch += 1;
    },
    client: undefined as unknown as AffinityClient,
  };

  async function record(method: FakeMethod, args: unknown[], options?: RequestOptions): Promise<void> {
    const call: FakeCall = { method, args, priority: options?.priority };
    const index = fake.calls.push(call) - 1;
    if (options?.signal?.aborted) {
      throw new AffinityError({ kind: 'aborted', message: 'The request was cancelled.' });
    }
    await fake.beforeCall?.(call, index);
  }

  function directoryPage(pageSize: number, pageToken: string | undefined, withCurrent: boolean) {
    let offset = 0;
    if (pageToken !== undefined) {
      const [epoch, at] = pageToken.split(':').map(Number);
      if (epoch !== tokenEpoch || at === undefined || !Number.isInteger(at)) {
        throw new AffinityError({ kind: 'invalid', status: 422, message: 'Invalid page_token variable' });
      }
      offset = at;
    }
    const all = [...world.persons.values()].sort((a, b) => a.id - b.id);
    const persons = all.slice(offset, offset + pageSize).map((p) => summaryOf(p, withCurrent));
    const end = offset + persons.length;
    const more = end < all.length || (fake.trailingEmptyPage && persons.length === pageSize);
    return { persons, nextPageToken: more ? `${tokenEpoch}:${end}` : null };
  }

  fake.client = {
    async whoAmI(options) {
      await record('whoAmI', [], options);
      return {
        tenant: { id: 1, name: 'Acme', subdomain: 'acme' },
        user: { id: 2, firstName: 'Jo', lastName: 'Doe', email: 'jo@acme.com' },
      };
    },
    async rateLimit(options) {
      await record('rateLimit', [], options);
      return {
        orgMonthly: { limit: 'unlimited', remaining: 'unlimited', resetSeconds: 0, used: 0 },
        perMinute: { limit: 900, remaining: 900, resetSeconds: 60, used: 0 },
      };
    },
    async searchPersons(query, options) {
      await record('searchPersons', [query], options);
      const pageSize = Math.min(query.pageSize ?? 500, 500);
      const withCurrent = query.withCurrentOrganizations === true;
      if (query.term === undefined) return directoryPage(pageSize, query.pageToken, withCurrent);
      const term = query.term.toLowerCase();
      const persons = [...world.persons.values()]
        .filter((p) =>
          [p.firstName, p.lastName, `${p.firstName} ${p.lastName}`, ...p.emails].some((s) =>
            s.toLowerCase().includes(term),
          ),
        )
        .slice(0, pageSize)
        .map((p) => summaryOf(p, withCurrent));
      return { persons, nextPageToken: null };
    },
    async getPerson(id, options) {
      await record('getPerson', [id], options);
      const mergedInto = world.merged.get(id);
      if (mergedInto !== undefined) {
        throw new AffinityError({
          kind: 'merged',
          status: 422,
          mergedInto,
          message: `${id} no longer exists as it has been merged into ${mergedInto}`,
        });
      }
      const person = world.persons.get(id);
      if (!person) throw notFound();
      return structuredClone(person);
    },
    async getOrganization(id, options) {
      await record('getOrganization', [id], options);
      const org = world.organizations.get(id);
      if (!org) throw new AffinityError({ kind: 'not-found', status: 404, message: 'No such organization.' });
      return { ...org };
    },
    async getFieldValues(personId, options) {
      await record('getFieldValues', [personId], options);
      return structuredClone(world.fieldValues.get(personId) ?? []);
    },
    async getFields(options) {
      await record('getFields', [], options);
      return structuredClone(world.fields);
    },
    async getLists(options) {
      await record('getLists', [], options);
      return structuredClone(world.lists);
    },
    async getRelationshipStrengths(personId, options) {
      await record('getRelationshipStrengths', [personId], options);
      return structuredClone(world.strengths.get(personId) ?? []);
    },
    async getNotes(personId, query, options) {
      await record('getNotes', [personId, query], options);
      const notes = world.notes.get(personId) ?? [];
      return structuredClone(notes.slice(0, query?.pageSize ?? notes.length));
    },
  };
  return fake;
}

/** Deterministic people for sync tests and the benchmark: varied names, some without e-mail. */
export function generatePeople(count: number, firstId = 1): PersonRecord[] {
  const firsts = [
    'Ada',
    'Bruno',
    'Chloé',
    'Dmitri',
    'Eva',
    'Farah',
    'Günter',
    'Hana',
    'Ivan',
    'José',
    'Kenji',
  ];
  const lasts = [
    'Lovelace',
    'Marsh',
    'Nguyễn',
    'Okafor',
    'Petrov',
    'Quinn',
    'Rossi',
    'Søndergaard',
    'Tanaka',
  ];
  const out: PersonRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = firstId + i;
    const firstName = `${firsts[i % firsts.length]}${i >= firsts.length ? String(Math.floor(i / firsts.length)) : ''}`;
    const lastName = lasts[(i * 7) % lasts.length] ?? 'Doe';
    const email = i % 10 === 9 ? null : `${firstName}.${lastName}@example${i % 50}.com`.toLowerCase();
    out.push(
      personRecord({
        id,
        type: i % 25 === 0 ? 1 : 0,
        firstName,
        lastName,
        primaryEmail: email,
        emails: email ? [email] : [],
      }),
    );
  }
  return out;
}

export function worldWithPeople(people: PersonRecord[]): FakeWorld {
  const world = emptyWorld();
  for (const p of people) world.persons.set(p.id, p);
  return world;
}
