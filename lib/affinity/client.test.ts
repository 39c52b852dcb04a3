import { describe, expect, it } from 'vitest';
import { createAffinityClient, type AffinityClientOptions } from './client';
import { AffinityError } from './errors';
import { FakeAffinity, PassThroughScheduler, fixtureFiles, ok, readFixture } from './testing';
import type { HttpResponse } from '../scheduler/types';

const BASE = 'https://api.affinity.example';
const KEY = 'sk_live_9f8e7d6c5b4a';
const NOW = new Date(2026, 2, 3, 14, 0, 0).getTime(); // 3 March 2026, 14:00 local time

function setup(overrides: Partial<AffinityClientOptions> = {}) {
  const affinity = new FakeAffinity();
  const scheduler = new PassThroughScheduler();
  const client = createAffinityClient({
    baseUrl: BASE,
    getKey: async () => KEY,
    scheduler,
    send: affinity.send,
    now: () => NOW,
    ...overrides,
  });
  return { affinity, scheduler, client };
}

async function failure(promise: Promise<unknown>): Promise<AffinityError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AffinityError);
    return error as AffinityError;
  }
  throw new Error('expected the call to fail');
}

function fixtureObject(name: string): Record<string, unknown> {
  return readFixture(name) as Record<string, unknown>;
}

/** One case per fixture file: each recorded body goes through the client (or the schema it feeds). */
const fixtureCases: Record<string, () => Promise<void>> = {
  'auth_whoami.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/auth/whoami', ok(readFixture('auth_whoami.json')));
    expect(await client.whoAmI()).toEqual({
      tenant: { id: 12345, name: 'Workspace Name', subdomain: 'workspace' },
      user: { id: 123456789, firstName: 'First', lastName: 'Last', email: 'first@last.com' },
    });
  },
  'v2.WhoAmI.json': async () => {
    // v2's whoami names the address `emailAddress`; the account is still readable.
    const { affinity, client } = setup();
    affinity.on('/auth/whoami', ok(readFixture('v2.WhoAmI.json')));
    const account = await client.whoAmI();
    expect(account.user.email).toBe('john.smith@contoso.com');
    expect(account.tenant.subdomain).toBe('contoso');
  },
  'rate_limit.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/rate-limit', ok(readFixture('rate_limit.json')));
    expect(await client.rateLimit()).toEqual({
      orgMonthly: { limit: 'unlimited', remaining: 'unlimited', resetSeconds: 2124845, used: 7 },
      perMinute: { limit: 900, remaining: 878, resetSeconds: 10, used: 22 },
    });
  },
  'persons_search.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/persons', ok(readFixture('persons_search.json')));
    const page = await client.searchPersons({ term: 'joscha' });
    expect(page.nextPageToken).toBeNull();
    expect(page.persons.map((p) => `${p.firstName} ${p.lastName}`)).toEqual([
      'Joscha Test',
      "Someone's and Else's appointments",
      'Joscha Feth',
    ]);
    expect(page.persons[2]).toEqual({
      id: 54576635,
      type: 1,
      firstName: 'Joscha',
      lastName: 'Feth',
      primaryEmail: 'j@p-a.com',
      emails: ['j@p-a.com', 'j@f.com', 'jf@j.com', 'j@c.com', 'jf@a.com'],
    });
    // Search results carry no organizations: the summary must not invent an empty list.
    expect(page.persons[0]).not.toHaveProperty('organizationIds');
  },
  'persons_search_with_dates.json': async () => {
    // No next_page_token key at all on the last page.
    const { affinity, client } = setup();
    affinity.on('/persons', ok(readFixture('persons_search_with_dates.json')));
    const page = await client.searchPersons({});
    expect(page).toEqual({
      persons: [
        {
          id: 12345678,
          type: 0,
          firstName: 'Joscha',
          lastName: 'Feth',
          primaryEmail: 'j@f.com',
          emails: ['j@f.com'],
        },
      ],
      nextPageToken: null,
    });

    // The same person as a detail answer: interaction dates with nulls, null interaction blocks.
    const person = (fixtureObject('persons_search_with_dates.json').persons as unknown[])[0];
    affinity.on('/persons/12345678', ok(person));
    const record = await client.getPerson(12345678);
    expect(record.interactionDates).toEqual({
      firstEmailDate: '2021-05-31T09:00:37.000-07:00',
      lastEmailDate: '2022-05-12T01:01:31.000-07:00',
      firstEventDate: '2021-05-19T23:30:00.000-07:00',
      lastEventDate: '2022-07-08T00:00:00.000-07:00',
      nextEventDate: null,
      lastChatMessageDate: null,
      lastInteractionDate: '2022-07-08T00:00:00.000-07:00',
    });
    expect(record.interactions.nextEvent).toBeNull();
    expect(record.interactions.lastChatMessage).toBeNull();
    // person_ids missing (no with_interaction_persons in that recording): no people, still a date.
    expect(record.interactions.lastInteraction).toEqual({
      date: '2022-07-08T00:00:00.000-07:00',
      personIds: [],
    });
    expect(record.listEntries).toEqual([]);
    expect(record.organizationIds).toEqual([]);
  },
  'persons_get.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/persons/54576635', ok(readFixture('persons_get.json')));
    const record = await client.getPerson(54576635);
    expect(record.type).toBe(1);
    expect(record.primaryEmail).toBe('j@p-a.com');
    expect(record.organizationIds).toEqual([290555008, 3584837, 295075617, 1517097, 1687113, 296715824]);
    // list_entries carry the undocumented entity_type and Z dates.
    expect(record.listEntries).toEqual([
      {
        id: 133527223,
        listId: 188027,
        creatorId: 54530389,
        entityId: 54576635,
        createdAt: '2023-07-04T14:35:44.910Z',
      },
      {
        id: 158330666,
        listId: 247888,
        creatorId: 54576635,
        entityId: 54576635,
        createdAt: '2024-05-23T12:27:09.733Z',
      },
    ]);
    // Flags not in the recording: empty, not missing.
    expect(record.currentOrganizationIds).toEqual([]);
    expect(record.opportunityIds).toEqual([]);
    expect(record.interactionDates).toBeNull();
    expect(record.interactions).toEqual({});
  },
  'persons_create.json': async () => {
    // The smallest person record Affinity writes: no list entries, no flags.
    const { affinity, client } = setup();
    affinity.on('/persons/860197', ok(readFixture('persons_create.json')));
    const record = await client.getPerson(860197);
    expect(record).toMatchObject({
      id: 860197,
      type: 0,
      firstName: 'Alice',
      lastName: 'Doe',
      primaryEmail: 'alice@affinity.co',
      organizationIds: [1687449],
      listEntries: [],
    });
  },
  'persons_get_fields.json': async () => {
    // GET /persons/fields has the shape of GET /fields without list_id: global fields.
    const { affinity, client } = setup();
    affinity.on('/fields', ok(readFixture('persons_get_fields.json')));
    expect(await client.getFields()).toEqual([
      { id: 125, name: 'Use Case', listId: null, valueType: 2, allowsMultiple: true },
      { id: 198, name: 'Referrers', listId: null, valueType: 0, allowsMultiple: true },
      { id: 1615, name: 'Address', listId: null, valueType: 5, allowsMultiple: false },
    ]);
  },
  'fields_all.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/fields', ok(readFixture('fields_all.json')));
    const fields = await client.getFields();
    expect(fields.map((f) => [f.id, f.name, f.listId, f.valueType])).toEqual([
      [1234, '[Deals] Amount', 11, 3],
      [5678, '[Events] Amount', 16, 3],
      [4321, '[Companies] Description', 18, 6],
    ]);
  },
  'field_values_get_all.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/field-values', ok(readFixture('field_values_get_all.json')));
    expect(await client.getFieldValues(38706)).toEqual([
      {
        id: 250616,
        fieldId: 337,
        listEntryId: null,
        entityId: 38706,
        value: {
          streetAddress: null,
          city: 'San Francisco',
          state: 'California',
          country: 'United States',
          continent: null,
        },
        updatedAt: '2022-03-04T08:54:24.694-04:00',
      },
      {
        id: 2634897436,
        fieldId: 768101,
        listEntryId: null,
        entityId: 65680071,
        value: 'Software Engineer',
        updatedAt: null,
      },
    ]);
  },
  'lists_all.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/lists', ok(readFixture('lists_all.json')));
    expect(await client.getLists()).toEqual([
      { id: 450, type: 0, name: 'My List of People' },
      { id: 383, type: 1, name: 'My List of Organizations' },
      { id: 384, type: 8, name: 'My List of Opportunities' },
    ]);
  },
  'lists_single.json': async () => {
    // A list with its fields embedded: the extra fields are ignored, the list still reads.
    const { affinity, client } = setup();
    affinity.on('/lists', ok([readFixture('lists_single.json')]));
    expect(await client.getLists()).toEqual([{ id: 450, type: 0, name: 'My List of People' }]);
  },
  'list_entries_all.json': async () => {
    // GET /lists/{id}/list-entries is not called by Lens, but its entries have the shape of a
    // person's list_entries (with `entity` and `entity_type` extra): they must read as such.
    const { affinity, client } = setup();
    const entries = readFixture('list_entries_all.json') as unknown[];
    affinity.on('/persons/170614434', ok({ ...fixtureObject('persons_create.json'), list_entries: entries }));
    const record = await client.getPerson(170614434);
    expect(record.listEntries.map((e) => [e.id, e.listId, e.creatorId])).toEqual([
      [158330673, 247888, 54576635],
      [158330668, 247888, 54576635],
      [158330666, 247888, 54576635],
    ]);
  },
  'list_entries_get.json': async () => {
    const { affinity, client } = setup();
    affinity.on(
      '/persons/987',
      ok({ ...fixtureObject('persons_create.json'), list_entries: [readFixture('list_entries_get.json')] }),
    );
    const record = await client.getPerson(987);
    expect(record.listEntries).toEqual([
      { id: 16367, listId: 450, creatorId: 123, entityId: 987, createdAt: '2017-02-22T15:22:21.125-08:00' },
    ]);
  },
  'notes_all.json': async () => {
    // Recorded traffic: an object {notes, next_page_token}; the docs: a bare array. Both read alike.
    const { affinity, client } = setup();
    const page = fixtureObject('notes_all.json');
    affinity.on('/notes', ok(page));
    const fromPage = await client.getNotes(54576635, { pageSize: 5 });
    expect(fromPage.map((n) => [n.id, n.content, n.type, n.creatorId])).toEqual([
      [20421456, 'Test ***html***\n\n* 1\n\n* 2\n\n* 3', 2, 54576635],
      [20421454, 'Test text', 2, 54576635],
    ]);
    affinity.on('/notes', ok(page.notes));
    expect(await client.getNotes(54576635, { pageSize: 5 })).toEqual(fromPage);
  },
  'notes_get.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/notes', ok([readFixture('notes_get.json')]));
    expect(await client.getNotes(1)).toEqual([
      {
        id: 20423470,
        creatorId: 54576635,
        personIds: [],
        content: 'This is an **important** note',
        type: 2,
        createdAt: '2021-01-01T00:00:00.000Z',
      },
    ]);
  },
  'organizations_get.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/organizations/64779194', ok(readFixture('organizations_get.json')));
    expect(await client.getOrganization(64779194)).toEqual({
      id: 64779194,
      name: 'Affinity',
      domain: 'affinity.co',
      domains: ['affinity.co'],
    });
  },
  'organizations_search.json': async () => {
    const { affinity, client } = setup();
    const [first, second] = fixtureObject('organizations_search.json').organizations as unknown[];
    affinity.on('/organizations/64779194', ok(first)).on('/organizations/1513682', ok(second));
    expect((await client.getOrganization(64779194)).name).toBe('Affinity');
    expect(await client.getOrganization(1513682)).toEqual({
      id: 1513682,
      name: 'Brand Affinity Technologies',
      domain: 'brandaffinity.net',
      domains: ['brandaffinity.net'],
    });
  },
  'v2.Person.json': async () => {
    // A v2 body where v1 is expected (a wrong base URL): refused, saying what did not fit.
    const { affinity, client } = setup();
    affinity.on('/persons/1', ok(readFixture('v2.Person.json')));
    const error = await failure(client.getPerson(1));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('GET /persons/1');
    expect(error.message).toMatch(/type: .*expected number/);
  },
  'v2.PersonPaged.json': async () => {
    const { affinity, client } = setup();
    affinity.on('/persons', ok(readFixture('v2.PersonPaged.json')));
    const error = await failure(client.searchPersons({ term: 'jane' }));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/persons: .*expected array/);
    // People's data never goes into the sentence.
    expect(error.message).not.toContain('jane.doe@acme.co');
  },
};

/** Not a response body: Affinity's v2 OpenAPI document, the source of the v2.* examples. */
const NOT_RESPONSE_BODIES = ['openapi-v2.json'];

describe('the client against every recorded fixture', () => {
  it('has a case for every fixture file', () => {
    const covered = [...Object.keys(fixtureCases), ...NOT_RESPONSE_BODIES].sort();
    expect(covered).toEqual(fixtureFiles());
  });

  for (const [name, run] of Object.entries(fixtureCases)) it(name, run);
});

describe('requests', () => {
  it('asks for a person with current organizations, interaction dates and people, and opportunities', async () => {
    const { affinity, scheduler, client } = setup();
    affinity.on('/persons/7', ok(readFixture('persons_get.json')));
    await client.getPerson(7);
    expect(affinity.last().query).toEqual({
      with_current_organizations: true,
      with_interaction_dates: true,
      with_interaction_persons: true,
      with_opportunities: true,
    });
    expect(scheduler.last().dedupeKey).toBe(
      `${BASE}/persons/7?with_current_organizations=true&with_interaction_dates=true&with_interaction_persons=true&with_opportunities=true`,
    );
  });

  it('never asks search or the directory for interaction dates (they drop people without any)', async () => {
    const { affinity, client } = setup();
    affinity.on('/persons', ok(readFixture('persons_search.json')));
    await client.searchPersons({ term: 'jo', pageSize: 50 });
    await client.searchPersons({ pageSize: 500, pageToken: 'abc' });
    await client.searchPersons({ pageSize: 500, withCurrentOrganizations: true });
    const flagsSent = affinity.requests.map((request) =>
      Object.entries(request.query ?? {})
        .filter(([name, value]) => name.startsWith('with_') && value !== undefined)
        .map(([name]) => name),
    );
    expect(flagsSent).toEqual([[], [], ['with_current_organizations']]);
  });

  it('asks search and the directory for current organizations on request, on every page alike', async () => {
    const { affinity, scheduler, client } = setup();
    affinity.on('/persons', ok(readFixture('persons_search.json')));
    const query = { pageSize: 500, withCurrentOrganizations: true };
    await client.searchPersons(query);
    await client.searchPersons({ ...query, pageToken: 'next' });
    const [first, second] = scheduler.tasks.map((t) => t.dedupeKey);
    expect(first).toBe(`${BASE}/persons?page_size=500&with_current_organizations=true`);
    expect(second).toBe(`${BASE}/persons?page_size=500&page_token=next&with_current_organizations=true`);
  });

  it('reads current_organization_ids from a search page when present, and leaves them out when not', async () => {
    const { affinity, client } = setup();
    const [withIds, withoutIds] = fixtureObject('persons_search.json').persons as Record<string, unknown>[];
    affinity.on(
      '/persons',
      ok({
        persons: [{ ...withIds, current_organization_ids: [11, 12] }, withoutIds],
        next_page_token: null,
      }),
    );
    const page = await client.searchPersons({ term: 'jo', withCurrentOrganizations: true });
    expect(page.persons[0]?.currentOrganizationIds).toEqual([11, 12]);
    expect(page.persons[1]).not.toHaveProperty('currentOrganizationIds');
  });

  it('repeats the same parameters on a follow-up page, adding only the page token', async () => {
    const { affinity, scheduler, client } = setup();
    affinity.on('/persons', ok(readFixture('persons_search.json')));
    await client.searchPersons({ term: 'Zoë Ó', pageSize: 500 });
    await client.searchPersons({ term: 'Zoë Ó', pageSize: 500, pageToken: 'tok/2+=' });
    const [first, second] = scheduler.tasks.map((t) => t.dedupeKey);
    expect(first).toBe(`${BASE}/persons?page_size=500&term=Zo%C3%AB%20%C3%93`);
    expect(second).toBe(`${BASE}/persons?page_size=500&page_token=tok%2F2%2B%3D&term=Zo%C3%AB%20%C3%93`);
  });

  it('keeps page sizes within Affinity’s maximum of 500', async () => {
    const { affinity, client } = setup();
    affinity.on('/persons', ok(readFixture('persons_search.json')));
    await client.searchPersons({ pageSize: 2000 });
    expect(affinity.last().query?.page_size).toBe(500);
  });

  it('addresses the endpoints around a person by the documented paths and parameters', async () => {
    const { affinity, client } = setup();
    affinity
      .on('/field-values', ok([]))
      .on('/relationships-strengths', ok([{ internal_id: 1, external_id: 9, strength: 0.75 }]))
      .on('/notes', ok([]));
    await client.getFieldValues(9);
    expect(affinity.last()).toMatchObject({ path: '/field-values', query: { person_id: 9 } });
    expect(await client.getRelationshipStrengths(9)).toEqual([
      { internalId: 1, externalId: 9, strength: 0.75 },
    ]);
    expect(affinity.last()).toMatchObject({ path: '/relationships-strengths', query: { external_id: 9 } });
    await client.getNotes(9, { pageSize: 10 });
    expect(affinity.last()).toMatchObject({ path: '/notes', query: { person_id: 9, page_size: 10 } });
  });

  it('marks only whoami and rate-limit as free of the monthly quota', async () => {
    const { affinity, scheduler, client } = setup();
    affinity
      .on('/auth/whoami', ok(readFixture('auth_whoami.json')))
      .on('/rate-limit', ok(readFixture('rate_limit.json')))
      .on('/lists', ok([]));
    await client.whoAmI();
    await client.rateLimit();
    await client.getLists();
    expect(scheduler.tasks.map((t) => Boolean(t.quotaFree))).toEqual([true, true, false]);
  });

  it('runs as interactive unless told otherwise, and passes the caller’s signal on', async () => {
    const { affinity, scheduler, client } = setup();
    affinity.on('/lists', ok([]));
    const controller = new AbortController();
    await client.getLists();
    await client.getLists({ priority: 'background', signal: controller.signal });
    expect(scheduler.tasks.map((t) => t.priority)).toEqual(['interactive', 'background']);
    expect(scheduler.last().signal).toBe(controller.signal);
  });

  it('reads the key for every call, so a replaced key takes effect at once', async () => {
    let key = 'first-key';
    const { affinity, client } = setup({ getKey: async () => key });
    affinity.on('/lists', ok([]));
    await client.getLists();
    key = 'second-key';
    await client.getLists();
    expect(affinity.requests.map((r) => r.key)).toEqual(['first-key', 'second-key']);
  });

  it('checks a new key without touching the saved one, and never shares its answer with the saved key', async () => {
    let savedKeyReads = 0;
    const { affinity, scheduler, client } = setup({
      getKey: async () => {
        savedKeyReads += 1;
        return KEY;
      },
    });
    affinity.on('/auth/whoami', ok(readFixture('auth_whoami.json')));
    const account = await client.withKey('new-key-123').whoAmI();
    expect(account.user.email).toBe('first@last.com');
    expect(affinity.last().key).toBe('new-key-123');
    expect(savedKeyReads).toBe(0);
    expect(scheduler.last().dedupeKey).toBeUndefined();
    expect(scheduler.last().quotaFree).toBe(true);
  });

  it('refuses an id that is not a positive integer without sending anything', async () => {
    const { affinity, client } = setup();
    for (const id of [0, -3, 1.5, Number.NaN]) {
      expect((await failure(client.getPerson(id))).kind).toBe('invalid');
    }
    expect(affinity.requests).toEqual([]);
  });
});

describe('failures', () => {
  async function errorFor(
    response: HttpResponse,
    call: 'person' | 'organization' | 'fieldValues' = 'person',
  ) {
    const { affinity, client } = setup();
    affinity.on('/persons/42', response).on('/organizations/42', response).on('/field-values', response);
    const run = {
      person: () => client.getPerson(42),
      organization: () => client.getOrganization(42),
      fieldValues: () => client.getFieldValues(42),
    };
    return failure(run[call]());
  }

  it('without a key, says to add one and sends nothing', async () => {
    for (const key of [null, '', '   ']) {
      const { affinity, client } = setup({ getKey: async () => key });
      const error = await failure(client.whoAmI());
      expect(error.kind).toBe('no-key');
      expect(error.message).toBe('Add your Affinity API key in Affinity Lens settings.');
      expect(affinity.requests).toEqual([]);
    }
  });

  it('401: the key was rejected, with the way to replace it', async () => {
    const error = await errorFor({ status: 401, headers: {}, body: { message: 'Unauthorized' } });
    expect(error.toJSON()).toEqual({
      kind: 'rejected',
      status: 401,
      message: 'Your Affinity API key was rejected. Paste a new key in Affinity Lens settings.',
    });
  });

  it('403: no access', async () => {
    const error = await errorFor({ status: 403, headers: {}, body: { errors: ['Forbidden'] } });
    expect(error.kind).toBe('forbidden');
    expect(error.message).toMatch(/does not have access/);
  });

  it('404 on a person: no such person; elsewhere a sentence that fits', async () => {
    const body = { errors: [{ code: 'not-found', message: 'Person not found' }] };
    const person = await errorFor({ status: 404, headers: {}, body });
    expect([person.kind, person.message]).toEqual(['not-found', 'No such person in Affinity.']);
    const organization = await errorFor({ status: 404, headers: {}, body }, 'organization');
    expect([organization.kind, organization.message]).toEqual([
      'not-found',
      'No such organization in Affinity.',
    ]);
    const values = await errorFor({ status: 404, headers: {}, body: null }, 'fieldValues');
    expect(values.kind).toBe('not-found');
    expect(values.message).not.toContain('person');
  });

  it('404 "Unknown API endpoint" is a wrong path, not a missing person', async () => {
    const error = await errorFor({ status: 404, headers: {}, body: 'Unknown API endpoint' });
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('GET /persons/42');
  });

  it('422 "merged into N": a merged person, with the surviving id', async () => {
    const sentence = '292479388 no longer exists as it has been merged into 301128758';
    for (const body of [sentence, { message: sentence }, { error: sentence }, { errors: [sentence] }]) {
      const error = await errorFor({ status: 422, headers: {}, body });
      expect(error.kind).toBe('merged');
      expect(error.mergedInto).toBe(301128758);
      expect(error.message).toContain('301128758');
    }
  });

  it('other 422s say what Affinity said', async () => {
    const error = await errorFor({
      status: 422,
      headers: {},
      body: { errors: [{ code: 'validation', message: 'Invalid page_token variable' }] },
    });
    expect(error.kind).toBe('invalid');
    expect(error.message).toBe('Affinity refused the request: Invalid page_token variable');
    const silent = await errorFor({ status: 422, headers: {}, body: '' });
    expect([silent.kind, silent.message]).toEqual(['invalid', 'Affinity refused the request as invalid.']);
  });

  it('429: a rate limit, resuming when Retry-After says', async () => {
    const error = await errorFor({ status: 429, headers: { 'retry-after': '90' }, body: null });
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(NOW + 90_000);
    // The time is written in the locale's clock: 14:01 or 2:01 PM.
    expect(error.message).toMatch(
      /^Affinity's rate limit was reached; requests resume at (14:01|2:01\sPM)\.$/,
    );
  });

  it('429 without Retry-After: resumes when the user window resets (headers in any case)', async () => {
    const error = await errorFor({
      status: 429,
      headers: { 'X-Ratelimit-Limit-User-Reset': '300', 'X-Ratelimit-Limit-User-Remaining': '0' },
      body: { errors: [{ code: 'rate-limit', message: 'Too many requests' }] },
    });
    expect(error.retryAt).toBe(NOW + 300_000);
    expect(error.message).toMatch(/resume at (14:05|2:05\sPM)\./);
  });

  it('429 with no timing at all: waits one window', async () => {
    const error = await errorFor({ status: 429, headers: {}, body: 'Rate limit exceeded' });
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(NOW + 60_000);
    expect(error.message).toMatch(/rate limit/);
  });

  it('429 with the monthly allowance spent: the quota, resuming on the reset day', async () => {
    const error = await errorFor({
      status: 429,
      headers: { 'x-ratelimit-limit-org-remaining': '0', 'x-ratelimit-limit-org-reset': String(2 * 86_400) },
      body: null,
    });
    expect(error.kind).toBe('quota');
    expect(error.retryAt).toBe(NOW + 2 * 86_400_000);
    expect(error.message).toContain('rate limit');
    expect(error.message).toMatch(/on 5 Mar 2026 at (14:00|2:00\sPM)\./);
  });

  it('5xx: Affinity is unavailable', async () => {
    for (const status of [500, 502, 503]) {
      const error = await errorFor({ status, headers: {}, body: '<html>Bad gateway</html>' });
      expect(error.toJSON()).toEqual({
        kind: 'unavailable',
        status,
        message: 'Affinity is unavailable right now. Lens will retry.',
      });
    }
  });

  it('a status nobody documented is unexpected, with the status', async () => {
    const error = await errorFor({ status: 418, headers: {}, body: null });
    expect(error.kind).toBe('unexpected');
    expect(error.message).toContain('418');
  });

  it('a 2xx that does not fit says where', async () => {
    const broken = { ...fixtureObject('persons_get.json'), emails: 'j@p-a.com', list_entries: [{ id: 'x' }] };
    const error = await errorFor(ok(broken));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/^Affinity sent an answer Lens did not expect \(GET \/persons\/42\): /);
    expect(error.message).toContain('emails: ');
    expect(error.message).toContain('list_entries[0].id: ');
    expect(error.message).not.toContain('j@p-a.com');
  });

  it('an offline or timed-out exchange keeps its kind and sentence', async () => {
    for (const kind of ['offline', 'timeout'] as const) {
      const { client } = setup({
        send: async () => {
          throw new AffinityError({ kind, message: `sentence for ${kind}` });
        },
      });
      const error = await failure(client.getLists());
      expect([error.kind, error.message]).toEqual([kind, `sentence for ${kind}`]);
    }
  });
});

describe('the key never leaves in an error', () => {
  const echo = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers,
    body,
  });
  const cases: [string, HttpResponse][] = [
    ['401', echo(401, { message: `key ${KEY} is not valid` })],
    ['403', echo(403, KEY)],
    ['404', echo(404, { error: KEY })],
    ['422', echo(422, { errors: [`Invalid key ${KEY}`] })],
    ['429', echo(429, KEY, { 'retry-after': '5' })],
    ['500', echo(500, KEY)],
    ['2xx with a bad shape', ok({ persons: KEY })],
  ];

  for (const [name, response] of cases) {
    it(name, async () => {
      const { affinity, client } = setup();
      affinity.on('/persons', response);
      const error = await failure(client.searchPersons({}));
      expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
      expect(`${error.message} ${String(error.stack)}`).not.toContain(KEY);
    });
  }

  it('not even when a dependency throws something that mentions it', async () => {
    const { client } = setup({
      send: async ({ key }) => {
        throw new Error(`fetch failed for Authorization: ${key}`);
      },
    });
    const error = await failure(client.getLists());
    expect(JSON.stringify(error.toJSON())).not.toContain(KEY);
    expect(error.message).not.toContain(KEY);
  });
});
