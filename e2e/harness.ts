/** What every E2E test needs: the loaded extension, the sandbox's control API, signing in. */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DATABASE_NAME } from '../lib/people/roster-db';
import { createSandboxData, DEMO_KEY, type SandboxData } from '../sandbox/data';
import { launchWithExtension, type LoadedExtension } from './browser';

export const sandboxUrl = (): string => inject('sandboxUrl');

export function launch(): Promise<LoadedExtension> {
  return launchWithExtension({
    executablePath: inject('chromiumPath'),
    extensionDir: inject('extensionDir'),
  });
}

/** Sends one protocol message from an extension page, as the popup and options do. */
export async function sendFromPage<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  return page.evaluate(
    async ([t, p]) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const reply = await runtime.sendMessage({ lens: 1, type: t, payload: p });
      return reply as unknown;
    },
    [type, payload] as const,
  ) as Promise<T>;
}

export async function sandboxControl(path: 'faults' | 'reset', body: unknown = {}): Promise<void> {
  const res = await fetch(`${sandboxUrl()}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${path} answered ${res.status}`);
}

export async function sandboxStats(): Promise<{
  requests: number;
  byRoute: Record<string, number>;
  rateLimited: number;
}> {
  const res = await fetch(`${sandboxUrl()}/__sandbox/stats`);
  return (await res.json()) as { requests: number; byRoute: Record<string, number>; rateLimited: number };
}

export interface StatusValue {
  signedIn: boolean;
  apiBase: string;
  maskedKey: string | null;
  account: { user: { email: string }; tenant: { subdomain: string } } | null;
  roster: {
    count: number;
    lastSyncAt: number | null;
    syncing: boolean;
    progress: number | null;
    error?: unknown;
  };
  rate: {
    used: number;
    remaining: number;
    pausedUntil: number | null;
    pauseReason: string | null;
    rateLimitedCount: number;
  };
}

export async function status(page: Page): Promise<StatusValue> {
  const reply = await sendFromPage<{ ok: boolean; value: StatusValue; error?: unknown }>(
    page,
    'status/get',
    {},
  );
  if (!reply.ok) throw new Error(`status/get failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** Polls until the condition holds (the browser works on its own time; no fixed sleeps). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The options page's API key field. */
export const keyField = (page: Page) => page.getByLabel('API key', { exact: true });

/** Types a key into the options page and presses Save, as a person would. */
export async function saveKey(page: Page, key: string): Promise<void> {
  await keyField(page).fill(key);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

// ---- shared by the popup and options suites -------------------------------------------------------

/** The directory size global-setup starts the sandbox with. */
export const SANDBOX_PEOPLE = 10_000;

let data: SandboxData | undefined;

/** The sandbox's data, built here the same way the server builds it: what tests check the UI against. */
export function sandboxData(): SandboxData {
  data ??= createSandboxData({ people: SANDBOX_PEOPLE });
  return data;
}

/** Saves the demo key through the protocol and waits for the first complete roster. */
export async function signIn(page: Page): Promise<StatusValue> {
  const saved = await sendFromPage<{ ok: boolean; error?: unknown }>(page, 'key/save', { key: DEMO_KEY });
  if (!saved.ok) throw new Error(`key/save failed: ${JSON.stringify(saved.error)}`);
  return until(
    () => status(page),
    (s) => !s.roster.syncing && s.roster.count > 0,
    { timeoutMs: 60_000 },
  );
}

/** What the extension's IndexedDB holds about people (opened from one of its pages). */
export interface StoredPeople {
  exists: boolean;
  rosterPeople: number;
  cachedCards: number;
}

/**
 * What the roster database holds, read in one of the extension's pages (its database is the
 * origin's). It runs in the page, so it refers to nothing outside itself.
 */
export async function readStoredPeople(name: string): Promise<StoredPeople> {
  const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
    const request = indexedDB.open(name);
    // Opening a missing database would create an empty one: abort that instead.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => (request.error?.name === 'AbortError' ? resolve(null) : reject(request.error));
  });
  if (!db) return { exists: false, rosterPeople: 0, cachedCards: 0 };
  try {
    const stores = ['rosterPages', 'details'].filter((s) => db.objectStoreNames.contains(s));
    const all = await Promise.all(
      stores.map(
        (store) =>
          new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    const byStore = Object.fromEntries(stores.map((s, i) => [s, all[i] ?? []]));
    const pages = (byStore.rosterPages ?? []) as { people: unknown[] }[];
    return {
      exists: true,
      rosterPeople: pages.reduce((sum, p) => sum + p.people.length, 0),
      cachedCards: (byStore.details ?? []).length,
    };
  } finally {
    // An open connection would block the background's deletion on sign out.
    db.close();
  }
}

export async function storedPeople(page: Page): Promise<StoredPeople> {
  return page.evaluate(readStoredPeople, DATABASE_NAME);
}

/** Makes one person's cached card look `ageMs` old, as if it was fetched that long ago. */
export async function ageCachedCard(page: Page, personId: number, ageMs: number): Promise<void> {
  const found = await page.evaluate(
    async ([name, id, age]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<boolean>((resolve, reject) => {
          const tx = db.transaction('details', 'readwrite');
          const store = tx.objectStore('details');
          const read = store.get(id);
          let seen = false;
          read.onsuccess = () => {
            const entry = read.result as { fetchedAt: number } | undefined;
            if (!entry) return;
            seen = true;
            store.put({ ...entry, fetchedAt: Date.now() - age });
          };
          tx.oncomplete = () => resolve(seen);
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    [DATABASE_NAME, personId, ageMs] as const,
  );
  if (!found) throw new Error(`no cached card for person ${personId}`);
}

/** Serious and critical axe-core violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
