/**
 * The sandbox Affinity API: a real HTTP server on 127.0.0.1 answering the v1 endpoints Lens uses
 * over deterministic generated data, with Affinity's auth, rate limits and headers, and switchable
 * faults. Used by `npm run sandbox`, `npm start`, the E2E tests and the benchmarks.
 *
 * Error bodies deliberately use every v1 form seen in the wild: a JSON string (unknown endpoint),
 * `{"message"}` (401, 404, 405, 422, 429), `{"error"}` (injected 500), `{"errors": [...]}` (injected
 * 503), and an HTML page when the service is "down".
 *
 * No CORS headers: like the real API, only the extension's background (with its host permission)
 * can call it, so a build that wrongly calls from a page fails here as it would in production.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxData, DEMO_KEY, type SandboxData } from './data';
import { renderDemoPage } from './demo-page';
import { FaultState, faultsPatchSchema, type Faults } from './faults';
import { RateLimiter, type Allowance, type MinuteState, type MonthState } from './rate-limiter';
import { findRoute, SearchCache, type ApiAnswer } from './routes';

export type { Faults, RateLimitStorm } from './faults';
export { DEMO_KEY };

export interface SandboxOptions {
  /** 0 (default) picks any free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Directory size (default 2,000, up to 100,000). Ignored when `data` is given. */
  people?: number;
  /** Data seed (default 1). Ignored when `data` is given. */
  seed?: number;
  /** The day interaction dates are relative to (default SANDBOX_TODAY). Ignored when `data` is given. */
  today?: Date | string;
  /** Prebuilt data, to share one big data set between several servers (benchmarks). */
  data?: SandboxData;
  /** Requests per key per minute (default 900). */
  limitPerMinute?: number;
  /** Requests per month for the account (default 100,000), or 'unlimited'. */
  monthlyLimit?: Allowance;
  /** The clock the rate limits run on (default Date.now): tests move time without waiting. */
  now?: () => number;
}

export interface SandboxStats {
  /** API requests received (the control API and the demo page are not counted). */
  requests: number;
  byRoute: Record<string, number>;
  /** 429 answers given. */
  rateLimited: number;
}

export interface Sandbox {
  /** e.g. "http://127.0.0.1:4010" (no trailing slash). */
  url: string;
  port: number;
  /** The demo article, served by the sandbox itself. */
  demoUrl: string;
  data: SandboxData;
  setFaults(faults: Partial<Faults>): void;
  resetFaults(): void;
  faults(): Readonly<Faults>;
  stats(): SandboxStats;
  resetStats(): void;
  /** Faults, stats and every rate window and monthly count back to the start. */
  reset(): void;
  close(): Promise<void>;
}

const DEFAULT_LIMIT_PER_MINUTE = 900;
const DEFAULT_MONTHLY_LIMIT = 100_000;
const MAX_CONTROL_BODY = 64 * 1024;

const DOWN_PAGE =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body>' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center></body></html>\n';

/** The key a request carries: Basic with an empty user name (curl -u :KEY), or Bearer. */
export function keyOf(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme = '', credentials = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return credentials || null;
  if (scheme.toLowerCase() !== 'basic') return null;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  // Affinity's convention: no user name, the key is the password.
  if (colon !== 0) return null;
  return decoded.slice(1) || null;
}

function rateHeaders(minute: MinuteState, month: MonthState): Record<string, string> {
  return {
    'x-ratelimit-limit-user': String(minute.limit),
    'x-ratelimit-limit-user-remaining': String(minute.remaining),
    'x-ratelimit-limit-user-reset': String(minute.resetSeconds),
    'x-ratelimit-limit-org': String(month.limit),
    'x-ratelimit-limit-org-remaining': String(month.remaining),
    'x-ratelimit-limit-org-reset': String(month.resetSeconds),
  };
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const data =
    options.data ?? createSandboxData({ people: options.people, seed: options.seed, today: options.today });
  const now = options.now ?? Date.now;
  const limiter = new RateLimiter({
    perMinute: options.limitPerMinute ?? DEFAULT_LIMIT_PER_MINUTE,
    monthly: options.monthlyLimit ?? DEFAULT_MONTHLY_LIMIT,
    now,
  });
  const faults = new FaultState(data.seed, now);
  const search = new SearchCache(data);
  let stats: SandboxStats = { requests: 0, byRoute: {}, rateLimited: 0 };

  /** The minute as the headers tell it: honest, or claiming the whole allowance is left. */
  function toldMinute(key: string): MinuteState {
    const limit = faults.current.lowerLimit ?? limiter.perMinute;
    const minute = limiter.minute(key, limit);
    if (!faults.current.lyingHeaders) return minute;
    return { ...minute, limit: limiter.perMinute, remaining: limiter.perMinute };
  }

  function tooMany(message: string, minute: MinuteState, month: MonthState): Reply {
    stats.rateLimited += 1;
    const headers = rateHeaders(minute, month);
    const retryAfter = faults.current.retryAfter;
    if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
    return json(429, { message }, headers);
  }

  /** Everything about one API request except the wait: auth, limits, faults, the answer. */
  function answerApi(method: string, url: URL, authorization: string | undefined): Reply {
    const found = findRoute(url.pathname);
    const routeName = found?.route.name ?? 'unknown';
    stats.requests += 1;
    stats.byRoute[routeName] = (stats.byRoute[routeName] ?? 0) + 1;

    if (faults.current.down)
      return { status: 503, headers: { 'content-type': 'text/html' }, body: DOWN_PAGE };

    const key = keyOf(authorization);
    const authorized = key === DEMO_KEY;
    // Unauthenticated answers show the demo key's standing without counting against it.
    const windowKey = DEMO_KEY;
    if (!found) return json(404, 'Unknown API endpoint', rateHeaders(toldMinute(windowKey), limiter.month()));
    if (!authorized) {
      return json(
        401,
        { message: 'Unauthorized: the API key is missing or invalid' },
        rateHeaders(toldMinute(windowKey), limiter.month()),
      );
    }
    if (method !== 'GET') {
      return json(
        405,
        { message: `${method} is not supported here` },
        rateHeaders(toldMinute(windowKey), limiter.month()),
      );
    }

    if (faults.takeStorm()) {
      const minute = toldMinute(windowKey);
      const stormSeconds = faults.stormSecondsLeft();
      const told = faults.current.lyingHeaders
        ? minute
        : { ...minute, remaining: 0, resetSeconds: stormSeconds ?? minute.resetSeconds };
      return tooMany('Rate limit exceeded: too many requests, please slow down', told, limiter.month());
    }
    const limit = faults.current.lowerLimit ?? limiter.perMinute;
    if (!limiter.tryTake(windowKey, limit)) {
      return tooMany(
        `Rate limit exceeded: ${limit} requests per minute for this API key`,
        toldMinute(windowKey),
        limiter.month(),
      );
    }
    const monthlyFree = found.route.monthlyFree === true;
    if (!monthlyFree) {
      if (!limiter.monthHasRoom()) {
        return tooMany(
          'Monthly API request limit reached for this account',
          toldMinute(windowKey),
          limiter.month(),
        );
      }
      limiter.takeMonth();
    }

    const minute = toldMinute(windowKey);
    const month = limiter.month();
    const headers = rateHeaders(minute, month);
    const failure = faults.drawFailure();
    if (failure === 500) return json(500, { error: 'Internal server error' }, headers);
    if (failure === 503) return json(503, { errors: ['Service temporarily unavailable'] }, headers);

    const answer: ApiAnswer = found.route.handle(
      { data, query: url.searchParams, search, minute: limiter.minute(windowKey, limit), month },
      found.match,
    );
    return json(answer.status, answer.body, headers);
  }

  async function answerControl(request: IncomingMessage, url: URL): Promise<Reply> {
    const route = `${request.method} ${url.pathname}`;
    switch (route) {
      case 'GET /__sandbox/demo.html':
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: renderDemoPage(),
        };
      case 'GET /__sandbox/stats':
        return json(200, sandbox.stats());
      case 'GET /__sandbox/faults':
        return json(200, faults.current);
      case 'POST /__sandbox/reset':
        sandbox.reset();
        return json(200, { ok: true });
      case 'POST /__sandbox/faults': {
        const body = await readJson(request);
        const parsed = faultsPatchSchema.safeParse(body);
        if (!parsed.success) return json(400, { message: `Invalid faults: ${parsed.error.message}` });
        faults.set(parsed.data);
        return json(200, faults.current);
      }
      default:
        return json(404, { message: `No sandbox control at ${route}` });
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    let reply: Reply;
    let delayMs = 0;
    if (url.pathname.startsWith('/__sandbox/')) {
      reply = await answerControl(request, url);
    } else {
      reply = answerApi(request.method ?? 'GET', url, request.headers.authorization);
      request.resume();
      if (!faults.current.down) delayMs = faults.drawDelay();
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (response.destroyed) return;
    response.writeHead(reply.status, {
      ...reply.headers,
      'content-length': String(Buffer.byteLength(reply.body)),
    });
    response.end(reply.body);
  }

  const server = createServer((request, response) => {
    response.on('error', () => undefined);
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return;
      const message = error instanceof Error ? error.message : String(error);
      response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: `Sandbox failure: ${message}` }));
    });
  });

  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;

  const sandbox: Sandbox = {
    url,
    port,
    demoUrl: `${url}/__sandbox/demo.html`,
    data,
    setFaults: (patch) => faults.set(patch),
    resetFaults: () => faults.reset(),
    faults: () => faults.current,
    stats: () => ({
      requests: stats.requests,
      byRoute: { ...stats.byRoute },
      rateLimited: stats.rateLimited,
    }),
    resetStats: () => {
      stats = { requests: 0, byRoute: {}, rateLimited: 0 };
    },
    reset: () => {
      faults.reset();
      limiter.reset();
      sandbox.resetStats();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return sandbox;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_CONTROL_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (size > MAX_CONTROL_BODY) return resolve(undefined);
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch {
        resolve(undefined);
      }
    });
  });
}
