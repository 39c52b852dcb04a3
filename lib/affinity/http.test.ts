import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AffinityError } from './errors';
import { basicAuthorization, buildUrl, createHttpSend, parseBody } from './http';

const KEY = 'aff_test_7c1d2e3f4a5b';

describe('buildUrl', () => {
  it('gives identical strings for identical GETs, whatever the order of the parameters', () => {
    const a = buildUrl('https://api.affinity.co', '/persons', {
      term: 'jo',
      page_size: 500,
      page_token: 't',
    });
    const b = buildUrl('https://api.affinity.co', '/persons', {
      page_token: 't',
      term: 'jo',
      page_size: 500,
    });
    expect(a).toBe(b);
    expect(a).toBe('https://api.affinity.co/persons?page_size=500&page_token=t&term=jo');
  });

  it('drops undefined parameters and writes booleans as true/false', () => {
    expect(
      buildUrl('https://api.affinity.co', '/persons/5', {
        with_opportunities: true,
        archived: false,
        term: undefined,
      }),
    ).toBe('https://api.affinity.co/persons/5?archived=false&with_opportunities=true');
    expect(buildUrl('https://api.affinity.co', '/lists', { term: undefined })).toBe(
      'https://api.affinity.co/lists',
    );
  });

  it('encodes values so that spaces, &, +, / and accents survive', () => {
    expect(buildUrl('https://api.affinity.co', '/persons', { term: 'Ann & Zoë +1/2' })).toBe(
      'https://api.affinity.co/persons?term=Ann%20%26%20Zo%C3%AB%20%2B1%2F2',
    );
  });

  it('joins base and path with exactly one slash, keeping a base path', () => {
    expect(buildUrl('http://127.0.0.1:8080/', 'rate-limit')).toBe('http://127.0.0.1:8080/rate-limit');
    expect(buildUrl('https://proxy.example/affinity//', '/auth/whoami')).toBe(
      'https://proxy.example/affinity/auth/whoami',
    );
  });
});

describe('basicAuthorization', () => {
  it('sends an empty user name and the key as password, like curl -u :KEY', () => {
    const header = basicAuthorization(KEY);
    expect(header.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe(`:${KEY}`);
    expect(basicAuthorization('key')).toBe('Basic OmtleQ==');
  });

  it('does not throw on characters outside Latin-1', () => {
    expect(Buffer.from(basicAuthorization('ключ').slice(6), 'base64').toString('utf8')).toBe(':ключ');
  });
});

describe('parseBody', () => {
  it('JSON when it is JSON, the text otherwise, null when empty', () => {
    expect(parseBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseBody('"Unknown API endpoint"')).toBe('Unknown API endpoint');
    expect(parseBody('<html>502</html>')).toBe('<html>502</html>');
    expect(parseBody('')).toBeNull();
  });
});

describe('createHttpSend against a real local server', () => {
  let server: Server | undefined;

  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  const signal = () => new AbortController().signal;

  async function thrown(promise: Promise<unknown>): Promise<AffinityError> {
    try {
      await promise;
    } catch (error) {
      expect(error).toBeInstanceOf(AffinityError);
      return error as AffinityError;
    }
    throw new Error('expected the exchange to fail');
  }

  /** Nothing a failure exposes (message, JSON form, stack, cause) may hold the key. */
  function expectNoKey(error: AffinityError) {
    const exposed = [error.message, JSON.stringify(error.toJSON()), String(error.stack), String(error.cause)];
    for (const text of exposed) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(basicAuthorization(KEY).slice(6));
    }
  }

  it('sends one GET with Basic auth and Accept: application/json, and reads status, headers and JSON', async () => {
    const seen: {
      method?: string;
      url?: string;
      authorization?: string;
      accept?: string;
      cookie?: string;
    }[] = [];
    const base = await serve((req, res) => {
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        accept: req.headers.accept,
        cookie: req.headers.cookie,
      });
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'X-Ratelimit-Limit-User': '900',
        'X-Ratelimit-Limit-User-Remaining': '899',
      });
      res.end(JSON.stringify({ persons: [], next_page_token: null }));
    });
    const send = createHttpSend({ baseUrl: base });
    const response = await send({
      path: '/persons',
      query: { term: 'Zoë', page_size: 500 },
      key: KEY,
      signal: signal(),
    });

    expect(seen).toEqual([
      {
        method: 'GET',
        url: '/persons?page_size=500&term=Zo%C3%AB',
        authorization: basicAuthorization(KEY),
        accept: 'application/json',
        cookie: undefined,
      },
    ]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ persons: [], next_page_token: null });
    expect(response.headers['x-ratelimit-limit-user']).toBe('900');
    expect(response.headers['x-ratelimit-limit-user-remaining']).toBe('899');
    expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  it('hands back error statuses without throwing and without retrying them', async () => {
    let hits = 0;
    const base = await serve((_req, res) => {
      hits += 1;
      res.writeHead(503, { 'Content-Type': 'text/html', 'Retry-After': '1' });
      res.end('<html>Service Unavailable</html>');
    });
    const response = await createHttpSend({ baseUrl: base })({ path: '/lists', key: KEY, signal: signal() });
    expect(response).toMatchObject({ status: 503, body: '<html>Service Unavailable</html>' });
    expect(response.headers['retry-after']).toBe('1');
    expect(hits).toBe(1);
  });

  it('reads a JSON-string error body and an empty one', async () => {
    const base = await serve((req, res) => {
      if (req.url === '/people') {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end('"Unknown API endpoint"');
      } else {
        res.writeHead(204);
        res.end();
      }
    });
    const send = createHttpSend({ baseUrl: base });
    expect((await send({ path: '/people', key: KEY, signal: signal() })).body).toBe('Unknown API endpoint');
    expect(await send({ path: '/empty', key: KEY, signal: signal() })).toMatchObject({
      status: 204,
      body: null,
    });
  });

  it('a server that never answers: timeout, with its sentence and without the key', async () => {
    const base = await serve(() => undefined);
    const error = await thrown(
      createHttpSend({ baseUrl: base, timeoutMs: 150 })({ path: '/lists', key: KEY, signal: signal() }),
    );
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('Affinity took too long to answer. Check your connection and try again.');
    expectNoKey(error);
  });

  it('a body that stalls after the headers also times out', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"persons": [');
    });
    const error = await thrown(
      createHttpSend({ baseUrl: base, timeoutMs: 150 })({ path: '/persons', key: KEY, signal: signal() }),
    );
    expect(error.kind).toBe('timeout');
    expectNoKey(error);
  });

  it('nothing listening: offline, with the sentence that says what to check, and without the key', async () => {
    const base = await serve(() => undefined);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const error = await thrown(
      createHttpSend({ baseUrl: base })({ path: '/auth/whoami', key: KEY, signal: signal() }),
    );
    expect(error.kind).toBe('offline');
    expect(error.message).toBe(
      'You appear to be offline, or Affinity cannot be reached. Check your connection.',
    );
    expectNoKey(error);
  });

  it('a dropped connection is offline too, and is not retried here (the scheduler decides)', async () => {
    let hits = 0;
    const base = await serve((req) => {
      hits += 1;
      req.socket.destroy();
    });
    const error = await thrown(
      createHttpSend({ baseUrl: base })({ path: '/lists', key: KEY, signal: signal() }),
    );
    expect(error.kind).toBe('offline');
    expectNoKey(error);
    expect(hits).toBe(1);
  });

  it('the caller giving up is "aborted", not offline', async () => {
    const base = await serve(() => undefined);
    const controller = new AbortController();
    const pending = createHttpSend({ baseUrl: base })({
      path: '/lists',
      key: KEY,
      signal: controller.signal,
    });
    controller.abort();
    expect((await thrown(pending)).kind).toBe('aborted');

    const already = new AbortController();
    already.abort();
    expect(
      (await thrown(createHttpSend({ baseUrl: base })({ path: '/lists', key: KEY, signal: already.signal })))
        .kind,
    ).toBe('aborted');
  });
});
