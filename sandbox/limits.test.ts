import { afterEach, describe, expect, it } from 'vitest';
import { FEATURED_PEOPLE } from './data';
import { secondsToNextMonth } from './rate-limiter';
import { startSandbox, type Sandbox, type SandboxOptions } from './server';
import { call, RATE_HEADERS, type Answer } from './test-client';

/** A clock the test moves by hand, so windows can be crossed without waiting. */
function manualClock(start = Date.UTC(2026, 10, 25, 12, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: SandboxOptions): Promise<Sandbox> {
  sandbox = await startSandbox({ people: 100, ...options });
  return sandbox;
}

const person = `/persons/${FEATURED_PEOPLE.jose.id}`;
const num = (answer: Answer, name: string): number => Number(answer.headers.get(name));

describe('per-minute window', () => {
  it('answers 429 with a message once the minute is used up, and says so in the headers', async () => {
    const clock = manualClock();
    const { url } = await start({ limitPerMinute: 20, now: clock.now });
    const answers: Answer[] = [];
    for (let i = 0; i < 21; i += 1) answers.push(await call(url, person));

    expect(answers.slice(0, 20).map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.map((a) => num(a, 'x-ratelimit-limit-user-remaining')).slice(0, 20)).toEqual(
      Array.from({ length: 20 }, (_, i) => 19 - i),
    );
    const over = answers[20] as Answer;
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ message: expect.stringContaining('Rate limit') });
    for (const name of RATE_HEADERS) expect(over.headers.get(name)).not.toBeNull();
    expect(num(over, 'x-ratelimit-limit-user')).toBe(20);
    expect(num(over, 'x-ratelimit-limit-user-remaining')).toBe(0);
    expect(num(over, 'x-ratelimit-limit-user-reset')).toBe(60);
    // Affinity does not document Retry-After; the sandbox sends it only when a fault asks.
    expect(over.headers.get('retry-after')).toBeNull();
    expect(sandbox?.stats().rateLimited).toBe(1);
  });

  it('counts the reset down and opens a fresh window after a minute', async () => {
    const clock = manualClock();
    const { url } = await start({ limitPerMinute: 3, now: clock.now });
    for (let i = 0; i < 3; i += 1) await call(url, person);
    clock.advance(15_000);
    const waiting = await call(url, person);
    expect(waiting.status).toBe(429);
    expect(num(waiting, 'x-ratelimit-limit-user-reset')).toBe(45);
    clock.advance(45_000);
    const fresh = await call(url, person);
    expect(fresh.status).toBe(200);
    expect(num(fresh, 'x-ratelimit-limit-user-remaining')).toBe(2);
  });

  it('answers 429 to requests in flight together beyond the limit', async () => {
    const { url } = await start({ limitPerMinute: 20, now: manualClock().now });
    const statuses = (await Promise.all(Array.from({ length: 30 }, () => call(url, '/auth/whoami')))).map(
      (answer) => answer.status,
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });

  it('counts whoami and /rate-limit in the minute too, and reports the window in GET /rate-limit', async () => {
    const { url } = await start({ limitPerMinute: 900, now: manualClock().now });
    await call(url, '/auth/whoami');
    await call(url, person);
    const answer = await call(url, '/rate-limit');
    expect(answer.body).toEqual({
      rate: {
        org_monthly: { limit: 100_000, remaining: 99_999, reset: expect.any(Number), used: 1 },
        api_key_per_minute: { limit: 900, remaining: 897, reset: 60, used: 3 },
      },
    });
  });
});

describe('monthly allowance', () => {
  it('is shared by every call but whoami and /rate-limit, and answers 429 when spent', async () => {
    const clock = manualClock();
    const { url } = await start({ monthlyLimit: 3, now: clock.now });
    const first = await call(url, person);
    expect(first.headers.get('x-ratelimit-limit-org')).toBe('3');
    expect(first.headers.get('x-ratelimit-limit-org-remaining')).toBe('2');
    expect(num(first, 'x-ratelimit-limit-org-reset')).toBe(secondsToNextMonth(clock.now()));
    await call(url, '/lists');
    await call(url, '/auth/whoami');
    await call(url, '/rate-limit');
    expect((await call(url, '/fields')).status).toBe(200);
    const spent = await call(url, person);
    expect(spent.status).toBe(429);
    expect(spent.body).toEqual({ message: expect.stringContaining('Monthly') });
    expect(spent.headers.get('x-ratelimit-limit-org-remaining')).toBe('0');
    expect((await call(url, '/auth/whoami')).status).toBe(200);
  });

  it('says "unlimited" in the headers on an unlimited plan', async () => {
    const { url } = await start({ monthlyLimit: 'unlimited' });
    const answer = await call(url, person);
    expect(answer.headers.get('x-ratelimit-limit-org')).toBe('unlimited');
    expect(answer.headers.get('x-ratelimit-limit-org-remaining')).toBe('unlimited');
  });

  it('knows how far the next month is', () => {
    expect(secondsToNextMonth(Date.UTC(2026, 10, 30, 23, 59, 0))).toBe(60);
    expect(secondsToNextMonth(Date.UTC(2026, 11, 31, 0, 0, 0))).toBe(86_400);
  });
});
