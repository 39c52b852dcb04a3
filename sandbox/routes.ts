/**
 * The v1 endpoints the extension uses: path patterns and handlers that turn a query into a status and
 * a JSON body. No HTTP here (server.ts does that), so handlers stay plain functions over the data.
 */
import { fold } from '../lib/matching/fold';
import type { SandboxData } from './data';
import { encodePageToken, offsetFromPageToken, type PageParams } from './page-token';
import type { MinuteState, MonthState } from './rate-limiter';
import {
  fieldValueWire,
  fieldWire,
  listWire,
  noteWire,
  organizationWire,
  personRecordWire,
  personSummaryWire,
  rateLimitWire,
  relationshipStrengthWire,
  whoAmIWire,
  type JsonObject,
  type PersonFlags,
} from './wire';

export interface ApiAnswer {
  status: number;
  /** Serialised as JSON. */
  body: unknown;
}

export interface ApiContext {
  data: SandboxData;
  query: URLSearchParams;
  search: SearchCache;
  /** The allowances after this request was counted (for GET /rate-limit). */
  minute: MinuteState;
  month: MonthState;
}

export interface Route {
  /** The name stats are kept under, e.g. "GET /persons/{id}". */
  name: string;
  pattern: RegExp;
  /** Free of the monthly quota (whoami and /rate-limit). */
  monthlyFree?: boolean;
  handle(context: ApiContext, match: RegExpExecArray): ApiAnswer;
}

export const MAX_PAGE_SIZE = 500;

const ok = (body: unknown): ApiAnswer => ({ status: 200, body });
const fail = (status: number, message: string): ApiAnswer => ({ status, body: { message } });
const invalidToken = (): ApiAnswer => fail(422, 'Invalid page_token variable');

function notFound(kind: string, id: number): ApiAnswer {
  return fail(404, `${kind} with id ${id} not found`);
}

/** The answer for a person id that is unknown or merged, or null when the person exists. */
function personProblem(data: SandboxData, id: number): ApiAnswer | null {
  const mergedInto = data.mergedInto(id);
  if (mergedInto !== undefined)
    return fail(422, `${id} no longer exists as it has been merged into ${mergedInto}`);
  return data.person(id) ? null : notFound('Person', id);
}

const flag = (query: URLSearchParams, name: string): boolean => query.get(name) === 'true';

function personFlags(query: URLSearchParams): PersonFlags {
  return {
    withInteractionDates: flag(query, 'with_interaction_dates'),
    withInteractionPersons: flag(query, 'with_interaction_persons'),
    withOpportunities: flag(query, 'with_opportunities'),
    withCurrentOrganizations: flag(query, 'with_current_organizations'),
  };
}

/** page_size: default and maximum 500 (larger asks are capped). */
function pageSizeOf(query: URLSearchParams): number | ApiAnswer {
  const raw = query.get('page_size');
  if (raw === null || raw === '') return MAX_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1) return fail(422, 'page_size must be a positive integer');
  return Math.min(size, MAX_PAGE_SIZE);
}

/** A required numeric id parameter, or the 422 for its absence. */
function idParam(query: URLSearchParams, name: string): number | ApiAnswer {
  const raw = query.get(name);
  const id = raw === null ? NaN : Number(raw);
  if (!Number.isSafeInteger(id) || id < 0) return fail(422, `${name} is required and must be an integer`);
  return id;
}

const isAnswer = (value: unknown): value is ApiAnswer => typeof value === 'object' && value !== null;

/**
 * One page of a result set: a token only when more follows (so that a full sync costs
 * ceil(n / page_size) calls). On the last page `next_page_token` is null, or missing altogether
 * for with_interaction_dates queries, as in recorded traffic.
 */
function paginate<T>(
  items: { length: number; slice(start: number, end: number): ArrayLike<T> },
  query: URLSearchParams,
  params: PageParams,
  omitLastToken: boolean,
): { page: ArrayLike<T>; nextPageToken?: string | null } | ApiAnswer {
  const pageSize = pageSizeOf(query);
  if (isAnswer(pageSize)) return pageSize;
  let offset = 0;
  const token = query.get('page_token');
  if (token !== null && token !== '') {
    const continued = offsetFromPageToken(token, params, pageSize);
    if (continued === null) return invalidToken();
    offset = continued;
  }
  const page = items.slice(offset, offset + pageSize);
  const end = offset + pageSize;
  if (end < items.length) return { page, nextPageToken: encodePageToken(params, pageSize, end) };
  return omitLastToken ? { page } : { page, nextPageToken: null };
}

/** Recent search results by query, so that paging through a big result does not search again. */
export class SearchCache {
  readonly #entries = new Map<string, Int32Array>();
  readonly #data: SandboxData;

  constructor(data: SandboxData) {
    this.#data = data;
  }

  get(term: string, withInteractionDates: boolean): Int32Array {
    const key = `${withInteractionDates ? 1 : 0}:${fold(term).trim()}`;
    let hits = this.#entries.get(key);
    if (hits) {
      this.#entries.delete(key);
    } else {
      hits = this.#data.searchIndexes(term, { withInteractionDates });
      if (this.#entries.size >= 16) this.#entries.delete(this.#entries.keys().next().value as string);
    }
    this.#entries.set(key, hits);
    return hits;
  }
}

function listPersons({ data, query, search }: ApiContext): ApiAnswer {
  const flags = personFlags(query);
  const term = (query.get('term') ?? '').trim();
  const params: PageParams = {
    term,
    with_interaction_dates: flags.withInteractionDates,
    with_interaction_persons: flags.withInteractionPersons,
    with_opportunities: flags.withOpportunities,
    with_current_organizations: flags.withCurrentOrganizations,
  };
  const hits = search.get(term, flags.withInteractionDates);
  const result = paginate(hits, query, params, flags.withInteractionDates);
  if ('status' in result) return result;
  const { page, nextPageToken } = result;
  const body: JsonObject = {
    persons: Array.from(page as Int32Array, (index) => personSummaryWire(data, data.personAt(index), flags)),
  };
  if (nextPageToken !== undefined) body.next_page_token = nextPageToken;
  return ok(body);
}

function getPerson({ data, query }: ApiContext, match: RegExpExecArray): ApiAnswer {
  const id = Number(match[1]);
  const problem = personProblem(data, id);
  const person = data.person(id);
  if (problem || !person) return problem ?? notFound('Person', id);
  return ok(personRecordWire(data, person, personFlags(query)));
}

function getOrganization({ data, query }: ApiContext, match: RegExpExecArray): ApiAnswer {
  const id = Number(match[1]);
  const org = data.organization(id);
  return org ? ok(organizationWire(data, org, personFlags(query))) : notFound('Organization', id);
}

function getFieldValues({ data, query }: ApiContext): ApiAnswer {
  const id = idParam(query, 'person_id');
  if (isAnswer(id)) return id;
  const problem = personProblem(data, id);
  if (problem) return problem;
  return ok(data.fieldValues(id).map(fieldValueWire));
}

function getFields({ data, query }: ApiContext): ApiAnswer {
  const listId = query.get('list_id');
  const fields =
    listId === null ? data.fields : data.fields.filter((field) => String(field.listId) === listId);
  return ok(fields.map(fieldWire));
}

function getList({ data }: ApiContext, match: RegExpExecArray): ApiAnswer {
  const id = Number(match[1]);
  const list = data.list(id);
  return list ? ok(listWire(list, true)) : notFound('List', id);
}

function getRelationshipStrengths({ data, query }: ApiContext): ApiAnswer {
  const id = idParam(query, 'external_id');
  if (isAnswer(id)) return id;
  const problem = personProblem(data, id);
  if (problem) return problem;
  const internalId = query.get('internal_id');
  const strengths = data
    .relationshipStrengths(id)
    .filter((strength) => internalId === null || String(strength.internalId) === internalId);
  return ok(strengths.map(relationshipStrengthWire));
}

/** Recorded traffic answers an object {notes, next_page_token} (the docs show a bare array). */
function getNotes({ data, query }: ApiContext): ApiAnswer {
  const id = idParam(query, 'person_id');
  if (isAnswer(id)) return id;
  const problem = personProblem(data, id);
  if (problem) return problem;
  const result = paginate(data.notes(id), query, { person_id: String(id) }, false);
  if ('status' in result) return result;
  return ok({ notes: Array.from(result.page, noteWire), next_page_token: result.nextPageToken ?? null });
}

export const ROUTES: readonly Route[] = [
  {
    name: 'GET /auth/whoami',
    pattern: /^\/auth\/whoami$/,
    monthlyFree: true,
    handle: ({ data }) => ok(whoAmIWire(data)),
  },
  {
    name: 'GET /rate-limit',
    pattern: /^\/rate-limit$/,
    monthlyFree: true,
    handle: ({ month, minute }) => ok(rateLimitWire(month, minute)),
  },
  { name: 'GET /persons', pattern: /^\/persons$/, handle: listPersons },
  {
    name: 'GET /persons/fields',
    pattern: /^\/persons\/fields$/,
    handle: ({ data }) => ok(data.personFields.map(fieldWire)),
  },
  { name: 'GET /persons/{id}', pattern: /^\/persons\/(\d{1,15})$/, handle: getPerson },
  { name: 'GET /organizations/{id}', pattern: /^\/organizations\/(\d{1,15})$/, handle: getOrganization },
  { name: 'GET /field-values', pattern: /^\/field-values$/, handle: getFieldValues },
  { name: 'GET /fields', pattern: /^\/fields$/, handle: getFields },
  {
    name: 'GET /lists',
    pattern: /^\/lists$/,
    handle: ({ data }) => ok(data.lists.map((list) => listWire(list))),
  },
  { name: 'GET /lists/{id}', pattern: /^\/lists\/(\d{1,15})$/, handle: getList },
  {
    name: 'GET /relationships-strengths',
    pattern: /^\/relationships-strengths$/,
    handle: getRelationshipStrengths,
  },
  { name: 'GET /notes', pattern: /^\/notes$/, handle: getNotes },
];

export function findRoute(path: string): { route: Route; match: RegExpExecArray } | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) return { route, match };
  }
  return null;
}
