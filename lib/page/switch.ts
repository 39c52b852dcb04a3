/**
 * Turns the lens on and off with the preferences: the per-site switch, live, in every frame.
 * Changing other preferences (hover delay, marks) updates the running lens in place.
 */
import { isSiteEnabled, withDefaults, type Preferences } from '../preferences';

export interface Switchable {
  update(prefs: Preferences): void;
  stop(): void;
}

export interface FollowOptions<L extends Switchable> {
  hostname: string;
  signal: AbortSignal;
  load(): Promise<Partial<Preferences> | null>;
  /** Subscribes to changes; returns the unsubscribe function. */
  watch(callback: (prefs: Partial<Preferences> | null) => void): () => void;
  start(prefs: Preferences): L;
}

/** Resolves once the first preferences are applied; the returned getter gives the running lens. */
export async function followPreferences<L extends Switchable>(
  options: FollowOptions<L>,
): Promise<() => L | null> {
  let lens: L | null = null;
  const apply = (stored: Partial<Preferences> | null) => {
    if (options.signal.aborted) return;
    const prefs = withDefaults(stored);
    const enabled = isSiteEnabled(prefs, options.hostname);
    if (enabled && !lens) lens = options.start(prefs);
    else if (!enabled && lens) {
      lens.stop();
      lens = null;
    } else lens?.update(prefs);
  };
  // A change that lands before the first read is newer than what the read returns.
  let changed = false;
  const unwatch = options.watch((stored) => {
    changed = true;
    apply(stored);
  });
  options.signal.addEventListener(
    'abort',
    () => {
      // The page first: on a dead extension context, unsubscribing from storage throws.
      lens?.stop();
      lens = null;
      try {
        unwatch();
      } catch {
        // Nothing left to unsubscribe from.
      }
    },
    { once: true },
  );
  try {
    const stored = await options.load();
    if (!changed) apply(stored);
  } catch {
    // storage.sync unreadable (extension going away): stay off.
  }
  return () => lens;
}
