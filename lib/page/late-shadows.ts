/**
 * Shadow roots that appear after their element was read. A page that defines its custom elements
 * once its scripts have loaded (most web-component apps) has them upgraded after the walk went by:
 * the upgrade attaches an open root and renders into it, and no mutation the observer watches tells
 * of it. So the custom elements the walk meets without a root are kept, a bounded number, and
 * looked at again a few times in the seconds after; a root that has appeared is handed on, to be
 * followed and read like any other.
 */

export interface LateShadowsOptions {
  /** A root appeared on an element met without one. */
  onRoot(root: ShadowRoot): void;
  signal: AbortSignal;
  /** When to look, after the latest element was met (ms). */
  delaysMs?: readonly number[];
  /** Elements kept at most; later ones are not watched. */
  max?: number;
}

export interface LateShadows {
  /** A custom element read without a shadow root. */
  add(element: Element): void;
}

/** Upgrades usually follow within a second of loading; slow networks and lazy bundles take longer. */
const DEFAULT_DELAYS_MS = [250, 1_000, 3_000, 10_000];
const DEFAULT_MAX = 2_000;

export function watchLateShadows(options: LateShadowsOptions): LateShadows {
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  const max = options.max ?? DEFAULT_MAX;
  const waiting = new Set<Element>();
  let step = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(look, delays[step] as number);
  };

  function look(): void {
    timer = null;
    if (options.signal.aborted) return;
    for (const element of waiting) {
      if (!element.isConnected) {
        waiting.delete(element);
        continue;
      }
      const root = element.shadowRoot;
      if (root) {
        waiting.delete(element);
        options.onRoot(root);
      }
    }
    step++;
    // After the last look, elements still without a root are let go: they render without one.
    if (step >= delays.length) waiting.clear();
    else if (waiting.size > 0) schedule();
  }

  options.signal.addEventListener(
    'abort',
    () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      waiting.clear();
    },
    { once: true },
  );

  return {
    add(element) {
      if (options.signal.aborted || waiting.size >= max || waiting.has(element)) return;
      waiting.add(element);
      // New elements start the looks over (a single-page app renders more as it goes), once: a walk
      // meeting a thousand of them sets one timer.
      if (timer !== null && step === 0) return;
      step = 0;
      schedule();
    },
  };
}
