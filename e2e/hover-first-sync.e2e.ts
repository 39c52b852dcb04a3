/**
 * A page opened before the first roster sync (the usual first run: install, open pages, then paste
 * the key) gets its marks once the sync completes, without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import { launch, SANDBOX_PEOPLE, sandboxControl, sendFromPage, status, until } from './harness';
import { distinctPeople, expectations, markTexts, pageUrl } from './hover-kit';
import { servePages, type PagesServer } from './pages/server';

const people = distinctPeople(7, 2_000);
const emails = distinctPeople(4, 3_000);

describe('a page opened before the first sync', () => {
  let ext: LoadedExtension;
  let pages: PagesServer;

  beforeAll(async () => {
    await sandboxControl('reset');
    pages = await servePages();
    ext = await launch();
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.close();
  });

  it('is marked once the roster arrives, without a reload', async () => {
    const page = await ext.context.newPage();
    await page.goto(
      pageUrl(pages.url, 'static.html', { n: people.map((p) => p.fullName), e: emails.map((p) => p.email) }),
    );
    const options = await ext.openPage('options.html');
    // Signed out: the page is read, but nobody is known yet.
    await page.waitForLoadState('load');
    expect(await markTexts(page)).toEqual([]);

    const saved = await sendFromPage<{ ok: boolean }>(options, 'key/save', { key: DEMO_KEY });
    expect(saved.ok).toBe(true);
    await until(
      () => status(options),
      (s) => !s.roster.syncing && s.roster.count === SANDBOX_PEOPLE,
      { timeoutMs: 60_000 },
    );
    const marks = await until(
      () => expectations(page),
      (m) => m.elements.every((e) => e.token === 'none' || e.marked.length > 0),
    );
    expect(marks.elements.filter((e) => e.token === 'none').every((e) => e.marked.length === 0)).toBe(true);
    expect(marks.stray).toEqual([]);
  });
});
