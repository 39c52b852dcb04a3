/** What every E2E test needs: the loaded extension, the sandbox's control API, signing in. */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type LoadedExtension } from './browser';

export const sandboxUrl = (): string => inject('sandboxUrl');

export function launch(): Promise<LoadedExtension> {
  return launchWithExtension({
    executablePath: inject('chromiumPath'),
    extensionDir: inject('extensionDir'),
  });
}

/** Sends one protocol message from an extension page, as the popup and options do. */
export async function sendFromPage<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  return page.evaluate(
    async ([t, p]) => {
      const runtime = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime;
      const reply = await runtime.sendMessage({ lens: 1, type: t, payload: p });
      return reply as unknown;
    },
    [type, payload] as const,
  ) as Promise<T>;
}

export async function sandboxControl(path: 'faults' | 'reset', body: unknown = {}): Promise<void> {
  const res = await fetch(`${sandboxUrl()}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${path} answered ${res.status}`);
}

export async function sandboxStats(): Promise<{
  requests: number;
  byRoute: Record<string, number>;
  rateLimited: number;
}> {
  const res = await fetch(`${sandboxUrl()}/__sandbox/stats`);
  return (await res.json()) as { requests: number; byRoute: Record<string, number>; rateLimited: number };
}

export interface StatusValue {
  signedIn: boolean;
  apiBase: string;
  maskedKey: string | null;
  account: { user: { email: string }; tenant: { subdomain: string } } | null;
  roster: {
    count: number;
    lastSyncAt: number | null;
    syncing: boolean;
    progress: number | null;
    error?: unknown;
  };
  rate: {
    used: number;
    remaining: number;
    pausedUntil: number | null;
    pauseReason: string | null;
    rateLimitedCount: number;
  };
}

export async function status(page: Page): Promise<StatusValue> {
  const reply = await sendFromPage<{ ok: boolean; value: StatusValue; error?: unknown }>(
    page,
    'status/get',
    {},
  );
  if (!reply.ok) throw new Error(`status/get failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** Polls until the condition holds (the browser works on its own time; no fixed sleeps). */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 30_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
