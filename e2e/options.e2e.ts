/**
 * The options page in Chromium against the sandbox: the masked key, signing in, a rejected key that
 * keeps the working one, preferences that survive reopening and reach the popup, an accessibility
 * scan in light and dark, and a sign-out that forgets everything.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_KEY, DEMO_TENANT, DEMO_USER, FEATURED_PEOPLE } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import { HIGHLIGHT } from './lens-probe';
import {
  keyField,
  launch,
  saveKey,
  sandboxControl,
  sandboxUrl,
  sandboxData,
  seriousViolations,
  sendFromPage,
  status,
  storedPeople,
  until,
} from './harness';

/** "Signed in as {e-mail} ({name}, {tenant})" above the key field. */
const signedInLine = (page: Page) =>
  page.getByRole('paragraph').filter({ hasText: `Signed in as ${DEMO_USER.email} (` });

async function waitForRoster(page: Page): Promise<void> {
  await until(
    () => status(page),
    (s) => !s.roster.syncing && s.roster.count > 0,
    { timeoutMs: 60_000 },
  );
}

/** Opens a person in the popup by searching their full name and pressing Enter on them. */
async function openInPopup(popup: Page, fullName: string): Promise<void> {
  const field = popup.getByRole('combobox', { name: 'Search people' });
  await field.waitFor();
  await field.fill(fullName);
  const option = popup.getByRole('listbox', { name: 'People' }).getByRole('option', { name: fullName });
  await option.first().waitFor();
  await option.first().click();
  await popup.getByRole('article', { name: fullName }).waitFor();
}

async function storedPreferences(page: Page): Promise<{ syncIntervalHours?: number } | undefined> {
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { sync: { get(key: string): Promise<Record<string, unknown>> } } };
    };
    return (await chrome.storage.sync.get('preferences')).preferences as { syncIntervalHours?: number };
  });
}

describe('the options page in Chromium', () => {
  let ext: LoadedExtension;
  let options: Page;

  beforeAll(async () => {
    await sandboxControl('reset');
    ext = await launch();
    options = await ext.openPage('options.html');
  });
  afterEach(async () => {
    await sandboxControl('faults', { latencyMs: 0, rateLimitStorm: null, lowerLimit: null });
  });
  afterAll(async () => {
    await sandboxControl('reset');
    await ext?.close();
  });

  it('masks the API key, and saving the demo key shows the signed-in user and tenant', async () => {
    await options.getByText(/No key saved yet/).waitFor();
    expect(await keyField(options).getAttribute('type')).toBe('password');
    // "Show" reveals what was typed, "Hide" masks it again.
    await options.getByRole('button', { name: 'Show' }).click();
    expect(await keyField(options).getAttribute('type')).toBe('text');
    await options.getByRole('button', { name: 'Hide' }).click();
    expect(await keyField(options).getAttribute('type')).toBe('password');

    await saveKey(options, DEMO_KEY);
    const account = signedInLine(options);
    await account.waitFor({ timeout: 15_000 });
    expect(await account.textContent()).toContain(DEMO_TENANT.name);
    // The key does not stay in the page: the field is emptied and only its last characters show.
    expect(await keyField(options).inputValue()).toBe('');
    expect(await options.locator('body').textContent()).not.toContain(DEMO_KEY);
    expect(await options.locator('code').textContent()).toMatch(new RegExp(`${DEMO_KEY.slice(-4)}$`));
    await waitForRoster(options);
  });

  it('says a wrong key was rejected, and the previous key still answers searches', async () => {
    await saveKey(options, 'not-the-right-key');
    const alert = options.getByRole('alert').filter({ hasText: /rejected/i });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(/(^|[.!?] )[^.!?]*rejected[^.!?]*[.!?]/i);
    // Still signed in with the previous key.
    expect(await signedInLine(options).count()).toBe(1);

    // The popup still finds and opens people through Affinity with the old key.
    const popup = await ext.openPage('popup.html');
    const zoe = FEATURED_PEOPLE.zoe;
    await openInPopup(popup, zoe.fullName);
    const card = popup.getByRole('article', { name: zoe.fullName });
    expect(await card.getByRole('link', { name: /Open in Affinity/ }).getAttribute('href')).toContain(
      `/persons/${zoe.id}`,
    );
    await popup.close();
  });

  it('keeps preferences across reopening, and an open popup follows them at once', async () => {
    // A card already open in the popup.
    const popup = await ext.openPage('popup.html');
    const anna = FEATURED_PEOPLE.anna;
    await openInPopup(popup, anna.fullName);
    const card = popup.getByRole('article', { name: anna.fullName });
    await card.getByRole('region', { name: 'Latest notes' }).waitFor();
    // Interact with the options in the foreground tab, as a person would.
    await options.bringToFront();

    const slider = options.getByRole('slider', { name: 'Hover delay' });
    const before = Number(await slider.inputValue());
    await slider.focus();
    await options.keyboard.press('ArrowRight');
    await options.keyboard.press('ArrowRight');
    const after = Number(await slider.inputValue());
    expect(after).toBeGreaterThan(before);
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const site = options.getByLabel('Add a site');
    await site.fill('not a site');
    await site.press('Enter');
    await options
      .getByRole('alert')
      .filter({ hasText: /does not look like a site/ })
      .waitFor();
    for (const host of ['https://www.Example.com/path', 'news.ycombinator.com']) {
      await site.fill(host);
      await site.press('Enter');
    }
    const sites = options.getByRole('list', { name: 'Sites' });
    await sites.getByText('news.ycombinator.com').waitFor();
    expect(
      (await sites.getByRole('listitem').allTextContents()).map((t) => t.replace(/Remove$/, '')),
    ).toEqual(['example.com', 'news.ycombinator.com']);
    await options.getByRole('button', { name: 'Remove news.ycombinator.com' }).click();
    await sites.getByText('news.ycombinator.com').waitFor({ state: 'detached' });

    await options.getByRole('radio', { name: 'Only on these sites' }).check();
    await options.getByRole('checkbox', { name: 'Underline names on pages' }).uncheck();
    await options.getByRole('checkbox', { name: 'Latest notes' }).uncheck();
    // The open card leaves the section out without being reopened, and keeps the others.
    await card.getByRole('region', { name: 'Latest notes' }).waitFor({ state: 'detached' });
    expect(await card.getByRole('region', { name: 'Lists' }).count()).toBe(1);
    await popup.close();
    await options.getByLabel('Sync the roster every').selectOption({ label: '12 hours' });
    // The last change is stored before the page goes away.
    await until(
      () => storedPreferences(options),
      (p) => p?.syncIntervalHours === 12,
    );

    await options.close();
    options = await ext.openPage('options.html');
    const reopened = options.getByRole('slider', { name: 'Hover delay' });
    await reopened.waitFor();
    expect(Number(await reopened.inputValue())).toBe(after);
    expect(await options.getByText(`${after} ms`).count()).toBeGreaterThan(0);
    const listed = options.getByRole('list', { name: 'Sites' }).getByRole('listitem');
    expect((await listed.allTextContents()).map((t) => t.replace(/Remove$/, ''))).toEqual(['example.com']);
    expect(await options.getByRole('radio', { name: 'Only on these sites' }).isChecked()).toBe(true);
    expect(await options.getByRole('checkbox', { name: 'Underline names on pages' }).isChecked()).toBe(false);
    expect(await options.getByRole('checkbox', { name: 'Latest notes' }).isChecked()).toBe(false);
    expect(await options.getByRole('checkbox', { name: 'Lists' }).isChecked()).toBe(true);
    expect(await options.getByLabel('Sync the roster every').inputValue()).toBe('12');
  });

  it('has no serious accessibility violations, light and dark', async () => {
    await saveKey(options, 'still-not-the-right-key');
    await options
      .getByRole('alert')
      .filter({ hasText: /rejected/i })
      .waitFor({ timeout: 15_000 });
    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('group', { name: 'Confirm sign out' }).waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await seriousViolations(options), colorScheme).toEqual([]);
    }
    await options.getByRole('button', { name: 'Cancel' }).click();
    await options.emulateMedia({ colorScheme: 'light' });
  });

  it('signs out after a confirmation and forgets the key, the roster and every cached card', async () => {
    await waitForRoster(options);
    const someone = FEATURED_PEOPLE.margaret;
    const card = await sendFromPage<{ ok: boolean }>(options, 'people/get', { id: someone.id });
    expect(card.ok).toBe(true);
    const stored = await storedPeople(options);
    expect(stored.rosterPeople).toBe(sandboxData().size);
    expect(stored.cachedCards).toBeGreaterThan(0);

    const popup = await ext.openPage('popup.html');
    await popup.getByRole('combobox', { name: 'Search people' }).waitFor();
    // A page open with people marked on it (the settings back to their defaults: every site, marks).
    await options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { sync: { remove(key: string): Promise<void> } } } }
      ).chrome.storage.sync.remove('preferences'),
    );
    const page = await ext.context.newPage();
    await page.goto(`${sandboxUrl()}/__sandbox/demo.html`);
    const painted = () => page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT);
    await until(painted, (n) => n > 0);

    await options.getByRole('button', { name: 'Sign out' }).click();
    await options.getByRole('button', { name: 'Yes, sign out' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /Signed out/ })
      .waitFor({ timeout: 15_000 });
    await options.getByText(/No key saved yet/).waitFor();

    const after = await status(options);
    expect(after.signedIn).toBe(false);
    expect(after.maskedKey).toBeNull();
    expect(after.account).toBeNull();
    expect(after.roster.count).toBe(0);
    const left = await storedPeople(options);
    expect(left.rosterPeople).toBe(0);
    expect(left.cachedCards).toBe(0);

    // The open page loses its marks: there is nobody to show.
    await until(painted, (n) => n === 0);
    await page.close();

    // The popup that was open is back to its first run without being reopened.
    await popup.getByRole('region', { name: /Welcome/ }).waitFor();
    expect(await popup.getByRole('combobox', { name: 'Search people' }).count()).toBe(0);

    // Signed in again, it remembers no search and no person from before.
    const again = await sendFromPage<{ ok: boolean }>(popup, 'key/save', { key: DEMO_KEY });
    expect(again.ok).toBe(true);
    await popup.reload();
    const field = popup.getByRole('combobox', { name: 'Search people' });
    await field.waitFor();
    expect(await field.inputValue()).toBe('');
    expect(await popup.getByRole('listbox', { name: 'Last viewed' }).count()).toBe(0);
    await popup.close();
  });
});
