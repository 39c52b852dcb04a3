/**
 * Values that only the extension's own pages and its background may read: the API key and the
 * signed-in account.
 *
 * Chrome: storage.local, which the background locks to TRUSTED_CONTEXTS (storage-lock.ts).
 * Firefox has no storage access levels, and its content scripts can read storage.local; there the
 * values live in the IndexedDB of the extension's origin instead, which content scripts cannot open
 * (their IndexedDB is the page's origin).
 */
import { storage } from 'wxt/utils/storage';

export interface PrivateItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
}

export const PRIVATE_DB_NAME = 'affinity-lens-private';
const STORE = 'values';

// Plain IndexedDB rather than the idb library: settings.ts is in every bundle (the content script's
// too), and only plain functions drop out of a bundle that never reads a private item.
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

let connections: Map<string, Promise<IDBDatabase>> | undefined;

function connect(dbName: string): Promise<IDBDatabase> {
  connections ??= new Map();
  let db = connections.get(dbName);
  if (!db) {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    db = request(open);
    // A failed open is tried again next time rather than remembered.
    db.catch(() => connections?.delete(dbName));
    connections.set(dbName, db);
  }
  return db;
}

async function inStore<T>(
  dbName: string,
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const tx = (await connect(dbName)).transaction(STORE, mode);
  // A write counts once its transaction commits, not when its request succeeds.
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  const result = await request(run(tx.objectStore(STORE)));
  await committed;
  return result;
}

/** An item in the extension origin's IndexedDB. */
export function indexedDbItem<T>(key: string, fallback: T, dbName = PRIVATE_DB_NAME): PrivateItem<T> {
  return {
    async getValue() {
      const value: unknown = await inStore(dbName, 'readonly', (store) => store.get(key));
      return value === undefined ? fallback : (value as T);
    },
    async setValue(value) {
      await inStore(dbName, 'readwrite', (store) => store.put(value, key));
    },
    async removeValue() {
      await inStore(dbName, 'readwrite', (store) => store.delete(key));
    },
  };
}

export function definePrivateItem<T>(key: string, fallback: T): PrivateItem<T> {
  if (import.meta.env.FIREFOX) return indexedDbItem(key, fallback);
  return storage.defineItem<T>(`local:${key}`, { fallback });
}
