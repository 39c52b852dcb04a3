/**
 * The per-minute allowance: how many requests may be sent now, and when more may be.
 *
 * Two views are combined and the stricter wins:
 * - a sliding window over our own sends (never more than `limit` in any window of 60 s plus a
 *   margin for network jitter), which is what makes a fixed-window server never answer 429;
 * - the server's own count (remaining until reset), which is authoritative when it is lower: other
 *   tools may use the same key, and a worker restart may have lost sends we did not persist.
 * A server whose headers claim room it does not give (a 429 while "remaining" was ample) is caught,
 * and the limit it really enforces is learned from what it accepted.
 *
 * Background work has its own cap within the window (`limit - reserve`): what it has not sent is
 * left for people, and people may use whatever background work leaves.
 */
import type { RateLimitHeaders } from '../affinity/rate-headers';
import type { PersistedWindow, Priority } from './types';

const MINUTE_MS = 60_000;
/** A limit learned from a lying server is forgotten after this long without a 429, to probe again. */
const LEARNED_LIMIT_TTL_MS = 5 * MINUTE_MS;

interface ServerView {
  /** Left in the server's window, minus everything we sent since (and had in flight when) it said so. */
  remaining: number;
  resetAt: number;
}

export class RateWindow {
  /** What the server says it allows per minute (or the default until it speaks). */
  private headerLimit: number;
  /** Set when the server's headers proved wrong: what it actually accepted in a window. */
  private learned: { limit: number; at: number } | null = null;
  /** Epoch ms of sends that count, ascending per priority (restored ones may lie slightly ahead). */
  private sends: Record<Priority, number[]> = { interactive: [], background: [] };
  private server: ServerView | null = null;

  constructor(
    private readonly defaultLimit: number,
    /** 60 s plus a margin: arrivals at the server jitter, so our window must be a little longer. */
    readonly windowMs: number,
  ) {
    this.headerLimit = defaultLimit;
  }

  limit(now: number): number {
    if (this.learned && now - this.learned.at > LEARNED_LIMIT_TTL_MS) this.learned = null;
    return this.learned ? Math.min(this.headerLimit, this.learned.limit) : this.headerLimit;
  }

  /** Sends counted in the sliding window ending now. */
  count(now: number, priority?: Priority): number {
    this.prune(now);
    if (priority) return this.sends[priority].length;
    return this.sends.interactive.length + this.sends.background.length;
  }

  /** How many more may be sent now (negative when over, e.g. after the limit dropped). */
  budget(now: number): number {
    const sliding = this.limit(now) - this.count(now);
    const server = this.freshServer(now);
    return server ? Math.min(sliding, server.remaining) : sliding;
  }

  /**
   * Whether a request of this priority may go now. Background work may not go past
   * `limit - reserve` sends of its own, nor into the part of the reserve people have not used.
   */
  hasRoom(now: number, priority: Priority, reserve: number): boolean {
    if (priority === 'interactive') return this.budget(now) > 0;
    const owed = Math.max(0, reserve - this.count(now, 'interactive'));
    return this.budget(now) > owed;
  }

  /** The earliest time at which `hasRoom` may hold (now if it does); Infinity if never. */
  nextRoomAt(now: number, priority: Priority, reserve: number): number {
    const limit = this.limit(now);
    this.prune(now);
    let at = Math.max(now, this.whenFewerThan(limit, this.sends.interactive, this.sends.background));
    let owed = 0;
    if (priority === 'background') {
      const cap = limit - reserve;
      if (cap <= 0) return Number.POSITIVE_INFINITY;
      at = Math.max(at, this.whenFewerThan(cap, this.sends.background));
      owed = Math.max(0, reserve - this.sends.interactive.length);
    }
    const server = this.freshServer(now);
    if (server && server.remaining <= owed) at = Math.max(at, server.resetAt);
    return at;
  }

  /** When the count next drops (the oldest send leaves), for the UI's "resets at". */
  resetsAt(now: number): number {
    const server = this.freshServer(now);
    if (server) return server.resetAt;
    this.prune(now);
    const oldest = Math.min(this.sends.interactive[0] ?? Infinity, this.sends.background[0] ?? Infinity);
    return Number.isFinite(oldest) ? oldest + this.windowMs : now;
  }

  recordSend(now: number, priority: Priority): void {
    insertSorted(this.sends[priority], now);
    const server = this.freshServer(now);
    if (server) server.remaining -= 1;
  }

  /** A send the server refused (429) did not use the allowance. */
  forgetSend(sentAt: number, priority: Priority): void {
    const list = this.sends[priority];
    const index = list.lastIndexOf(sentAt);
    if (index >= 0) list.splice(index, 1);
  }

  /**
   * Takes in the headers of an answer. `uncounted` is how many other requests were in flight: the
   * server may not have counted them yet, so they come off what it says is left.
   */
  observe(rate: RateLimitHeaders, now: number, uncounted: number): void {
    if (rate.limit !== undefined && rate.limit >= 1) this.headerLimit = Math.floor(rate.limit);
    if (rate.remaining === undefined || rate.resetSeconds === undefined) return;
    const view: ServerView = {
      remaining: Math.floor(rate.remaining) - uncounted,
      resetAt: now + rate.resetSeconds * 1000,
    };
    const current = this.freshServer(now);
    // Answers overtake each other: within one server window keep the lower (more recent) count.
    if (current && Math.abs(current.resetAt - view.resetAt) < 1500) {
      current.remaining = Math.min(current.remaining, view.remaining);
      current.resetAt = Math.max(current.resetAt, view.resetAt);
    } else {
      this.server = view;
    }
  }

  /**
   * A 429 arrived. Unless the server said its window was spent (then its limit header explains the
   * 429), its headers are not to be trusted or it gives none: the limit drops to what it really
   * accepted in the last window, but by at most half at a time (a 429 for some other reason, such
   * as too many concurrent requests, must not throttle us to a trickle).
   * `claimedRemaining` is what the 429 said, or undefined. Returns whether the limit was lowered.
   */
  onRateLimited(claimedRemaining: number | undefined, now: number, inFlight: number): boolean {
    const claim = claimedRemaining ?? this.freshServer(now)?.remaining;
    if (claim !== undefined && claim <= inFlight) return false;
    const current = this.limit(now);
    const accepted = this.count(now);
    this.learned = {
      limit: Math.max(1, Math.min(current, Math.max(accepted, Math.floor(current / 2)))),
      at: now,
    };
    return true;
  }

  /**
   * What a restarted worker needs: the sends themselves, and the server's own count when it is
   * current (`used` and `resetsAt` then describe the server's window, else our sliding one).
   */
  snapshot(now: number): Pick<PersistedWindow, 'limit' | 'used' | 'resetsAt' | 'recentSends'> {
    this.prune(now);
    const limit = this.limit(now);
    const server = this.freshServer(now);
    const recentSends = [...this.sends.interactive, ...this.sends.background].sort((a, b) => a - b);
    const used = server ? limit - server.remaining : recentSends.length;
    return { limit, used: Math.min(limit, Math.max(0, used)), resetsAt: this.resetsAt(now), recentSends };
  }

  /**
   * Picks up a window saved before a worker restart. `unsaved` covers sends the old worker may have
   * made after its last save (they are also reserved in the recent sends, see persistence). Saved
   * sends count as background: the old worker's people are gone, and background is the cautious side.
   */
  restore(saved: PersistedWindow, now: number, unsaved: number): void {
    if (Number.isFinite(saved.limit) && saved.limit >= 1) this.headerLimit = Math.floor(saved.limit);
    this.sends = {
      interactive: [],
      background: saved.recentSends.filter((at) => Number.isFinite(at)).sort((a, b) => a - b),
    };
    this.prune(now);
    if (saved.resetsAt > now) {
      this.server = { remaining: this.headerLimit - saved.used - unsaved, resetAt: saved.resetsAt };
    }
  }

  clear(): void {
    this.headerLimit = this.defaultLimit;
    this.learned = null;
    this.sends = { interactive: [], background: [] };
    this.server = null;
  }

  /** When fewer than `allowed` of the sends in `lists` remain in the window (the oldest leave first). */
  private whenFewerThan(allowed: number, ...lists: number[][]): number {
    const total = lists.reduce((sum, list) => sum + list.length, 0);
    const mustLeave = total - allowed + 1;
    if (mustLeave <= 0) return Number.NEGATIVE_INFINITY;
    if (allowed <= 0) return Number.POSITIVE_INFINITY;
    return nthOldest(lists, mustLeave) + this.windowMs;
  }

  private freshServer(now: number): ServerView | null {
    if (this.server && now >= this.server.resetAt) this.server = null;
    return this.server;
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs;
    for (const list of [this.sends.interactive, this.sends.background]) {
      let drop = 0;
      while (drop < list.length && (list[drop] as number) <= cutoff) drop += 1;
      if (drop > 0) list.splice(0, drop);
    }
  }
}

function insertSorted(list: number[], value: number): void {
  let low = 0;
  let high = list.length;
  if (high === 0 || (list[high - 1] as number) <= value) {
    list.push(value);
    return;
  }
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((list[mid] as number) <= value) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, value);
}

/** The n-th smallest (1-based) value across ascending lists, by walking them together. */
function nthOldest(lists: number[][], n: number): number {
  const cursors = lists.map(() => 0);
  let value = Number.NaN;
  for (let taken = 0; taken < n; taken += 1) {
    let pick = -1;
    let best = Number.POSITIVE_INFINITY;
    lists.forEach((list, i) => {
      const candidate = list[cursors[i] as number];
      if (candidate !== undefined && candidate < best) {
        best = candidate;
        pick = i;
      }
    });
    if (pick < 0) break;
    cursors[pick] = (cursors[pick] as number) + 1;
    value = best;
  }
  return value;
}
