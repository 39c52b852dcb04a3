/**
 * The people store's IndexedDB: the roster, kept as generations, and the caches around it.
 *
 * A sync writes pages into a NEW generation, each page together with its progress record (one
 * transaction), so an interrupted sync can resume from the last page it stored. Only a complete
 * generation becomes current, by one transaction that flips `currentGeneration` and deletes every
 * other generation: the old roster serves until then, and people deleted in Affinity vanish with it.
 * Pages are stored whole (500 people a record) so that loading 50,000 people reads 100 records.
 */
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type {
  AffinityList,
  Field,
  FieldValue,
  Note,
  PersonRecord,
  RelationshipStrength,
} from '../affinity/types';
import type { SerializedError } from '../affinity/errors';
import type { RosterPerson } from './types';

export const DATABASE_NAME = 'affinity-lens';
const VERSION = 1;
const LAST_PAGE = Number.MAX_SAFE_INTEGER;

export interface RosterMeta {
  /** The generation that serves, or null before the first complete sync. */
  currentGeneration: number | null;
  /** The highest generation number ever started (numbers are never reused). */
  lastGeneration: number;
  count: number;
  lastSyncAt: number | null;
  /** Why the last sync stopped early, kept across worker restarts for the UI. */
  lastError: SerializedError | null;
}

export interface SyncProgress {
  generation: number;
  /** Pages stored so far; the next page stored gets this index. */
  pages: number;
  /** People stored so far in this generation. */
  count: number;
  /** The token for the next page; null once the last page is stored. */
  nextPageToken: string | null;
  startedAt: number;
}

/** What one person's card is assembled from: the raw answers of the four per-person calls. */
export interface PersonBundle {
  record: PersonRecord;
  fieldValues: FieldValue[];
  strengths: RelationshipStrength[];
  /** Latest first, already cut to the few a card shows. */
  notes: Note[];
}

export interface DetailsEntry {
  id: number;
  fetchedAt: number;
  bundle: PersonBundle;
}

export interface OrganizationEntry {
  id: number;
  name: string;
  fetchedAt: number;
}

export interface CatalogEntry<T> {
  fetchedAt: number;
  items: T[];
}

interface RosterPage {
  generation: number;
  page: number;
  people: RosterPerson[];
}

interface LensSchema extends DBSchema {
  rosterPages: { key: [number, number]; value: RosterPage };
  meta: { key: 'roster' | 'progress'; value: RosterMeta | SyncProgress };
  details: { key: number; value: DetailsEntry };
  organizations: { key: number; value: OrganizationEntry };
  catalog: { key: 'fields' | 'lists'; value: CatalogEntry<Field> | CatalogEntry<AffinityList> };
  /** A merged person's old id, pointing at the id it was merged into. */
  aliases: { key: number; value: { from: number; to: number } };
}

type LensDb = IDBPDatabase<LensSchema>;

const EMPTY_META: RosterMeta = {
  currentGeneration: null,
  lastGeneration: 0,
  count: 0,
  lastSyncAt: null,
  lastError: null,
};

const generationRange = (generation: number): IDBKeyRange =>
  IDBKeyRange.bound([generation, 0], [generation, LAST_PAGE]);

/** Every page that belongs to some other generation than `keep`. */
function otherGenerations(keep: number | null): IDBKeyRange[] {
  if (keep === null) return [IDBKeyRange.lowerBound([-Infinity, -Infinity])];
  return [IDBKeyRange.upperBound([keep, 0], true), IDBKeyRange.lowerBound([keep, LAST_PAGE], true)];
}

export interface RosterDb {
  readonly name: string;
  meta(): Promise<RosterMeta>;
  /** The unfinished sync, if one was started and has not completed or been abandoned. */
  progress(): Promise<SyncProgress | null>;
  /** Starts a new generation (dropping any unfinished one) and returns its empty progress. */
  beginGeneration(now: number): Promise<SyncProgress>;
  /** Stores one page and the progress after it, atomically. */
  writePage(
    progress: SyncProgress,
    people: RosterPerson[],
    nextPageToken: string | null,
  ): Promise<SyncProgress>;
  /** Makes a complete generation current and deletes every other one, atomically. */
  finishGeneration(progress: SyncProgress, now: number): Promise<RosterMeta>;
  /** Drops an unfinished generation (its page token was rejected, say). */
  abandonGeneration(): Promise<void>;
  recordSyncError(error: SerializedError | null): Promise<void>;
  /** The current roster, de-duplicated by id (a directory that changed mid-sync can repeat someone). */
  loadRoster(): Promise<RosterPerson[]>;
  /** Removes a person Affinity no longer knows from every generation and from the details cache. */
  removePerson(id: number): Promise<void>;

  getDetails(id: number): Promise<DetailsEntry | undefined>;
  putDetails(entry: DetailsEntry): Promise<void>;
  allDetails(): Promise<DetailsEntry[]>;
  getOrganizations(ids: number[]): Promise<Map<number, OrganizationEntry>>;
  allOrganizations(): Promise<OrganizationEntry[]>;
  putOrganizations(entries: OrganizationEntry[]): Promise<void>;
  getFields(): Promise<CatalogEntry<Field> | undefined>;
  putFields(entry: CatalogEntry<Field>): Promise<void>;
  getLists(): Promise<CatalogEntry<AffinityList> | undefined>;
  putLists(entry: CatalogEntry<AffinityList>): Promise<void>;
  getAlias(id: number): Promise<number | undefined>;
  putAlias(from: number, to: number): Promise<void>;

  /** Forgets cached details, organizations, fields, lists and aliases; the roster stays. */
  clearCaches(): Promise<void>;
  /** Forgets everything, the roster included. */
  clearAll(): Promise<void>;
  close(): void;
}

export async function openRosterDb(name: string = DATABASE_NAME): Promise<RosterDb> {
  const db: LensDb = await openDB<LensSchema>(name, VERSION, {
    upgrade(database) {
      database.createObjectStore('rosterPages');
      database.createObjectStore('meta');
      database.createObjectStore('details', { keyPath: 'id' });
      database.createObjectStore('organizations', { keyPath: 'id' });
      database.createObjectStore('catalog');
      database.createObjectStore('aliases', { keyPath: 'from' });
    },
    // Another context wants to upgrade or delete the database (sign out): let it.
    blocking() {
      db.close();
    },
  });
  return wrapDb(name, db);
}

/** Deletes the whole database (sign out). Close every open RosterDb on it first. */
export async function deleteRosterDb(name: string = DATABASE_NAME): Promise<void> {
  await deleteDB(name);
}

function wrapDb(name: string, db: LensDb): RosterDb {
  const readMeta = async (): Promise<RosterMeta> =>
    ((await db.get('meta', 'roster')) as RosterMeta | undefined) ?? { ...EMPTY_META };

  return {
    name,
    meta: readMeta,

    async progress() {
      return ((await db.get('meta', 'progress')) as SyncProgress | undefined) ?? null;
    },

    async beginGeneration(now) {
      const tx = db.transaction(['rosterPages', 'meta'], 'readwrite');
      const meta = ((await tx.objectStore('meta').get('roster')) as RosterMeta | undefined) ?? {
        ...EMPTY_META,
      };
      const generation = meta.lastGeneration + 1;
      // Whatever is not the serving roster is debris of an abandoned sync.
      for (const range of otherGenerations(meta.currentGeneration)) {
        await tx.objectStore('rosterPages').delete(range);
      }
      const progress: SyncProgress = { generation, pages: 0, count: 0, nextPageToken: null, startedAt: now };
      await tx.objectStore('meta').put({ ...meta, lastGeneration: generation }, 'roster');
      await tx.objectStore('meta').put(progress, 'progress');
      await tx.done;
      return progress;
    },

    async writePage(progress, people, nextPageToken) {
      const next: SyncProgress = {
        ...progress,
        pages: progress.pages + 1,
        count: progress.count + people.length,
        nextPageToken,
      };
      const tx = db.transaction(['rosterPages', 'meta'], 'readwrite');
      const stored = (await tx.objectStore('meta').get('progress')) as SyncProgress | undefined;
      if (stored?.generation !== progress.generation) {
        tx.abort();
        throw new Error('The roster sync was superseded.');
      }
      await tx
        .objectStore('rosterPages')
        .put({ generation: progress.generation, page: progress.pages, people }, [
          progress.generation,
          progress.pages,
        ]);
      await tx.objectStore('meta').put(next, 'progress');
      await tx.done;
      return next;
    },

    async finishGeneration(progress, now) {
      const tx = db.transaction(['rosterPages', 'meta'], 'readwrite');
      const metaStore = tx.objectStore('meta');
      const stored = (await metaStore.get('progress')) as SyncProgress | undefined;
      if (stored?.generation !== progress.generation) {
        tx.abort();
        throw new Error('The roster sync was superseded.');
      }
      const meta = ((await metaStore.get('roster')) as RosterMeta | undefined) ?? { ...EMPTY_META };
      const next: RosterMeta = {
        currentGeneration: progress.generation,
        lastGeneration: Math.max(meta.lastGeneration, progress.generation),
        count: stored.count,
        lastSyncAt: now,
        lastError: null,
      };
      await metaStore.put(next, 'roster');
      await metaStore.delete('progress');
      for (const range of otherGenerations(progress.generation)) {
        await tx.objectStore('rosterPages').delete(range);
      }
      await tx.done;
      return next;
    },

    async abandonGeneration() {
      const tx = db.transaction(['rosterPages', 'meta'], 'readwrite');
      const meta = ((await tx.objectStore('meta').get('roster')) as RosterMeta | undefined) ?? {
        ...EMPTY_META,
      };
      for (const range of otherGenerations(meta.currentGeneration)) {
        await tx.objectStore('rosterPages').delete(range);
      }
      await tx.objectStore('meta').delete('progress');
      await tx.done;
    },

    async recordSyncError(error) {
      const tx = db.transaction('meta', 'readwrite');
      const meta = ((await tx.store.get('roster')) as RosterMeta | undefined) ?? { ...EMPTY_META };
      await tx.store.put({ ...meta, lastError: error }, 'roster');
      await tx.done;
    },

    async loadRoster() {
      const meta = await readMeta();
      if (meta.currentGeneration === null) return [];
      const pages = await db.getAll('rosterPages', generationRange(meta.currentGeneration));
      const byId = new Map<number, RosterPerson>();
      for (const page of pages) for (const person of page.people) byId.set(person.id, person);
      return [...byId.values()];
    },

    async removePerson(id) {
      const tx = db.transaction(['rosterPages', 'meta', 'details'], 'readwrite');
      const pages = tx.objectStore('rosterPages');
      const meta = ((await tx.objectStore('meta').get('roster')) as RosterMeta | undefined) ?? {
        ...EMPTY_META,
      };
      let removedFromCurrent = false;
      let cursor = await pages.openCursor();
      while (cursor) {
        const page = cursor.value;
        const people = page.people.filter((p) => p.id !== id);
        if (people.length !== page.people.length) {
          await cursor.update({ ...page, people });
          if (page.generation === meta.currentGeneration) removedFromCurrent = true;
        }
        cursor = await cursor.continue();
      }
      if (removedFromCurrent) {
        await tx.objectStore('meta').put({ ...meta, count: Math.max(0, meta.count - 1) }, 'roster');
      }
      await tx.objectStore('details').delete(id);
      await tx.done;
    },

    getDetails: (id) => db.get('details', id),
    async putDetails(entry) {
      await db.put('details', entry);
    },
    allDetails: () => db.getAll('details'),

    async getOrganizations(ids) {
      const tx = db.transaction('organizations');
      const found = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      const out = new Map<number, OrganizationEntry>();
      for (const entry of found) if (entry) out.set(entry.id, entry);
      return out;
    },
    allOrganizations: () => db.getAll('organizations'),
    async putOrganizations(entries) {
      if (entries.length === 0) return;
      const tx = db.transaction('organizations', 'readwrite');
      await Promise.all(entries.map((entry) => tx.store.put(entry)));
      await tx.done;
    },

    async getFields() {
      return (await db.get('catalog', 'fields')) as CatalogEntry<Field> | undefined;
    },
    async putFields(entry) {
      await db.put('catalog', entry, 'fields');
    },
    async getLists() {
      return (await db.get('catalog', 'lists')) as CatalogEntry<AffinityList> | undefined;
    },
    async putLists(entry) {
      await db.put('catalog', entry, 'lists');
    },

    async getAlias(id) {
      return (await db.get('aliases', id))?.to;
    },
    async putAlias(from, to) {
      await db.put('aliases', { from, to });
    },

    async clearCaches() {
      const tx = db.transaction(['details', 'organizations', 'catalog', 'aliases'], 'readwrite');
      await Promise.all([
        tx.objectStore('details').clear(),
        tx.objectStore('organizations').clear(),
        tx.objectStore('catalog').clear(),
        tx.objectStore('aliases').clear(),
      ]);
      await tx.done;
    },

    async clearAll() {
      const names = ['rosterPages', 'meta', 'details', 'organizations', 'catalog', 'aliases'] as const;
      const tx = db.transaction([...names], 'readwrite');
      await Promise.all(names.map((n) => tx.objectStore(n).clear()));
      await tx.done;
    },

    close() {
      db.close();
    },
  };
}
