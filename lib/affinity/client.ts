/**
 * The Affinity v1 client: the only place that knows paths and query flags. Every call goes through
 * the request scheduler; answers are validated and turned into domain types, failures into
 * AffinityErrors with a sentence a person can act on.
 */
import { formatResumeTime } from '../ui/time';
import type { z } from 'zod';
import { AffinityError } from './errors';
import { buildUrl, createHttpSend, type HttpSend, type Query } from './http';
import { retryAtFromHeaders, parseRateLimitHeaders } from './rate-headers';
import {
  describeSchemaError,
  errorMessageFromBody,
  fieldValuesSchema,
  fieldsSchema,
  listsSchema,
  notesSchema,
  organizationSchema,
  personPageSchema,
  personRecordSchema,
  rateLimitSchema,
  relationshipStrengthsSchema,
  whoAmISchema,
} from './schemas';
import type { AffinityClient, RequestOptions } from './types';
import type { HttpResponse, RequestScheduler } from '../scheduler/types';

export interface AffinityClientOptions {
  baseUrl: string;
  /** The saved key, read for every call so that a replaced key takes effect at once. */
  getKey: () => Promise<string | null>;
  scheduler: RequestScheduler;
  /** One HTTP exchange; defaults to ky against baseUrl. Injected by tests. */
  send?: HttpSend;
  timeoutMs?: number;
  /** Epoch ms, for "requests resume at" times. */
  now?: () => number;
}

export interface RootAffinityClient extends AffinityClient {
  /**
   * The same client bound to another key, e.g. to check a new key with whoAmI before it replaces
   * the saved one. Its GETs are never coalesced with the saved key's (they may answer differently).
   */
  withKey(key: string): AffinityClient;
}

export const NO_KEY_MESSAGE = 'Add your Affinity API key in Affinity Lens settings.';
export const REJECTED_MESSAGE =
  'Your Affinity API key was rejected. Paste a new key in Affinity Lens settings.';
export const FORBIDDEN_MESSAGE =
  'Your Affinity account does not have access to this. Ask an Affinity admin if you need it.';
export const UNAVAILABLE_MESSAGE = 'Affinity is unavailable right now. Lens will retry.';
export const NO_SUCH_PERSON_MESSAGE = 'No such person in Affinity.';

/** Search and directory pages: Affinity's default and maximum. */
export const MAX_PAGE_SIZE = 500;
/** When a 429 names no time to resume: Affinity's window is one minute. */
const FALLBACK_RATE_WAIT_MS = 60_000;

/** Quota-free calls: they do not count against the account's monthly allowance. */
const QUOTA_FREE_PATHS = new Set(['/auth/whoami', '/rate-limit']);

/** Query flags for GET /persons/{id}: everything the card shows in one call. */
const PERSON_DETAIL_FLAGS = {
  with_current_organizations: true,
  with_interaction_dates: true,
  with_interaction_persons: true,
  with_opportunities: true,
} as const;

export function createAffinityClient(options: AffinityClientOptions): RootAffinityClient {
  const send = options.send ?? createHttpSend({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs });
  const now = options.now ?? Date.now;
  const base = bindClient({ ...options, send, now, coalesce: true });
  return {
    ...base,
    withKey: (key) =>
      bindClient({ ...options, send, now, getKey: () => Promise.resolve(key), coalesce: false }),
  };
}

interface Binding {
  baseUrl: string;
  getKey: () => Promise<string | null>;
  scheduler: RequestScheduler;
  send: HttpSend;
  now: () => number;
  coalesce: boolean;
}

function bindClient(binding: Binding): AffinityClient {
  async function get<T>(
    path: string,
    query: Query | undefined,
    schema: z.ZodType<T, unknown>,
    options: RequestOptions = {},
  ): Promise<T> {
    const key = (await binding.getKey())?.trim();
    if (!key) throw new AffinityError({ kind: 'no-key', message: NO_KEY_MESSAGE });
    let response: HttpResponse;
    try {
      response = await binding.scheduler.schedule({
        dedupeKey: binding.coalesce ? buildUrl(binding.baseUrl, path, query) : undefined,
        priority: options.priority ?? 'interactive',
        signal: options.signal,
        quotaFree: QUOTA_FREE_PATHS.has(path) || undefined,
        execute: (signal) => binding.send({ path, query, key, signal }),
      });
    } catch (error) {
      throw redactKey(AffinityError.from(error), key);
    }
    if (response.status >= 200 && response.status < 300) return validate(path, schema, response.body);
    throw redactKey(errorForStatus(path, response, binding.now()), key);
  }

  // Methods that check an id are async so that a bad id rejects like any other failure.
  return {
    whoAmI: (options) => get('/auth/whoami', undefined, whoAmISchema, options),
    rateLimit: (options) => get('/rate-limit', undefined, rateLimitSchema, options),
    searchPersons: (query, options) =>
      get(
        '/persons',
        {
          // An empty term would still be a different URL from none; both mean "everyone".
          term: query.term === '' ? undefined : query.term,
          page_size: query.pageSize === undefined ? undefined : clampPageSize(query.pageSize),
          page_token: query.pageToken || undefined,
          // Never with_interaction_dates here: it silently drops people without interactions.
          with_current_organizations: query.withCurrentOrganizations || undefined,
        },
        personPageSchema,
        options,
      ),
    getPerson: async (id, options) =>
      get(`/persons/${entityId(id)}`, PERSON_DETAIL_FLAGS, personRecordSchema, options),
    getOrganization: async (id, options) =>
      get(`/organizations/${entityId(id)}`, undefined, organizationSchema, options),
    getFieldValues: async (personId, options) =>
      get('/field-values', { person_id: entityId(personId) }, fieldValuesSchema, options),
    getFields: (options) => get('/fields', undefined, fieldsSchema, options),
    getLists: (options) => get('/lists', undefined, listsSchema, options),
    getRelationshipStrengths: async (personId, options) =>
      get(
        '/relationships-strengths',
        { external_id: entityId(personId) },
        relationshipStrengthsSchema,
        options,
      ),
    getNotes: async (personId, query, options) =>
      get(
        '/notes',
        {
          person_id: entityId(personId),
          page_size: query?.pageSize === undefined ? undefined : clampPageSize(query.pageSize),
        },
        notesSchema,
        options,
      ),
  };
}

function clampPageSize(size: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}

/** Ids go into paths: anything but a positive integer could address another endpoint. */
function entityId(id: number): number {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new AffinityError({
      kind: 'invalid',
      message: `Lens asked Affinity for an invalid id (${String(id)}).`,
    });
  }
  return id;
}

function validate<T>(path: string, schema: z.ZodType<T, unknown>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AffinityError({
    kind: 'unexpected',
    message: `Affinity sent an answer Lens did not expect (GET ${path}): ${describeSchemaError(parsed.error)}.`,
  });
}

/** Error text from a body is shown to a person: keep it short and single-line. */
function bodyMessage(body: unknown): string | null {
  const message = errorMessageFromBody(body);
  if (message === null) return null;
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function notFoundMessage(path: string): string {
  if (/^\/persons\/\d+$/.test(path)) return NO_SUCH_PERSON_MESSAGE;
  if (/^\/organizations\/\d+$/.test(path)) return 'No such organization in Affinity.';
  return 'Affinity could not find what Lens asked for. It may have been deleted.';
}

export function errorForStatus(path: string, response: HttpResponse, now: number): AffinityError {
  const { status, headers, body } = response;
  const message = bodyMessage(body);
  switch (status) {
    case 401:
      return new AffinityError({ kind: 'rejected', status, message: REJECTED_MESSAGE });
    case 403:
      return new AffinityError({ kind: 'forbidden', status, message: FORBIDDEN_MESSAGE });
    case 404:
      // An unknown path is a bug in Lens (or a changed API), not a missing person.
      if (message !== null && /unknown api endpoint/i.test(message)) {
        return new AffinityError({
          kind: 'unexpected',
          status,
          message: `Affinity does not know the request GET ${path}. Lens may need an update.`,
        });
      }
      return new AffinityError({ kind: 'not-found', status, message: notFoundMessage(path) });
    case 400:
    case 422: {
      const merged = message === null ? null : /merged into (\d+)/i.exec(message);
      if (merged?.[1]) {
        const mergedInto = Number(merged[1]);
        return new AffinityError({
          kind: 'merged',
          status,
          mergedInto,
          message: `This person was merged into another Affinity record (id ${mergedInto}).`,
        });
      }
      return new AffinityError({
        kind: 'invalid',
        status,
        message: message
          ? `Affinity refused the request: ${message}`
          : 'Affinity refused the request as invalid.',
      });
    }
    case 429:
      return rateLimitedError(headers, now);
    default:
      if (status >= 500)
        return new AffinityError({ kind: 'unavailable', status, message: UNAVAILABLE_MESSAGE });
      return new AffinityError({
        kind: 'unexpected',
        status,
        message: `Affinity answered GET ${path} with an unexpected status (${status}).`,
      });
  }
}

function rateLimitedError(headers: Record<string, string>, now: number): AffinityError {
  const rate = parseRateLimitHeaders(headers);
  // The monthly account quota is spent: no point saying "at 14:05" when it resets next month.
  if (rate.orgRemaining === 0 && rate.orgResetSeconds !== undefined) {
    const retryAt = now + rate.orgResetSeconds * 1000;
    return new AffinityError({
      kind: 'quota',
      status: 429,
      retryAt,
      message: `Your Affinity account has used its monthly API rate limit; requests resume ${formatResumeTime(retryAt, now)}.`,
    });
  }
  const retryAt = retryAtFromHeaders(headers, now) ?? now + FALLBACK_RATE_WAIT_MS;
  return new AffinityError({
    kind: 'rate-limited',
    status: 429,
    retryAt,
    message: `Affinity's rate limit was reached; requests resume ${formatResumeTime(retryAt, now)}.`,
  });
}

/** Belt and braces: whatever a body or a dependency said, the key never reaches a message. */
function redactKey(error: AffinityError, key: string): AffinityError {
  if (!error.message.includes(key)) return error;
  return new AffinityError({ ...error.toJSON(), message: error.message.split(key).join('[key]') });
}
