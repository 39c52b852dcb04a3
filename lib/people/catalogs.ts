/**
 * The long-lived caches a card is labelled from: fields and lists (one call each, kept 24 h) and
 * organization names (one call per organization, kept 7 days, shared by everyone who works there).
 *
 * A cold cache is filled at interactive priority when a card waits on it; an expired one keeps
 * serving its old content while a background-priority refresh runs. Calls here are counted apart
 * from a card's four per-person calls: once these caches are warm a card costs nothing more.
 * Organization names are also held in memory (read once from the database), because every search
 * hit looks one up and a search must answer within a frame.
 */
import type { AffinityClient, AffinityList, Field } from '../affinity/types';
import type { Clock, Priority } from '../scheduler/types';
import type { CatalogEntry, OrganizationEntry, RosterDb } from './roster-db';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface CatalogOptions {
  client: AffinityClient;
  db: RosterDb;
  clock: Pick<Clock, 'now'>;
  catalogTtlMs?: number;
  organizationTtlMs?: number;
}

export interface Catalogs {
  /** Fields by id. `need`: fetch when nothing is cached (a card waits); otherwise only what is cached. */
  fields(need: boolean): Promise<ReadonlyMap<number, Field>>;
  lists(need: boolean): Promise<ReadonlyMap<number, AffinityList>>;
  /** Re-fetches fields (or lists) once for ids they did not know; later misses for the same ids cost nothing. */
  refreshFieldsFor(unknownIds: number[]): Promise<ReadonlyMap<number, Field>>;
  refreshListsFor(unknownIds: number[]): Promise<ReadonlyMap<number, AffinityList>>;
  /** Cached organization names (any age). */
  organizationNames(ids: number[]): Promise<Map<number, string>>;
  /** Fetches names not cached (or expired); resolves with how many were fetched. Failures are skipped. */
  fetchOrganizations(ids: number[], priority: Priority): Promise<number>;
  /** Ids among `ids` with no cached name, or a name past its time. */
  organizationsToFetch(ids: number[]): Promise<{ missing: number[]; expired: number[] }>;
  /** Fills fields and lists at background priority when they are missing or expired. */
  warm(): Promise<void>;
}

interface Memo<T> {
  entry: CatalogEntry<T> | undefined;
  byId: Map<number, T>;
}

export function createCatalogs(options: CatalogOptions): Catalogs {
  const { client, db, clock } = options;
  const catalogTtl = options.catalogTtlMs ?? DAY_MS;
  const organizationTtl = options.organizationTtlMs ?? 7 * DAY_MS;
  const inFlight = new Map<string, Promise<unknown>>();
  const refreshedFor = { fields: new Set<number>(), lists: new Set<number>() };
  const organizationsInFlight = new Map<number, Promise<boolean>>();
  let organizationMemo: Promise<Map<number, OrganizationEntry>> | null = null;

  function organizations(): Promise<Map<number, OrganizationEntry>> {
    organizationMemo ??= db
      .allOrganizations()
      .then((entries) => new Map(entries.map((entry) => [entry.id, entry])))
      .catch((error: unknown) => {
        organizationMemo = null; // read again next time rather than remember the failure
        throw error;
      });
    return organizationMemo;
  }

  function once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }

  function catalog<T extends { id: number }>(
    kind: 'fields' | 'lists',
    read: () => Promise<CatalogEntry<T> | undefined>,
    write: (entry: CatalogEntry<T>) => Promise<void>,
    fetch: (priority: Priority) => Promise<T[]>,
  ) {
    let memo: Memo<T> | null = null;
    const remember = (entry: CatalogEntry<T> | undefined): Memo<T> => {
      memo = { entry, byId: new Map((entry?.items ?? []).map((item) => [item.id, item])) };
      return memo;
    };
    const load = async (): Promise<Memo<T>> => memo ?? remember(await read());
    const refetch = (priority: Priority): Promise<Memo<T>> =>
      once(kind, async () => {
        const entry = { fetchedAt: clock.now(), items: await fetch(priority) };
        await write(entry);
        return remember(entry);
      });

    return {
      async get(need: boolean): Promise<ReadonlyMap<number, T>> {
        const current = await load();
        if (!current.entry) {
          if (!need) return current.byId;
          return (await refetch('interactive').catch(() => current)).byId;
        }
        if (clock.now() - current.entry.fetchedAt >= catalogTtl) {
          // Serve the old catalog now; names rarely change.
          void refetch('background').catch(() => undefined);
        }
        return current.byId;
      },
      async refreshFor(unknownIds: number[]): Promise<ReadonlyMap<number, T>> {
        const seen = refreshedFor[kind];
        const fresh = unknownIds.filter((id) => !seen.has(id));
        const current = await load();
        if (fresh.length === 0) return current.byId;
        for (const id of fresh) seen.add(id);
        return (await refetch('interactive').catch(() => current)).byId;
      },
      async warm(): Promise<void> {
        const current = await load();
        if (!current.entry || clock.now() - current.entry.fetchedAt >= catalogTtl) {
          await refetch('background').catch(() => undefined);
        }
      },
    };
  }

  const fields = catalog<Field>(
    'fields',
    () => db.getFields(),
    (e) => db.putFields(e),
    (priority) => client.getFields({ priority }),
  );
  const lists = catalog<AffinityList>(
    'lists',
    () => db.getLists(),
    (e) => db.putLists(e),
    (priority) => client.getLists({ priority }),
  );

  async function fetchOrganization(id: number, priority: Priority): Promise<boolean> {
    const running = organizationsInFlight.get(id);
    if (running) return running;
    const started = (async () => {
      try {
        const org = await client.getOrganization(id, { priority });
        const entry: OrganizationEntry = { id, name: org.name, fetchedAt: clock.now() };
        await db.putOrganizations([entry]);
        (await organizations()).set(id, entry);
        return true;
      } catch {
        // The organization stays unnamed on the card (left out, never shown as a number) until a later fetch.
        return false;
      }
    })().finally(() => organizationsInFlight.delete(id));
    organizationsInFlight.set(id, started);
    return started;
  }

  return {
    fields: (need) => fields.get(need),
    lists: (need) => lists.get(need),
    refreshFieldsFor: (ids) => fields.refreshFor(ids),
    refreshListsFor: (ids) => lists.refreshFor(ids),
    async organizationNames(ids) {
      const known = await organizations();
      const names = new Map<number, string>();
      for (const id of ids) {
        const name = known.get(id)?.name;
        if (name !== undefined) names.set(id, name);
      }
      return names;
    },
    async organizationsToFetch(ids) {
      const found = await organizations();
      const now = clock.now();
      return {
        missing: ids.filter((id) => !found.has(id)),
        expired: ids.filter((id) => {
          const entry = found.get(id);
          return entry !== undefined && now - entry.fetchedAt >= organizationTtl;
        }),
      };
    },
    async fetchOrganizations(ids, priority) {
      const results = await Promise.all([...new Set(ids)].map((id) => fetchOrganization(id, priority)));
      return results.filter(Boolean).length;
    },
    async warm() {
      await Promise.all([fields.warm(), lists.warm()]);
    },
  };
}
