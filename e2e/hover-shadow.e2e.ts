/**
 * Names inside web components: text in open shadow roots (nested ones too) is marked, painted and
 * opens cards; text in a closed root is out of reach and left alone; changes inside shadow roots
 * are followed; switching the site off takes everything away, inside shadow roots too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type PagesServer } from './pages/server';
import { until } from './harness';
import { HIGHLIGHT } from './lens-probe';
import {
  distinctPeople,
  highlightRegistered,
  hoverAt,
  moveAway,
  pageUrl,
  readCard,
  setPreferences,
  showsPerson,
  signedInBrowser,
  textPoint,
  waitForCard,
  waitForNoCard,
  type Box,
  type Person,
  type Session,
} from './hover-kit';

const people = distinctPeople(8, 7_000);
const [p0, p1, p2, p3, p4, p5, p6, p7] = people as [
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
  Person,
];
const HOVER_DELAY_MS = 500;
const HIDE_GRACE_MS = 300;

interface TreeMark {
  text: string;
  /** Where the mark's text lives: "document", or its shadow hosts from the outermost ("#nested > lens-bare"). */
  tree: string;
}

/** Every painted mark with the tree its text is in (ranges inside open shadow roots included). */
function treeMarks(page: Page): Promise<TreeMark[]> {
  return page.evaluate((name) => {
    const marks: TreeMark[] = [];
    CSS.highlights.get(name)?.forEach((r) => {
      const range = r as AbstractRange;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      const hosts: string[] = [];
      for (let root: Node = range.startContainer.getRootNode(); root instanceof ShadowRoot;) {
        hosts.unshift(root.host.id ? `#${root.host.id}` : root.host.localName);
        root = root.host.getRootNode();
      }
      marks.push({ text: live.toString(), tree: hosts.length > 0 ? hosts.join(' > ') : 'document' });
    });
    return marks;
  }, HIGHLIGHT);
}

/** The first line box of `text` inside the shadow root reached through `hosts` (selectors, outermost first). */
function shadowTextBox(page: Page, hosts: string[], text: string): Promise<Box> {
  return page.evaluate(
    ([path, wanted]) => {
      let scope: Document | ShadowRoot = document;
      for (const selector of path) {
        const root: ShadowRoot | null | undefined = scope.querySelector(selector)?.shadowRoot;
        if (!root) throw new Error(`no open shadow root on ${selector}`);
        scope = root;
      }
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rect = range.getClientRects()[0];
        if (rect) return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      }
      throw new Error(`no "${wanted}" in the shadow root of ${path.join(' > ')}`);
    },
    [hosts, text] as const,
  );
}

const middle = (box: Box) => ({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });

/**
 * Pixels of the marks' underline colour (#0a58ca) under a text box, in a screenshot: whether the
 * mark is drawn, not only registered. Page text is near black, so none of it is counted.
 */
async function underlinePixels(page: Page, box: Box): Promise<number> {
  const shot = await page.screenshot({
    clip: { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top + 6 },
  });
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      if (b > 150 && b - r > 90 && b - g > 40) count++;
    }
    return count;
  }, shot.toString('base64'));
}

describe('hover cards inside web components (shadow roots)', () => {
  let session: Session;
  let pages: PagesServer;

  async function open(): Promise<Page> {
    const page = await session.ext.context.newPage();
    await page.goto(
      pageUrl(pages.url, 'shadow.html', { n: [p0, p1, p2, p3, p4, p7].map((p) => p.fullName) }),
    );
    return page;
  }

  /** Waits until the names in the page, the open roots and the slot are all marked. */
  const allMarked = (page: Page) =>
    until(
      () => treeMarks(page),
      (marks) => [p0, p1, p2, p3].every((p) => marks.some((m) => m.text === p.fullName)),
    );

  beforeAll(async () => {
    pages = await servePages();
    session = await signedInBrowser();
  });
  afterEach(async () => {
    await setPreferences(session.options, { siteMode: 'all-except', sites: [], showMarks: true });
  });
  afterAll(async () => {
    await session?.ext.close();
    await pages?.close();
  });

  it('marks and paints names in open shadow roots, nested ones and slots, never in a closed root', async () => {
    const page = await open();
    try {
      const marks = await allMarked(page);
      const byText = (a: TreeMark, b: TreeMark) => a.text.localeCompare(b.text);
      expect([...marks].sort(byText)).toEqual(
        [
          { text: p0.fullName, tree: 'document' },
          { text: p1.fullName, tree: '#open' },
          { text: p2.fullName, tree: '#nested > lens-bare' },
          { text: p3.fullName, tree: 'document' },
        ].sort(byText),
      );
      // The closed root shows its name on the page, and it is not marked.
      expect(
        await page.evaluate(() => (window as unknown as { lensVaultText(): string }).lensVaultText()),
      ).toContain(p4.fullName);
      // The document's highlight rule draws the underline inside the shadow tree too.
      expect(await underlinePixels(page, await shadowTextBox(page, ['#open'], p1.fullName))).toBeGreaterThan(
        0,
      );
      expect(
        await underlinePixels(page, await shadowTextBox(page, ['#nested', 'lens-bare'], p2.fullName)),
      ).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('opens the card for a name in an open shadow root, a nested one and a slot', async () => {
    const page = await open();
    try {
      await allMarked(page);
      const cases: [Person, () => Promise<Box | { x: number; y: number }>][] = [
        [p1, () => shadowTextBox(page, ['#open'], p1.fullName)],
        [p2, () => shadowTextBox(page, ['#nested', 'lens-bare'], p2.fullName)],
        [p3, () => textPoint(page, '[data-expect="n3"]')],
      ];
      for (const [who, where] of cases) {
        const at = await where();
        await hoverAt(page, 'x' in at ? at : middle(at));
        const card = await waitForCard(session, page, showsPerson(who));
        expect(card.text).toContain(who.email);
        await moveAway(page);
        await waitForNoCard(session, page);
      }
    } finally {
      await page.close();
    }
  });

  it('follows changes inside a shadow root and web components added later', async () => {
    const page = await open();
    try {
      await allMarked(page);
      await page.evaluate((name) => {
        const span = document.querySelector('#open')?.shadowRoot?.querySelector('.name');
        if (span) span.textContent = name;
      }, p5.fullName);
      await page.evaluate((name) => {
        const late = document.createElement('lens-owner');
        late.id = 'late';
        late.setAttribute('data-token', 'n9');
        document.body.append(late);
        const span = late.shadowRoot?.querySelector('.name');
        if (span) span.textContent = name;
      }, p6.fullName);
      const marks = await until(
        () => treeMarks(page),
        (all) => all.some((m) => m.text === p6.fullName) && all.some((m) => m.text === p5.fullName),
      );
      expect(marks).toContainEqual({ text: p5.fullName, tree: '#open' });
      expect(marks).toContainEqual({ text: p6.fullName, tree: '#late' });
      expect(marks.map((m) => m.text)).not.toContain(p1.fullName);

      await hoverAt(page, middle(await shadowTextBox(page, ['#late'], p6.fullName)));
      await waitForCard(session, page, showsPerson(p6));
    } finally {
      await page.close();
    }
  });

  it('reads a web component upgraded after the page was read, though no mutation tells of its root', async () => {
    const page = await open();
    try {
      await allMarked(page);
      await page.evaluate(() => (window as unknown as { lensDefineLater(): void }).lensDefineLater());
      const marks = await until(
        () => treeMarks(page),
        (all) => all.some((m) => m.text === p7.fullName),
      );
      expect(marks).toContainEqual({ text: p7.fullName, tree: '#upgraded' });
      await hoverAt(page, middle(await shadowTextBox(page, ['#upgraded'], p7.fullName)));
      await waitForCard(session, page, showsPerson(p7));
    } finally {
      await page.close();
    }
  });

  it('switching the site off takes every mark away, inside shadow roots too, and back on brings them', async () => {
    const page = await open();
    try {
      await allMarked(page);
      const box = await shadowTextBox(page, ['#open'], p1.fullName);
      const sheets = () =>
        page.evaluate(() =>
          ['#open', '#nested'].map((s) => document.querySelector(s)?.shadowRoot?.adoptedStyleSheets.length),
        );
      const sheetsBefore = await sheets();

      await setPreferences(session.options, { siteMode: 'all-except', sites: ['127.0.0.1'] });
      await until(
        () => highlightRegistered(page),
        (registered) => !registered,
      );
      expect(await treeMarks(page)).toEqual([]);
      expect(await underlinePixels(page, box)).toBe(0);
      expect(await sheets()).toEqual(sheetsBefore);
      await hoverAt(page, middle(box));
      await page.waitForTimeout(HOVER_DELAY_MS + HIDE_GRACE_MS);
      expect(await readCard(session, page)).toBeNull();
      await moveAway(page);

      await setPreferences(session.options, { sites: [] });
      const marks = await allMarked(page);
      expect(marks).toContainEqual({ text: p1.fullName, tree: '#open' });
    } finally {
      await page.close();
    }
  });
});
