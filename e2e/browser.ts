/**
 * Launches Debian's Chromium with the built extension loaded, through playwright-core.
 * Shared by the E2E tests and `npm start`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** chrome-extension://ID/PATH */
  url(path: string): string;
  openPage(path: string): Promise<Page>;
  /** Waits for the worker again after it was stopped (e.g. to test a restart). */
  currentWorker(): Promise<Worker>;
  /** Stops the service worker as Chrome does when it idles; the next message starts it again. */
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  executablePath: string;
  extensionDir: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
}

export async function launchWithExtension(options: LaunchOptions): Promise<LoadedExtension> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'affinity-lens-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath,
    // Extensions load only with the new headless mode, which Playwright selects through args.
    headless: false,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const currentWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return live ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const worker = await currentWorker();
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    worker,
    extensionId,
    url,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    currentWorker,
    async stopServiceWorker() {
      // The ServiceWorker CDP domain sees the extension's worker from one of its own pages.
      const page = await context.newPage();
      await page.goto(url('options.html'));
      const cdp = await context.newCDPSession(page);
      const running = new Set<string>();
      let stopped: () => void = () => undefined;
      const allStopped = new Promise<void>((resolve) => (stopped = resolve));
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        for (const v of versions) {
          if (!v.scriptURL.startsWith(url(''))) continue;
          if (v.runningStatus === 'running') running.add(v.versionId);
          if (v.runningStatus === 'stopped') running.delete(v.versionId);
        }
        if (running.size === 0) stopped();
      });
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await allStopped;
      await cdp.detach();
      await page.close();
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
