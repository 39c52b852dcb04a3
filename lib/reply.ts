/**
 * The answer side of the protocol in lib/messages.ts, kept free of zod so that the content script,
 * which only sends and unwraps, does not carry the schema library (its bundle has a 30 KB budget).
 */
import { AffinityError, type SerializedError } from './affinity/errors';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: SerializedError };

export function unwrapReply<T>(reply: unknown): T {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new AffinityError({
      kind: 'unexpected',
      message: 'Affinity Lens did not answer. Reload the page or reopen the popup.',
    });
  }
  const typed = reply as Reply<T>;
  if (typed.ok) return typed.value;
  throw new AffinityError(typed.error);
}
