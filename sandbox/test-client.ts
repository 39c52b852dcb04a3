/** A tiny client for the sandbox tests: one call, its status, headers and parsed body. */
import { DEMO_KEY } from './data';

export type Auth = 'basic' | 'bearer' | 'none' | { header: string };

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

export const basicAuth = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export async function call(
  baseUrl: string,
  path: string,
  auth: Auth = 'basic',
  init: RequestInit = {},
): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (auth === 'basic') headers.set('authorization', basicAuth('', DEMO_KEY));
  else if (auth === 'bearer') headers.set('authorization', `Bearer ${DEMO_KEY}`);
  else if (auth !== 'none') headers.set('authorization', auth.header);
  const response = await fetch(baseUrl + path, { ...init, headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (the "down" page): keep the text.
  }
  return { status: response.status, headers: response.headers, body };
}

/** The six rate-limit headers, by their (lower-case) names. */
export const RATE_HEADERS = [
  'x-ratelimit-limit-user',
  'x-ratelimit-limit-user-remaining',
  'x-ratelimit-limit-user-reset',
  'x-ratelimit-limit-org',
  'x-ratelimit-limit-org-remaining',
  'x-ratelimit-limit-org-reset',
] as const;

export const header = (answer: Answer, name: string): string | null => answer.headers.get(name);
