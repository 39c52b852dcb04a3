/**
 * Hover cards on a static page, in Chromium with the built extension against the sandbox: the right
 * people are marked in every form a page writes them (and nobody else), resting the pointer on a
 * name shows that person's card, it closes and reopens, the keyboard reaches it, a shared name
 * offers a choice, the page keeps working, and none of it costs an API call it should not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FEATURED_PEOPLE, SAME_NAME_PAIR } from '../sandbox/data';
import { servePages, type PagesServer } from './pages/server';
import { sandboxStats, until } from './harness';
import {
  distinctPeople,
  expectations,
  hoverAt,
  moveAway,
  pageUrl,
  person,
  readCard,
  showsPerson,
  signedInBrowser,
  textBox,
  textPoint,
  besideName,
  waitForCard,
  waitForNoCard,
  clickInCard,
  type Box,
  type Person,
  type Session,
} from './hover-kit';

const generated = distinctPeople(7);
const [g0, g1, g2, g3, g4, g5, g6] = generated as [Person, Person, Person, Person, Person, Person, Person];
const jose = person(FEATURED_PEOPLE.jose.id);
const zoe = person(FEATURED_PEOPLE.zoe.id);
const soren = person(FEATURED_PEOPLE.soren.id);
const anna = person(FEATURED_PEOPLE.anna.id);

/** static.html's slots: n0–n6 names, e0–e3 addresses, o0–o1 names of nobody in the roster. */
const names = [g0, jose, zoe, g1, soren, anna, g2];
const emails = [g3, g4, g5, g6];
const nobody = ['Daniel Kimura', 'Carlos Álvarez'];

/**
 * What each data-expect element must show as marked, and whose card its mark opens, in page order.
 * The split-* slots repeat a person's token: the name written again, split across inline elements.
 */
const expected: Record<string, { marked: string; who: Person; selector: string; token?: string }> = {
  n0: { marked: g0.fullName, who: g0, selector: '[data-expect="n0"]' },
  n1: { marked: jose.fullName.toUpperCase(), who: jose, selector: '[data-expect="n1"]' },
  n2: { marked: zoe.fullName, who: zoe, selector: '[data-expect="n2"]' },
  n3: { marked: g1.fullName, who: g1, selector: '[data-expect="n3"]' },
  'split-em': { marked: g1.fullName, who: g1, selector: '#split-em', token: 'n3' },
  'split-spans': { marked: g2.fullName, who: g2, selector: '#split-spans', token: 'n6' },
  n4: { marked: soren.fullName, who: soren, selector: 'a[data-expect="n4"]' },
  n5: { marked: anna.fullName, who: anna, selector: '[data-expect="n5"]' },
  n6: { marked: g2.fullName, who: g2, selector: '[data-expect="n6"]' },
  e0: { marked: g3.email, who: g3, selector: '[data-expect="e0"]' },
  e1: { marked: g4.email, who: g4, selector: '[data-expect="e1"]' },
  e2: { marked: 'Write to the founder', who: g5, selector: '#mailto-plain' },
  e3: { marked: g6.email, who: g6, selector: '#mailto-subject' },
  'chip-email': { marked: 'the founder', who: g5, selector: '#chip-email', token: 'e2' },
  'chip-hovercard': { marked: 'me and two others', who: g6, selector: '#chip-hovercard', token: 'e3' },
};

const ORGANIZATION_ROUTE = 'GET /organizations/{id}';
const PER_PERSON_ROUTES = [
  'GET /persons/{id}',
  'GET /field-values',
  'GET /relationships-strengths',
  'GET /notes',
];

/** Calls per route between two readings of the sandbox's stats. */
function routesDiff(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([route, n]) => [route, n - (before[route] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );
}

/** Whether a box lies inside the viewport. */
function within(box: Box, viewport: { width: number; height: number }): boolean {
  return box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height;
}

describe('hover cards on a static page', () => {
  let session: Session;
  let pages: PagesServer;
  let page: Page;
  const staticUrl = () =>
    pageUrl(pages.url, 'static.html', {
      n: names.map((p) => p.fullName),
      e: emails.map((p) => p.email),
      o: nobody,
    });

  /** Opens a page and waits until every data-expect slot that wants a mark has one. */
  async function openMarked(url: string): Promise<Page> {
    const opened = await session.ext.context.newPage();
    await opened.goto(url);
    await until(
      () => expectations(opened),
      (m) => m.elements.every((e) => e.token === 'none' || e.marked.length > 0),
    );
    return opened;
  }

  async function hoverAndRead(target: { who: Person; selector: string }, text?: string) {
    await hoverAt(page, await textPoint(page, target.selector, text));
    return waitForCard(session, page, showsPerson(target.who));
  }

  async function closeByMovingAway() {
    await moveAway(page);
    await waitForNoCard(session, page);
  }

  beforeAll(async () => {
    pages = await servePages();
    session = await signedInBrowser();
    const before = (await sandboxStats()).requests;
    page = await openMarked(staticUrl());
    // Marking the whole page was local: not one call to Affinity.
    expect((await sandboxStats()).requests).toBe(before);
  });
  afterAll(async () => {
    await session?.ext.close();
    await pages?.close();
  });

  it('marks each person where the page names them, in every form, and nobody else', async () => {
    const { elements, stray } = await expectations(page);
    const slots = Object.values(expected);
    const marked = elements.filter((e) => e.token !== 'none');
    for (const element of elements) {
      if (element.token === 'none') expect(element.marked, `"${element.text}"`).toEqual([]);
    }
    // Slots in page order; a mailto link whose text is the address may be marked as a link and as text: one person.
    expect(marked.map((e) => [...new Set(e.marked)])).toEqual(slots.map((want) => [want.marked]));
    expect(marked.map((e) => e.token)).toEqual(
      Object.entries(expected).map(([slot, want]) => want.token ?? slot),
    );
    expect(stray).toEqual([]);
  });

  it('shows the right person’s card for every mark: name, e-mail, organization, link to Affinity', async () => {
    for (const [token, target] of Object.entries(expected)) {
      const before = (await sandboxStats()).byRoute;
      const card = await hoverAndRead(target);
      const calls = routesDiff(before, (await sandboxStats()).byRoute);
      // A card never seen before costs at most four calls about the person; the only others name
      // organizations into a long-lived cache (once per organization never named before).
      const perPerson = Object.entries(calls).filter(([route]) => route !== ORGANIZATION_ROUTE);
      const perPersonCalls = perPerson.reduce((sum, [, n]) => sum + n, 0);
      expect(perPersonCalls, `${token}: ${JSON.stringify(calls)}`).toBeLessThanOrEqual(4);
      expect(
        perPerson.every(([route]) => PER_PERSON_ROUTES.includes(route)),
        JSON.stringify(calls),
      ).toBe(true);
      expect(card.name, token).toBe(target.who.fullName);
      expect(card.text, token).toContain(target.who.email);
      expect(card.text, token).toContain(target.who.organization);
      expect(card.links, token).toContainEqual({
        name: expect.stringContaining('Open in Affinity'),
        url: target.who.affinityUrl,
      });
      await closeByMovingAway();
    }
  });

  it('marks a name split across inline elements once, and opens its card from either part', async () => {
    const slots = (await expectations(page)).elements.filter((e) => e.token !== 'none');
    for (const slot of ['split-em', 'split-spans']) {
      const target = expected[slot] as (typeof expected)[string];
      // One mark over the whole name, not one per part (slots are in page order).
      expect(slots[Object.keys(expected).indexOf(slot)]?.marked, slot).toEqual([target.who.fullName]);
      const lastName = target.who.fullName.split(' ').slice(1).join(' ');
      const card = await hoverAndRead(target, lastName);
      expect(card.name, slot).toBe(target.who.fullName);
      await closeByMovingAway();
    }
  });

  it('closes when the pointer leaves, reopens on a new hover, and closes on Escape', async () => {
    const target = expected.n0 as (typeof expected)[string];
    await hoverAndRead(target);
    await closeByMovingAway();
    expect(await readCard(session, page)).toBeNull();

    const again = await hoverAndRead(target);
    expect(again.text).toContain(g0.email);
    await page.keyboard.press('Escape');
    await waitForNoCard(session, page);
  });

  it('stays open while the pointer moves from the name into the card', async () => {
    const target = expected.n6 as (typeof expected)[string];
    const card = await hoverAndRead(target);
    const close = card.buttons.find((b) => b.name === 'Close');
    expect(close).toBeDefined();
    // Clicking the card's own close button needs the pointer to get there with the card still open.
    await clickInCard(session, page, close?.backendNodeId ?? 0);
    await waitForNoCard(session, page);
  });

  it('opens from the keyboard on a focused mailto link, moves focus into the card and back on Escape', async () => {
    await moveAway(page);
    await page.focus('#mailto-subject');
    await page.keyboard.press('Alt+Shift+L');
    const card = await waitForCard(session, page, showsPerson(g6));
    expect(card.text).toContain(g6.organization);
    expect(card.focused).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('affinity-lens-card');

    await page.keyboard.press('Escape');
    await waitForNoCard(session, page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mailto-subject');
  });

  it('opens from the keyboard on a focused element that holds a name', async () => {
    await page.evaluate(() => {
      const link = document.querySelector<HTMLElement>('a[data-expect="n4"]');
      link?.focus();
    });
    await page.keyboard.press('Alt+Shift+L');
    await waitForCard(session, page, showsPerson(soren));
    await page.keyboard.press('Escape');
    await waitForNoCard(session, page);
  });

  it('places the card next to the name and inside the viewport, also at its edge', async () => {
    const name = await textBox(page, '[data-expect="n0"]');
    const card = await hoverAndRead(expected.n0 as (typeof expected)[string]);
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    expect(card.box.top).toBeGreaterThanOrEqual(name.bottom);
    expect(besideName(card.box, name)).toBe(true);
    expect(Math.abs(card.box.left - name.left)).toBeLessThan(24);
    expect(within(card.box, viewport)).toBe(true);
    await closeByMovingAway();

    // A small window, the name at its bottom right: the card goes above and stays in sight.
    const small = { width: 520, height: 420 };
    await page.setViewportSize(small);
    try {
      await page.evaluate(() => {
        document.querySelector('[data-expect="n6"]')?.scrollIntoView({ block: 'end', inline: 'end' });
      });
      const low = await textBox(page, '[data-expect="n6"]');
      const edge = await hoverAndRead(expected.n6 as (typeof expected)[string]);
      expect(edge.box.bottom).toBeLessThanOrEqual(low.top);
      expect(within(edge.box, small)).toBe(true);
      await closeByMovingAway();
    } finally {
      await page.setViewportSize(viewport);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  });

  it('keeps a card beside its name while the page scrolls, and closes it once the name is out of sight', async () => {
    // A short window, so that the page can scroll the name out of it.
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    const short = { width: viewport.width, height: 400 };
    await page.setViewportSize(short);
    try {
      const link = () => textBox(page, '#mailto-plain');
      await page.evaluate(() => document.getElementById('mailto-plain')?.scrollIntoView({ block: 'center' }));
      await page.focus('#mailto-plain');
      await page.keyboard.press('Alt+Shift+L');
      const card = await waitForCard(session, page, showsPerson(g5));
      // Beside the name, not over it, however tall the card.
      expect(besideName(card.box, await link())).toBe(true);
      expect(within(card.box, short)).toBe(true);

      await page.evaluate(() => window.scrollBy(0, 30));
      const moved = await link();
      await until(
        () => readCard(session, page),
        (now) => now !== null && besideName(now.box, moved) && within(now.box, short),
      );
      const scrolledTo = await page.evaluate(() => {
        const rect = (document.getElementById('mailto-plain') as HTMLElement).getBoundingClientRect();
        window.scrollBy(0, rect.bottom + 10);
        return window.scrollY;
      });
      await waitForNoCard(session, page);
      // Focus went back to the link, and the page stayed where the user scrolled it.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('mailto-plain');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolledTo);
      expect((await link()).bottom).toBeLessThan(0);
    } finally {
      await page.setViewportSize(viewport);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  });

  it('opens from the keyboard on a name the user selected, and closes when focus leaves the card', async () => {
    await page.dblclick('[data-expect="n3"]');
    await page.keyboard.press('Alt+Shift+L');
    const card = await waitForCard(session, page, showsPerson(g1));
    expect(card.focused).toBe(true);
    // Shift+Tab from the card: the keyboard user has moved on, the card goes.
    await page.keyboard.press('Shift+Tab');
    await waitForNoCard(session, page);
  });

  it('asks which person is meant when two share the name, and shows the one chosen', async () => {
    const [quillId, hanbitId] = SAME_NAME_PAIR.ids;
    const quill = person(quillId);
    const hanbit = person(hanbitId);
    const shared = await openMarked(
      pageUrl(pages.url, 'static.html', {
        n: [SAME_NAME_PAIR.fullName, ...names.slice(1).map((p) => p.fullName)],
        e: emails.map((p) => p.email),
      }),
    );
    const previous = page;
    page = shared;
    try {
      await hoverAt(page, await textPoint(page, '[data-expect="n0"]'));
      const chooser = await waitForCard(session, page, (c) => c.buttons.length > 2);
      expect(chooser.name).toBe(`People named ${SAME_NAME_PAIR.fullName}`);
      const options = chooser.buttons.filter((b) => b.name.startsWith(SAME_NAME_PAIR.fullName));
      // Told apart by their e-mail addresses from the local roster, and their organization once known.
      expect(options).toHaveLength(2);
      for (const who of [quill, hanbit]) {
        const shown = `${who.fullName} ${who.email}`;
        expect(
          options.some((o) => o.name === shown || o.name === `${shown} · ${who.organization}`),
          `${JSON.stringify(options.map((o) => o.name))} offers ${shown}`,
        ).toBe(true);
      }

      const hanbitOption = options.find((o) => o.name.includes(hanbit.email));
      await clickInCard(session, page, hanbitOption?.backendNodeId ?? 0);
      const chosen = await waitForCard(session, page, (c) =>
        c.links.some((l) => l.url === hanbit.affinityUrl),
      );
      expect(chosen.name).toBe(hanbit.fullName);
      expect(chosen.text).toContain(hanbit.email);
      expect(chosen.text).toContain(hanbit.organization);
      expect(chosen.text).not.toContain(quill.email);
    } finally {
      page = previous;
      await shared.close();
    }
  });

  it('leaves the page’s own behaviour alone', async () => {
    await page.getByRole('button', { name: 'Clicked 0 times' }).click();
    await page.getByRole('button', { name: 'Clicked 1 time' }).waitFor();
    // The body's markup is exactly what the page made, after marks and cards came and went.
    expect(
      await page.evaluate(() => (window as unknown as { lensPageCheck(): boolean }).lensPageCheck()),
    ).toBe(true);
    expect(await page.locator('textarea').inputValue()).toBe(g0.fullName);
    expect(await page.locator('input[aria-label="name"]').inputValue()).toBe(jose.fullName);
  });

  it('asks Affinity nothing to mark a page, and nothing again for a card already seen', async () => {
    const fresh = await openMarked(staticUrl());
    const previous = page;
    page = fresh;
    try {
      const start = (await sandboxStats()).requests;
      // g0's card was fetched by the other page: the background's cache answers.
      await hoverAndRead(expected.n0 as (typeof expected)[string]);
      await closeByMovingAway();
      await hoverAndRead(expected.n0 as (typeof expected)[string]);
      await closeByMovingAway();
      expect((await sandboxStats()).requests).toBe(start);
    } finally {
      page = previous;
      await fresh.close();
    }
  });
});
