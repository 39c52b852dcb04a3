/**
 * Hover intent, without the DOM: a short rest on a target prefetches, a longer one shows the card,
 * leaving starts a grace period (long enough to move into the card) before it hides. Every new
 * target gets a token; work started for an older token is stale and must be dropped.
 */

export interface IntentTimings {
  /** Rest before details are fetched. */
  fetchMs: number;
  /** Rest before the card shows (the user's hover delay). */
  showMs: number;
  /** Grace after leaving the target or the card before the card hides. */
  hideMs: number;
}

export const defaultTimings: IntentTimings = { fetchMs: 150, showMs: 500, hideMs: 300 };

export type OpenedBy = 'pointer' | 'keyboard';

export interface IntentEffects<T> {
  prefetch(target: T, token: number): void;
  show(target: T, token: number, openedBy: OpenedBy): void;
  hide(): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

const globalTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};

export class HoverIntent<T> {
  private token = 0;
  private pending: T | null = null;
  private shown: T | null = null;
  private fetchTimer: unknown = null;
  private showTimer: unknown = null;
  private hideTimer: unknown = null;

  constructor(
    private readonly effects: IntentEffects<T>,
    private timings: IntentTimings = defaultTimings,
    private readonly timers: Timers = globalTimers,
  ) {}

  get shownTarget(): T | null {
    return this.shown;
  }

  get pendingTarget(): T | null {
    return this.pending;
  }

  setTimings(timings: IntentTimings): void {
    this.timings = timings;
  }

  /** Whether work started under `token` is still wanted. */
  isCurrent(token: number): boolean {
    return token === this.token && (this.pending !== null || this.shown !== null);
  }

  /** The pointer rests on `target`, or on nothing that opens a card (null). */
  pointerOn(target: T | null): void {
    if (target === null) {
      this.cancelPending();
      if (this.shown !== null) this.startHide();
      return;
    }
    if (target === this.shown) {
      this.cancelPending();
      this.cancelHide();
      return;
    }
    if (target === this.pending) return;
    this.cancelPending();
    if (this.shown !== null) this.startHide();
    this.pending = target;
    const token = ++this.token;
    const { fetchMs, showMs } = this.timings;
    this.fetchTimer = this.timers.set(
      () => {
        this.fetchTimer = null;
        this.effects.prefetch(target, token);
      },
      Math.min(fetchMs, showMs),
    );
    this.showTimer = this.timers.set(() => {
      this.showTimer = null;
      this.cancelHide();
      this.pending = null;
      this.shown = target;
      this.effects.show(target, token, 'pointer');
    }, showMs);
  }

  /** The pointer is on the card: it stays, and nothing crossed on the way in opens. */
  pointerOnCard(): void {
    if (this.shown === null) return;
    this.cancelPending();
    this.cancelHide();
  }

  /** Opens at once (keyboard shortcut, menu lookup). */
  openNow(target: T, openedBy: OpenedBy = 'keyboard'): void {
    this.cancelPending();
    this.cancelHide();
    this.shown = target;
    const token = ++this.token;
    this.effects.show(target, token, openedBy);
  }

  /** Closes at once (Escape, click elsewhere, turned off). */
  close(): void {
    const wasShown = this.shown !== null;
    this.cancelPending();
    this.cancelHide();
    this.shown = null;
    this.token += 1;
    if (wasShown) this.effects.hide();
  }

  private startHide(): void {
    if (this.hideTimer !== null) return;
    this.hideTimer = this.timers.set(() => {
      this.hideTimer = null;
      this.shown = null;
      // A pending target keeps its token; only the shown card's work becomes stale.
      if (this.pending === null) this.token += 1;
      this.effects.hide();
    }, this.timings.hideMs);
  }

  private cancelHide(): void {
    if (this.hideTimer === null) return;
    this.timers.clear(this.hideTimer);
    this.hideTimer = null;
  }

  private cancelPending(): void {
    if (this.fetchTimer !== null) this.timers.clear(this.fetchTimer);
    if (this.showTimer !== null) this.timers.clear(this.showTimer);
    this.fetchTimer = null;
    this.showTimer = null;
    if (this.pending !== null) {
      this.pending = null;
      this.token += 1;
    }
  }
}
