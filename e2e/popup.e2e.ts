/**
 * The toolbar popup in Chromium against the sandbox: first run, keyboard-only search by name, e-mail
 * and part of a name, search in a popup that woke a stopped worker, details that match the sandbox's
 * data, the stale marker, the rate-limit pause in the footer, and an accessibility scan in light and
 * dark.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_TENANT, FEATURED_PEOPLE, SAME_NAME_PAIR, type SandboxPerson } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import {
  ageCachedCard,
  launch,
  sandboxControl,
  sandboxData,
  sandboxStats,
  seriousViolations,
  signIn,
  status,
  until,
} from './harness';

const PERSON_ROUTE = 'GET /persons/{id}';
const HOUR = 3_600_000;

const person = (id: number): SandboxPerson => {
  const found = sandboxData().person(id);
  if (!found) throw new Error(`the sandbox has no person ${id}`);
  return found;
};
const fullName = (p: Pick<SandboxPerson, 'firstName' | 'lastName'>) => `${p.firstName} ${p.lastName}`;

const searchField = (popup: Page) => popup.getByRole('combobox', { name: 'Search people' });
const results = (popup: Page) => popup.getByRole('listbox', { name: 'People' });
const card = (popup: Page, name: string) => popup.getByRole('article', { name });

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Replaces the field's text by typing, as a person does (the field has focus). */
async function typeSearch(popup: Page, term: string): Promise<void> {
  expect(await isFocused(searchField(popup))).toBe(true);
  await popup.keyboard.press('ControlOrMeta+A');
  await popup.keyboard.press('Backspace');
  await popup.keyboard.type(term);
}

interface ShownOption {
  name: string;
  description: string;
  selected: boolean;
}

/** The options of a listbox by accessible name and description, and which one is active. */
function optionsOf(listbox: Locator): Promise<ShownOption[]> {
  return listbox.getByRole('option').evaluateAll((nodes) =>
    nodes.map((node) => {
      const text = (ids: string | null) =>
        (ids ?? '')
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      return {
        name: text(node.getAttribute('aria-labelledby')),
        description: text(node.getAttribute('aria-describedby')),
        selected: node.getAttribute('aria-selected') === 'true',
      };
    }),
  );
}

/** The options once the search for `term` has settled (the listbox is no longer busy). */
async function settledOptions(popup: Page, term: string): Promise<ShownOption[]> {
  await until(
    () => searchField(popup).inputValue(),
    (value) => value === term,
  );
  await popup.locator('[role="listbox"][aria-label="People"][aria-busy="false"]').waitFor();
  return optionsOf(results(popup));
}

/** Moves the active option to the one for `who` with the arrow keys only. */
async function arrowTo(popup: Page, term: string, who: SandboxPerson): Promise<void> {
  const options = await settledOptions(popup, term);
  const target = options.findIndex(
    (o) => o.name === fullName(who) && (!who.primaryEmail || o.description.includes(who.primaryEmail)),
  );
  expect(target, `${fullName(who)} among ${JSON.stringify(options)}`).toBeGreaterThanOrEqual(0);
  const active = options.findIndex((o) => o.selected);
  const steps = target - active;
  for (let i = 0; i < Math.abs(steps); i++) await popup.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  const now = await settledOptions(popup, term);
  expect(now[target]?.selected).toBe(true);
  // The field names the active option for screen readers.
  const activeId = await searchField(popup).getAttribute('aria-activedescendant');
  expect(await results(popup).getByRole('option').nth(target).getAttribute('id')).toBe(activeId);
}

/** Types a search, walks to the person with the arrows and opens them with Enter. */
async function openByKeyboard(popup: Page, term: string, who: SandboxPerson): Promise<Locator> {
  await typeSearch(popup, term);
  await arrowTo(popup, term, who);
  await popup.keyboard.press('Enter');
  const shown = card(popup, fullName(who));
  await shown.waitFor();
  return shown;
}

/** Everything the card says about a person, checked against the sandbox's own data for them. */
async function expectCardMatchesSandbox(shown: Locator, who: SandboxPerson): Promise<void> {
  const data = sandboxData();
  await expect(shown.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(fullName(who));

  if (who.primaryEmail) {
    const email = shown.getByRole('link', { name: who.primaryEmail, exact: true });
    expect(await email.getAttribute('href')).toBe(`mailto:${who.primaryEmail}`);
  }

  const organizations = who.currentOrganizationIds.map((id) => data.organization(id)?.name ?? '');
  expect(organizations.length).toBeGreaterThan(0);
  const orgText = await shown.locator('.lens-card__org').textContent();
  for (const name of organizations.slice(0, 3)) expect(orgText).toContain(name);

  const listNames = data
    .listEntries(who.id)
    .map((entry) => data.list(entry.listId)?.name ?? '')
    .sort();
  const lists = shown.getByRole('region', { name: 'Lists' }).getByRole('listitem');
  expect((await lists.allTextContents()).map((t) => t.trim()).sort()).toEqual(listNames);

  // A labelled global text field, e.g. "Job title".
  const textValue = data
    .fieldValues(who.id)
    .find((v) => v.listEntryId === null && v.valueType === 6 && typeof v.value === 'string');
  expect(textValue).toBeDefined();
  const label = data.field(textValue?.fieldId ?? 0)?.name ?? '';
  const row = shown
    .getByRole('region', { name: 'Fields' })
    .locator('.lens-row')
    .filter({ has: shown.page().getByRole('term').filter({ hasText: label }) });
  await expect(row.getByRole('definition').textContent()).resolves.toBe(String(textValue?.value));

  // Who knows them best: the sandbox's closest team member comes first.
  const closest = data.relationshipStrengths(who.id)[0];
  if (closest) {
    const meters = shown.getByRole('region', { name: 'Who knows them best' }).getByRole('meter');
    expect(await meters.first().getAttribute('aria-label')).toBe(
      `Relationship strength of ${fullName(person(closest.internalId))}`,
    );
  }

  const lastEvent = data.interactions(who.id)?.lastEvent;
  if (lastEvent) {
    const met = shown.getByRole('region', { name: 'Interactions' }).locator('time').first();
    expect(Date.parse((await met.getAttribute('datetime')) ?? '')).toBe(Date.parse(lastEvent.date));
  }

  const open = shown.getByRole('link', { name: /Open in Affinity/ });
  expect(await open.getAttribute('href')).toBe(
    `https://${DEMO_TENANT.subdomain}.affinity.co/persons/${who.id}`,
  );
}

/** Escape in the details goes back to the results with the field focused. */
async function backToResults(popup: Page): Promise<void> {
  await popup.keyboard.press('Escape');
  await searchField(popup).waitFor();
  await until(
    () => isFocused(searchField(popup)),
    (focused) => focused,
  );
}

describe('the popup in Chromium', () => {
  let ext: LoadedExtension;
  let popup: Page;

  beforeAll(async () => {
    await sandboxControl('reset');
    ext = await launch();
  });
  beforeEach(async () => {
    // Whatever the last test left open, the next one starts from the search (one failure, one red test).
    if (!popup || popup.isClosed()) return;
    popup.setDefaultTimeout(10_000);
    // A tab in the background gets few animation frames: keep the popup in front, as it is in use.
    await popup.bringToFront();
    const back = popup.getByRole('button', { name: 'Back to results' });
    if (await back.isVisible()) await back.click();
    if ((await searchField(popup).count()) > 0) await searchField(popup).focus();
  });
  afterEach(async () => {
    await sandboxControl('faults', { latencyMs: 0, rateLimitStorm: null, lowerLimit: null, down: false });
  });
  afterAll(async () => {
    await sandboxControl('reset');
    await ext?.close();
  });

  it('first run: says in one sentence that it needs an API key, and leads to the options page', async () => {
    popup = await ext.openPage('popup.html');
    const welcome = popup.getByRole('region', { name: /Welcome/ });
    const sentence = (await welcome.getByRole('paragraph').first().textContent())?.trim() ?? '';
    expect(sentence).toMatch(/API key/);
    expect(sentence).toMatch(/^[^.!?]+[.!?]$/);
    expect(await searchField(popup).count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await seriousViolations(popup), `first run, ${colorScheme}`).toEqual([]);
    }
    await popup.emulateMedia({ colorScheme: 'light' });

    const opened = ext.context.waitForEvent('page');
    await welcome.getByRole('button').click();
    const options = await opened;
    await options.waitForLoadState();
    expect(options.url()).toBe(ext.url('options.html'));
    await options.getByLabel('API key', { exact: true }).waitFor();
    await options.close();
  });

  it('once signed in, opens on the search field, focused', async () => {
    const synced = await signIn(popup);
    expect(synced.roster.count).toBe(sandboxData().size);
    await popup.reload();
    await searchField(popup).waitFor();
    expect(await isFocused(searchField(popup))).toBe(true);
    // Nothing typed and nobody viewed yet: a sentence says what to do.
    const hint = popup.getByRole('status').filter({ hasText: /Type a name or an e-mail/ });
    expect(await hint.count()).toBe(1);
  });

  it('shows the e-mail and current organization of a person never opened before', async () => {
    const priya = person(FEATURED_PEOPLE.priya.id);
    const organization = sandboxData().organization(priya.currentOrganizationIds[0] ?? 0)?.name ?? '?';
    const options = await settledAfterTyping(popup, fullName(priya));
    const shown = options.find((o) => o.name === fullName(priya));
    expect(shown?.description).toContain(priya.primaryEmail ?? '?');
    expect(shown?.description).toContain(organization);
  });

  it('finds a person by full name with the keyboard, and the details match the sandbox', async () => {
    const jose = person(FEATURED_PEOPLE.jose.id);
    const shown = await openByKeyboard(popup, fullName(jose), jose);
    await expectCardMatchesSandbox(shown, jose);
    // Former organizations and other e-mail addresses are one press away.
    const data = sandboxData();
    const former = jose.organizationIds.filter((id) => !jose.currentOrganizationIds.includes(id));
    expect(former.length).toBeGreaterThan(0);
    await shown.getByRole('button', { name: /other organization/ }).press('Enter');
    const orgs = await shown.locator('.lens-card__orgs').textContent();
    for (const id of former) expect(orgs).toContain(data.organization(id)?.name);
    await shown.getByRole('button', { name: /more e-mail/ }).press('Enter');
    for (const email of jose.emails) expect(await shown.textContent()).toContain(email);
    await backToResults(popup);
  });

  it('finds a person by e-mail address', async () => {
    const anna = person(FEATURED_PEOPLE.anna.id);
    const term = anna.primaryEmail ?? '';
    const options = await settledAfterTyping(popup, term);
    expect(options[0]?.name).toBe(fullName(anna));
    const shown = await openByKeyboard(popup, term, anna);
    await expectCardMatchesSandbox(shown, anna);
    await backToResults(popup);
    // Any of a person's addresses finds them, not only the primary one.
    const jose = person(FEATURED_PEOPLE.jose.id);
    const other = jose.emails.find((e) => e !== jose.primaryEmail) ?? '?';
    expect((await settledAfterTyping(popup, other)).map((o) => o.name)).toContain(fullName(jose));
  });

  it('finds a person by part of their name', async () => {
    const margaret = person(FEATURED_PEOPLE.margaret.id);
    const term = `${margaret.firstName.slice(0, 4)} ${margaret.lastName.slice(0, 4)}`;
    const shown = await openByKeyboard(popup, term, margaret);
    await expectCardMatchesSandbox(shown, margaret);
    await backToResults(popup);
  });

  it('finds people from the roster in a popup that woke the worker Chrome had stopped', async () => {
    const priya = person(FEATURED_PEOPLE.priya.id);
    await ext.stopServiceWorker();
    // Affinity is down: the answer can only come from the roster the woken worker loads.
    await sandboxControl('faults', { down: true });
    const woken = await ext.openPage('popup.html');
    try {
      await searchField(woken).waitFor();
      await until(
        () => isFocused(searchField(woken)),
        (focused) => focused,
      );
      await typeSearch(woken, fullName(priya));
      const options = await settledOptions(woken, fullName(priya));
      expect(options.map((o) => o.name)).toContain(fullName(priya));
      expect(await woken.getByRole('alert').count()).toBe(0);
    } finally {
      await woken.close();
    }
  });

  it('Escape goes back from the details, then clears the search, then closes the popup', async () => {
    const zoe = person(FEATURED_PEOPLE.zoe.id);
    await openByKeyboard(popup, fullName(zoe), zoe);
    await backToResults(popup);
    // Back where we were: the same term and results.
    expect(await searchField(popup).inputValue()).toBe(fullName(zoe));
    expect((await settledOptions(popup, fullName(zoe))).some((o) => o.name === fullName(zoe))).toBe(true);

    await popup.keyboard.press('Escape');
    expect(await searchField(popup).inputValue()).toBe('');
    expect(await results(popup).count()).toBe(0);
    // With the field empty, the last person viewed is offered.
    const last = popup.getByRole('listbox', { name: 'Last viewed' });
    expect((await optionsOf(last)).map((o) => o.name)).toEqual([fullName(zoe)]);

    const closed = popup.waitForEvent('close');
    const page = popup;
    // The page may close before the key press reports back.
    await page.keyboard.press('Escape').catch((error: unknown) => {
      if (!page.isClosed()) throw error;
    });
    await closed;
    popup = await ext.openPage('popup.html');
    await searchField(popup).waitFor();
  });

  it('remembers the last search and person when opened again', async () => {
    const jose = person(FEATURED_PEOPLE.jose.id);
    await openByKeyboard(popup, 'quill', jose);
    await popup.reload();
    await searchField(popup).waitFor();
    expect(await searchField(popup).inputValue()).toBe('quill');
    // The remembered term is selected, so typing replaces it.
    const selected = await searchField(popup).evaluate((el) => {
      const input = el as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    expect(selected).toBe('quill');
    const again = (await settledOptions(popup, 'quill')).find((o) => o.name === fullName(jose));
    // Seen once, the person's current organization shows beside their e-mail.
    const organization = sandboxData().organization(jose.currentOrganizationIds[0] ?? 0)?.name ?? '?';
    expect(again?.description).toContain(jose.primaryEmail);
    expect(again?.description).toContain(organization);
  });

  it('folds accents: “jose alvarez” finds José Álvarez', async () => {
    const jose = person(FEATURED_PEOPLE.jose.id);
    const options = await settledAfterTyping(popup, 'jose alvarez');
    expect(options.map((o) => o.name)).toContain('José Álvarez');
    expect(fullName(jose)).toBe('José Álvarez');
  });

  it('shows both people who share one full name, told apart by their e-mail', async () => {
    const [first, second] = SAME_NAME_PAIR.ids.map(person);
    const options = await settledAfterTyping(popup, SAME_NAME_PAIR.fullName);
    const namesakes = options.filter((o) => o.name === SAME_NAME_PAIR.fullName);
    expect(namesakes).toHaveLength(2);
    expect(namesakes.some((o) => o.description.includes(first?.primaryEmail ?? '?'))).toBe(true);
    expect(namesakes.some((o) => o.description.includes(second?.primaryEmail ?? '?'))).toBe(true);
    // Each opens its own person.
    const shown = await openByKeyboard(popup, SAME_NAME_PAIR.fullName, second as SandboxPerson);
    await expectCardMatchesSandbox(shown, second as SandboxPerson);
    await backToResults(popup);
  });

  it('says so in a sentence when nobody matches, and when Affinity cannot be asked', async () => {
    const nobody = 'Qzxv Wplk';
    expect(sandboxData().search(nobody)).toEqual([]);
    await sandboxControl('faults', { down: true });
    await typeSearch(popup, nobody);
    // Nobody in the roster: Affinity is asked, and its failure is the answer.
    const failure = popup.getByRole('alert');
    await failure.waitFor({ timeout: 20_000 });
    expect(await failure.textContent()).toMatch(/Affinity/);
    expect(await popup.getByText('Searching Affinity…').count()).toBe(0);
    expect(await seriousViolations(popup), 'search failure').toEqual([]);
    expect(await results(popup).getByRole('option').count()).toBe(0);

    await sandboxControl('faults', { down: false });
    // From the field, Tab reaches "Try again"; afterwards the keyboard is back in the field.
    await popup.keyboard.press('Tab');
    expect(await isFocused(failure.getByRole('button', { name: 'Try again' }))).toBe(true);
    await popup.keyboard.press('Enter');
    const none = popup
      .getByRole('status')
      .filter({ hasText: `No one in your Affinity matches “${nobody}”.` });
    await none.waitFor({ timeout: 20_000 });
    expect(await failure.count()).toBe(0);
    expect(await isFocused(searchField(popup))).toBe(true);
  });

  it('shows a stale card at once with its age, then refreshes it', async () => {
    const soren = person(FEATURED_PEOPLE.soren.id);
    await openByKeyboard(popup, fullName(soren), soren);
    await backToResults(popup);

    // Opened again while fresh: from the cache, without a call and without an age.
    const fresh = (await sandboxStats()).requests;
    await popup.keyboard.press('Enter');
    await card(popup, fullName(soren))
      .getByRole('link', { name: /Open in Affinity/ })
      .waitFor();
    expect(
      await card(popup, fullName(soren))
        .getByText(/^Updated /)
        .count(),
    ).toBe(0);
    await backToResults(popup);
    expect((await sandboxStats()).requests).toBe(fresh);

    await ageCachedCard(popup, soren.id, 3 * HOUR);
    // Slow answers, so the stale card is surely on screen before the refresh lands.
    await sandboxControl('faults', { latencyMs: 1_500 });
    const before = (await sandboxStats()).byRoute[PERSON_ROUTE] ?? 0;
    await popup.keyboard.press('Enter');
    const shown = card(popup, fullName(soren));
    const age = shown.getByText(/^Updated .+ ago/);
    await age.waitFor();
    expect(await age.textContent()).toMatch(/^Updated 3 h ago/);
    // Everything is there already, from the cache.
    await expectCardMatchesSandbox(shown, soren);

    await age.waitFor({ state: 'detached', timeout: 20_000 });
    // One refresh, even though both the popup and the background's cache want one.
    expect((await sandboxStats()).byRoute[PERSON_ROUTE] ?? 0).toBe(before + 1);
    await expectCardMatchesSandbox(shown, soren);
    await backToResults(popup);
  });

  it('shows the rate-limit pause with its resume time in the footer, and recovers after the storm', async () => {
    const lukasz = person(FEATURED_PEOPLE.lukasz.id);
    await typeSearch(popup, fullName(lukasz));
    // The storm starts once the list has settled (its organization names fetched), so it meets the card.
    await arrowTo(popup, fullName(lukasz), lukasz);
    await sandboxControl('faults', { rateLimitStorm: { durationMs: 6_000 } });
    await popup.keyboard.press('Enter');

    const footer = popup.getByRole('contentinfo');
    const pause = footer.getByRole('status').filter({ hasText: /rate limit/i });
    await pause.waitFor({ timeout: 15_000 });
    expect(await pause.textContent()).toMatch(/rate limit.*resume.*\d{1,2}:\d{2}/i);
    // Affinity asked to wait: the meter says so rather than claiming the minute was spent.
    const meter = footer.getByRole('meter', { name: /API requests/ });
    expect(await meter.getAttribute('aria-valuetext')).toBe('Waiting for Affinity');
    const paused = await status(popup);
    expect(paused.rate.pausedUntil).not.toBeNull();
    expect(paused.rate.rateLimitedCount).toBeGreaterThan(0);
    expect((await sandboxStats()).rateLimited).toBeGreaterThan(0);

    // The storm ends; the person asked for is shown and the footer no longer says paused.
    await sandboxControl('faults', { rateLimitStorm: null });
    const shown = card(popup, fullName(lukasz));
    await shown.waitFor({ timeout: 45_000 });
    await pause.waitFor({ state: 'detached', timeout: 45_000 });
    expect(await meter.getAttribute('aria-valuetext')).toMatch(/left this minute/);
    await expectCardMatchesSandbox(shown, lukasz);
    await backToResults(popup);
  });

  it('has no serious accessibility violations, light and dark', async () => {
    const jose = person(FEATURED_PEOPLE.jose.id);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await settledAfterTyping(popup, 'daniel');
      expect(await seriousViolations(popup), `search, ${colorScheme}`).toEqual([]);
      await openByKeyboard(popup, fullName(jose), jose);
      expect(await seriousViolations(popup), `details, ${colorScheme}`).toEqual([]);
      await backToResults(popup);
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  });
});

async function settledAfterTyping(popup: Page, term: string): Promise<ShownOption[]> {
  await typeSearch(popup, term);
  return settledOptions(popup, term);
}
