/**
 * The people store the background worker owns: the roster (synced into IndexedDB, loaded lazily
 * into an in-memory index and rebuilt after each sync), search, page matching and person details.
 * Wiring (alarms, messages, when to sync) stays in the background; this is the logic it calls.
 */
import type { AffinityClient } from '../affinity/types';
import { buildPeopleIndex } from '../matching/people-index';
import type { Clock } from '../scheduler/types';
import {
  createPersonDetails,
  type GetPersonOptions,
  type PersonDetailsService,
  type PersonUpdate,
} from './details';
import { DATABASE_NAME, deleteRosterDb, openRosterDb, type RosterDb } from './roster-db';
import { createRosterView, type BuildPeopleIndex, type RosterView } from './roster-view';
import { createPeopleSearch, type LocalSearchResult, type PeopleSearch, type SearchOptions } from './search';
import { createRosterSync, type RosterSync } from './sync';
import type { PersonDetailsResult, RosterStatus, SearchResult, TextMatch } from './types';

export const DEFAULT_SYNC_INTERVAL_MS = 6 * 60 * 60 * 1000;

export interface PeopleStoreOptions {
  client: AffinityClient;
  /** The tenant's subdomain for Open in Affinity links (from whoami). */
  getSubdomain: () => string | null | Promise<string | null>;
  clock?: Pick<Clock, 'now'>;
  /** Card cache: fresh (no call) and stale (shown at once, refreshed) times. Defaults 10 min and 24 h. */
  freshMs?: number;
  staleMs?: number;
  /** The sync interval (the search treats a roster older than twice this as stale). Default 6 h. */
  syncIntervalMs?: number | (() => number);
  /** IndexedDB database name (tests use their own). */
  dbName?: string;
  /** The text index over the roster (lib/matching's by default). */
  buildIndex?: BuildPeopleIndex;
}

export interface StoreSearchOptions extends SearchOptions {
  /** Answer from the roster only, at once (the popup's first paint). */
  local?: boolean;
}

export interface StoreSync {
  /** Starts (or joins) a sync; resolves with the final status, never rejects. */
  start(): Promise<RosterStatus>;
  status(): Promise<RosterStatus>;
  subscribe(listener: (status: RosterStatus) => void): () => void;
  cancel(): Promise<void>;
  /** Resumes a sync a worker restart cut short; resolves with whether one was resumed (it runs on). */
  resumeIfInterrupted(): Promise<boolean>;
}

export interface PeopleStore {
  /** `local: true` answers from the roster only; otherwise refined by Affinity when needed. */
  search(term: string, options?: StoreSearchOptions): Promise<SearchResult>;
  searchLocal(term: string, options?: SearchOptions): Promise<LocalSearchResult>;
  searchRemote(term: string, options?: SearchOptions): Promise<SearchResult>;
  getPerson(id: number, options?: GetPersonOptions): Promise<PersonDetailsResult>;
  /** Listens for background refreshes of cards (stale data replaced, organizations named). */
  onPersonUpdate(listener: (update: PersonUpdate) => void): () => void;
  /** Loads the roster and builds its index now (call at worker start so the first search is instant). */
  preload(): Promise<void>;
  /**
   * Loads the roster and builds its search index now, ahead of the first search: the popup asks
   * as it opens, so that a worker it woke is ready by the time the first letter is typed.
   */
  prepareSearch(): Promise<void>;
  /** Every roster person named in each text (no API call). */
  matchTexts(texts: string[]): Promise<TextMatch[][]>;
  sync: StoreSync;
  /** Fills the fields and lists caches at background priority. */
  warmCatalogs(): Promise<void>;
  /** Forgets cached cards, organizations, fields and lists; the roster stays. */
  clearCaches(): Promise<void>;
  /** Sign out: stops the sync and deletes the database with everything in it. */
  wipe(): Promise<void>;
  /** Resolves when background work started so far (card refreshes, index rebuilds) has finished. */
  idle(): Promise<void>;
}

interface Session {
  db: Promise<RosterDb>;
  sync: Promise<RosterSync>;
  details: Promise<PersonDetailsService>;
  search: PeopleSearch;
  roster: Promise<RosterView> | null;
  /** Index rebuilds and catalog warming started by the store itself. */
  background: Set<Promise<unknown>>;
  closed: boolean;
}

/**
 * How long after a worker start the index parts nobody asked for are built. Whatever wakes the
 * worker asks first and builds only what it needs (the popup its search index, a page its
 * matcher: each about a tenth of a second with 50,000 people), not the other half too.
 */
const WARM_AFTER_MS = 1_000;

/** Waits WARM_AFTER_MS the first time, then only gives the thread back between the parts. */
function warmingPace(): () => Promise<void> {
  let first = true;
  return () => {
    const ms = first ? WARM_AFTER_MS : 0;
    first = false;
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
}

export function createPeopleStore(options: PeopleStoreOptions): PeopleStore {
  const dbName = options.dbName ?? DATABASE_NAME;
  const buildIndex = options.buildIndex ?? buildPeopleIndex;
  const syncIntervalMs =
    typeof options.syncIntervalMs === 'function'
      ? options.syncIntervalMs
      : () => (options.syncIntervalMs as number | undefined) ?? DEFAULT_SYNC_INTERVAL_MS;
  const syncListeners = new Set<(status: RosterStatus) => void>();
  const updateListeners = new Set<(update: PersonUpdate) => void>();
  let session = openSession();

  function openSession(): Session {
    const db = openRosterDb(dbName);
    const s: Session = {
      db,
      roster: null,
      background: new Set(),
      closed: false,
      sync: db.then((database) =>
        createRosterSync({
          client: options.client,
          db: database,
          clock: options.clock,
          onProgress: (status) => {
            if (s.closed) return;
            for (const listener of syncListeners) listener(status);
          },
          onComplete: () => {
            if (s.closed) return;
            rebuildRoster(s);
            // Fields and lists are fetched now, at background priority, so the first card need not wait.
            track(
              s,
              s.details.then((d) => d.warmCatalogs()),
            );
          },
        }),
      ),
      details: db.then((database) => {
        const details = createDetails(s, database);
        void details.loadHints().catch(() => undefined);
        return details;
      }),
      search: createPeopleSearch({
        client: options.client,
        roster: () => rosterOf(s),
        rosterStatus: async () => (await s.sync).status(),
        syncIntervalMs,
        organizationHint: (id) => hintOf(id),
        // Through the session's current details service (clearCaches replaces it, and its caches).
        organizationNames: async (ids) => (await s.details).organizationNames(ids),
        fetchOrganizationNames: async (ids) => (await s.details).fetchOrganizationNames(ids),
        clock: options.clock,
      }),
    };
    return s;
  }

  function createDetails(s: Session, database: RosterDb): PersonDetailsService {
    return createPersonDetails({
      client: options.client,
      db: database,
      roster: () => rosterOf(s),
      getSubdomain: options.getSubdomain,
      clock: options.clock,
      freshMs: options.freshMs,
      staleMs: options.staleMs,
      onUpdate: (update) => {
        if (s.closed) return;
        for (const listener of updateListeners) listener(update);
      },
      // A 404 or a merge: hide the person from search and matching now, without rebuilding the index.
      onRemoved: (id) => {
        void s.roster?.then((view) => view.forget(id));
        track(
          s,
          s.sync.then((sync) => sync.recount()),
        );
      },
    });
  }

  // Hints are read synchronously by search; the details service is ready long before a search needs one.
  let hintSource: PersonDetailsService | null = null;
  const hintOf = (id: number): string | null => hintSource?.organizationHint(id) ?? null;
  const trackHints = (s: Session) =>
    void s.details.then((d) => {
      if (!s.closed) hintSource = d;
    });
  trackHints(session);

  async function loadRoster(s: Session): Promise<RosterView> {
    const people = await (await s.db).loadRoster();
    return createRosterView(people, buildIndex);
  }

  function rosterOf(s: Session): Promise<RosterView> {
    s.roster ??= loadRoster(s);
    return s.roster;
  }

  function track(s: Session, work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => s.background.delete(settled));
    s.background.add(settled);
  }

  /** The old view serves until the new one is built, so search never waits on a rebuild. */
  function rebuildRoster(s: Session): void {
    const next = loadRoster(s);
    s.roster ??= next;
    track(
      s,
      next.then(async (view) => {
        await view.warm();
        if (!s.closed) s.roster = Promise.resolve(view);
      }),
    );
  }

  return {
    search(term, opts = {}) {
      const { local, ...rest } = opts;
      if (local) return session.search.searchLocal(term, rest);
      return session.search.searchPeople(term, rest);
    },
    searchLocal: (term, opts) => session.search.searchLocal(term, opts),
    searchRemote: (term, opts) => session.search.searchRemote(term, opts),
    async getPerson(id, opts) {
      return (await session.details).getPerson(id, opts);
    },
    onPersonUpdate(listener) {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    async preload() {
      const s = session;
      const [roster] = await Promise.all([rosterOf(s), s.sync.then((sync) => sync.status()), s.details]);
      // What was not asked for is built in the background once things are quiet, each part in a
      // task of its own (see WARM_AFTER_MS).
      track(s, roster.warm(warmingPace()));
    },
    async prepareSearch() {
      (await rosterOf(session)).prepare('search');
    },
    async matchTexts(texts) {
      return (await rosterOf(session)).matchTexts(texts);
    },
    sync: {
      start: async () => (await session.sync).start(),
      status: async () => (await session.sync).status(),
      subscribe(listener) {
        syncListeners.add(listener);
        return () => syncListeners.delete(listener);
      },
      cancel: async () => (await session.sync).cancel(),
      async resumeIfInterrupted() {
        const sync = await session.sync;
        if (!(await sync.isInterrupted())) return false;
        void sync.start();
        return true;
      },
    },
    warmCatalogs: async () => (await session.details).warmCatalogs(),
    async clearCaches() {
      const s = session;
      await (await s.db).clearCaches();
      // A fresh details service forgets the in-memory catalog copies along with the stored ones.
      s.details = Promise.resolve(createDetails(s, await s.db));
      trackHints(s);
    },
    async wipe() {
      const old = session;
      old.closed = true;
      hintSource = null;
      const [sync, details] = await Promise.all([old.sync, old.details]);
      await sync.cancel();
      await details.idle().catch(() => undefined);
      const db = await old.db;
      // Clearing first means nothing survives even if another connection delays the deletion.
      await db.clearAll().catch(() => undefined);
      db.close();
      await deleteRosterDb(dbName);
      session = openSession();
      trackHints(session);
      const status = await (await session.sync).status();
      for (const listener of syncListeners) listener(status);
    },
    async idle() {
      const s = session;
      while (s.background.size > 0) await Promise.all([...s.background]);
      await (await s.details).idle();
      while (s.background.size > 0) await Promise.all([...s.background]);
    },
  };
}
