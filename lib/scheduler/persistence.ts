/**
 * Writes the window to the WindowStore so that a restarted service worker picks it up, without a
 * write per request.
 *
 * Writes are throttled, so the last few sends before the worker stops may not be on disk. To keep a
 * restart from bursting anyway, every write also reserves `lease` sends, stamped at the latest time
 * they could happen before the next write; a send that would exceed the reservation (or come after
 * it) forces a write first. A restart therefore only ever over-counts, by at most `lease`.
 */
import type { Clock, PersistedWindow, WindowStore } from './types';

export interface PersisterOptions {
  clock: Clock;
  store: WindowStore | undefined;
  /** Writes at most this often while sends are sparse (more often only when `lease` runs out). */
  intervalMs: number;
  lease: number;
  snapshot(now: number): PersistedWindow;
}

export class WindowPersister {
  private lastSaveAt = Number.NEGATIVE_INFINITY;
  /** Sends reserved by the last write that have not happened yet. */
  private covered = 0;
  private unsaved = 0;
  private dirty = false;
  private trailing: AbortController | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly options: PersisterOptions) {}

  /** Call right after a send was recorded in the window. */
  onSend(now: number): void {
    if (!this.options.store) return;
    if (this.unsaved < this.covered && now <= this.lastSaveAt + this.options.intervalMs) {
      this.unsaved += 1;
      this.dirty = true;
      this.scheduleTrailing(now);
    } else {
      this.saveNow(now);
    }
  }

  /** Something worth keeping changed (limit, monthly figures): write soon. */
  markDirty(now: number): void {
    if (!this.options.store) return;
    this.dirty = true;
    this.scheduleTrailing(now);
  }

  /** Writes now (a pause must survive a restart at once). */
  saveNow(now: number, options: { reserve?: boolean } = {}): Promise<void> {
    const store = this.options.store;
    if (!store) return Promise.resolve();
    this.trailing?.abort();
    this.trailing = null;
    const reserve = options.reserve ?? true;
    const saved = this.options.snapshot(now);
    if (reserve) {
      const stamp = now + this.options.intervalMs;
      for (let i = 0; i < this.options.lease; i += 1) saved.recentSends.push(stamp);
    }
    this.lastSaveAt = now;
    this.covered = reserve ? this.options.lease : 0;
    this.unsaved = 0;
    this.dirty = false;
    // Chained so that writes land in the order they were taken.
    this.writes = this.writes.then(() => store.save(saved)).catch(() => undefined);
    return this.writes;
  }

  private scheduleTrailing(now: number): void {
    if (this.trailing) return;
    const controller = new AbortController();
    this.trailing = controller;
    const wait = Math.max(0, this.lastSaveAt + this.options.intervalMs - now);
    this.options.clock.sleep(wait, controller.signal).then(
      () => {
        if (this.trailing !== controller) return;
        this.trailing = null;
        if (this.dirty) void this.saveNow(this.options.clock.now());
      },
      () => undefined,
    );
  }
}
