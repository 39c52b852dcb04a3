/**
 * Exponential backoff with full jitter (a uniformly random wait between 0 and the exponential cap),
 * so that many clients, or many retries of one, do not come back at the same instant.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** The wait before retry number `attempt` (0 for the first retry). Always within [0, min(cap, base·2^attempt)]. */
export function fullJitterBackoff(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt));
  const draw = Math.min(1, Math.max(0, random()));
  return Math.round(draw * ceiling);
}
