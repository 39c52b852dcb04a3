/**
 * The roster sync against the sandbox's 10,000 people: the predicted number of calls, and a worker
 * stopped mid-sync (as Chrome does to idle workers) that picks up where it left off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_KEY } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import { launch, sandboxControl, sandboxStats, sendFromPage, status, until } from './harness';

const PEOPLE = 10_000;
const DIRECTORY = 'GET /persons';

describe('the roster sync in Chromium', () => {
  let ext: LoadedExtension;
  let page: Page;

  beforeAll(async () => {
    await sandboxControl('reset');
    ext = await launch();
    page = await ext.openPage('options.html');
  });
  afterAll(async () => {
    await sandboxControl('reset');
    await ext?.close();
  });

  it('fills the roster with every person in ceil(people / 500) calls once a key is saved', async () => {
    const saved = await sendFromPage<{ ok: boolean }>(page, 'key/save', { key: DEMO_KEY });
    expect(saved.ok).toBe(true);
    const done = await until(
      () => status(page),
      (s) => !s.roster.syncing && s.roster.count > 0,
    );
    expect(done.roster.count).toBe(PEOPLE);
    expect(done.roster.lastSyncAt).not.toBeNull();
    expect((await sandboxStats()).byRoute[DIRECTORY]).toBe(Math.ceil(PEOPLE / 500));
  });

  it('survives the worker being stopped mid-sync, and the old roster serves meanwhile', async () => {
    await sandboxControl('reset');
    // Slow answers so that the sync is surely mid-way when the worker stops.
    await sandboxControl('faults', { latencyMs: 250 });
    await sendFromPage(page, 'roster/sync', {});
    await until(
      () => status(page),
      (s) => s.roster.syncing && (s.roster.progress ?? 0) >= 2_000,
    );
    await ext.stopServiceWorker();
    await sandboxControl('faults', { latencyMs: 0 });

    // The first message wakes the worker; the complete old roster answers at once.
    const during = await status(page);
    expect(during.roster.count).toBe(PEOPLE);

    const done = await until(
      () => status(page),
      (s) => !s.roster.syncing && s.roster.lastSyncAt !== null && (s.roster.progress ?? null) === null,
      { timeoutMs: 60_000 },
    );
    expect(done.roster.count).toBe(PEOPLE);
    expect(done.roster.error).toBeUndefined();
    // The page in flight when the worker stopped may be asked again; nothing else is.
    const calls = (await sandboxStats()).byRoute[DIRECTORY] ?? 0;
    expect(calls).toBeGreaterThanOrEqual(Math.ceil(PEOPLE / 500));
    expect(calls).toBeLessThanOrEqual(Math.ceil(PEOPLE / 500) + 1);
  });
});
