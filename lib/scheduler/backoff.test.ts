import { describe, expect, it } from 'vitest';
import { fullJitterBackoff } from './backoff';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('full-jitter backoff', () => {
  it('draws a wait between zero and the exponential ceiling', () => {
    expect(fullJitterBackoff(0, policy, () => 0)).toBe(0);
    expect(fullJitterBackoff(0, policy, () => 0.5)).toBe(500);
    expect(fullJitterBackoff(3, policy, () => 0.5)).toBe(4_000);
    expect(fullJitterBackoff(3, policy, () => 0.999)).toBeLessThanOrEqual(8_000);
  });

  it('never waits longer than the cap, however many attempts', () => {
    for (const attempt of [6, 10, 40, 2_000]) {
      expect(fullJitterBackoff(attempt, policy, () => 0.999_999)).toBeLessThanOrEqual(60_000);
    }
  });

  it('spreads retries: different draws give different waits', () => {
    const waits = [0.1, 0.4, 0.7].map((draw) => fullJitterBackoff(4, policy, () => draw));
    expect(new Set(waits).size).toBe(3);
  });
});
