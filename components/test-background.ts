/** A stand-in background for component tests: answers sendToBackground by message type. */
import { vi } from 'vitest';
import { AffinityError, type SerializedError } from '../lib/affinity/errors';
import type { MessageType, RequestOf, Responses, Status } from '../lib/messages';
import type { SchedulerState } from '../lib/scheduler/types';

export type Handler<T extends MessageType> = (payload: RequestOf<T>) => Responses[T] | Promise<Responses[T]>;
export type Handlers = { [T in MessageType]?: Handler<T> };

/** Wires a vi.fn() standing for sendToBackground to the handlers; unhandled types reject. */
export function answerWith(mock: unknown, handlers: Handlers): void {
  (mock as ReturnType<typeof vi.fn>).mockImplementation(async (type: MessageType, payload: unknown) => {
    const handler = handlers[type] as ((p: unknown) => unknown) | undefined;
    if (!handler) throw new AffinityError({ kind: 'unexpected', message: `No answer for ${type}.` });
    return handler(payload);
  });
}

export function fail(error: SerializedError): never {
  throw new AffinityError(error);
}

export function rateState(overrides: Partial<SchedulerState> = {}): SchedulerState {
  return {
    limit: 900,
    used: 120,
    remaining: 780,
    resetsAt: Date.now() + 30_000,
    queued: { interactive: 0, background: 0 },
    inFlight: 0,
    pausedUntil: null,
    pauseReason: null,
    monthlyLimit: 40_000,
    monthlyRemaining: 39_000,
    monthlyResetsAt: null,
    rateLimitedCount: 0,
    ...overrides,
  };
}

export function signedInStatus(overrides: Partial<Status> = {}): Status {
  return {
    signedIn: true,
    account: {
      user: { id: 1, firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.example' },
      tenant: { id: 9, name: 'Acme Capital', subdomain: 'acme' },
    },
    maskedKey: '••••••••3f9a',
    roster: { count: 2000, lastSyncAt: Date.now() - 5 * 60_000, syncing: false, progress: null },
    rate: rateState(),
    apiBase: 'https://api.affinity.co',
    ...overrides,
  };
}

export function signedOutStatus(): Status {
  return signedInStatus({ signedIn: false, account: null, maskedKey: null });
}
