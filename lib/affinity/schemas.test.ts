import { describe, expect, it } from 'vitest';
import {
  describeSchemaError,
  errorMessageFromBody,
  fieldSchema,
  fieldValueSchema,
  notesSchema,
  organizationSchema,
  personPageSchema,
  personRecordSchema,
  personSummarySchema,
  rateLimitSchema,
  whoAmISchema,
} from './schemas';

const person = {
  id: 1,
  type: 0,
  first_name: 'Ana',
  last_name: 'Núñez',
  primary_email: 'ana@x.io',
  emails: ['ana@x.io'],
};

describe('error bodies', () => {
  it('reads every form v1 and v2 use', () => {
    expect(errorMessageFromBody('Unknown API endpoint')).toBe('Unknown API endpoint');
    expect(errorMessageFromBody({ message: 'Not found' })).toBe('Not found');
    expect(errorMessageFromBody({ error: 'Invalid page_token variable' })).toBe(
      'Invalid page_token variable',
    );
    expect(errorMessageFromBody({ error: { message: 'Nested' } })).toBe('Nested');
    expect(errorMessageFromBody({ errors: ['first', 'second'] })).toBe('first; second');
    expect(
      errorMessageFromBody({ errors: [{ code: 'rate-limit', message: 'Too many requests', param: null }] }),
    ).toBe('Too many requests');
    expect(errorMessageFromBody({ errors: ['plain', { code: 'x', message: 'object' }] })).toBe(
      'plain; object',
    );
  });

  it('returns null when there is nothing to read', () => {
    for (const body of [
      null,
      '',
      '   ',
      42,
      {},
      { errors: [] },
      { message: 7 },
      { errors: [{ code: 'x' }] },
    ]) {
      expect(errorMessageFromBody(body)).toBeNull();
    }
  });
});

describe('tolerance', () => {
  it('ignores fields it does not know', () => {
    const parsed = personSummarySchema.parse({ ...person, future_field: { a: 1 }, entity_type: 0 });
    expect(parsed).toEqual({
      id: 1,
      type: 0,
      firstName: 'Ana',
      lastName: 'Núñez',
      primaryEmail: 'ana@x.io',
      emails: ['ana@x.io'],
    });
  });

  it('takes a null primary e-mail, null e-mails and null name parts', () => {
    const parsed = personSummarySchema.parse({
      ...person,
      primary_email: null,
      emails: null,
      last_name: null,
    });
    expect([parsed.primaryEmail, parsed.emails, parsed.lastName]).toEqual([null, [], '']);
  });

  it('keeps current_organization_ids when sent, and reads null as not sent', () => {
    expect(
      personSummarySchema.parse({ ...person, current_organization_ids: [5, 6] }).currentOrganizationIds,
    ).toEqual([5, 6]);
    expect(personSummarySchema.parse({ ...person, current_organization_ids: null })).not.toHaveProperty(
      'currentOrganizationIds',
    );
  });

  it('reads type 1 as internal, and any other type as external', () => {
    expect(personSummarySchema.parse({ ...person, type: 1 }).type).toBe(1);
    expect(personSummarySchema.parse({ ...person, type: 2 }).type).toBe(0);
  });

  it('treats a missing, null or empty next_page_token as the last page', () => {
    for (const token of [undefined, null, '']) {
      expect(personPageSchema.parse({ persons: [person], next_page_token: token }).nextPageToken).toBeNull();
    }
    expect(personPageSchema.parse({ persons: [], next_page_token: 'abc' })).toEqual({
      persons: [],
      nextPageToken: 'abc',
    });
  });

  it('keeps "not asked" (absent) apart from "none" (null) in interactions', () => {
    const record = personRecordSchema.parse({
      ...person,
      interactions: { last_email: null, next_event: { date: '2026-02-01T10:00:00Z', person_ids: [5, 6] } },
    });
    expect(record.interactions).toEqual({
      lastEmail: null,
      nextEvent: { date: '2026-02-01T10:00:00Z', personIds: [5, 6] },
    });
    expect(personRecordSchema.parse({ ...person, interactions: null }).interactions).toEqual({});
  });

  it('takes "Z", offset and date-only dates, but not words', () => {
    const entry = (created_at: string) => ({
      ...person,
      list_entries: [{ id: 1, list_id: 2, creator_id: null, entity_id: 1, created_at }],
    });
    for (const date of ['2024-05-23T12:27:09.733Z', '2017-02-22T15:22:21.125-08:00', '2024-05-23']) {
      expect(personRecordSchema.parse(entry(date)).listEntries[0]?.createdAt).toBe(date);
    }
    expect(personRecordSchema.safeParse(entry('yesterday')).success).toBe(false);
  });

  it('rate limit: "unlimited" in any case, numbers, and a missing "used" worked out', () => {
    const minute = { limit: 900, remaining: 800, reset: 10 };
    const parsed = rateLimitSchema.parse({
      rate: {
        org_monthly: { limit: 'UNLIMITED', remaining: 'unlimited', reset: 5 },
        api_key_per_minute: minute,
      },
    });
    expect(parsed.orgMonthly).toEqual({
      limit: 'unlimited',
      remaining: 'unlimited',
      resetSeconds: 5,
      used: 0,
    });
    expect(parsed.perMinute).toEqual({ limit: 900, remaining: 800, resetSeconds: 10, used: 100 });
    expect(
      rateLimitSchema.safeParse({
        rate: { org_monthly: { limit: 'lots', remaining: 1, reset: 5 }, api_key_per_minute: minute },
      }).success,
    ).toBe(false);
  });

  it('field values: text, numbers, dates, ranked dropdowns, locations; an unknown shape reads as empty', () => {
    const value = (v: unknown) =>
      fieldValueSchema.parse({
        id: 1,
        field_id: 2,
        list_entry_id: 3,
        entity_id: 4,
        value: v,
        updated_at: null,
      }).value;
    expect(value('Software Engineer')).toBe('Software Engineer');
    expect(value(12.5)).toBe(12.5);
    expect(value({ id: 886, text: 'Interested', rank: 1, color: 0 })).toEqual({
      id: 886,
      text: 'Interested',
      rank: 1,
      color: 0,
    });
    expect(value({ city: 'Zürich', country: 'Switzerland' })).toEqual({
      streetAddress: null,
      city: 'Zürich',
      state: null,
      country: 'Switzerland',
      continent: null,
    });
    expect(value({ something: 'new' })).toBeNull();
    expect(value([1, 2])).toBeNull();
  });

  it('fields: a value type added later reads as text; a missing allows_multiple as false', () => {
    expect(fieldSchema.parse({ id: 1, name: 'New kind', value_type: 10 })).toEqual({
      id: 1,
      name: 'New kind',
      listId: null,
      valueType: 6,
      allowsMultiple: false,
    });
  });

  it('organizations: domains fall back to the one domain, and a null domain stays null', () => {
    expect(organizationSchema.parse({ id: 1, name: 'Acme', domain: 'acme.com' }).domains).toEqual([
      'acme.com',
    ]);
    expect(organizationSchema.parse({ id: 1, name: 'Acme', domain: null, domains: [] })).toEqual({
      id: 1,
      name: 'Acme',
      domain: null,
      domains: [],
    });
  });

  it('whoami needs an e-mail, under either name', () => {
    const body = {
      tenant: { id: 1, name: 'T', subdomain: 't' },
      user: { id: 2, firstName: 'A', lastName: 'B' },
    };
    const result = whoAmISchema.safeParse(body);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeSchemaError(result.error)).toBe('user.email: expected an e-mail address');
  });
});

describe('describeSchemaError', () => {
  it('names the path of each problem, in order', () => {
    const result = personPageSchema.safeParse({ persons: [person, { ...person, id: 'x', emails: [1] }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    const text = describeSchemaError(result.error);
    expect(text).toMatch(
      /^persons\[1\]\.id: .*expected number.*; persons\[1\]\.emails\[0\]: .*expected string/,
    );
  });

  it('for a union (notes as array or page), reports the branch that got furthest', () => {
    const result = notesSchema.safeParse({
      notes: [{ id: 1, type: 0, created_at: '2026-01-01T00:00:00Z', content: 5 }],
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeSchemaError(result.error)).toMatch(/^notes\[0\]\.content: .*expected string/);
  });

  it('caps the list and says how many more', () => {
    const result = personPageSchema.safeParse({ persons: [1, 2, 3, 4, 5] });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSchemaError(result.error)).toMatch(/\(and 2 more\)$/);
  });

  it('an empty body is described as the response', () => {
    const result = personPageSchema.safeParse(null);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(describeSchemaError(result.error)).toMatch(/^the response: .*expected object/);
  });
});
