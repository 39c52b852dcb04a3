/**
 * Hover cards follow the user's switches, live: a site turned off gets nothing and comes back
 * without a reload; with marks hidden, names still open cards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type PagesServer } from './pages/server';
import { until } from './harness';
import {
  distinctPeople,
  expectations,
  highlightRegistered,
  hoverAt,
  markTexts,
  moveAway,
  pageUrl,
  readCard,
  setPreferences,
  showsPerson,
  signedInBrowser,
  textPoint,
  waitForCard,
  waitForNoCard,
  type Person,
  type Session,
} from './hover-kit';

const people = distinctPeople(7, 4_000);
const emails = distinctPeople(4, 6_000);
const [first] = people as [Person];
const HOVER_DELAY_MS = 500;
const HIDE_GRACE_MS = 300;

describe('hover cards follow the switches', () => {
  let session: Session;
  let pages: PagesServer;
  const query = { n: people.map((p) => p.fullName), e: emails.map((p) => p.email) };

  async function open(base: string): Promise<Page> {
    const page = await session.ext.context.newPage();
    await page.goto(pageUrl(base, 'static.html', query));
    return page;
  }

  const allMarked = (page: Page) =>
    until(
      () => expectations(page),
      (m) => m.elements.every((e) => e.token === 'none' || e.marked.length > 0),
    );

  beforeAll(async () => {
    pages = await servePages();
    session = await signedInBrowser();
  });
  afterEach(async () => {
    if (!session.options.isClosed())
      await setPreferences(session.options, { siteMode: 'all-except', sites: [], showMarks: true });
  });
  afterAll(async () => {
    await session?.ext.close();
    await pages?.close();
  });

  it('leaves a turned-off site alone, and marks it again without a reload when turned back on', async () => {
    await setPreferences(session.options, { siteMode: 'all-except', sites: ['127.0.0.1'] });
    const off = await open(pages.url);
    // The same page under another host name is on: once it is marked, the one turned off had as long.
    const on = await open(pages.crossOriginUrl);
    try {
      await allMarked(on);
      expect(await markTexts(off)).toEqual([]);
      expect(await off.evaluate(() => document.querySelector('affinity-lens-card'))).toBeNull();

      await setPreferences(session.options, { sites: [] });
      await allMarked(off);

      // Off again while marked: every mark goes at once, on the open page.
      await setPreferences(session.options, { sites: ['127.0.0.1'] });
      await until(
        () => markTexts(off),
        (texts) => texts.length === 0,
      );
      expect(await highlightRegistered(off)).toBe(false);
      expect(await markTexts(on)).not.toEqual([]);

      // And resting on a name opens nothing.
      await hoverAt(off, await textPoint(off, '[data-expect="n0"]'));
      await off.waitForTimeout(HOVER_DELAY_MS + HIDE_GRACE_MS);
      expect(await readCard(session, off)).toBeNull();
    } finally {
      await off.close();
      await on.close();
    }
  });

  it('switches off a card that is open when the site is turned off', async () => {
    const page = await open(pages.url);
    try {
      await allMarked(page);
      await hoverAt(page, await textPoint(page, '[data-expect="n0"]'));
      await waitForCard(session, page, showsPerson(first));
      await setPreferences(session.options, { sites: ['127.0.0.1'] });
      await waitForNoCard(session, page);
      expect(await page.evaluate(() => document.querySelector('affinity-lens-card'))).toBeNull();
    } finally {
      await page.close();
    }
  });

  it('without marks, shows no highlight but still opens the card on a name', async () => {
    await setPreferences(session.options, { showMarks: false });
    const page = await open(pages.url);
    try {
      // Nothing is painted, so nothing says when the page has been read: hover until the card comes.
      const point = await textPoint(page, '[data-expect="n0"]');
      const card = await until(
        async () => {
          await hoverAt(page, point);
          return waitForCard(session, page, showsPerson(first), { timeoutMs: 2_000 }).catch(() => null);
        },
        (c) => c !== null,
      );
      expect(card?.text).toContain(first.email);
      expect(await highlightRegistered(page)).toBe(false);

      await moveAway(page);
      await waitForNoCard(session, page);
      await setPreferences(session.options, { showMarks: true });
      await allMarked(page);
      expect(await highlightRegistered(page)).toBe(true);
    } finally {
      await page.close();
    }
  });

  // Last: the extension reloads under the page (as on an update), which ends this session's pages.
  it('cleans the page up when the extension is reloaded or updated under it', async () => {
    const page = await open(pages.url);
    await allMarked(page);
    await session.options
      .evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
      )
      .catch(() => undefined);
    // Chrome tells the old content script nothing: it finds out as soon as the pointer moves.
    await until(
      async () => {
        await page.mouse.move(20, 200, { steps: 2 });
        await moveAway(page);
        return highlightRegistered(page);
      },
      (registered) => !registered,
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(await markTexts(page)).toEqual([]);
    // Names are no longer hover targets.
    await hoverAt(page, await textPoint(page, '[data-expect="n0"]'));
    await page.waitForTimeout(HOVER_DELAY_MS + HIDE_GRACE_MS);
    expect(await page.evaluate(() => document.querySelector('affinity-lens-card'))).toBeNull();
    expect(
      await page.evaluate(() => (window as unknown as { lensPageCheck(): boolean }).lensPageCheck()),
    ).toBe(true);
  });
});
