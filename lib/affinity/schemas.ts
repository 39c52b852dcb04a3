/**
 * Wire shapes of the v1 responses Lens reads, validated with zod and turned into the camelCase
 * domain types. Objects are not strict: Affinity adds fields (e.g. the undocumented
 * `list_entries[].entity_type`) and an extra field must never break a card. The quirks of
 * recorded traffic (see API.md) are accepted on purpose: "unlimited" allowances, a missing
 * `next_page_token`, null e-mails and interaction blocks, notes as an array or a page object.
 */
import { z } from 'zod';
import type {
  AffinityList,
  Allowance,
  Field,
  FieldValue,
  FieldValueType,
  FieldValueValue,
  Interaction,
  InteractionDates,
  InteractionKind,
  ListEntry,
  Location,
  Note,
  Organization,
  PersonPage,
  PersonRecord,
  PersonSummary,
  PersonType,
  RankedDropdown,
  RateLimitStatus,
  RelationshipStrength,
  WhoAmI,
} from './types';

const id = z.number().int();
const count = z.number().nonnegative();
/** Any date Date.parse understands, kept as sent ("Z" and "-07:00" offsets alike). */
const dateText = z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'expected a date');
const nullableDate = dateText.nullish().transform((value) => value ?? null);
const ids = id
  .array()
  .nullish()
  .transform((value) => value ?? []);
/** A name part; Affinity leaves some empty (null) for people known only by e-mail. */
const namePart = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

// ---------------------------------------------------------------- account

export const whoAmISchema = z
  .object({
    tenant: z.object({ id, name: z.string(), subdomain: z.string() }),
    // v1 says `email`; v2's whoami says `emailAddress`. Either will do.
    user: z
      .object({
        id,
        firstName: namePart,
        lastName: namePart,
        email: z.string().optional(),
        emailAddress: z.string().optional(),
      })
      .refine((user) => (user.email ?? user.emailAddress) !== undefined, {
        message: 'expected an e-mail address',
        path: ['email'],
      }),
  })
  .transform(({ tenant, user }): WhoAmI => ({
    tenant: { id: tenant.id, name: tenant.name, subdomain: tenant.subdomain },
    user: {
      id: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email ?? user.emailAddress ?? '',
    },
  }));

/** A number, or "unlimited" (any case) on plans without a monthly quota. */
const allowance: z.ZodType<Allowance, unknown> = z.union([
  count,
  z
    .string()
    .refine((text) => text.trim().toLowerCase() === 'unlimited', 'expected a number or "unlimited"')
    .transform((): Allowance => 'unlimited'),
]);

export const rateLimitSchema = z
  .object({
    rate: z.object({
      org_monthly: z.object({ limit: allowance, remaining: allowance, reset: count, used: count.optional() }),
      api_key_per_minute: z.object({ limit: count, remaining: count, reset: count, used: count.optional() }),
    }),
  })
  .transform(({ rate }): RateLimitStatus => {
    const monthly = rate.org_monthly;
    const minute = rate.api_key_per_minute;
    const usedOf = (limit: Allowance, remaining: Allowance) =>
      typeof limit === 'number' && typeof remaining === 'number' ? Math.max(0, limit - remaining) : 0;
    return {
      orgMonthly: {
        limit: monthly.limit,
        remaining: monthly.remaining,
        resetSeconds: monthly.reset,
        used: monthly.used ?? usedOf(monthly.limit, monthly.remaining),
      },
      perMinute: {
        limit: minute.limit,
        remaining: minute.remaining,
        resetSeconds: minute.reset,
        used: minute.used ?? usedOf(minute.limit, minute.remaining),
      },
    };
  });

// ---------------------------------------------------------------- people

/** 1 is internal (the user's team); any other value is treated as external. */
const personType = id.transform((value): PersonType => (value === 1 ? 1 : 0));

const personFields = {
  id,
  type: personType,
  first_name: namePart,
  last_name: namePart,
  primary_email: z
    .string()
    .nullish()
    .transform((value) => value || null),
  emails: z
    .string()
    .array()
    .nullish()
    .transform((value) => value ?? []),
  organization_ids: id.array().nullish(),
  current_organization_ids: id.array().nullish(),
};

type PersonWire = z.output<z.ZodObject<typeof personFields>>;

function toSummary(wire: PersonWire): PersonSummary {
  const summary: PersonSummary = {
    id: wire.id,
    type: wire.type,
    firstName: wire.first_name,
    lastName: wire.last_name,
    primaryEmail: wire.primary_email,
    emails: wire.emails,
  };
  if (wire.organization_ids) summary.organizationIds = wire.organization_ids;
  if (wire.current_organization_ids) summary.currentOrganizationIds = wire.current_organization_ids;
  return summary;
}

export const personSummarySchema = z.object(personFields).transform(toSummary);

export const personPageSchema = z
  .object({
    persons: personSummarySchema.array(),
    // null on the last page, or missing altogether; an empty token would only loop.
    next_page_token: z.string().nullish(),
  })
  .transform(({ persons, next_page_token }): PersonPage => ({
    persons,
    nextPageToken: next_page_token || null,
  }));

export const listEntrySchema = z
  .object({
    id,
    list_id: id,
    creator_id: id.nullish(),
    entity_id: id,
    created_at: dateText,
  })
  .transform((wire): ListEntry => ({
    id: wire.id,
    listId: wire.list_id,
    creatorId: wire.creator_id ?? null,
    entityId: wire.entity_id,
    createdAt: wire.created_at,
  }));

const interactionDatesSchema = z
  .object({
    first_email_date: nullableDate,
    last_email_date: nullableDate,
    first_event_date: nullableDate,
    last_event_date: nullableDate,
    next_event_date: nullableDate,
    last_chat_message_date: nullableDate,
    last_interaction_date: nullableDate,
  })
  .transform((wire): InteractionDates => ({
    firstEmailDate: wire.first_email_date,
    lastEmailDate: wire.last_email_date,
    firstEventDate: wire.first_event_date,
    lastEventDate: wire.last_event_date,
    nextEventDate: wire.next_event_date,
    lastChatMessageDate: wire.last_chat_message_date,
    lastInteractionDate: wire.last_interaction_date,
  }));

/** `{date, person_ids?}`, or null when there was no such interaction (a null date counts as none). */
const interactionSchema = z
  .object({ date: dateText.nullish(), person_ids: ids })
  .nullish()
  .transform((wire): Interaction | null =>
    wire?.date ? { date: wire.date, personIds: wire.person_ids } : null,
  );

const INTERACTION_KINDS: Record<InteractionKind, string> = {
  firstEmail: 'first_email',
  lastEmail: 'last_email',
  firstEvent: 'first_event',
  lastEvent: 'last_event',
  nextEvent: 'next_event',
  lastChatMessage: 'last_chat_message',
  lastInteraction: 'last_interaction',
};

const interactionsSchema = z
  .object(
    Object.fromEntries(Object.values(INTERACTION_KINDS).map((wire) => [wire, interactionSchema.optional()])),
  )
  .nullish()
  .transform((wire) => {
    const out: Partial<Record<InteractionKind, Interaction | null>> = {};
    if (!wire) return out;
    for (const [kind, wireName] of Object.entries(INTERACTION_KINDS) as [InteractionKind, string][]) {
      // Keep only kinds the response spoke about: absent means "not asked", null means "none".
      if (wireName in wire) out[kind] = wire[wireName] ?? null;
    }
    return out;
  });

export const personRecordSchema = z
  .object({
    ...personFields,
    current_organization_ids: ids,
    opportunity_ids: ids,
    list_entries: listEntrySchema
      .array()
      .nullish()
      .transform((value) => value ?? []),
    interaction_dates: interactionDatesSchema.nullish().transform((value) => value ?? null),
    interactions: interactionsSchema,
  })
  .transform((wire): PersonRecord => ({
    ...toSummary(wire),
    organizationIds: wire.organization_ids ?? [],
    currentOrganizationIds: wire.current_organization_ids,
    opportunityIds: wire.opportunity_ids,
    listEntries: wire.list_entries,
    interactionDates: wire.interaction_dates,
    interactions: wire.interactions,
  }));

// ---------------------------------------------------------------- around a person

export const organizationSchema = z
  .object({
    id,
    name: z.string(),
    domain: z.string().nullish(),
    domains: z.string().array().nullish(),
  })
  .transform((wire): Organization => ({
    id: wire.id,
    name: wire.name,
    domain: wire.domain || null,
    domains: wire.domains ?? (wire.domain ? [wire.domain] : []),
  }));

const rankedDropdownSchema = z
  .object({
    id,
    text: z.string(),
    rank: z.number().nullish(),
    color: z.number().nullish(),
  })
  .transform((wire): RankedDropdown => ({
    id: wire.id,
    text: wire.text,
    rank: wire.rank ?? null,
    color: wire.color ?? null,
  }));

const LOCATION_KEYS = ['street_address', 'city', 'state', 'country', 'continent'];

const locationPart = z.string().nullish();

const locationSchema = z
  .object({
    street_address: locationPart,
    city: locationPart,
    state: locationPart,
    country: locationPart,
    continent: locationPart,
  })
  // Every part is optional, so insist on at least one: an unknown object is not a location.
  .refine((wire) => LOCATION_KEYS.some((key) => key in wire), 'expected a location')
  .transform((wire): Location => ({
    streetAddress: wire.street_address ?? null,
    city: wire.city ?? null,
    state: wire.state ?? null,
    country: wire.country ?? null,
    continent: wire.continent ?? null,
  }));

const knownValueSchema: z.ZodType<FieldValueValue, unknown> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  rankedDropdownSchema,
  locationSchema,
]);

export const fieldValueSchema = z
  .object({
    id,
    field_id: id,
    list_entry_id: id.nullish(),
    entity_id: id,
    // A value shape Lens does not know yet shows as empty rather than failing the whole card.
    value: knownValueSchema.optional().catch(null),
    updated_at: nullableDate,
  })
  .transform((wire): FieldValue => ({
    id: wire.id,
    fieldId: wire.field_id,
    listEntryId: wire.list_entry_id ?? null,
    entityId: wire.entity_id,
    value: wire.value ?? null,
    updatedAt: wire.updated_at,
  }));

export const fieldValuesSchema = fieldValueSchema.array();

const KNOWN_VALUE_TYPES = new Set<number>([0, 1, 2, 3, 4, 5, 6, 7]);

export const fieldSchema = z
  .object({
    id,
    name: z.string(),
    list_id: id.nullish(),
    value_type: id,
    allows_multiple: z.boolean().nullish(),
  })
  .transform((wire): Field => ({
    id: wire.id,
    name: wire.name,
    listId: wire.list_id ?? null,
    // A value type added after this was written is shown as text.
    valueType: (KNOWN_VALUE_TYPES.has(wire.value_type) ? wire.value_type : 6) as FieldValueType,
    allowsMultiple: wire.allows_multiple ?? false,
  }));

export const fieldsSchema = fieldSchema.array();

export const listSchema = z
  .object({ id, type: id, name: z.string() })
  .transform((wire): AffinityList => ({ id: wire.id, type: wire.type, name: wire.name }));

export const listsSchema = listSchema.array();

export const relationshipStrengthsSchema = z
  .object({ internal_id: id, external_id: id, strength: z.number() })
  .transform((wire): RelationshipStrength => ({
    internalId: wire.internal_id,
    externalId: wire.external_id,
    strength: wire.strength,
  }))
  .array();

export const noteSchema = z
  .object({
    id,
    creator_id: id.nullish(),
    person_ids: ids,
    content: z
      .string()
      .nullish()
      .transform((value) => value ?? ''),
    type: id,
    created_at: dateText,
  })
  .transform((wire): Note => ({
    id: wire.id,
    creatorId: wire.creator_id ?? null,
    personIds: wire.person_ids,
    content: wire.content,
    type: wire.type,
    createdAt: wire.created_at,
  }));

/** The docs show a bare array; recorded traffic shows `{notes, next_page_token}`. */
export const notesSchema = z.union([
  noteSchema.array(),
  z
    .object({ notes: noteSchema.array(), next_page_token: z.string().nullish() })
    .transform((page) => page.notes),
]);

// ---------------------------------------------------------------- errors

const messageText = z.string().trim().min(1);

/**
 * v1 error bodies are undocumented: a JSON string, `{message}`, `{error}` (a string or an object
 * with a message), or `{errors: [string | {code, message}]}` (v2's form).
 */
export const errorBodySchema = z.union([
  messageText,
  z.object({ message: messageText }).transform((body) => body.message),
  z.object({ error: messageText }).transform((body) => body.error),
  z.object({ error: z.object({ message: messageText }) }).transform((body) => body.error.message),
  z
    .object({
      errors: z
        .union([messageText, z.object({ message: messageText }).transform((item) => item.message)])
        .array()
        .min(1),
    })
    .transform((body) => body.errors.join('; ')),
]);

/** The message an error body carries, or null when it carries none Lens can read. */
export function errorMessageFromBody(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

/** "persons[0].first_name" from a zod path. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

type Issue = z.core.$ZodIssue;

/**
 * A union failure says only "Invalid input"; the branch that got furthest (longest path) says what
 * was actually wrong, so report that one, with its path under the union's.
 */
function explainIssue(
  issue: Issue,
  prefix: readonly PropertyKey[] = [],
): { path: PropertyKey[]; message: string } {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const deepest = issue.errors
      .map((branch) => branch[0])
      .filter((first): first is Issue => first !== undefined)
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (deepest) return explainIssue(deepest, path);
  }
  return { path, message: issue.message };
}

/**
 * What was wrong, for a person or a bug report: the first few problems with where they are. Never
 * includes the values received (they may be people's data).
 */
export function describeSchemaError(error: z.ZodError, limit = 3): string {
  const problems = error.issues.slice(0, limit).map((issue) => {
    const { path, message } = explainIssue(issue);
    return `${path.length > 0 ? formatPath(path) : 'the response'}: ${message}`;
  });
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : '';
  return problems.join('; ') + more;
}
