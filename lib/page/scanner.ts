/**
 * Scans page text in time slices: walks from queued roots, sends batches of texts to the background
 * for matching (only there is the roster), and applies the answers to the mark index. Each slice
 * stays under `sliceMs`, the thread is given back between slices, and a duty cycle caps the share
 * of every second it may use.
 */
import type { TextMatch } from '../people/types';
import type { MarkIndex } from './mark-index';
import { addressOf } from './addresses';
import { mayNamePerson } from './skip';
import { createPageWalker, isTextRun, type TextRun, type WalkItem } from './walker';
import { DutyCycle, yieldToMain } from './yield';

/** The protocol accepts texts up to this length; longer nodes are matched on their first part. */
export const MAX_TEXT_LENGTH = 2_000_000;

export interface ScannerOptions {
  match(texts: string[]): Promise<TextMatch[][]>;
  index: MarkIndex;
  signal: AbortSignal;
  /** Hears of each open shadow root the walk enters (to follow its changes). */
  onShadowRoot?(root: ShadowRoot): void;
  /** Hears of each custom element the walk meets without a shadow root (one may come later). */
  onCustomElement?(element: Element): void;
  /** Called when a batch could not be matched (the batch is dropped). */
  onError?(error: unknown): void;
  sliceMs?: number;
  batchChars?: number;
  batchItems?: number;
  maxInFlight?: number;
  /** Share of each second the scanner may keep the main thread busy. */
  dutyShare?: number;
  now?: () => number;
  yieldToMain?: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

interface Entry {
  target: WalkItem;
  /** The node's text (or the element's address) when read, to detect changes before applying; a run keeps its parts. */
  source: string;
  sent: string;
}

interface Answer {
  entries: Entry[];
  results: TextMatch[][];
  next: number;
}

const TEXT_NODE = 3;
const CHECK_EVERY = 32;

export class Scanner {
  private readonly roots: Node[] = [];
  private walk: (() => WalkItem | null) | null = null;
  private batch: Entry[] = [];
  private batchChars = 0;
  private readonly answers: Answer[] = [];
  private inFlight = 0;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly duty: DutyCycle;
  private readonly now: () => number;

  constructor(private readonly options: ScannerOptions) {
    this.duty = new DutyCycle(options.dutyShare ?? 0.5);
    this.now = options.now ?? (() => performance.now());
    options.signal.addEventListener('abort', () => this.reset(), { once: true });
  }

  /** Queues a subtree (or a text node) for scanning. */
  enqueue(root: Node): void {
    if (this.options.signal.aborted) return;
    this.roots.push(root);
    this.kick();
  }

  /** Resolves when everything queued so far has been walked, matched and applied. */
  whenIdle(): Promise<void> {
    if (!this.running && !this.hasWork()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private hasWork(): boolean {
    return (
      this.roots.length > 0 ||
      this.walk !== null ||
      this.batch.length > 0 ||
      this.answers.length > 0 ||
      this.inFlight > 0
    );
  }

  private kick(): void {
    this.wakeUp?.();
    if (!this.running) void this.loop();
  }

  private reset(): void {
    this.roots.length = 0;
    this.walk = null;
    this.batch = [];
    this.answers.length = 0;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    this.running = true;
    const sliceMs = this.options.sliceMs ?? 8;
    try {
      while (!this.options.signal.aborted && this.hasWork()) {
        const start = this.now();
        const deadline = start + sliceMs;
        this.applyAnswers(deadline);
        this.walkUntil(deadline);
        this.duty.record(start, this.now());
        if (this.options.signal.aborted || !this.hasWork()) break;
        const canWork = this.answers.length > 0 || (this.hasWalkWork() && this.inFlight < this.maxInFlight());
        if (!canWork) {
          await new Promise<void>((resolve) => (this.wakeUp = resolve));
          this.wakeUp = null;
          continue;
        }
        const pause = this.duty.pauseNeeded(this.now());
        if (pause > 0) await (this.options.sleep ?? sleep)(pause);
        else await (this.options.yieldToMain ?? yieldToMain)();
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private maxInFlight(): number {
    return this.options.maxInFlight ?? 2;
  }

  private hasWalkWork(): boolean {
    return this.roots.length > 0 || this.walk !== null || this.batch.length > 0;
  }

  private walkUntil(deadline: number): void {
    // Each message costs the page a fixed amount besides its text: a 1 MB page goes in about four
    // messages, not sixteen (measured with the page bench), each still quick to serialise.
    const maxChars = this.options.batchChars ?? 256_000;
    const maxItems = this.options.batchItems ?? 4000;
    let steps = 0;
    while (this.inFlight < this.maxInFlight()) {
      if (++steps % CHECK_EVERY === 0 && this.now() >= deadline) return;
      if (!this.walk) {
        const root = this.roots.shift();
        if (!root) break;
        this.walk = createPageWalker(root, this.options.onShadowRoot, this.options.onCustomElement);
      }
      const item = this.walk();
      if (!item) {
        this.walk = null;
        continue;
      }
      const entry = toEntry(item);
      if (!entry) continue;
      this.batch.push(entry);
      this.batchChars += entry.sent.length;
      if (this.batch.length >= maxItems || this.batchChars >= maxChars) this.send();
    }
    // Nothing left to walk: send what is gathered rather than wait for a full batch.
    if (
      !this.walk &&
      this.roots.length === 0 &&
      this.batch.length > 0 &&
      this.inFlight < this.maxInFlight()
    ) {
      this.send();
    }
  }

  private send(): void {
    const entries = this.batch;
    this.batch = [];
    this.batchChars = 0;
    this.inFlight += 1;
    const signal = this.options.signal;
    this.options.match(entries.map((e) => e.sent)).then(
      (results) => {
        this.inFlight -= 1;
        if (!signal.aborted) this.answers.push({ entries, results, next: 0 });
        this.kick();
      },
      (error: unknown) => {
        this.inFlight -= 1;
        if (!signal.aborted) this.options.onError?.(error);
        this.kick();
      },
    );
  }

  private applyAnswers(deadline: number): void {
    let steps = 0;
    while (this.answers.length > 0) {
      const answer = this.answers[0] as Answer;
      while (answer.next < answer.entries.length) {
        if (++steps % CHECK_EVERY === 0 && this.now() >= deadline) return;
        const i = answer.next++;
        this.apply(answer.entries[i] as Entry, answer.results[i] ?? []);
      }
      this.answers.shift();
    }
  }

  private apply(entry: Entry, matches: TextMatch[]): void {
    const { target } = entry;
    // Text that changed or left since it was read is rescanned by the mutation handling instead.
    if (isTextRun(target)) {
      if (unchanged(target)) this.options.index.setRunMarks(target.nodes, target.text, matches);
      return;
    }
    if (!target.isConnected) return;
    if (target.nodeType === TEXT_NODE) {
      const node = target as Text;
      if (node.data !== entry.source) return;
      this.options.index.setTextMarks(node, entry.sent, matches);
    } else {
      const link = target as Element;
      if (addressOf(link) !== entry.source) return;
      this.options.index.setLinkMark(
        link,
        entry.sent,
        matches.find((m) => m.kind === 'email'),
      );
    }
  }
}

/** Whether every node of a run is still on the page with the text it had when read. */
function unchanged(run: TextRun): boolean {
  for (let i = 0; i < run.nodes.length; i++) {
    const node = run.nodes[i] as Text;
    if (!node.isConnected || node.data !== run.parts[i]) return false;
  }
  return true;
}

function toEntry(item: WalkItem): Entry | null {
  // Runs are bounded far below the protocol's limit (RUN_MAX_CHARS).
  if (isTextRun(item))
    return mayNamePerson(item.text) ? { target: item, source: item.text, sent: item.text } : null;
  if (item.nodeType === TEXT_NODE) {
    const source = (item as Text).data;
    // Text that cannot name anyone is not sent: a page's many lone words stay in the tab.
    if (!mayNamePerson(source)) return null;
    return {
      target: item,
      source,
      sent: source.length > MAX_TEXT_LENGTH ? source.slice(0, MAX_TEXT_LENGTH) : source,
    };
  }
  const address = addressOf(item as Element);
  return address ? { target: item, source: address, sent: address } : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
