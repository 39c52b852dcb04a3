/**
 * Fault injection: the ways the real Affinity misbehaves (or may), switchable at run time by tests,
 * benchmarks and the control API. Random choices (jitter, which request fails) come from a seeded
 * stream, so a run with the same faults and the same requests fails the same way.
 */
import { z } from 'zod';
import { createRng, hash32, type Rng } from './prng';

export interface RateLimitStorm {
  /** Answer 429 to this many API requests from now… */
  requests?: number;
  /** …and/or to every API request for this long. With both, the storm ends at whichever comes first. */
  durationMs?: number;
}

export interface Faults {
  /** Added before every API answer, in milliseconds. */
  latencyMs: number;
  /** Up to this many milliseconds more, drawn per request. */
  jitterMs: number;
  /** 429 to every API request for a while; null for none. */
  rateLimitStorm: RateLimitStorm | null;
  /** Share (0–1) of API requests answered with a 5xx instead. */
  errorRate5xx: number;
  /** A temporarily lowered per-minute limit (e.g. 300), or null for the configured one. */
  lowerLimit: number | null;
  /** Rate-limit headers claim the whole allowance is always left. */
  lyingHeaders: boolean;
  /** Seconds to announce in a Retry-After header on 429 answers; null: no header (Affinity's documented behaviour). */
  retryAfter: number | null;
  /** Every API request answers 503 with an HTML page, as a load balancer in front of a dead service does. */
  down: boolean;
}

export const NO_FAULTS: Readonly<Faults> = Object.freeze({
  latencyMs: 0,
  jitterMs: 0,
  rateLimitStorm: null,
  errorRate5xx: 0,
  lowerLimit: null,
  lyingHeaders: false,
  retryAfter: null,
  down: false,
});

const nonNegative = z.number().finite().nonnegative();

/** Validates a Partial<Faults> from JSON (the control API); unknown keys are refused, to catch typos. */
export const faultsPatchSchema = z
  .object({
    latencyMs: nonNegative,
    jitterMs: nonNegative,
    rateLimitStorm: z
      .object({ requests: z.number().int().nonnegative().optional(), durationMs: nonNegative.optional() })
      .strict()
      .refine((storm) => storm.requests !== undefined || storm.durationMs !== undefined, {
        message: 'a storm needs requests or durationMs',
      })
      .nullable(),
    errorRate5xx: z.number().min(0).max(1),
    lowerLimit: z.number().int().positive().nullable(),
    lyingHeaders: z.boolean(),
    retryAfter: nonNegative.nullable(),
    down: z.boolean(),
  })
  .strict()
  .partial();

export type FaultsPatch = Partial<Faults>;

/** The faults in force plus what they have consumed (the storm's remaining requests, the random streams). */
export class FaultState {
  #faults: Faults = { ...NO_FAULTS };
  #stormLeft = Infinity;
  #stormUntil = Infinity;
  #failures: Rng;
  #jitter: Rng;
  readonly #seed: number;
  readonly #now: () => number;

  constructor(seed: number, now: () => number) {
    this.#seed = seed;
    this.#now = now;
    this.#failures = createRng(hash32(seed, 0xfa17));
    this.#jitter = createRng(hash32(seed, 0x717e));
  }

  get current(): Readonly<Faults> {
    return this.#faults;
  }

  set(patch: FaultsPatch): void {
    const parsed = faultsPatchSchema.parse(patch);
    this.#faults = { ...this.#faults, ...parsed };
    if (parsed.rateLimitStorm !== undefined) this.#startStorm(parsed.rateLimitStorm);
  }

  /** No faults, and fresh random streams (the same sequence as after start-up). */
  reset(): void {
    this.#faults = { ...NO_FAULTS };
    this.#startStorm(null);
    this.#failures = createRng(hash32(this.#seed, 0xfa17));
    this.#jitter = createRng(hash32(this.#seed, 0x717e));
  }

  /** Whether this request falls in a storm (and counts it against the storm's requests). */
  takeStorm(): boolean {
    const storm = this.#faults.rateLimitStorm;
    if (!storm) return false;
    if (this.#stormLeft <= 0 || this.#now() >= this.#stormUntil) {
      this.#faults = { ...this.#faults, rateLimitStorm: null };
      return false;
    }
    this.#stormLeft -= 1;
    return true;
  }

  /** Seconds until a duration storm ends, or null when the storm is counted in requests only. */
  stormSecondsLeft(): number | null {
    if (this.#stormUntil === Infinity) return null;
    return Math.max(0, Math.ceil((this.#stormUntil - this.#now()) / 1000));
  }

  /** The 5xx status to answer this request with, or null to answer normally. */
  drawFailure(): 500 | 503 | null {
    const rate = this.#faults.errorRate5xx;
    if (rate <= 0) return null;
    const failed = this.#failures.next() < rate;
    const status = this.#failures.next() < 0.5 ? 500 : 503;
    return failed ? status : null;
  }

  /** Milliseconds to hold this answer back. */
  drawDelay(): number {
    const { latencyMs, jitterMs } = this.#faults;
    return latencyMs + (jitterMs > 0 ? Math.round(this.#jitter.next() * jitterMs) : 0);
  }

  #startStorm(storm: RateLimitStorm | null): void {
    this.#stormLeft = storm?.requests ?? Infinity;
    this.#stormUntil = storm?.durationMs === undefined ? Infinity : this.#now() + storm.durationMs;
    if (!storm) this.#faults = { ...this.#faults, rateLimitStorm: null };
  }
}
