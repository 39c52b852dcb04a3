// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DutyCycle, whenPageSettled, yieldToMain } from './yield';

describe('DutyCycle', () => {
  it('allows work while the busy share of the last window is under the cap', () => {
    const duty = new DutyCycle(0.5, 1000);
    duty.record(0, 200);
    duty.record(300, 500);
    expect(duty.busyIn(500)).toBe(400);
    expect(duty.pauseNeeded(500)).toBe(0);
  });

  it('asks for a pause long enough for old work to slide out of the window', () => {
    const duty = new DutyCycle(0.2, 1000);
    duty.record(0, 150);
    duty.record(150, 300);
    // 300 ms busy against a 200 ms allowance: wait until enough has left the window.
    const pause = duty.pauseNeeded(300);
    expect(pause).toBeGreaterThan(0);
    expect(pause).toBeLessThanOrEqual(1000);
    expect(duty.busyIn(300 + pause)).toBeLessThanOrEqual(200);
    expect(duty.pauseNeeded(300 + pause)).toBe(0);
  });

  it('forgets spans older than the window', () => {
    const duty = new DutyCycle(0.1, 1000);
    duty.record(0, 500);
    expect(duty.busyIn(2000)).toBe(0);
  });
});

describe('yieldToMain', () => {
  afterEach(() => {
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it('uses scheduler.yield where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    (globalThis as { scheduler?: unknown }).scheduler = { yield: yieldFn };
    await yieldToMain();
    expect(yieldFn).toHaveBeenCalledTimes(1);
  });

  it('otherwise resumes in a later task through a message channel', async () => {
    const order: string[] = [];
    const done = yieldToMain().then(() => order.push('resumed'));
    order.push('sync');
    await done;
    expect(order).toEqual(['sync', 'resumed']);
  });
});

describe('whenPageSettled', () => {
  it('waits for load, then a quiet moment', async () => {
    const listeners: Record<string, () => void> = {};
    const fakeWindow = {
      document: { readyState: 'loading' },
      addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms === 5000 ? 60_000 : 0),
      clearTimeout,
    } as unknown as Window;
    let settled = false;
    const promise = whenPageSettled(fakeWindow, new AbortController().signal).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    listeners.load?.();
    await promise;
    expect(settled).toBe(true);
  });

  it('does not wait forever for a load that never ends', async () => {
    const fakeWindow = {
      document: { readyState: 'interactive' },
      addEventListener: () => undefined,
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms === 5000 ? 5 : 0),
      clearTimeout,
    } as unknown as Window;
    await whenPageSettled(fakeWindow, new AbortController().signal);
  });
});
