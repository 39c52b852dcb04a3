/**
 * One HTTP exchange with Affinity, and nothing more: no retries (the scheduler decides those), no
 * status handling (the client maps statuses). Network trouble becomes an AffinityError whose
 * sentence a person can act on; nothing thrown from here carries the key, the URL or the request.
 */
import ky from 'ky';
import { AffinityError } from './errors';
import type { HttpResponse } from '../scheduler/types';

export type QueryValue = string | number | boolean | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

export interface HttpRequest {
  /** Path under the base URL, e.g. "/persons/42". */
  path: string;
  query?: Query;
  /** The API key; sent as the Basic-auth password and never kept. */
  key: string;
  signal: AbortSignal;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

export interface HttpSendOptions {
  /** e.g. "https://api.affinity.co" (a trailing slash is ignored). */
  baseUrl: string;
  /** Longest wait for a whole exchange, headers and body (default 20 s). */
  timeoutMs?: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof globalThis.fetch;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export const OFFLINE_MESSAGE =
  'You appear to be offline, or Affinity cannot be reached. Check your connection.';
export const TIMEOUT_MESSAGE = 'Affinity took too long to answer. Check your connection and try again.';
export const ABORTED_MESSAGE = 'The request was cancelled.';

/**
 * The full URL of a GET. Parameters are sorted by name and undefined ones dropped, so that the same
 * request always gives the same string (the scheduler coalesces identical GETs by it).
 */
export function buildUrl(baseUrl: string, path: string, query: Query = {}): string {
  const base = baseUrl.replace(/\/+$/, '');
  const cleanPath = path.startsWith('/') ? path : `/${path}`;
  const params = Object.keys(query)
    .filter((name) => query[name] !== undefined)
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(query[name]))}`);
  return params.length > 0 ? `${base}${cleanPath}?${params.join('&')}` : `${base}${cleanPath}`;
}

/** `Basic base64(":" + key)`: v1's empty user name with the key as password (`curl -u :$KEY`). */
export function basicAuthorization(key: string): string {
  // Encode as UTF-8 first: btoa alone throws on characters outside Latin-1.
  const bytes = new TextEncoder().encode(`:${key}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function headersToRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  // Headers iterates with lower-cased names already; lower-case again for any polyfill that does not.
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/** JSON when the text is JSON, else the text itself, or null when there is no body. */
export function parseBody(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createHttpSend(options: HttpSendOptions): HttpSend {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async ({ path, query, key, signal }) => {
    if (signal.aborted) throw new AffinityError({ kind: 'aborted', message: ABORTED_MESSAGE });
    // ky's own timeout covers only the wait for headers; this deadline also covers the body.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const response = await ky.get(buildUrl(options.baseUrl, path, query), {
        headers: { authorization: basicAuthorization(key), accept: 'application/json' },
        retry: 0,
        throwHttpErrors: false,
        timeout: timeoutMs,
        signal: AbortSignal.any([signal, deadline.signal]),
        // The user's Affinity web session must not ride along (or be confused with the key).
        credentials: 'omit',
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      const text = await response.text();
      return { status: response.status, headers: headersToRecord(response.headers), body: parseBody(text) };
    } catch (error) {
      // Fresh errors with fixed sentences: ky's errors hold the Request, and so the Authorization header.
      if (signal.aborted) throw new AffinityError({ kind: 'aborted', message: ABORTED_MESSAGE });
      if (deadline.signal.aborted || (error instanceof Error && error.name === 'TimeoutError')) {
        throw new AffinityError({ kind: 'timeout', message: TIMEOUT_MESSAGE });
      }
      throw new AffinityError({ kind: 'offline', message: OFFLINE_MESSAGE });
    } finally {
      clearTimeout(timer);
    }
  };
}
