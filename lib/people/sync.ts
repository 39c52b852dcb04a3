/**
 * The roster sync: the whole directory (GET /persons without a term, 500 a page, no interaction
 * flags so nobody is dropped, but with current organizations, which drop nobody and let search
 * hits name where people work) copied into a new roster generation at background priority.
 *
 * A full sync costs ceil(people / 500) calls (at least one; a token that leads to an empty last
 * page costs one more). Each page is stored with its token, so a sync cut short (worker stopped,
 * a call that failed after the scheduler's retries) resumes from its last stored page on the next
 * start(); a token Affinity no longer accepts restarts the sync from the first page. The previous
 * roster serves until the new one is complete.
 */
import { AffinityError, type SerializedError } from '../affinity/errors';
import type { AffinityClient, PersonSummary } from '../affinity/types';
import type { Clock } from '../scheduler/types';
import type { RosterDb, SyncProgress } from './roster-db';
import type { RosterPerson, RosterStatus } from './types';

export const ROSTER_PAGE_SIZE = 500;

export interface RosterSyncOptions {
  client: AffinityClient;
  db: RosterDb;
  clock?: Pick<Clock, 'now'>;
  /** Every status change: progress after each page, completion, failure. */
  onProgress?: (status: RosterStatus) => void;
  /** A new roster generation became current (the store reloads its index). */
  onComplete?: (status: RosterStatus) => void;
}

export interface RosterSync {
  /** Starts a sync, resuming an interrupted one; while one runs, joins it. Never rejects: failures land in status().error. */
  start(): Promise<RosterStatus>;
  /** Stops the running sync (its stored pages stay, so the next start resumes). Resolves once it has stopped. */
  cancel(): Promise<void>;
  /** The latest status (read from the database on first use). */
  status(): Promise<RosterStatus>;
  subscribe(listener: (status: RosterStatus) => void): () => void;
  /** Whether a sync was cut short and has not resumed yet (so the background can resume it at startup). */
  isInterrupted(): Promise<boolean>;
  /** Re-reads the count after the roster changed outside a sync (a person removed on a 404), and publishes it. */
  recount(): Promise<RosterStatus>;
}

const toRosterPerson = (p: PersonSummary): RosterPerson => {
  const person: RosterPerson = {
    id: p.id,
    type: p.type,
    firstName: p.firstName,
    lastName: p.lastName,
    primaryEmail: p.primaryEmail,
    emails: p.emails,
  };
  if (p.organizationIds) person.organizationIds = p.organizationIds;
  if (p.currentOrganizationIds) person.currentOrganizationIds = p.currentOrganizationIds;
  return person;
};

/** Affinity answers a stale or foreign page token with a 4xx "Invalid page_token variable". */
const isRejectedToken = (error: AffinityError): boolean => error.kind === 'invalid';

export function createRosterSync(options: RosterSyncOptions): RosterSync {
  const { client, db } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const listeners = new Set<(status: RosterStatus) => void>();
  let current: RosterStatus | null = null;
  let running: Promise<RosterStatus> | null = null;
  let controller: AbortController | null = null;

  async function loadStatus(): Promise<RosterStatus> {
    if (current) return current;
    const meta = await db.meta();
    current = { count: meta.count, lastSyncAt: meta.lastSyncAt, syncing: false, progress: null };
    if (meta.lastError) current.error = meta.lastError;
    return current;
  }

  function publish(next: RosterStatus): RosterStatus {
    current = next;
    options.onProgress?.(next);
    for (const listener of listeners) listener(next);
    return next;
  }

  async function fetchAll(signal: AbortSignal): Promise<SyncProgress> {
    let progress = (await db.progress()) ?? (await db.beginGeneration(clock.now()));
    let restarted = false;
    const base = await loadStatus();
    publish({ ...base, syncing: true, progress: progress.count, error: undefined });

    // A stored progress with pages and no token means only the flip was missing.
    while (progress.pages === 0 || progress.nextPageToken !== null) {
      if (signal.aborted) throw abortError();
      const token = progress.nextPageToken ?? undefined;
      let page;
      try {
        page = await client.searchPersons(
          {
            pageSize: ROSTER_PAGE_SIZE,
            withCurrentOrganizations: true,
            ...(token !== undefined ? { pageToken: token } : {}),
          },
          { priority: 'background', signal },
        );
      } catch (error) {
        const failure = AffinityError.from(error);
        if (token !== undefined && !restarted && isRejectedToken(failure)) {
          // The token expired or no longer matches: the stored pages may be inconsistent, start over.
          restarted = true;
          await db.abandonGeneration();
          progress = await db.beginGeneration(clock.now());
          publish({ ...(current ?? base), progress: 0 });
          continue;
        }
        throw failure;
      }
      if (signal.aborted) throw abortError();
      if (page.nextPageToken !== null && page.nextPageToken === token) {
        throw new AffinityError({
          kind: 'unexpected',
          message: 'Affinity returned the same page twice while syncing people. Please try again later.',
        });
      }
      progress = await db.writePage(progress, page.persons.map(toRosterPerson), page.nextPageToken);
      publish({ ...(current ?? base), syncing: true, progress: progress.count });
    }
    return progress;
  }

  async function run(): Promise<RosterStatus> {
    controller = new AbortController();
    const { signal } = controller;
    try {
      const progress = await fetchAll(signal);
      const meta = await db.finishGeneration(progress, clock.now());
      const done = publish({
        count: meta.count,
        lastSyncAt: meta.lastSyncAt,
        syncing: false,
        progress: null,
      });
      options.onComplete?.(done);
      return done;
    } catch (error) {
      const failure = AffinityError.from(error);
      const base = current ?? (await loadStatus());
      if (signal.aborted || failure.kind === 'aborted') {
        return publish({ count: base.count, lastSyncAt: base.lastSyncAt, syncing: false, progress: null });
      }
      const serialized: SerializedError = failure.toJSON();
      await db.recordSyncError(serialized).catch(() => undefined);
      return publish({
        count: base.count,
        lastSyncAt: base.lastSyncAt,
        syncing: false,
        progress: null,
        error: serialized,
      });
    } finally {
      controller = null;
    }
  }

  return {
    start() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    async cancel() {
      controller?.abort();
      await running?.catch(() => undefined);
    },
    async status() {
      const known = current ?? (await loadStatus());
      // A sync just started may not have published yet: it is syncing all the same (the settings
      // page asks right after a key is saved, and must not read "not synced yet").
      return running && !known.syncing ? { ...known, syncing: true, progress: 0, error: undefined } : known;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async isInterrupted() {
      return running === null && (await db.progress()) !== null;
    },
    async recount() {
      const base = await loadStatus();
      const meta = await db.meta();
      return publish({ ...(current ?? base), count: meta.count });
    },
  };
}

const abortError = (): AffinityError =>
  new AffinityError({ kind: 'aborted', message: 'The roster sync was stopped.' });
