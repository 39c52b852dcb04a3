/**
 * Cooperative scheduling for page work: give the main thread back between slices, and cap how much
 * of each second the extension may spend so that a page that never stops changing cannot make it spin.
 */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/** Resolves in a new task: scheduler.yield() where the browser has it, else a MessageChannel hop. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel?.port2.postMessage(null);
  });
}

/**
 * Runs after the page's own load work: after `load` (or `maxWaitMs` at most, for pages whose load
 * never ends), then when the main thread is idle.
 */
export function whenPageSettled(
  win: Window,
  signal: AbortSignal,
  timeoutMs = 2000,
  maxWaitMs = 5000,
): Promise<void> {
  return new Promise((resolve) => {
    let started = false;
    const idle = () => {
      if (started || signal.aborted) return;
      started = true;
      if (typeof win.requestIdleCallback === 'function') {
        const id = win.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
        signal.addEventListener('abort', () => win.cancelIdleCallback(id), { once: true });
      } else {
        const id = win.setTimeout(resolve, 50);
        signal.addEventListener('abort', () => win.clearTimeout(id), { once: true });
      }
    };
    if (win.document.readyState === 'complete') {
      idle();
      return;
    }
    win.addEventListener('load', idle, { once: true, signal });
    const fallback = win.setTimeout(idle, maxWaitMs);
    signal.addEventListener('abort', () => win.clearTimeout(fallback), { once: true });
  });
}

/**
 * Tracks busy time in a sliding window. `pauseNeeded()` says how long to wait before working again
 * so that busy time stays under `share` of every `windowMs` (0 when work may go on).
 */
export class DutyCycle {
  private spans: { start: number; end: number }[] = [];

  constructor(
    private readonly share: number,
    private readonly windowMs = 1000,
  ) {}

  record(start: number, end: number): void {
    this.spans.push({ start, end });
  }

  busyIn(now: number): number {
    const from = now - this.windowMs;
    this.spans = this.spans.filter((s) => s.end > from);
    return this.spans.reduce((sum, s) => sum + (s.end - Math.max(s.start, from)), 0);
  }

  pauseNeeded(now: number): number {
    const allowance = this.share * this.windowMs;
    let excess = this.busyIn(now) - allowance;
    if (excess <= 0) return 0;
    // Wait until enough of the oldest spans slide out of the window.
    const from = now - this.windowMs;
    for (const s of this.spans) {
      const counted = s.end - Math.max(s.start, from);
      excess -= counted;
      if (excess <= 0) return Math.max(1, s.end - from);
    }
    return this.windowMs;
  }
}
