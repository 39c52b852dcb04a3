import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FEATURED_PEOPLE } from './data';
import { FaultState } from './faults';
import { startSandbox, type Sandbox } from './server';
import { call, RATE_HEADERS, type Answer } from './test-client';

let clockMs = Date.UTC(2026, 10, 25, 12, 0, 0);
const now = (): number => clockMs;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ people: 200, limitPerMinute: 900, now });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  clockMs += 3_600_000; // a fresh minute window for every test
  sandbox.reset();
});

const person = `/persons/${FEATURED_PEOPLE.zoe.id}`;
const api = (path = person) => call(sandbox.url, path);
const statuses = async (count: number, path = person): Promise<number[]> => {
  const result: number[] = [];
  for (let i = 0; i < count; i += 1) result.push((await api(path)).status);
  return result;
};
const control = (path: string, body?: unknown) =>
  fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('latency', () => {
  it('holds answers back by the latency plus a seeded jitter, the same after a reset', () => {
    const faults = new FaultState(1, now);
    faults.set({ latencyMs: 100, jitterMs: 50 });
    const delays = Array.from({ length: 20 }, () => faults.drawDelay());
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(100);
      expect(delay).toBeLessThanOrEqual(150);
    }
    expect(new Set(delays).size).toBeGreaterThan(5);
    faults.reset();
    faults.set({ latencyMs: 100, jitterMs: 50 });
    expect(Array.from({ length: 20 }, () => faults.drawDelay())).toEqual(delays);
  });

  it('still answers correctly when slowed down', async () => {
    sandbox.setFaults({ latencyMs: 30, jitterMs: 10 });
    const answer = await api();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ first_name: 'Zoë' });
  });
});

describe('rate-limit storms', () => {
  it('answers 429 to the next N requests, then recovers', async () => {
    sandbox.setFaults({ rateLimitStorm: { requests: 3 } });
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(await api());
    expect(answers.map((answer) => answer.status)).toEqual([429, 429, 429, 200, 200]);
    expect(answers[0]?.body).toEqual({ message: expect.any(String) });
    expect(answers[0]?.headers.get('x-ratelimit-limit-user-remaining')).toBe('0');
    expect(sandbox.stats().rateLimited).toBe(3);
    expect(sandbox.faults().rateLimitStorm).toBeNull();
  });

  it('answers 429 to everything for a duration, then recovers', async () => {
    sandbox.setFaults({ rateLimitStorm: { durationMs: 10_000 } });
    const during = await api();
    expect(during.status).toBe(429);
    expect(during.headers.get('x-ratelimit-limit-user-reset')).toBe('10');
    expect(await statuses(5)).toEqual([429, 429, 429, 429, 429]);
    clockMs += 10_000;
    expect(await statuses(2)).toEqual([200, 200]);
  });
});

describe('5xx errors', () => {
  it('fails every request at rate 1, with the v1 error bodies seen in the wild', async () => {
    sandbox.setFaults({ errorRate5xx: 1 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => api()));
    for (const answer of answers) {
      expect([500, 503]).toContain(answer.status);
      expect(answer.body).toEqual(
        answer.status === 500 ? { error: expect.any(String) } : { errors: [expect.any(String)] },
      );
      for (const name of RATE_HEADERS) expect(answer.headers.get(name)).not.toBeNull();
    }
    expect(new Set(answers.map((answer) => answer.status)).size).toBe(2);
  });

  it('fails a share of requests, in the same order after a reset', async () => {
    sandbox.setFaults({ errorRate5xx: 0.3 });
    const first = await statuses(40);
    const failed = first.filter((status) => status >= 500).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    sandbox.reset();
    sandbox.setFaults({ errorRate5xx: 0.3 });
    expect(await statuses(40)).toEqual(first);
  });
});

describe('a lowered limit', () => {
  it('announces the lower limit and enforces it', async () => {
    sandbox.setFaults({ lowerLimit: 5 });
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await api());
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[0]?.headers.get('x-ratelimit-limit-user')).toBe('5');
    expect(answers[4]?.headers.get('x-ratelimit-limit-user-remaining')).toBe('0');
  });
});

describe('lying headers', () => {
  it('claims the whole allowance is left, even while refusing', async () => {
    sandbox.setFaults({ lyingHeaders: true, lowerLimit: 3 });
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i += 1) answers.push(await api());
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429, 429]);
    for (const answer of answers) {
      expect(answer.headers.get('x-ratelimit-limit-user')).toBe('900');
      expect(answer.headers.get('x-ratelimit-limit-user-remaining')).toBe('900');
    }
  });
});

describe('Retry-After', () => {
  it('is sent with 429s only when the fault asks for it', async () => {
    sandbox.setFaults({ rateLimitStorm: { requests: 2 }, retryAfter: 7 });
    const withHeader = await api();
    expect(withHeader.status).toBe(429);
    expect(withHeader.headers.get('retry-after')).toBe('7');
    sandbox.setFaults({ retryAfter: null });
    const without = await api();
    expect(without.status).toBe(429);
    expect(without.headers.get('retry-after')).toBeNull();
    expect((await api()).headers.get('retry-after')).toBeNull();
  });
});

describe('down', () => {
  it('answers 503 with an HTML page and no rate headers, while the control API keeps working', async () => {
    sandbox.setFaults({ down: true });
    for (const path of [person, '/auth/whoami', '/nowhere']) {
      const answer = await api(path);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toContain('text/html');
      expect(String(answer.body)).toContain('503');
      expect(answer.headers.get('x-ratelimit-limit-user')).toBeNull();
    }
    expect((await control('stats')).status).toBe(200);
    expect((await control('reset', {})).status).toBe(200);
    expect((await api()).status).toBe(200);
  });
});

describe('control API', () => {
  it('sets faults from JSON, shows them, and refuses unknown or malformed ones', async () => {
    const set = await control('faults', { lowerLimit: 2, retryAfter: 3 });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ lowerLimit: 2, retryAfter: 3, down: false });
    expect(await statuses(3)).toEqual([200, 200, 429]);
    expect(await (await control('faults')).json()).toMatchObject({ lowerLimit: 2 });
    expect((await control('faults', { lowerLimt: 2 })).status).toBe(400);
    expect((await control('faults', { errorRate5xx: 2 })).status).toBe(400);
    expect((await control('faults', { rateLimitStorm: {} })).status).toBe(400);
    const broken = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: '{not json' });
    expect(broken.status).toBe(400);
  });

  it('resets faults, statistics and the rate window', async () => {
    sandbox.setFaults({ lowerLimit: 1 });
    await statuses(2);
    expect(sandbox.stats()).toMatchObject({ requests: 2, rateLimited: 1 });
    expect((await control('reset', {})).status).toBe(200);
    expect(sandbox.stats()).toEqual({ requests: 0, byRoute: {}, rateLimited: 0 });
    expect(sandbox.faults().lowerLimit).toBeNull();
    const fresh = await api();
    expect(fresh.headers.get('x-ratelimit-limit-user-remaining')).toBe('899');
  });

  it('needs no key and is never counted', async () => {
    const stats = await control('stats');
    expect(stats.status).toBe(200);
    expect(await stats.json()).toEqual({ requests: 0, byRoute: {}, rateLimited: 0 });
    expect((await control('nothing-here')).status).toBe(404);
    expect(sandbox.stats().requests).toBe(0);
  });
});
