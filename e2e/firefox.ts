/**
 * Firefox driven over WebDriver BiDi, the protocol it speaks natively (playwright-core drives only
 * Chromium): a fresh profile, the add-on installed as a temporary one, and the few things a test
 * does as a person would: open a page, type, click, rest the pointer somewhere, read what shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface FirefoxWithAddon {
  /** The address of one of the add-on's own pages ("options.html"). */
  addonUrl(page: string): string;
  /** Opens a URL in the one tab and waits for it to load. */
  navigate(url: string): Promise<void>;
  /** The JSON value of an expression evaluated in the tab's page (awaited when a promise). */
  evaluate<T>(expression: string): Promise<T>;
  /** Types into whatever has the keyboard focus, key by key. */
  type(text: string): Promise<void>;
  /** Clicks the middle of the first element the CSS selector finds. */
  click(selector: string): Promise<void>;
  /** Clicks the first button with this text. */
  clickButton(name: string): Promise<void>;
  /** Moves the pointer to a point of the viewport and leaves it there. */
  rest(point: { x: number; y: number }, ms: number): Promise<void>;
  /**
   * The accessible name and text of an element inside the shadow root of a host element, closed
   * roots included (the protocol reaches them, as assistive technology does); null when absent.
   */
  insideShadow(host: string, selector: string): Promise<{ label: string | null; text: string } | null>;
  close(): Promise<void>;
}

interface Reply {
  id?: number;
  type: 'success' | 'error' | 'event';
  result?: Record<string, unknown>;
  error?: string;
  message?: string;
}

interface Evaluated {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown; sharedId?: string };
  exceptionDetails?: { text: string };
}

const LISTENING = /WebDriver BiDi listening on (ws:\/\/\S+)/;
const START_TIMEOUT_MS = 30_000;

/**
 * Prefs of the test profile: the add-on's internal UUID fixed (its pages' addresses depend on it),
 * and no first-run pages or background traffic of the browser's own.
 */
function profilePrefs(addonId: string, uuid: string): string {
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.normandy.enabled': false,
    'browser.region.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'extensions.update.enabled': false,
    'extensions.blocklist.enabled': false,
    // Remote settings (blocklists, experiments) from nowhere, as Mozilla's own test profiles do.
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
  };
  return Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');
}

function listeningAddress(firefox: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start its WebDriver BiDi server: ${output.slice(-500)}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    firefox.stderr?.on('data', read);
    firefox.stdout?.on('data', read);
    firefox.once('exit', (code) => reject(new Error(`Firefox exited (${code}): ${output.slice(-500)}`)));
  });
}

export async function launchFirefoxWithAddon(options: {
  executablePath: string;
  addonDir: string;
}): Promise<FirefoxWithAddon> {
  const manifest = JSON.parse(readFileSync(join(options.addonDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const uuid = randomUUID();
  const profile = mkdtempSync(join(tmpdir(), 'lens-firefox-'));
  writeFileSync(join(profile, 'user.js'), profilePrefs(manifest.browser_specific_settings.gecko.id, uuid));
  const firefox = spawn(
    options.executablePath,
    // System access lets the protocol open the add-on's own (moz-extension:) pages.
    [
      '--headless',
      '--remote-allow-system-access',
      '--remote-debugging-port',
      '0',
      '--profile',
      profile,
      '--no-remote',
      'about:blank',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const socket = new WebSocket(`${await listeningAddress(firefox)}/session`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  let lastId = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as Reply;
    if (reply.id === undefined) return; // an event: none is subscribed to
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  // A browser that goes away fails the commands waiting on it, rather than leaving them to time out.
  socket.on('close', () => {
    for (const answer of waiting.values())
      answer({ type: 'error', error: 'connection closed', message: 'Firefox closed the connection' });
    waiting.clear();
  });
  const command = async <T>(method: string, params: Record<string, unknown>): Promise<T> => {
    const id = ++lastId;
    const reply = await new Promise<Reply>((resolve) => {
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
    if (reply.type === 'error') throw new Error(`${method}: ${reply.error}: ${reply.message}`);
    return reply.result as T;
  };

  await command('session.new', { capabilities: {} });
  await command('webExtension.install', { extensionData: { type: 'path', path: options.addonDir } });
  const { contexts } = await command<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
  const context = (contexts[0] as { context: string }).context;
  const target = { context };

  const evaluateRaw = async (expression: string, serialization?: Record<string, unknown>) => {
    const evaluated = await command<Evaluated>('script.evaluate', {
      expression,
      target,
      awaitPromise: true,
      resultOwnership: 'none',
      ...(serialization ? { serializationOptions: serialization } : {}),
    });
    if (evaluated.type === 'exception') throw new Error(`In the page: ${evaluated.exceptionDetails?.text}`);
    return evaluated.result;
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = await evaluateRaw(`(async () => JSON.stringify(await (${expression})))()`);
    const json = result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  };
  const pointer = (actions: Record<string, unknown>[]) =>
    command('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', actions }] });
  /** Clicks the middle of the element an expression finds. */
  const clickAt = async (element: string, what: string) => {
    const box = await evaluate<{ x: number; y: number } | null>(
      `(() => { const e = ${element}; if (!e) return null; const b = e.getBoundingClientRect();
        return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) }; })()`,
    );
    if (!box) throw new Error(`nothing to click: ${what}`);
    await pointer([
      { type: 'pointerMove', x: box.x, y: box.y },
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]);
  };

  return {
    addonUrl: (page) => `moz-extension://${uuid}/${page}`,
    async navigate(url) {
      await command('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    evaluate,
    async type(text) {
      const keys = [...text].flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ]);
      await command('input.performActions', {
        context,
        actions: [{ type: 'key', id: 'keyboard', actions: keys }],
      });
    },
    click: (selector) => clickAt(`document.querySelector(${JSON.stringify(selector)})`, selector),
    clickButton: (name) =>
      clickAt(
        `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)})`,
        `the button ${name}`,
      ),
    async rest(point, ms) {
      await pointer([
        { type: 'pointerMove', x: 1, y: 1 },
        { type: 'pointerMove', ...point, duration: 100 },
        { type: 'pause', duration: ms },
      ]);
    },
    async insideShadow(host, selector) {
      const found = await evaluateRaw(`document.querySelector(${JSON.stringify(host)})`, {
        includeShadowTree: 'all',
        maxDomDepth: 1,
      });
      const root = (found?.value as { shadowRoot?: { sharedId?: string } } | undefined)?.shadowRoot;
      if (!root?.sharedId) return null;
      const read = await command<Evaluated>('script.callFunction', {
        functionDeclaration: `(root) => { const e = root.querySelector(${JSON.stringify(selector)});
          return e ? JSON.stringify({ label: e.getAttribute('aria-label'), text: e.innerText }) : 'null'; }`,
        arguments: [{ sharedId: root.sharedId }],
        target,
        awaitPromise: false,
        resultOwnership: 'none',
      });
      if (read.type === 'exception') throw new Error(`In the page: ${read.exceptionDetails?.text}`);
      return JSON.parse(read.result?.value as string) as { label: string | null; text: string } | null;
    },
    async close() {
      socket.close();
      firefox.kill();
      await new Promise((resolve) =>
        firefox.exitCode === null ? firefox.once('exit', resolve) : resolve(null),
      );
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
