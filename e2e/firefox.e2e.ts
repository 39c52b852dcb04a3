/**
 * The Firefox add-on (Manifest V2, an event page, the key in the add-on's own IndexedDB), built
 * from the same code, in Debian's Firefox ESR against the sandbox Affinity: a key saved in the
 * settings, the roster synced, the popup's search, and names on a page with their card.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_KEY, DEMO_USER, FEATURED_PEOPLE } from '../sandbox/featured';
import { launchFirefoxWithAddon, type FirefoxWithAddon } from './firefox';
import { sandboxUrl, until } from './harness';
import { person } from './hover-kit';

const zoe = person(FEATURED_PEOPLE.zoe.id);
const HIGHLIGHT = 'affinity-lens-person';

const SYNCED = /10,000 people · synced/;

let firefox: FirefoxWithAddon;

const pageText = () => firefox.evaluate<string>('document.body.innerText');

async function openSettings(): Promise<void> {
  await firefox.navigate(firefox.addonUrl('options.html'));
  await until(() => firefox.evaluate<boolean>(`!!document.querySelector('#lens-api-key')`), Boolean);
}

beforeAll(async () => {
  firefox = await launchFirefoxWithAddon({
    executablePath: inject('firefoxPath'),
    addonDir: inject('firefoxAddonDir'),
  });
  // Signed in as a person signs in (the settings page, the key typed into its field, Save), and
  // the roster synced, which the settings page reports.
  await openSettings();
  await firefox.click('#lens-api-key');
  await firefox.type(DEMO_KEY);
  await firefox.click('.lens-key-form button[type=submit]');
  await until(pageText, (text) => SYNCED.test(text), { timeoutMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await firefox?.close();
});

describe('Firefox', () => {
  it('keeps the key it was given and the roster it synced', async () => {
    await openSettings();
    const text = await until(pageText, (t) => SYNCED.test(t));
    expect(text).toContain(`Signed in as ${DEMO_USER.email}`);
  });

  it('finds a person from the roster in the popup', async () => {
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
    await firefox.navigate(`${sandboxUrl()}/__sandbox/demo.html`);
    const marks = await until(
      () => firefox.evaluate<number>(`CSS.highlights.get(${JSON.stringify(HIGHLIGHT)})?.size ?? 0`),
      (size) => size > 0,
    );
    expect(marks).toBeGreaterThan(5);
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
