/**
 * The Firefox add-on (Manifest V2, an event page, the key in the add-on's own IndexedDB), built
 * from the same code, in Debian's Firefox ESR against the sandbox Affinity: a key saved in the
 * settings, the roster synced, the popup's search, names on a page with their card, and signing
 * out.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DATABASE_NAME } from '../lib/people/roster-db';
import { PRIVATE_DB_NAME } from '../lib/private-store';
import { DEMO_KEY, DEMO_USER, FEATURED_PEOPLE } from '../sandbox/featured';
import { launchFirefoxWithAddon, type FirefoxWithAddon } from './firefox';
import { readStoredPeople, sandboxUrl, type StoredPeople, until } from './harness';
import { person } from './hover-kit';
import { HIGHLIGHT } from './lens-probe';

const zoe = person(FEATURED_PEOPLE.zoe.id);
const SYNCED = /10,000 people · synced/;

const pageText = (firefox: FirefoxWithAddon) => firefox.evaluate<string>('document.body.innerText');

async function openSettings(firefox: FirefoxWithAddon): Promise<void> {
  await firefox.navigate(firefox.addonUrl('options.html'));
  await until(() => firefox.evaluate<boolean>(`!!document.querySelector('#lens-api-key')`), Boolean);
}

/**
 * Firefox with the add-on, signed in as a person signs in (the settings page, the key typed into
 * its field, Save), once the settings page reports the roster synced.
 */
async function signedIn(): Promise<FirefoxWithAddon> {
  const firefox = await launchFirefoxWithAddon({
    executablePath: inject('firefoxPath'),
    addonDir: inject('firefoxAddonDir'),
  });
  await openSettings(firefox);
  await firefox.click('#lens-api-key');
  await firefox.type(DEMO_KEY);
  await firefox.click('.lens-key-form button[type=submit]');
  await until(
    () => pageText(firefox),
    (text) => SYNCED.test(text),
    { timeoutMs: 60_000 },
  );
  return firefox;
}

/** Opens the demo page; the function returned counts its marks. */
async function demoPageMarks(firefox: FirefoxWithAddon): Promise<() => Promise<number>> {
  await firefox.navigate(`${sandboxUrl()}/__sandbox/demo.html`);
  return () => firefox.evaluate<number>(`CSS.highlights.get(${JSON.stringify(HIGHLIGHT)})?.size ?? 0`);
}

/** What the roster database holds (read on one of the add-on's pages: the database is theirs). */
const storedPeople = (firefox: FirefoxWithAddon) =>
  firefox.evaluate<StoredPeople>(`(${readStoredPeople.toString()})(${JSON.stringify(DATABASE_NAME)})`);

/** Whether the add-on's private store (where Firefox keeps the key) holds the key. */
const keyStored = (firefox: FirefoxWithAddon) =>
  firefox.evaluate<boolean>(`new Promise((resolve, reject) => {
    const open = indexedDB.open(${JSON.stringify(PRIVATE_DB_NAME)});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      if (names.length === 0) return (db.close(), resolve(false));
      const all = db.transaction(names).objectStore(names[0]).getAll();
      all.onsuccess = () => {
        db.close();
        resolve(JSON.stringify(all.result).includes(${JSON.stringify(DEMO_KEY)}));
      };
    };
  })`);

/** A Firefox signed in (see signedIn) for the tests of one describe block, and closed after them. */
function signedInForTheseTests(): () => FirefoxWithAddon {
  let firefox: FirefoxWithAddon | undefined;
  beforeAll(async () => {
    firefox = await signedIn();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
  });
  return () => {
    if (!firefox) throw new Error('Firefox did not start');
    return firefox;
  };
}

describe('Firefox, signed in', () => {
  const browser = signedInForTheseTests();

  it('keeps the key it was given and the roster it synced', async () => {
    const firefox = browser();
    await openSettings(firefox);
    const text = await until(
      () => pageText(firefox),
      (t) => SYNCED.test(t),
    );
    expect(text).toContain(`Signed in as ${DEMO_USER.email}`);
  });

  it('finds a person from the roster in the popup', async () => {
    const firefox = browser();
    await firefox.navigate(firefox.addonUrl('popup.html'));
    await until(() => firefox.evaluate<boolean>(`!!document.querySelector('[role=combobox]')`), Boolean);
    await firefox.click('[role=combobox]');
    await firefox.type('zoë lind');
    const names = await until(
      () =>
        firefox.evaluate<string[]>(`[...document.querySelectorAll('[role=option]')].map((o) => o.innerText)`),
      (found) => found.length > 0,
    );
    expect(names[0]).toContain(zoe.fullName);
  });

  it('marks names on a page and opens the card of one the pointer rests on', async () => {
    const firefox = browser();
    const marks = await demoPageMarks(firefox);
    expect(await until(marks, (n) => n > 0)).toBeGreaterThan(5);
    // Where the page shows the name (found in its own text, as a reader sees it).
    const at = await firefox.evaluate<{ x: number; y: number }>(`(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const from = node.data.indexOf(${JSON.stringify(zoe.fullName)});
        if (from < 0) continue;
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + ${zoe.fullName.length});
        const box = range.getBoundingClientRect();
        return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
      }
      return null;
    })()`);
    await firefox.rest(at, 800);
    const card = await until(
      () => firefox.insideShadow('affinity-lens-card', '[role=dialog]'),
      (found) => found !== null && found.text.includes('Open in Affinity'),
    );
    expect(card?.label).toContain(zoe.fullName);
    expect(card?.text).toContain(zoe.organization);
    expect(card?.text).toContain(zoe.email);
  });
});

describe('Firefox, signing out', () => {
  const browser = signedInForTheseTests();

  it('forgets the key and the roster, and pages are marked no more', async () => {
    const firefox = browser();
    const marks = await demoPageMarks(firefox);
    await until(marks, (n) => n > 0);
    await openSettings(firefox);
    expect((await storedPeople(firefox)).rosterPeople).toBe(10_000);
    expect(await keyStored(firefox)).toBe(true);

    await firefox.clickButton('Sign out');
    await firefox.clickButton('Yes, sign out');
    await until(
      () => pageText(firefox),
      (text) => text.includes('No key saved yet'),
    );
    expect(await keyStored(firefox)).toBe(false);
    expect(await storedPeople(firefox)).toMatchObject({ rosterPeople: 0, cachedCards: 0 });

    // A page opened now is read by nobody: the add-on has no one to match against.
    const after = await demoPageMarks(firefox);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await after()).toBe(0);
  });
});
