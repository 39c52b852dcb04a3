import { get } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_KEY, DEMO_USER, FEATURED_PEOPLE, MERGED_PERSON, SAME_NAME_PAIR } from './data';
import { startSandbox, type Sandbox } from './server';
import { basicAuth, call, RATE_HEADERS } from './test-client';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ people: 1234 });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const api = (path: string, auth?: Parameters<typeof call>[2]) => call(sandbox.url, path, auth);

type Person = { id: number; first_name: string; last_name: string; [key: string]: unknown };
type Page = { persons: Person[]; next_page_token?: string | null };

describe('auth', () => {
  it('accepts Basic with an empty user name and the key as password', async () => {
    const answer = await api('/auth/whoami', 'basic');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user: { id: DEMO_USER.id, email: DEMO_USER.email } });
  });

  it('accepts Bearer with the key', async () => {
    expect((await api('/auth/whoami', 'bearer')).status).toBe(200);
  });

  it('answers 401 without a key, with a wrong key, or with the key as the user name', async () => {
    for (const header of [
      basicAuth('', 'wrong-key'),
      `Bearer wrong-key`,
      basicAuth(DEMO_KEY, ''),
      'Token abc',
    ]) {
      const answer = await api('/persons', { header });
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ message: expect.any(String) });
    }
    expect((await api('/persons', 'none')).status).toBe(401);
  });
});

describe('unknown paths', () => {
  it('answers 404 with the JSON string "Unknown API endpoint", authenticated or not', async () => {
    for (const path of ['/people', '/v2/persons', '/persons/', '/persons/abc', '/']) {
      for (const auth of ['basic', 'none'] as const) {
        const answer = await api(path, auth);
        expect(answer.status).toBe(404);
        expect(answer.body).toBe('Unknown API endpoint');
      }
    }
    expect(sandbox.stats().byRoute.unknown).toBe(10);
  });
});

describe('GET /persons', () => {
  it('pages 1,234 people in three pages of at most 500, the last without a token', async () => {
    const seen: number[] = [];
    const sizes: number[] = [];
    let token: string | null | undefined;
    let pages = 0;
    do {
      const query = token ? `?page_size=500&page_token=${encodeURIComponent(token)}` : '?page_size=500';
      const answer = await api(`/persons${query}`);
      expect(answer.status).toBe(200);
      const page = answer.body as Page;
      sizes.push(page.persons.length);
      seen.push(...page.persons.map((person) => person.id));
      token = page.next_page_token;
      pages += 1;
    } while (token && pages < 10);
    expect(sizes).toEqual([500, 500, 234]);
    expect(token).toBeNull();
    expect(new Set(seen).size).toBe(1234);
    expect(sandbox.stats().byRoute['GET /persons']).toBe(3);
  });

  it('uses 500 as the default and the largest page size', async () => {
    expect(((await api('/persons')).body as Page).persons).toHaveLength(500);
    expect(((await api('/persons?page_size=2000')).body as Page).persons).toHaveLength(500);
    expect(((await api('/persons?page_size=7')).body as Page).persons).toHaveLength(7);
    expect((await api('/persons?page_size=0')).status).toBe(422);
  });

  it('refuses a page token reused with different parameters', async () => {
    const first = (await api('/persons?term=a&page_size=5')).body as Page;
    const token = encodeURIComponent(first.next_page_token ?? '');
    expect((await api(`/persons?term=a&page_size=5&page_token=${token}`)).status).toBe(200);
    for (const changed of [
      'term=b&page_size=5',
      'term=a&page_size=6',
      'term=a&page_size=5&with_interaction_dates=true',
    ]) {
      const answer = await api(`/persons?${changed}&page_token=${token}`);
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ message: 'Invalid page_token variable' });
    }
    expect((await api('/persons?page_token=not-a-token')).status).toBe(422);
  });

  it('searches first names, last names and e-mails, ignoring case and accents', async () => {
    const names = async (term: string) =>
      ((await api(`/persons?term=${encodeURIComponent(term)}`)).body as Page).persons.map(
        (person) => `${person.first_name} ${person.last_name}`,
      );
    expect(await names('SØREN ødegard')).toEqual(['Søren Ødegård']);
    expect(await names('jose alvarez')).toEqual(['José Álvarez']);
    expect(await names('zoe@northlightcap.com')).toEqual(['Zoë Lindgren']);
    expect(await names(SAME_NAME_PAIR.fullName)).toEqual([SAME_NAME_PAIR.fullName, SAME_NAME_PAIR.fullName]);
  });

  it('omits organization_ids and list_entries from search results, ends with next_page_token null', async () => {
    const page = (await api('/persons?term=lindgren')).body as Page;
    expect(page.next_page_token).toBeNull();
    expect(page.persons.length).toBeGreaterThan(0);
    for (const person of page.persons) {
      expect(person).not.toHaveProperty('organization_ids');
      expect(person).not.toHaveProperty('list_entries');
      expect(person).not.toHaveProperty('interaction_dates');
    }
  });

  it('adds current_organization_ids with with_current_organizations=true, dropping nobody', async () => {
    const currentOf = (person: Person) => [...(sandbox.data.person(person.id)?.currentOrganizationIds ?? [])];
    for (const query of ['term=lindgren', 'page_size=50']) {
      const plain = (await api(`/persons?${query}`)).body as Page;
      const flagged = (await api(`/persons?${query}&with_current_organizations=true`)).body as Page;
      expect(flagged.persons.map((person) => person.id)).toEqual(plain.persons.map((person) => person.id));
      for (const person of plain.persons) expect(person).not.toHaveProperty('current_organization_ids');
      for (const person of flagged.persons)
        expect(person.current_organization_ids).toEqual(currentOf(person));
      expect(flagged.persons.some((person) => currentOf(person).length > 0)).toBe(true);
    }
  });

  it('binds a page token to with_current_organizations', async () => {
    const first = (await api('/persons?page_size=5&with_current_organizations=true')).body as Page;
    const token = encodeURIComponent(first.next_page_token ?? '');
    const next = await api(`/persons?page_size=5&with_current_organizations=true&page_token=${token}`);
    expect(next.status).toBe(200);
    expect((next.body as Page).persons[0]?.current_organization_ids).toEqual(expect.any(Array));
    const without = await api(`/persons?page_size=5&page_token=${token}`);
    expect(without.status).toBe(422);
    expect(without.body).toEqual({ message: 'Invalid page_token variable' });
  });

  it('drops people without interactions when with_interaction_dates=true, as Affinity does', async () => {
    const plain = (await api('/persons?term=liam')).body as Page;
    const dated = (await api('/persons?term=liam&with_interaction_dates=true')).body as Page;
    const liam = FEATURED_PEOPLE.liam.id;
    expect(plain.persons.map((person) => person.id)).toContain(liam);
    expect(dated.persons.map((person) => person.id)).not.toContain(liam);
    for (const person of dated.persons) expect(person.interaction_dates).toBeTypeOf('object');
    // The last page of a dated query has no next_page_token key at all, as in recorded traffic.
    expect(dated).not.toHaveProperty('next_page_token');
  });
});

describe('GET /persons/{id}', () => {
  const jose = FEATURED_PEOPLE.jose.id;

  it('answers the person with organizations and list entries, and the flagged extras only when asked', async () => {
    const plain = (await api(`/persons/${jose}`)).body as Person;
    expect(plain).toMatchObject({ id: jose, first_name: 'José', last_name: 'Álvarez', type: 0 });
    expect(plain.organization_ids).toHaveLength(2);
    expect(plain.list_entries).toHaveLength(2);
    for (const key of ['interaction_dates', 'interactions', 'current_organization_ids', 'opportunity_ids']) {
      expect(plain).not.toHaveProperty(key);
    }
    const flags = 'with_interaction_dates=true&with_current_organizations=true&with_opportunities=true';
    const full = (await api(`/persons/${jose}?${flags}`)).body as Person;
    expect(full.current_organization_ids).toHaveLength(1);
    expect(full.opportunity_ids).toEqual(expect.any(Array));
    const interactions = full.interactions as Record<string, { date: string; person_ids?: number[] } | null>;
    expect(interactions.last_email?.date).toEqual(expect.any(String));
    expect(interactions.last_email).not.toHaveProperty('person_ids');
    const withPersons = (await api(`/persons/${jose}?${flags}&with_interaction_persons=true`)).body as Person;
    const persons = (withPersons.interactions as Record<string, { person_ids: number[] } | null>).last_email;
    expect(persons?.person_ids.length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown id and 422 for the merged one', async () => {
    expect((await api('/persons/12345')).status).toBe(404);
    const merged = await api(`/persons/${MERGED_PERSON.id}`);
    expect(merged.status).toBe(422);
    expect(merged.body).toEqual({
      message: `${MERGED_PERSON.id} no longer exists as it has been merged into ${MERGED_PERSON.mergedIntoId}`,
    });
  });
});

describe('around a person', () => {
  const jose = FEATURED_PEOPLE.jose.id;

  it('answers field values as an array, including values on list entries', async () => {
    const values = (await api(`/field-values?person_id=${jose}`)).body as { list_entry_id: number | null }[];
    expect(Array.isArray(values)).toBe(true);
    expect(values.some((value) => value.list_entry_id === null)).toBe(true);
    expect(values.some((value) => value.list_entry_id !== null)).toBe(true);
    expect((await api('/field-values')).status).toBe(422);
    expect((await api('/field-values?person_id=12345')).status).toBe(404);
  });

  it('answers notes as {notes, next_page_token}, paged by page_size', async () => {
    const all = (await api(`/notes?person_id=${jose}`)).body as {
      notes: unknown[];
      next_page_token: unknown;
    };
    expect(all.notes).toHaveLength(3);
    expect(all.next_page_token).toBeNull();
    const first = (await api(`/notes?person_id=${jose}&page_size=2`)).body as {
      notes: unknown[];
      next_page_token: string;
    };
    expect(first.notes).toHaveLength(2);
    const rest = (await api(`/notes?person_id=${jose}&page_size=2&page_token=${first.next_page_token}`))
      .body as {
      notes: unknown[];
    };
    expect([...first.notes, ...rest.notes]).toEqual(all.notes);
  });

  it('answers relationship strengths, organizations, fields and lists', async () => {
    const strengths = (await api(`/relationships-strengths?external_id=${jose}`)).body as {
      internal_id: number;
    }[];
    expect(strengths.length).toBeGreaterThan(0);
    const org = (await api(`/organizations/${sandbox.data.person(jose)?.organizationIds[0]}`)).body;
    expect(org).toMatchObject({ name: 'Quill Payments', domain: 'quillpay.io' });
    expect((await api('/organizations/1')).status).toBe(404);
    const fields = (await api('/fields')).body as { value_type: number }[];
    expect(new Set(fields.map((field) => field.value_type)).size).toBe(8);
    const lists = (await api('/lists')).body as { id: number }[];
    expect(lists).toHaveLength(sandbox.data.lists.length);
    expect((await api(`/lists/${lists[0]?.id}`)).body).toHaveProperty('fields');
    expect((await api('/lists/1')).status).toBe(404);
  });
});

describe('headers and accounting', () => {
  it('sends the six rate-limit headers with lower-case names on every API answer', async () => {
    const rawNames = await new Promise<string[]>((resolve, reject) => {
      get(
        `${sandbox.url}/auth/whoami`,
        { headers: { authorization: basicAuth('', DEMO_KEY) } },
        (response) => {
          response.resume();
          resolve(response.rawHeaders.filter((_, index) => index % 2 === 0));
        },
      ).on('error', reject);
    });
    for (const name of RATE_HEADERS) expect(rawNames).toContain(name);
    for (const path of ['/persons', '/nowhere', '/persons/12345']) {
      for (const auth of ['basic', 'none'] as const) {
        const answer = await api(path, auth);
        for (const name of RATE_HEADERS)
          expect(answer.headers.get(name), `${name} on ${path}`).not.toBeNull();
      }
    }
  });

  it('counts requests per route, never the control API', async () => {
    await api(`/persons/${FEATURED_PEOPLE.jose.id}`);
    await api(`/persons/${FEATURED_PEOPLE.zoe.id}`);
    await api('/auth/whoami');
    await fetch(`${sandbox.url}/__sandbox/stats`);
    await fetch(`${sandbox.url}/__sandbox/demo.html`);
    expect(sandbox.stats()).toEqual({
      requests: 3,
      byRoute: { 'GET /persons/{id}': 2, 'GET /auth/whoami': 1 },
      rateLimited: 0,
    });
    const remote = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as unknown;
    expect(remote).toEqual(sandbox.stats());
    sandbox.resetStats();
    expect(sandbox.stats().requests).toBe(0);
  });

  it('refuses writes: the sandbox is read-only', async () => {
    const answer = await call(sandbox.url, '/persons', 'basic', { method: 'POST', body: '{}' });
    expect(answer.status).toBe(405);
  });
});
