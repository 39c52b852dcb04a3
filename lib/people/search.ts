/**
 * searchPeople: the local roster answers first (no call, within a frame); Affinity's term search
 * refines when the roster cannot be trusted to be complete — it is empty, stale (older than twice
 * the sync interval) or has no hit. Refined hits are merged after the local ones, de-duplicated by
 * id. A failed refinement keeps the local hits and reports the error beside them.
 *
 * Each hit names its current organization from the long-lived organization-name cache. A local
 * answer never calls Affinity for a name; when the first few hits' names are missing, it says
 * `needsRefine`, and the refined answer fetches those names (once each, then cached) before it
 * answers, so the list the popup settles on says where people work.
 *
 * The popup asks for `searchLocal` on every keystroke (instant) and then `searchRemote` only when
 * the local result says `needsRefine`, so its list never flickers from one source to the other.
 */
import { AffinityError } from '../affinity/errors';
import type { AffinityClient } from '../affinity/types';
import type { Clock } from '../scheduler/types';
import { fullName } from './assemble';
import type { RosterView } from './roster-view';
import type { RosterPerson, RosterStatus, SearchHit, SearchResult } from './types';

export const DEFAULT_SEARCH_LIMIT = 20;
/** Hits whose organization a refined answer names before answering: about what the popup shows at once. */
export const NAMED_HITS = 8;

export interface PeopleSearchOptions {
  client: AffinityClient;
  roster: () => Promise<RosterView>;
  rosterStatus: () => Promise<Pick<RosterStatus, 'count' | 'lastSyncAt'>>;
  /** The roster is stale after twice this (the sync interval, which the user can change). */
  syncIntervalMs: () => number;
  /** The current organization of a person, where known locally (from a card seen before). */
  organizationHint?: (id: number) => string | null;
  /** Cached organization names (no call). */
  organizationNames?: (ids: number[]) => Promise<ReadonlyMap<number, string>>;
  /** Fetches and caches names not cached yet (interactive, coalesced); failures are skipped. */
  fetchOrganizationNames?: (ids: number[]) => Promise<void>;
  clock?: Pick<Clock, 'now'>;
}

export interface SearchOptions {
  limit?: number;
  signal?: AbortSignal;
}

/** A local answer, with whether Affinity's search should refine it. */
export interface LocalSearchResult extends SearchResult {
  source: 'roster';
  needsRefine: boolean;
}

export interface PeopleSearch {
  /** Local hits only, at once and without a call, with whether a refinement is due. */
  searchLocal(term: string, options?: SearchOptions): Promise<LocalSearchResult>;
  /** Local hits merged with Affinity's term search (always asks Affinity, at interactive priority). */
  searchRemote(term: string, options?: SearchOptions): Promise<SearchResult>;
  /** Local first; refined by Affinity only when the roster is empty, stale or has no hit. Names missing organizations first. */
  searchPeople(term: string, options?: SearchOptions): Promise<SearchResult>;
}

type HitSource = Pick<
  RosterPerson,
  'id' | 'type' | 'firstName' | 'lastName' | 'primaryEmail' | 'emails' | 'currentOrganizationIds'
>;

const firstOrganizationOf = (p: HitSource): number | undefined => p.currentOrganizationIds?.[0];

function firstOrganizations(sources: readonly HitSource[]): number[] {
  const ids = new Set<number>();
  for (const p of sources) {
    const id = firstOrganizationOf(p);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

export function createPeopleSearch(options: PeopleSearchOptions): PeopleSearch {
  const clock = options.clock ?? { now: () => Date.now() };
  /** Organizations whose name could not be fetched: not asked again while this worker lives. */
  const unnameable = new Set<number>();

  const toHit = (p: HitSource, names: ReadonlyMap<number, string>): SearchHit => {
    const organizationId = firstOrganizationOf(p);
    const named = organizationId === undefined ? undefined : names.get(organizationId);
    return {
      id: p.id,
      fullName: fullName(p.firstName, p.lastName) || (p.primaryEmail ?? p.emails[0] ?? ''),
      primaryEmail: p.primaryEmail ?? p.emails[0] ?? null,
      organization: named ?? options.organizationHint?.(p.id) ?? null,
      type: p.type,
    };
  };

  async function namesOf(ids: number[]): Promise<ReadonlyMap<number, string>> {
    if (ids.length === 0 || !options.organizationNames) return new Map();
    return options.organizationNames(ids);
  }

  async function toHits(sources: readonly HitSource[]): Promise<SearchHit[]> {
    const names = await namesOf(firstOrganizations(sources));
    return sources.map((p) => toHit(p, names));
  }

  /** The first few hits' organizations that have no cached name and could still get one. */
  async function unnamed(sources: readonly HitSource[]): Promise<number[]> {
    if (!options.fetchOrganizationNames) return [];
    const ids = firstOrganizations(sources.slice(0, NAMED_HITS)).filter((id) => !unnameable.has(id));
    const names = await namesOf(ids);
    return ids.filter((id) => !names.has(id));
  }

  async function nameOrganizations(sources: readonly HitSource[]): Promise<void> {
    const missing = await unnamed(sources);
    if (missing.length === 0 || !options.fetchOrganizationNames) return;
    await options.fetchOrganizationNames(missing).catch(() => undefined);
    const names = await namesOf(missing);
    for (const id of missing) if (!names.has(id)) unnameable.add(id);
  }

  async function localSources(term: string, limit: number): Promise<HitSource[]> {
    const roster = await options.roster();
    const sources: HitSource[] = [];
    for (const { id } of roster.search(term, limit)) {
      const person = roster.person(id);
      if (person) sources.push(person);
    }
    return sources;
  }

  async function isStale(): Promise<boolean> {
    const status = await options.rosterStatus();
    if (status.count === 0 || status.lastSyncAt === null) return true;
    return clock.now() - status.lastSyncAt > 2 * options.syncIntervalMs();
  }

  /** Local hits, and whether Affinity's term search should be asked (the roster may lack people). */
  async function fromRoster(term: string, opts: SearchOptions) {
    const sources = await localSources(term, opts.limit ?? DEFAULT_SEARCH_LIMIT);
    return { sources, needsSearch: sources.length === 0 || (await isStale()) };
  }

  async function searchLocal(term: string, opts: SearchOptions = {}): Promise<LocalSearchResult> {
    const query = term.trim();
    if (query === '') return { term, hits: [], source: 'roster', needsRefine: false };
    const { sources, needsSearch } = await fromRoster(query, opts);
    const needsRefine = needsSearch || (await unnamed(sources)).length > 0;
    return { term, hits: await toHits(sources), source: 'roster', needsRefine };
  }

  async function refine(term: string, local: HitSource[], opts: SearchOptions): Promise<SearchResult> {
    const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
    let remote: HitSource[];
    try {
      const page = await options.client.searchPersons(
        { term: term.trim(), pageSize: Math.min(Math.max(limit, 1), 500), withCurrentOrganizations: true },
        { priority: 'interactive', signal: opts.signal },
      );
      remote = page.persons;
    } catch (error) {
      return { term, hits: await toHits(local), source: 'roster', error: AffinityError.from(error).toJSON() };
    }
    // Affinity's copy is the newer one when both know a person; the local ranking keeps its order.
    const fromAffinity = new Map(remote.map((p) => [p.id, p]));
    const merged = local.map((p) => fromAffinity.get(p.id) ?? p);
    const seen = new Set(merged.map((p) => p.id));
    for (const p of fromAffinity.values()) {
      if (!seen.has(p.id)) merged.push(p);
    }
    const shown = merged.slice(0, limit);
    await nameOrganizations(shown);
    return { term, hits: await toHits(shown), source: 'api' };
  }

  return {
    searchLocal,
    async searchRemote(term, opts = {}) {
      if (term.trim() === '') return { term, hits: [], source: 'roster' };
      const sources = await localSources(term.trim(), opts.limit ?? DEFAULT_SEARCH_LIMIT);
      return refine(term, sources, opts);
    },
    async searchPeople(term, opts = {}) {
      const query = term.trim();
      if (query === '') return { term, hits: [], source: 'roster', needsRefine: false };
      const { sources, needsSearch } = await fromRoster(query, opts);
      if (needsSearch) return refine(term, sources, opts);
      await nameOrganizations(sources);
      // Final: nothing more will come for this term.
      return { term, hits: await toHits(sources), source: 'roster', needsRefine: false };
    },
  };
}
