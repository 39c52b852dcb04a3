/**
 * Follows dynamic pages: mutation records are coalesced into a few roots to rescan, marks of text
 * that changed or left are dropped at once, and rescans are rate-limited with a back-off so that a
 * page that changes all the time costs a bounded amount of work.
 *
 * Text flows across inline elements (see walker.ts): a text node or inline element handed over as a
 * root is rescanned with the run around it, and the text on either side of a removal is rescanned,
 * since what stood between them may have kept apart the two halves of a name.
 *
 * An observer on the document does not see inside shadow trees: each open shadow root the walk
 * enters is observed too, by the same observer, so one disconnect ends it all.
 */
import { ADDRESS_ATTRIBUTE_NAMES } from './addresses';
import { isInlineElement } from './walker';

/** Attribute changes that may change what is marked: a revealed element, an address. */
export const OBSERVED_ATTRIBUTES: readonly string[] = ['hidden', ...ADDRESS_ATTRIBUTE_NAMES];

export interface RescanPlan {
  /** Connected roots to rescan, none inside another. */
  roots: Node[];
  /** Some element left the document: marks of disconnected nodes must be swept. */
  sweep: boolean;
}

export interface DirtyHooks {
  /** The extension's own UI, whose changes are not the page's. */
  isOwnUi(node: Node): boolean;
  /** Marks on this node are no longer valid (its text changed or it left). */
  forget(node: Node): void;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Accumulates mutation records between flushes. */
export class DirtySet {
  private roots = new Set<Node>();
  private sweep = false;

  constructor(private readonly hooks: DirtyHooks) {}

  get pending(): boolean {
    return this.roots.size > 0 || this.sweep;
  }

  add(records: readonly MutationRecord[]): void {
    for (const record of records) {
      if (this.hooks.isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        this.hooks.forget(record.target);
        this.roots.add(record.target);
      } else if (record.type === 'attributes') {
        const element = record.target as Element;
        if (record.attributeName === 'hidden') {
          // A `hidden` element was revealed (tabs, accordions): its text is new to us.
          if (!element.hasAttribute('hidden')) this.roots.add(element);
        } else {
          // An element stands for another address now, or for one at all (a chip filled in late).
          this.hooks.forget(element);
          this.roots.add(element);
        }
      } else {
        if (record.removedNodes.length > 0) {
          this.addNeighbour(record.previousSibling);
          this.addNeighbour(record.nextSibling);
        }
        for (const node of record.removedNodes) {
          if (node.nodeType === TEXT_NODE) this.hooks.forget(node);
          else if (node.nodeType === ELEMENT_NODE) {
            this.hooks.forget(node);
            this.sweep = true;
          }
          this.roots.delete(node);
        }
        for (const node of record.addedNodes) {
          if (!this.hooks.isOwnUi(node)) this.roots.add(node);
        }
      }
    }
  }

  /** Text, or an inline element, beside a removal: its run may now reach across the gap. */
  private addNeighbour(node: Node | null): void {
    if (!node || this.hooks.isOwnUi(node)) return;
    if (node.nodeType === TEXT_NODE || (node.nodeType === ELEMENT_NODE && isInlineElement(node as Element)))
      this.roots.add(node);
  }

  /** Hands over the work gathered so far, at most `maxRoots` roots (the rest stays for next time). */
  take(maxRoots = 5000): RescanPlan {
    const connected = [...this.roots].filter((n) => n.isConnected);
    const set = new Set(connected);
    const outermost = connected.filter((node) => {
      for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
      return true;
    });
    const roots = outermost.slice(0, maxRoots);
    this.roots = new Set(outermost.slice(maxRoots));
    const plan = { roots, sweep: this.sweep };
    this.sweep = false;
    return plan;
  }
}

/**
 * When to flush: a short coalescing delay after a quiet period; while changes keep coming the
 * interval doubles up to `maxMs`, and it falls back once the page has been quiet for a while.
 */
export class FlushGate {
  private interval: number;
  private lastFlush = -Infinity;

  constructor(
    private readonly minMs = 100,
    private readonly maxMs = 2000,
  ) {
    this.interval = minMs;
  }

  get currentInterval(): number {
    return this.interval;
  }

  delay(now: number): number {
    return Math.max(this.minMs, this.lastFlush + this.interval - now);
  }

  flushed(now: number): void {
    const busy = now - this.lastFlush < this.interval * 2 + this.minMs;
    this.interval = busy ? Math.min(this.interval * 2, this.maxMs) : this.minMs;
    this.lastFlush = now;
  }
}

export interface MutationWatcherOptions extends DirtyHooks {
  root: Node;
  signal: AbortSignal;
  onFlush(plan: RescanPlan): void;
  gate?: FlushGate;
  now?: () => number;
}

export interface MutationWatcher {
  /** Follows changes under another root too (an open shadow root); observing one twice is harmless. */
  observe(root: Node): void;
}

/** Observes `root`, and whatever else it is given, until the signal aborts. */
export function watchMutations(options: MutationWatcherOptions): MutationWatcher {
  const dirty = new DirtySet(options);
  const gate = options.gate ?? new FlushGate();
  const now = options.now ?? (() => performance.now());
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    if (options.signal.aborted) return;
    gate.flushed(now());
    options.onFlush(dirty.take());
    if (dirty.pending) schedule();
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(flush, gate.delay(now()));
  };
  const observer = new MutationObserver((records) => {
    dirty.add(records);
    if (dirty.pending) schedule();
  });
  const watched = new WeakSet<Node>();
  const observe = (root: Node) => {
    if (options.signal.aborted || watched.has(root)) return;
    watched.add(root);
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: [...OBSERVED_ATTRIBUTES],
    });
  };
  observe(options.root);
  options.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    },
    { once: true },
  );
  return { observe };
}
