/**
 * Hover cards on the pages that make it hard: a single-page app that keeps changing, frames, a
 * strict Content-Security-Policy, a page that snoops on the card, and a 1 MB page full of names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { DECOY_NAMES } from '../sandbox/data';
import { servePages, type PagesServer } from './pages/server';
import { sandboxStats, until } from './harness';
import { heldMarks } from './lens-probe';
import {
  distinctPeople,
  expectations,
  hoverAt,
  markTexts,
  marksInView,
  moveAway,
  pageUrl,
  showsPerson,
  signedInBrowser,
  textPoint,
  waitForCard,
  waitForNoCard,
  type Person,
  type Session,
} from './hover-kit';

const people = distinctPeople(8, 2_000);
const [p0, p1, p2, p3, p4, p5] = people as [Person, Person, Person, Person, Person, Person];
const nobody = [DECOY_NAMES[0], DECOY_NAMES[1]];

describe('hover cards on demanding pages', () => {
  let session: Session;
  let pages: PagesServer;

  beforeAll(async () => {
    pages = await servePages();
    session = await signedInBrowser();
  });
  afterAll(async () => {
    await session?.ext.close();
    await pages?.close();
  });

  async function open(file: string, query: Parameters<typeof pageUrl>[2], extra = {}): Promise<Page> {
    const page = await session.ext.context.newPage();
    await page.goto(pageUrl(pages.url, file, query, extra));
    return page;
  }

  /** Hovers the first text in `selector` (in `frame`) and waits for that person's card. */
  async function cardFor(page: Page, who: Person, selector: string, frame?: Frame, text?: string) {
    await hoverAt(page, await textPoint(frame ?? page, selector, text));
    return waitForCard(session, page, showsPerson(who), { frame });
  }

  it('follows a single-page app: new names get marks, changed text too, removed names lose theirs', async () => {
    // n0, n1, n4, n5 arrive in the feed; n2 replaces a non-roster name; n3 is on the page at load, then removed.
    const page = await open('spa.html', { n: [p0, p1, p2, p3, p4, p5].map((p) => p.fullName), o: nobody });
    try {
      await until(
        () => markTexts(page),
        (texts) => texts.includes(p3.fullName),
      );
      const settled = await until(
        async () => ({
          phase: await page.getAttribute('#phase', 'data-phase'),
          marks: await expectations(page),
        }),
        ({ phase, marks }) => phase === 'done' && marks.elements.every((e) => e.marked.length > 0),
      );
      const byToken = (a: [string, string[]], b: [string, string[]]) => a[0].localeCompare(b[0]);
      expect(
        settled.marks.elements.map((e): [string, string[]] => [e.token, e.marked]).sort(byToken),
      ).toEqual([
        ['n0', [p0.fullName]],
        ['n1', [p1.fullName]],
        ['n2', [p2.fullName]],
        ['n4', [p4.fullName]],
        ['n5', [p5.fullName]],
      ]);
      // The removed name's mark is gone with it, and nothing else is marked.
      await until(
        () => markTexts(page),
        (texts) => !texts.includes(p3.fullName),
      );
      expect(settled.marks.stray).toEqual([]);

      // A name that arrived after load opens its card like any other.
      const card = await cardFor(page, p4, '[data-expect="n4"]');
      expect(card.text).toContain(p4.email);
      await moveAway(page);
      await waitForNoCard(session, page);
    } finally {
      await page.close();
    }
  });

  it('stays out of the way of a page that changes all the time: the page keeps working', async () => {
    const page = await open('spa.html', { n: [p0.fullName], o: nobody });
    try {
      await until(
        () => markTexts(page),
        (texts) => texts.includes(p0.fullName),
      );
      // The page's own clock keeps ticking, and its main thread keeps answering, while the lens
      // watches a text that changes every 50 ms.
      const tick = () => page.evaluate(() => Number(document.getElementById('ticker')?.textContent));
      const start = await tick();
      await until(tick, (now) => now >= start + 40);
      // New text is still picked up while the ticker runs.
      await page.evaluate((name) => {
        const p = document.createElement('p');
        p.id = 'late';
        p.textContent = `Late arrival: ${name}.`;
        document.body.append(p);
      }, p1.fullName);
      await until(
        () => markTexts(page),
        (texts) => texts.includes(p1.fullName),
      );
      expect(await tick()).toBeGreaterThan(start);
    } finally {
      await page.close();
    }
  });

  it('marks names in frames, the same-origin page and a frame the page wrote, and opens cards there', async () => {
    const page = await open('iframe.html', { n: [p0, p1, p2].map((p) => p.fullName), e: [p3.email] });
    try {
      const child = await until(
        async () => page.frames().find((f) => f.url().includes('frame-child.html')) ?? null,
        (f) => f !== null,
      );
      const blank = page.frames().find((f) => f !== page.mainFrame() && f.url() === 'about:blank');
      expect(child).not.toBeNull();
      expect(blank).toBeDefined();
      const framed = child as Frame;
      await until(
        () => Promise.all([page, framed, blank as Frame].map((f) => expectations(f))),
        (all) => all.every((m) => m.elements.every((e) => e.marked.length > 0)),
      );
      const [top, inFrame, written] = await Promise.all(
        [page, framed, blank as Frame].map((f) => expectations(f)),
      );
      expect(top?.elements.map((e) => e.marked)).toEqual([[p0.fullName]]);
      expect(inFrame?.elements.map((e) => [e.token, e.marked])).toEqual([
        ['n1', [p1.fullName]],
        ['e0', ['mail']],
      ]);
      expect(written?.elements.map((e) => e.marked)).toEqual([[p2.fullName]]);

      const card = await cardFor(page, p1, '[data-expect="n1"]', framed);
      expect(card.text).toContain(p1.email);
      expect(card.text).toContain(p1.organization);
      await moveAway(page);
      await waitForNoCard(session, page, framed);

      await framed.focus('a[data-expect="e0"]');
      await page.keyboard.press('Alt+Shift+L');
      await waitForCard(session, page, showsPerson(p3), { frame: framed });
      await page.keyboard.press('Escape');
      await waitForNoCard(session, page, framed);
    } finally {
      await page.close();
    }
  });

  it('works under a strict Content-Security-Policy without a single violation', async () => {
    const page = await open('csp.html', { n: [p0, p1].map((p) => p.fullName), e: [p2.email] });
    try {
      await until(
        () => expectations(page),
        (m) => m.elements.every((e) => e.marked.length > 0),
      );
      const card = await cardFor(page, p1, '[data-expect="n1"]');
      expect(card.text).toContain(p1.email);
      expect(card.text).toContain(p1.organization);
      await page.keyboard.press('Escape');
      await waitForNoCard(session, page);
      await page.focus('a[data-expect="e0"]');
      await page.keyboard.press('Alt+Shift+L');
      await waitForCard(session, page, showsPerson(p2));
      await page.keyboard.press('Escape');
      expect(await page.textContent('#csp-violations')).toBe('0');
    } finally {
      await page.close();
    }
  });

  it('keeps what the card shows away from the page’s own scripts', async () => {
    const page = await open('snoop.html', { n: [p0.fullName] });
    try {
      await until(
        () => markTexts(page),
        (texts) => texts.length === 1,
      );
      const card = await cardFor(page, p0, '#target');
      expect(card.text).toContain(p0.email);
      // The page looks everywhere it can while the card is open (and keeps a record of it).
      const found = await page.evaluate(() =>
        JSON.stringify((window as unknown as { lensSnoop(): unknown }).lensSnoop()),
      );
      await until(
        () => page.textContent('#snoop-result'),
        (text) => (text ?? '').includes('affinity-lens-card'),
      );
      const report = (await page.textContent('#snoop-result')) ?? '';
      for (const seen of [found, report]) {
        expect(seen).not.toContain(p0.email);
        expect(seen).not.toContain(p0.organization);
        expect(seen).not.toContain('Open in Affinity');
      }
      // Even with attachShadow patched to force open roots, the card's root stayed closed.
      expect(JSON.parse(found).openShadow).toEqual([]);
      // The card's own script is web-accessible only by a per-session URL: the page cannot load it
      // by the extension's id (which would tell it that Affinity Lens is installed).
      const probe = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const script = document.createElement('script');
            script.onload = () => resolve('loaded');
            script.onerror = () => resolve('refused');
            script.src = url;
            document.head.append(script);
          }),
        `chrome-extension://${session.ext.extensionId}/card-ui.js`,
      );
      expect(probe).toBe('refused');
    } finally {
      await page.close();
    }
  });

  it('marks every name on a 1 MB page and the page stays usable, without a call to Affinity', async () => {
    const many = distinctPeople(40, 3_000);
    const names = many.map((p) => p.fullName);
    const before = (await sandboxStats()).requests;
    const page = await open('huge.html', { n: names, o: nobody }, { kb: '1024', marks: '10000' });
    try {
      const expected = Number(await page.getAttribute('body', 'data-expected-marks'));
      expect(expected).toBeGreaterThanOrEqual(10_000);
      // The scan goes in page order: once the names at the very end are marked, all are.
      const scrollTo = (share: number) =>
        page.evaluate(
          (at) => window.scrollTo(0, at * (document.body.scrollHeight - window.innerHeight)),
          share,
        );
      const allMarkedInView = () =>
        until(
          () => marksInView(page, names),
          (view) => view.written > 0 && view.marked.length === view.written,
          { timeoutMs: 60_000, intervalMs: 250 },
        );
      await scrollTo(1);
      await allMarkedInView();
      expect(await heldMarks(session.ext.context, page)).toBe(expected);
      expect((await sandboxStats()).requests).toBe(before);

      // Wherever the user looks, the names there are marked, and nothing else is.
      for (const share of [0, 0.37, 0.81]) {
        await scrollTo(share);
        const view = await allMarkedInView();
        expect(view.marked.filter((t) => !names.includes(t))).toEqual([]);
      }

      const first = many[0] as Person;
      await scrollTo(0);
      const card = await cardFor(page, first, '#huge', undefined, first.fullName);
      expect(card.text).toContain(first.email);
      await moveAway(page);
      await waitForNoCard(session, page);
    } finally {
      await page.close();
    }
  });
});
