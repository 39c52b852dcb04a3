/**
 * The contract between the Affinity client and the request scheduler. The scheduler knows nothing
 * of URLs or auth: it is handed tasks that perform one HTTP exchange and decides when (and whether
 * again) to run them.
 */

/** What a person is waiting for (popup, card, lookup) goes before background work (roster sync). */
export type Priority = 'interactive' | 'background';

export interface HttpResponse {
  status: number;
  /** Header names lower-cased (Affinity changed their case on 2026-01-14). */
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text (or null when empty). */
  body: unknown;
}

export interface SchedulerTask {
  /** Identical GETs in flight share one exchange: the full URL is a good key. */
  dedupeKey?: string;
  priority: Priority;
  /** The caller gave up: the task leaves the queue and its promise rejects with an 'aborted' error. */
  signal?: AbortSignal;
  /** /auth/whoami and /rate-limit do not count against the monthly quota. */
  quotaFree?: boolean;
  /** Performs the exchange. Throws AffinityError('offline' | 'timeout') on network failure. */
  execute(signal: AbortSignal): Promise<HttpResponse>;
}

export interface SchedulerState {
  /** Requests allowed in the current minute window (900 until the server says otherwise). */
  limit: number;
  used: number;
  remaining: number;
  /** Epoch ms when the minute window resets. */
  resetsAt: number;
  queued: { interactive: number; background: number };
  inFlight: number;
  /** Epoch ms until which nothing is sent (a 429 or a spent window), or null. */
  pausedUntil: number | null;
  /**
   * 'too-many-requests': Affinity answered 429 and asked to wait (its figures say nothing of what
   * Lens used); 'rate-limit': this minute's allowance is spent; 'quota': the month's is nearly spent.
   */
  pauseReason: 'too-many-requests' | 'rate-limit' | 'quota' | null;
  monthlyLimit: number | 'unlimited' | null;
  monthlyRemaining: number | 'unlimited' | null;
  /** Epoch ms of the monthly reset, when known. */
  monthlyResetsAt: number | null;
  /** 429 answers seen since start (for the meter and the benchmark). */
  rateLimitedCount: number;
}

export interface RequestScheduler {
  schedule(task: SchedulerTask): Promise<HttpResponse>;
  state(): SchedulerState;
  subscribe(listener: (state: SchedulerState) => void): () => void;
  /** Drops every queued task (rejecting them as aborted) and forgets the window (sign out). */
  reset(): Promise<void>;
}

/** Time, injectable so that the scheduler can be run on a simulated clock. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Where the window survives a service-worker restart (storage.session in the extension). */
export interface WindowStore {
  load(): Promise<PersistedWindow | undefined>;
  save(window: PersistedWindow): Promise<void>;
}

export interface PersistedWindow {
  limit: number;
  used: number;
  resetsAt: number;
  pausedUntil: number | null;
  monthlyLimit: number | 'unlimited' | null;
  monthlyRemaining: number | 'unlimited' | null;
  monthlyResetsAt: number | null;
  /** Epoch ms of each send in the last minute, so a restart cannot burst. */
  recentSends: number[];
}
