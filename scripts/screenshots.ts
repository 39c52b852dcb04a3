/**
 * README screenshots: the popup's search results, a person's details and the options page, taken
 * headless against the sandbox (like `npm start`) and written to docs/screenshots/.
 *
 *   npx tsx scripts/screenshots.ts
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from '../e2e/browser';
import { DEMO_KEY, FEATURED_PEOPLE } from '../sandbox/data';
import { startSandbox } from '../sandbox/server';
import { buildExtension } from './build-extension';
import { ensureChromium } from './chromium';

const OUT = resolve('docs/screenshots');
const POPUP = { width: 380, height: 600 };
const OPTIONS = { width: 880, height: 900 };

async function send(page: Page, type: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    ([t, p]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ lens: 1, type: t, payload: p }),
    [type, payload] as const,
  );
}

async function waitForRoster(page: Page): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const reply = (await send(page, 'status/get', {})) as {
      value?: { roster: { count: number; syncing: boolean } };
    };
    if (reply.value && reply.value.roster.count > 0 && !reply.value.roster.syncing) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the roster did not sync within a minute');
}

async function signIn(ext: LoadedExtension): Promise<Page> {
  const options = await ext.openPage('options.html');
  await options.setViewportSize(OPTIONS);
  await options.getByLabel('API key', { exact: true }).fill(DEMO_KEY);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByText('Key saved.').waitFor({ timeout: 15_000 });
  await waitForRoster(options);
  return options;
}

async function popupShots(ext: LoadedExtension): Promise<string[]> {
  const popup = await ext.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(ext.url('popup.html'));
  // People seen before show their organization in the results, as they do after a day's use.
  for (const id of [FEATURED_PEOPLE.danielQuill.id, FEATURED_PEOPLE.jose.id])
    await send(popup, 'people/get', { id });
  await popup.reload();

  const field = popup.getByRole('combobox', { name: 'Search people' });
  await field.fill('quill');
  await popup.locator('[role="listbox"][aria-busy="false"] [role="option"]').first().waitFor();
  await popup.keyboard.press('ArrowDown');
  const search = `${OUT}/popup-search.png`;
  // The popup is as tall as its content, as Chrome shows it.
  await popup.locator('body').screenshot({ path: search });

  await field.fill('José Álvarez');
  await popup.getByRole('option', { name: 'José Álvarez' }).waitFor();
  await popup.keyboard.press('Enter');
  await popup.getByRole('link', { name: /Open in Affinity/ }).waitFor();
  // Nothing left to land (skeleton, refresh) before the picture.
  await popup.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  const person = `${OUT}/popup-person.png`;
  await popup.locator('body').screenshot({ path: person });
  await popup.close();
  return [search, person];
}

async function main(): Promise<void> {
  const chromiumPath = ensureChromium();
  const sandbox = await startSandbox({ port: 0, people: 10_000 });
  const ext = await (async () => {
    try {
      const extensionDir = buildExtension(sandbox.url, '.output/screenshots');
      return await launchWithExtension({ executablePath: chromiumPath, extensionDir, headless: true });
    } catch (error) {
      await sandbox.close();
      throw error;
    }
  })();
  try {
    await mkdir(OUT, { recursive: true });
    const options = await signIn(ext);
    const shots = await popupShots(ext);
    await options.reload();
    await options.getByText('Current key:').waitFor();
    const optionsShot = `${OUT}/options.png`;
    await options.screenshot({ path: optionsShot, fullPage: true });
    for (const shot of [...shots, optionsShot]) console.log(shot);
  } finally {
    await ext.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
