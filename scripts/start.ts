/**
 * `npm start`: the sandbox Affinity with demo data, the extension built against it, and Chromium
 * with the extension loaded, signed in with the demo key, on the demo page. With a display it stays
 * open until Ctrl-C; without one it runs headless, saves screenshots to demo-output/ and exits.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from '../e2e/browser';
import { DEMO_KEY, FEATURED } from '../sandbox/data';
import { startSandbox } from '../sandbox/server';
import { buildExtension } from './build-extension';
import { ensureChromium } from './chromium';

const PORT = Number(process.env.SANDBOX_PORT ?? 4010);
const OUT = resolve('demo-output');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';

async function signIn(ext: LoadedExtension): Promise<void> {
  const options = await ext.openPage('options.html');
  await options.getByLabel('API key', { exact: true }).fill(DEMO_KEY);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options
    .getByText(/Signed in|signed in/)
    .first()
    .waitFor({ timeout: 15_000 });
  if (headless) await options.screenshot({ path: `${OUT}/options.png`, fullPage: true });
  await options.close();
}

async function waitForRoster(ext: LoadedExtension): Promise<number> {
  const page = await ext.openPage('popup.html');
  const deadline = Date.now() + 60_000;
  let count = 0;
  while (Date.now() < deadline) {
    const reply = (await page.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ lens: 1, type: 'status/get', payload: {} }),
    )) as { ok: boolean; value?: { roster: { count: number; syncing: boolean } } };
    count = reply.value?.roster.count ?? 0;
    if (reply.ok && count > 0 && !reply.value?.roster.syncing) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await page.close();
  return count;
}

/** The centre of the first underlined name, once the content script has marked the page. */
async function firstMark(page: Page): Promise<{ x: number; y: number } | null> {
  try {
    const handle = await page.waitForFunction(
      () => {
        const registry = (globalThis as unknown as { CSS: { highlights?: Map<string, Set<AbstractRange>> } })
          .CSS.highlights;
        const range = registry?.get('affinity-lens-person')?.values().next().value;
        if (!range) return null;
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const rect = live.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      undefined,
      { timeout: 15_000 },
    );
    return (await handle.jsonValue()) as { x: number; y: number };
  } catch {
    return null;
  }
}

async function screenshots(ext: LoadedExtension, demoUrl: string): Promise<string[]> {
  const shots: string[] = [];
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(ext.url('popup.html'));
  const someone = FEATURED[0];
  if (someone) {
    await popup.getByLabel('Search people').fill(someone.firstName);
    await popup.getByRole('option').first().waitFor({ timeout: 10_000 });
    // The list settles once Affinity has named the first people's organizations ("… · Quill Pay").
    await popup
      .getByRole('option')
      .first()
      .filter({ hasText: ' · ' })
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    await popup.screenshot({ path: `${OUT}/popup-search.png` });
    shots.push(`${OUT}/popup-search.png`);
    await popup.keyboard.press('Enter');
    await popup.getByRole('link', { name: /Open in Affinity/ }).waitFor({ timeout: 10_000 });
    await popup.screenshot({ path: `${OUT}/popup-person.png` });
    shots.push(`${OUT}/popup-person.png`);
  }
  const demo = await ext.context.newPage();
  await demo.goto(demoUrl);
  const mark = await firstMark(demo);
  await demo.screenshot({ path: `${OUT}/demo-page.png` });
  shots.push(`${OUT}/demo-page.png`);
  if (mark) {
    // Rest the pointer on a marked name, as a person would, and wait out the hover delay.
    await demo.mouse.move(mark.x, mark.y, { steps: 5 });
    await demo.waitForTimeout(1_500);
    await demo.screenshot({ path: `${OUT}/hover-card.png` });
    shots.push(`${OUT}/hover-card.png`);
  }
  shots.push(`${OUT}/options.png`);
  return shots;
}

async function main(): Promise<void> {
  const chromiumPath = ensureChromium();
  const sandbox = await startSandbox({ port: PORT });
  console.log(`Sandbox Affinity at ${sandbox.url} (demo key: ${DEMO_KEY})`);
  console.log('Building the extension against it…');
  const extensionDir = buildExtension(sandbox.url);
  console.log(`Built ${extensionDir}`);
  await mkdir(OUT, { recursive: true });
  const ext = await launchWithExtension({ executablePath: chromiumPath, extensionDir, headless });
  const stop = async () => {
    await ext.close().catch(() => undefined);
    await sandbox.close();
  };
  try {
    await signIn(ext);
    const count = await waitForRoster(ext);
    console.log(`Signed in with the demo key; ${count} people in the roster.`);
    if (headless) {
      const shots = await screenshots(ext, sandbox.demoUrl);
      console.log('No display: ran headless. Screenshots:');
      for (const shot of shots) console.log(`  ${shot}`);
      await stop();
      return;
    }
    const demo = await ext.context.newPage();
    await demo.goto(sandbox.demoUrl);
    console.log(`Chromium is open on the demo page (${sandbox.demoUrl}). Press Ctrl-C to stop.`);
    await new Promise<void>((resolveStop) => {
      process.once('SIGINT', resolveStop);
      process.once('SIGTERM', resolveStop);
      ext.context.once('close', () => resolveStop());
    });
    await stop();
  } catch (error) {
    await stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
