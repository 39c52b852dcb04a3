/**
 * Every failure a person can hit, as a kind plus a sentence that says what happened and what to do.
 * Errors cross extension contexts as plain objects (SerializedError) and are rebuilt on the other side.
 */
export type AffinityErrorKind =
  | 'no-key' // no API key saved yet
  | 'rejected' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'merged' // 422 "merged into" (mergedInto is set)
  | 'invalid' // other 422 / 400: the body's message
  | 'rate-limited' // 429 that retries did not clear (retryAt is set)
  | 'quota' // the monthly account quota is (nearly) spent; background work stops
  | 'unavailable' // 5xx after retries
  | 'offline' // network failure
  | 'timeout' // no answer in time
  | 'unexpected' // a response that does not have the documented shape
  | 'aborted'; // the caller gave up (closed popup, moved the pointer away)

export interface SerializedError {
  kind: AffinityErrorKind;
  message: string;
  status?: number;
  /** Epoch ms at which requests resume (rate-limited, quota). */
  retryAt?: number;
  /** The surviving person id for a merged person. */
  mergedInto?: number;
}

export class AffinityError extends Error {
  readonly kind: AffinityErrorKind;
  readonly status?: number;
  readonly retryAt?: number;
  readonly mergedInto?: number;

  constructor(init: SerializedError) {
    super(init.message);
    this.name = 'AffinityError';
    this.kind = init.kind;
    this.status = init.status;
    this.retryAt = init.retryAt;
    this.mergedInto = init.mergedInto;
  }

  toJSON(): SerializedError {
    const out: SerializedError = { kind: this.kind, message: this.message };
    if (this.status !== undefined) out.status = this.status;
    if (this.retryAt !== undefined) out.retryAt = this.retryAt;
    if (this.mergedInto !== undefined) out.mergedInto = this.mergedInto;
    return out;
  }

  static from(value: unknown): AffinityError {
    if (value instanceof AffinityError) return value;
    if (value && typeof value === 'object' && 'kind' in value && 'message' in value) {
      return new AffinityError(value as SerializedError);
    }
    if (value instanceof DOMException && value.name === 'AbortError') {
      return new AffinityError({ kind: 'aborted', message: 'The request was cancelled.' });
    }
    return new AffinityError({
      kind: 'unexpected',
      message: 'Something unexpected went wrong. Please try again.',
    });
  }
}

export const isAffinityError = (value: unknown): value is AffinityError => value instanceof AffinityError;
