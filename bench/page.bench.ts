/**
 * The content script in a real Chromium: a 1 MB page with 10,000 mentions of people from a
 * 50,000-person roster (the sandbox, synced by the extension). Prints the time until every name is
 * marked beside a bare DOM text walk of the same page, the longest main-thread task after load,
 * the content script's heap (page with the lens on minus the same page with the site switched
 * off), and the size of the content script bundle.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from '../e2e/browser';
import { servePages } from '../e2e/pages/server';
import { DEMO_KEY, startSandbox } from '../sandbox/server';
import { buildExtension } from '../scripts/build-extension';
import { ensureChromium } from '../scripts/chromium';
import type { BenchModule, BenchRow } from './types';

const PEOPLE = 50_000;
const NAMES_ON_PAGE = 200;
const MENTIONS = 10_000;
const KB = 1024;

/** The extension API as seen from one of its pages (page.evaluate runs there, untyped here). */
interface ExtensionGlobals {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
  };
}

async function send(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; value?: unknown }> {
  return page.evaluate(
    ([t, p]) =>
      (globalThis as unknown as ExtensionGlobals).chrome.runtime.sendMessage({
        lens: 1,
        type: t,
        payload: p,
      }),
    [type, payload] as const,
  ) as Promise<{ ok: boolean; value?: unknown }>;
}

/** lib/settings' defaults (importing it here would touch extension storage from Node). */
const preferences = (sites: string[]) => ({
  siteMode: 'all-except',
  sites,
  hoverDelayMs: 500,
  showMarks: true,
  sections: { interactions: true, relationships: true, lists: true, fields: true, notes: true },
  syncIntervalHours: 6,
});

async function waitForRoster(page: Page): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const status = (await send(page, 'status/get', {})).value as {
      roster: { count: number; syncing: boolean };
    };
    if (status.roster.count > 0 && !status.roster.syncing) return status.roster.count;
    await page.waitForTimeout(250);
  }
  throw new Error('the roster did not sync');
}

/** Loads the page and waits until the number of marks has settled; times from navigation start. */
async function loadAndMark(ext: LoadedExtension, url: string, expectMarks: boolean) {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  const count = () =>
    page.evaluate(() => {
      let n = 0;
      CSS.highlights.forEach((h) => (n += h.size));
      return [n, performance.now()] as const;
    });
  const first = await count();
  let marks = first[0];
  let markedAt = first[1];
  const deadline = Date.now() + 60_000;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    const [next, now] = await count();
    if (next !== marks) {
      marks = next;
      markedAt = now;
      stableSince = Date.now();
    } else if ((marks > 0 || !expectMarks) && Date.now() - stableSince > 2000) break;
  }
  const facts = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    const afterLoad = w.__longTasks.filter((t) => t.start >= nav.loadEventEnd);
    return {
      loadEnd: nav.loadEventEnd,
      expected: Number(document.body.dataset.expectedMarks),
      longest: afterLoad.reduce((max, t) => Math.max(max, t.duration), 0),
    };
  });
  return { page, marks, markedAfterLoad: markedAt - facts.loadEnd, ...facts };
}

async function heapUsed(ext: LoadedExtension, page: Page): Promise<number> {
  const cdp = await ext.context.newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Median of a few bare TreeWalker passes over the page's text: the floor any scan pays. */
async function bareWalkMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      while (walker.nextNode()) chars += (walker.currentNode as Text).data.length;
      if (chars < 0) throw new Error('unreachable');
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2] as number;
  });
}

async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const sandbox = await startSandbox({ people: PEOPLE });
  const pages = await servePages();
  const dir = buildExtension(sandbox.url, 'bench-output/page');
  const bundle = gzipSync(readFileSync(`${dir}/content-scripts/content.js`)).length / 1024;
  rows.push({
    name: 'content script bundle, gzipped',
    value: bundle,
    unit: 'KB',
    budget: '≤ 30 KB',
    ok: bundle <= 30,
  });

  const ext = await launchWithExtension({ executablePath: ensureChromium(), extensionDir: dir });
  try {
    const options = await ext.openPage('options.html');
    await send(options, 'key/save', { key: DEMO_KEY });
    const rosterSize = await waitForRoster(options);

    const step = Math.floor(sandbox.data.size / NAMES_ON_PAGE);
    const query = new URLSearchParams({ kb: String(KB), marks: String(MENTIONS) });
    for (let i = 0; i < NAMES_ON_PAGE; i++) {
      const person = sandbox.data.personAt(i * step + 7);
      query.append('n', `${person.firstName} ${person.lastName}`);
    }
    query.append('o', 'Quentin Nobodysson');
    const url = `${pages.url}huge.html?${query}`;

    const setSite = (on: boolean) =>
      options.evaluate(
        (prefs) =>
          (globalThis as unknown as ExtensionGlobals).chrome.storage.sync.set({ preferences: prefs }),
        preferences(on ? [] : ['127.0.0.1']),
      );

    await setSite(false);
    const off = await loadAndMark(ext, url, false);
    const walk = await bareWalkMs(off.page);
    const heapOff = await heapUsed(ext, off.page);
    await off.page.close();

    await setSite(true);
    const on = await loadAndMark(ext, url, true);
    const heapOn = await heapUsed(ext, on.page);
    await on.page.close();

    rows.push({
      name: `marks on a 1 MB page (${rosterSize.toLocaleString('en')}-person roster)`,
      value: on.marks,
      unit: 'marks',
      budget: `= ${on.expected}`,
      ok: on.marks === on.expected,
    });
    rows.push({
      name: 'all names marked, after the page’s load event',
      value: on.markedAfterLoad,
      unit: 'ms',
      note: `starts when the page is idle; bare DOM text walk of the page: ${walk.toFixed(1)} ms`,
    });
    rows.push({
      name: 'longest main-thread task after load, lens on',
      value: on.longest,
      unit: 'ms',
      budget: '≤ 50 ms',
      ok: on.longest <= 50,
      note: `0 = none over 50 ms (the Long Tasks API threshold); site off: ${off.longest.toFixed(0)} ms`,
    });
    const heapMb = (heapOn - heapOff) / (1024 * 1024);
    rows.push({
      name: 'content-script heap on that page (lens on minus site off)',
      value: heapMb,
      unit: 'MB',
      budget: '≤ 3 MB',
      ok: heapMb <= 3,
    });
  } finally {
    await ext.close();
    await pages.close();
    await sandbox.close();
  }
  return rows;
}

export default { title: 'Content script on a huge page (Chromium)', run } satisfies BenchModule;
