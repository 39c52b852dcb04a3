/**
 * The sandbox's answers have the shapes of Affinity's recorded responses: every key of a fixture
 * exists in the sandbox's answer to the same call (the sandbox may add keys, never lack one), with
 * the same kind of value where the fixture's is not null.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEATURED_PEOPLE } from './data';
import { startSandbox, type Sandbox } from './server';
import { call } from './test-client';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../lib/affinity/fixtures/${name}`, import.meta.url), 'utf8'));

const kind = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Where `actual` lacks something `expected` has: paths of missing keys or mismatched kinds. */
function shapeGaps(expected: unknown, actual: unknown, path = '$'): string[] {
  if (expected === null || actual === null) return [];
  if (kind(expected) !== kind(actual)) {
    // "unlimited" vs a number is the one documented either-or.
    if (path.includes('org_monthly') && (typeof actual === 'number' || actual === 'unlimited')) return [];
    return [`${path}: ${kind(expected)} expected, ${kind(actual)} given`];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length === 0 && expected.length > 0) return [`${path}: empty array`];
    // Each fixture element must be matched by some element of the answer.
    return expected.flatMap((item, index) => {
      const gapsPerCandidate = actual.map((candidate) => shapeGaps(item, candidate, `${path}[${index}]`));
      return gapsPerCandidate.find((gaps) => gaps.length === 0) ?? gapsPerCandidate[0] ?? [];
    });
  }
  if (typeof expected === 'object' && typeof actual === 'object') {
    const got = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) =>
      key in got ? shapeGaps(value, got[key], `${path}.${key}`) : [`${path}.${key}: missing`],
    );
  }
  return [];
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ people: 2000 });
});
afterAll(() => sandbox.close());

const jose = FEATURED_PEOPLE.jose.id;
const flags = 'with_interaction_dates=true&with_interaction_persons=true';

const CASES: [fixtureName: string, path: () => string][] = [
  ['auth_whoami.json', () => '/auth/whoami'],
  ['rate_limit.json', () => '/rate-limit'],
  ['persons_get.json', () => `/persons/${jose}`],
  ['persons_search.json', () => '/persons?term=daniel'],
  ['persons_search_with_dates.json', () => '/persons?term=jose&with_interaction_dates=true'],
  ['persons_get_fields.json', () => '/persons/fields'],
  ['fields_all.json', () => '/fields'],
  ['field_values_get_all.json', () => `/field-values?person_id=${jose}`],
  ['lists_all.json', () => '/lists'],
  ['lists_single.json', () => `/lists/${sandbox.data.lists[0]?.id}`],
  ['notes_all.json', () => `/notes?person_id=${jose}`],
  [
    'organizations_get.json',
    () => `/organizations/${sandbox.data.person(jose)?.organizationIds[0]}?${flags}`,
  ],
];

describe('answers have the shapes of the recorded fixtures', () => {
  it.each(CASES)('%s', async (name, path) => {
    const answer = await call(sandbox.url, path());
    expect(answer.status).toBe(200);
    expect(shapeGaps(fixture(name), answer.body)).toEqual([]);
  });

  it('answers GET /rate-limit with "unlimited" strings on an unlimited plan, as recorded', async () => {
    const unlimited = await startSandbox({ people: 100, monthlyLimit: 'unlimited' });
    try {
      const answer = await call(unlimited.url, '/rate-limit');
      expect(answer.body).toMatchObject({
        rate: { org_monthly: { limit: 'unlimited', remaining: 'unlimited' } },
      });
      expect(shapeGaps(fixture('rate_limit.json'), answer.body)).toEqual([]);
      expect(answer.headers.get('x-ratelimit-limit-org')).toBe('unlimited');
    } finally {
      await unlimited.close();
    }
  });

  it('dates list entries in UTC ("Z") and interactions with an offset, like live data', async () => {
    const person = (await call(sandbox.url, `/persons/${jose}?${flags}`)).body as {
      list_entries: { created_at: string; entity_type: number }[];
      interaction_dates: Record<string, string | null>;
    };
    for (const entry of person.list_entries) {
      expect(entry.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(entry.entity_type).toBe(0);
    }
    expect(person.interaction_dates.last_email_date).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/,
    );
  });

  it('finds gaps when there are some (the checker itself)', () => {
    expect(shapeGaps({ a: 1, b: { c: [{ d: 1 }] } }, { a: 2, b: { c: [{ e: 1 }] } })).toEqual([
      '$.b.c[0].d: missing',
    ]);
    expect(shapeGaps([{ a: 'x' }], [{ a: 1 }])).toEqual(['$[0].a: string expected, number given']);
  });
});
