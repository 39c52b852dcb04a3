/**
 * The foundation in a real Chromium: the built extension loads, its worker answers, the options page
 * keeps the key safe, and content scripts cannot read it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_KEY, DEMO_USER } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import { evaluateInContentScript } from './cdp';
import { launch, saveKey, sandboxControl, sandboxUrl, sendFromPage } from './harness';

interface StatusReply {
  ok: boolean;
  value: {
    signedIn: boolean;
    apiBase: string;
    maskedKey: string | null;
    account: { user: { email: string } } | null;
  };
}

describe('the extension, built and loaded in Chromium', () => {
  let ext: LoadedExtension;
  let options: Page;

  beforeAll(async () => {
    await sandboxControl('reset');
    ext = await launch();
    options = await ext.openPage('options.html');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads, and its service worker answers', async () => {
    const reply = await sendFromPage<StatusReply>(options, 'status/get', {});
    expect(reply.ok).toBe(true);
    expect(reply.value.signedIn).toBe(false);
    expect(reply.value.apiBase).toBe(sandboxUrl());
  });

  it('shows the signed-in user’s e-mail once the demo key is saved', async () => {
    await saveKey(options, DEMO_KEY);
    await options.getByText(DEMO_USER.email).first().waitFor({ timeout: 15_000 });
    const reply = await sendFromPage<StatusReply>(options, 'status/get', {});
    expect(reply.value.signedIn).toBe(true);
    expect(reply.value.account?.user.email).toBe(DEMO_USER.email);
    expect(reply.value.maskedKey).toMatch(new RegExp(`${DEMO_KEY.slice(-4)}$`));
    expect(reply.value.maskedKey).not.toContain(DEMO_KEY);
  });

  it('says a wrong key was rejected and keeps the working one', async () => {
    await saveKey(options, 'not-the-right-key');
    await options
      .getByText(/rejected/i)
      .first()
      .waitFor({ timeout: 15_000 });
    const reply = await sendFromPage<StatusReply>(options, 'status/get', {});
    expect(reply.value.signedIn).toBe(true);
    expect(reply.value.maskedKey).toMatch(new RegExp(`${DEMO_KEY.slice(-4)}$`));
    const stored = await options.evaluate(async () => {
      const c = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).chrome;
      return (await c.storage.local.get('apiKey')).apiKey;
    });
    expect(stored).toBe(DEMO_KEY);
  });

  it('keeps the key out of reach of content scripts', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${sandboxUrl()}/__sandbox/demo.html`);
    const seen = await evaluateInContentScript(
      ext.context,
      page,
      'Affinity Lens',
      `chrome.storage.local.get(null).then((v) => JSON.stringify(v), (e) => 'denied: ' + e.message)`,
    );
    expect(String(JSON.stringify(seen))).not.toContain(DEMO_KEY);
    expect(String(seen)).toMatch(/denied/);
    await page.close();
  });
});
