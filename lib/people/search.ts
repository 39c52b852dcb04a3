/**
 * searchPeople: the local roster answers first (no call, within a frame); Affinity's term search
 * refines when the roster cannot be trusted to be complete — it is empty, stale (older than twice
 * the sync interval) or has no hit. Refined hits are merged after the local ones, de-duplicated by
 * id. A failed refinement keeps the local hits and reports the error beside them.
 *
 * The popup asks for `searchLocal` on every keystroke (instant) and then `searchRemote` only when
 * the local result says `needsRefine`, so its list never flickers from one source to the other.
 */
import { AffinityError } from '../affinity/errors';
import type { AffinityClient, PersonSummary } from '../affinity/types';
import type { Clock } from '../scheduler/types';
import { fullName } from './assemble';
import type { RosterView } from './roster-view';
import type { RosterPerson, RosterStatus, SearchHit, SearchResult } from './types';

export const DEFAULT_SEARCH_LIMIT = 20;

export interface PeopleSearchOptions {
  client: AffinityClient;
  roster: () => Promise<RosterView>;
  rosterStatus: () => Promise<Pick<RosterStatus, 'count' | 'lastSyncAt'>>;
  /** The roster is stale after twice this (the sync interval, which the user can change). */
  syncIntervalMs: () => number;
  /** The current organization of a person, where known locally (from a card seen before). */
  organizationHint?: (id: number) => string | null;
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
  /** Local hits only, at once, with whether a refinement is due. */
  searchLocal(term: string, options?: SearchOptions): Promise<LocalSearchResult>;
  /** Local hits merged with Affinity's term search (always asks Affinity, at interactive priority). */
  searchRemote(term: string, options?: SearchOptions): Promise<SearchResult>;
  /** Local first; refined by Affinity only when the roster is empty, stale or has no hit. */
  searchPeople(term: string, options?: SearchOptions): Promise<SearchResult>;
}

type HitSource = Pick<RosterPerson, 'id' | 'type' | 'firstName' | 'lastName' | 'primaryEmail' | 'emails'>;

export function createPeopleSearch(options: PeopleSearchOptions): PeopleSearch {
  const clock = options.clock ?? { now: () => Date.now() };

  const toHit = (p: HitSource): SearchHit => ({
    id: p.id,
    fullName: fullName(p.firstName, p.lastName) || (p.primaryEmail ?? p.emails[0] ?? ''),
    primaryEmail: p.primaryEmail ?? p.emails[0] ?? null,
    organization: options.organizationHint?.(p.id) ?? null,
    type: p.type,
  });

  async function localHits(term: string, limit: number): Promise<SearchHit[]> {
    const roster = await options.roster();
    const hits: SearchHit[] = [];
    for (const { id } of roster.search(term, limit)) {
      const person = roster.person(id);
      if (person) hits.push(toHit(person));
    }
    return hits;
  }

  async function isStale(): Promise<boolean> {
    const status = await options.rosterStatus();
    if (status.count === 0 || status.lastSyncAt === null) return true;
    return clock.now() - status.lastSyncAt > 2 * options.syncIntervalMs();
  }

  async function searchLocal(term: string, opts: SearchOptions = {}): Promise<LocalSearchResult> {
    const query = term.trim();
    if (query === '') return { term, hits: [], source: 'roster', needsRefine: false };
    const hits = await localHits(query, opts.limit ?? DEFAULT_SEARCH_LIMIT);
    return { term, hits, source: 'roster', needsRefine: hits.length === 0 || (await isStale()) };
  }

  async function refine(term: string, local: SearchHit[], opts: SearchOptions): Promise<SearchResult> {
    const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
    let remote: PersonSummary[];
    try {
      const page = await options.client.searchPersons(
        { term: term.trim(), pageSize: Math.min(Math.max(limit, 1), 500) },
        { priority: 'interactive', signal: opts.signal },
      );
      remote = page.persons;
    } catch (error) {
      return { term, hits: local, source: 'roster', error: AffinityError.from(error).toJSON() };
    }
    // Affinity's copy is the newer one when both know a person; the local ranking keeps its order.
    const fromAffinity = new Map(remote.map((p) => [p.id, toHit(p)]));
    const merged = local.map((hit) => fromAffinity.get(hit.id) ?? hit);
    const seen = new Set(merged.map((h) => h.id));
    for (const hit of fromAffinity.values()) {
      if (!seen.has(hit.id)) merged.push(hit);
    }
    return { term, hits: merged.slice(0, limit), source: 'api' };
  }

  return {
    searchLocal,
    async searchRemote(term, opts = {}) {
      if (term.trim() === '') return { term, hits: [], source: 'roster' };
      const local = await localHits(term.trim(), opts.limit ?? DEFAULT_SEARCH_LIMIT);
      return refine(term, local, opts);
    },
    async searchPeople(term, opts = {}) {
      const local = await searchLocal(term, opts);
      if (!local.needsRefine) return { term, hits: local.hits, source: 'roster' };
      return refine(term, local.hits, opts);
    },
  };
}
