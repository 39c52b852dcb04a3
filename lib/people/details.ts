/**
 * getPerson: everything a card shows about one person, cached.
 *
 * Budget: an uncached person costs exactly 4 per-person calls, made in parallel —
 * GET /persons/{id} (with flags), /field-values?person_id=, /relationships-strengths?external_id=,
 * /notes?person_id=. Fields, lists and organization names come from long-lived caches (catalogs.ts);
 * their calls are counted apart: with those caches warm, a card costs 4 calls uncached and 0 cached.
 * (A current organization never seen before is fetched once, awaited, and then cached for 7 days;
 * other organizations are named in the background and the card is updated through onUpdate.)
 *
 * Cache ages: younger than `freshMs` answers with no call; younger than `staleMs` answers at once
 * with `stale: true` and refreshes in the background (onUpdate reports the result); older is
 * fetched. `refresh: true` always fetches. A 404 removes the person from the roster and the cache;
 * a merged person is followed to the id it was merged into (and the old id remembered).
 */
import { AffinityError, type SerializedError } from '../affinity/errors';
import type { AffinityClient, RequestOptions } from '../affinity/types';
import type { Clock } from '../scheduler/types';
import { assemblePerson, latestNotes, organizationIdsOf } from './assemble';
import { createCatalogs, DAY_MS, type Catalogs } from './catalogs';
import type { DetailsEntry, PersonBundle, RosterDb } from './roster-db';
import type { RosterView } from './roster-view';
import type { PersonDetailsResult } from './types';

export const DEFAULT_FRESH_MS = 10 * 60 * 1000;
export const DEFAULT_STALE_MS = DAY_MS;
/** One page of notes is plenty to find the latest few (Affinity does not promise an order). */
const NOTES_PAGE_SIZE = 100;
/** Organizations named in the background per card: a long career should not cost a hundred calls. */
const MAX_BACKGROUND_ORGANIZATIONS = 20;
const MAX_MERGE_HOPS = 3;

export type PersonUpdate =
  { id: number; result: PersonDetailsResult } | { id: number; error: SerializedError };

export interface PersonDetailsOptions {
  client: AffinityClient;
  db: RosterDb;
  /** The in-memory roster, for teammates' names and to hide people Affinity no longer has. */
  roster: () => Promise<RosterView>;
  getSubdomain: () => string | null | Promise<string | null>;
  clock?: Pick<Clock, 'now'>;
  freshMs?: number;
  staleMs?: number;
  catalogTtlMs?: number;
  organizationTtlMs?: number;
  /** A background refresh landed (or failed): `id` is the id getPerson was asked for. */
  onUpdate?: (update: PersonUpdate) => void;
  /** A person was removed from the roster (404 or merged away). */
  onRemoved?: (id: number) => void;
}

export interface GetPersonOptions {
  /** Fetch even when the cache is fresh. */
  refresh?: boolean;
  /** The caller gave up (card closed): the fetch is cancelled once no caller waits for it. */
  signal?: AbortSignal;
}

export interface PersonDetailsService {
  getPerson(id: number, options?: GetPersonOptions): Promise<PersonDetailsResult>;
  /** The current organization's name for a search hit, where a card has been assembled before. */
  organizationHint(id: number): string | null;
  /** Reads the hints above from the cache (once, at start). */
  loadHints(): Promise<void>;
  /** Cached organization names (any age), from memory: cheap enough for every search. */
  organizationNames(ids: number[]): Promise<ReadonlyMap<number, string>>;
  /** Fetches the names not cached yet, at interactive priority (one call per organization, even when asked twice at once); failures are skipped. */
  fetchOrganizationNames(ids: number[]): Promise<void>;
  /** Fills the fields and lists caches at background priority (e.g. after a sync). */
  warmCatalogs(): Promise<void>;
  /** Resolves when every background refresh started so far has finished. */
  idle(): Promise<void>;
}

interface SharedFetch {
  promise: Promise<PersonDetailsResult>;
  controller: AbortController;
  waiters: number;
}

const aborted = (): AffinityError =>
  new AffinityError({ kind: 'aborted', message: 'The request was cancelled.' });

export function createPersonDetails(options: PersonDetailsOptions): PersonDetailsService {
  const { client, db } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const freshMs = options.freshMs ?? DEFAULT_FRESH_MS;
  const staleMs = Math.max(options.staleMs ?? DEFAULT_STALE_MS, freshMs);
  const catalogs: Catalogs = createCatalogs({
    client,
    db,
    clock,
    catalogTtlMs: options.catalogTtlMs,
    organizationTtlMs: options.organizationTtlMs,
  });
  const inFlight = new Map<number, SharedFetch>();
  const background = new Set<Promise<unknown>>();
  const hints = new Map<number, string>();

  function track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => background.delete(settled));
    background.add(settled);
  }

  async function assemble(entry: DetailsEntry): Promise<PersonDetailsResult> {
    const [roster, fields, lists, subdomain] = await Promise.all([
      options.roster(),
      catalogs.fields(false),
      catalogs.lists(false),
      options.getSubdomain(),
    ]);
    const { current, other } = organizationIdsOf(entry.bundle, fields);
    const orgNames = await catalogs.organizationNames([...current, ...other]);
    const person = assemblePerson(entry.bundle, {
      fields,
      lists,
      subdomain,
      personName: (id) => roster.name(id),
      organizationName: (id) => orgNames.get(id) ?? null,
    });
    const firstOrganization = person.currentOrganizations[0]?.name;
    if (firstOrganization) hints.set(person.id, firstOrganization);
    else hints.delete(person.id);
    return { person, fetchedAt: entry.fetchedAt, stale: clock.now() - entry.fetchedAt >= freshMs };
  }

  async function forget(id: number): Promise<void> {
    hints.delete(id);
    await db.removePerson(id);
    options.onRemoved?.(id);
  }

  /** The four per-person calls. Sections the key may not see (403) are left empty rather than failing the card. */
  async function fetchBundle(id: number, request: RequestOptions): Promise<PersonBundle> {
    const optional = <T>(call: Promise<T[]>): Promise<T[]> =>
      call.catch((error: unknown) => {
        if (AffinityError.from(error).kind === 'forbidden') return [];
        throw error;
      });
    const [record, fieldValues, strengths, notes] = await Promise.all([
      client.getPerson(id, request),
      optional(client.getFieldValues(id, request)),
      optional(client.getRelationshipStrengths(id, request)),
      optional(client.getNotes(id, { pageSize: NOTES_PAGE_SIZE }, request)),
    ]);
    return { record, fieldValues, strengths, notes: latestNotes({ notes }) };
  }

  /** Names organizations the card shows: the current ones are awaited, the rest land later via onUpdate. */
  async function nameOrganizations(requestedId: number, entry: DetailsEntry): Promise<void> {
    const fields = await catalogs.fields(false);
    const { current, other } = organizationIdsOf(entry.bundle, fields);
    const now = await catalogs.organizationsToFetch(current);
    await catalogs.fetchOrganizations(now.missing, 'interactive');
    const later = await catalogs.organizationsToFetch(other);
    const backgroundIds = [
      ...now.expired,
      ...later.missing.slice(0, MAX_BACKGROUND_ORGANIZATIONS),
      ...later.expired,
    ];
    if (backgroundIds.length === 0) return;
    track(
      catalogs.fetchOrganizations(backgroundIds, 'background').then(async (fetched) => {
        if (fetched === 0) return;
        const stored = await db.getDetails(entry.id);
        if (stored) options.onUpdate?.({ id: requestedId, result: await assemble(stored) });
      }),
    );
  }

  async function fetchPerson(
    requestedId: number,
    id: number,
    signal: AbortSignal,
  ): Promise<PersonDetailsResult> {
    const request: RequestOptions = { priority: 'interactive', signal };
    // Catalogs load beside the per-person calls; when cold they are filled once, then cached.
    const catalogsReady = Promise.all([catalogs.fields(true), catalogs.lists(true)]);
    let bundle: PersonBundle;
    try {
      bundle = await fetchBundle(id, request);
    } catch (error) {
      await catalogsReady.catch(() => undefined);
      const failure = AffinityError.from(error);
      if (failure.kind === 'not-found') await forget(id);
      throw failure;
    }
    const [fields, lists] = await catalogsReady;
    const unknownFields = bundle.fieldValues.map((v) => v.fieldId).filter((f) => !fields.has(f));
    const unknownLists = bundle.record.listEntries.map((e) => e.listId).filter((l) => !lists.has(l));
    await Promise.all([
      unknownFields.length > 0 ? catalogs.refreshFieldsFor(unknownFields) : null,
      unknownLists.length > 0 ? catalogs.refreshListsFor(unknownLists) : null,
    ]);
    const entry: DetailsEntry = { id, fetchedAt: clock.now(), bundle };
    await nameOrganizations(requestedId, entry);
    await db.putDetails(entry);
    return assemble(entry);
  }

  /** One fetch per id at a time; it is cancelled only when every caller waiting on it gave up. */
  function sharedFetch(requestedId: number, id: number, signal?: AbortSignal): Promise<PersonDetailsResult> {
    if (signal?.aborted) return Promise.reject(aborted());
    let shared = inFlight.get(id);
    if (!shared) {
      const controller = new AbortController();
      const created: SharedFetch = {
        controller,
        waiters: 0,
        promise: fetchPerson(requestedId, id, controller.signal).finally(() => {
          if (inFlight.get(id) === created) inFlight.delete(id);
        }),
      };
      shared = created;
      inFlight.set(id, shared);
    }
    const joined = shared;
    joined.waiters += 1;
    if (!signal) return joined.promise;
    return new Promise<PersonDetailsResult>((resolve, reject) => {
      const onAbort = () => {
        leave(joined);
        reject(aborted());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  function leave(shared: SharedFetch): void {
    shared.waiters -= 1;
    if (shared.waiters <= 0) shared.controller.abort();
  }

  async function resolveAlias(id: number): Promise<number> {
    let current = id;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop += 1) {
      const next = await db.getAlias(current);
      if (next === undefined || next === current) break;
      current = next;
    }
    return current;
  }

  async function getPersonFrom(
    requestedId: number,
    options: GetPersonOptions,
    hops: number,
  ): Promise<PersonDetailsResult> {
    const id = await resolveAlias(requestedId);
    if (!options.refresh) {
      const entry = await db.getDetails(id);
      const age = entry ? clock.now() - entry.fetchedAt : Infinity;
      if (entry && age < freshMs) return assemble(entry);
      if (entry && age < staleMs) {
        refreshLater(requestedId, id);
        return assemble(entry);
      }
    }
    try {
      return await sharedFetch(requestedId, id, options.signal);
    } catch (error) {
      const failure = AffinityError.from(error);
      if (failure.kind === 'merged' && failure.mergedInto !== undefined && hops < MAX_MERGE_HOPS) {
        await db.putAlias(id, failure.mergedInto);
        await forget(id);
        return getPersonFrom(failure.mergedInto, options, hops + 1);
      }
      throw failure;
    }
  }

  function refreshLater(requestedId: number, id: number): void {
    if (inFlight.has(id)) return;
    track(
      getPersonFrom(id, { refresh: true }, 0).then(
        (result) => options.onUpdate?.({ id: requestedId, result }),
        (error: unknown) =>
          options.onUpdate?.({ id: requestedId, error: AffinityError.from(error).toJSON() }),
      ),
    );
  }

  return {
    getPerson: (id, opts = {}) => getPersonFrom(id, opts, 0),
    organizationHint: (id) => hints.get(id) ?? null,
    async loadHints() {
      const entries = await db.allDetails();
      const ids = entries.flatMap((e) => e.bundle.record.currentOrganizationIds.slice(0, 1));
      const names = await catalogs.organizationNames([...new Set(ids)]);
      for (const e of entries) {
        const first = e.bundle.record.currentOrganizationIds[0];
        const name = first === undefined ? undefined : names.get(first);
        if (name && !hints.has(e.id)) hints.set(e.id, name);
      }
    },
    organizationNames: (ids) => catalogs.organizationNames(ids),
    async fetchOrganizationNames(ids) {
      const { missing } = await catalogs.organizationsToFetch(ids);
      if (missing.length > 0) await catalogs.fetchOrganizations(missing, 'interactive');
    },
    warmCatalogs: () => catalogs.warm(),
    async idle() {
      while (background.size > 0) await Promise.all([...background]);
    },
  };
}
