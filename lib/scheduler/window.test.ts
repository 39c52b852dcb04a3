import { describe, expect, it } from 'vitest';
import { RateWindow } from './window';

const WINDOW_MS = 61_000;

function sendMany(
  window: RateWindow,
  count: number,
  at: number,
  priority: 'interactive' | 'background' = 'background',
) {
  for (let i = 0; i < count; i += 1) window.recordSend(at, priority);
}

describe('rate window', () => {
  it('allows the limit within any window, and frees slots as the oldest sends leave it', () => {
    const window = new RateWindow(10, WINDOW_MS);
    sendMany(window, 6, 0);
    sendMany(window, 4, 20_000);
    expect(window.budget(30_000)).toBe(0);
    expect(window.nextRoomAt(30_000, 'interactive', 0)).toBe(WINDOW_MS);
    expect(window.budget(WINDOW_MS)).toBe(6);
    expect(window.budget(20_000 + WINDOW_MS)).toBe(10);
  });

  it('keeps background work to its share and leaves the rest for people', () => {
    const window = new RateWindow(10, WINDOW_MS);
    const reserve = 2;
    sendMany(window, 8, 0, 'background');
    expect(window.hasRoom(1, 'background', reserve)).toBe(false);
    expect(window.hasRoom(1, 'interactive', reserve)).toBe(true);
    expect(window.nextRoomAt(1, 'background', reserve)).toBe(WINDOW_MS);
  });

  it('lets background work use what people leave, but never the part of the reserve they have not used', () => {
    const window = new RateWindow(10, WINDOW_MS);
    sendMany(window, 5, 0, 'interactive');
    sendMany(window, 4, 0, 'background');
    // 9 sent: people already used more than the reserve of 2, so the last slot is anyone's.
    expect(window.hasRoom(1, 'background', 2)).toBe(true);
    const quiet = new RateWindow(10, WINDOW_MS);
    sendMany(quiet, 1, 0, 'interactive');
    sendMany(quiet, 7, 0, 'background');
    // Background may reach its own 8, and then the last slot stays for people.
    expect(quiet.hasRoom(1, 'background', 2)).toBe(true);
    quiet.recordSend(1, 'background');
    expect(quiet.hasRoom(1, 'background', 2)).toBe(false);
    expect(quiet.hasRoom(1, 'interactive', 2)).toBe(true);
  });

  it('keeps the unused reserve for people even when the server has less room than we counted', () => {
    const window = new RateWindow(10, WINDOW_MS);
    sendMany(window, 2, 0, 'background');
    window.observe({ limit: 10, remaining: 2, resetSeconds: 30 }, 1, 0);
    expect(window.hasRoom(1, 'background', 2)).toBe(false);
    expect(window.hasRoom(1, 'interactive', 2)).toBe(true);
    expect(window.nextRoomAt(1, 'background', 2)).toBe(30_001);
  });

  it('takes the server at its word when it says fewer are left than we counted', () => {
    const window = new RateWindow(900, WINDOW_MS);
    sendMany(window, 10, 0);
    window.observe({ limit: 900, remaining: 3, resetSeconds: 20 }, 1_000, 1);
    // 3 left, minus the one still in flight that the server may not have counted.
    expect(window.budget(1_000)).toBe(2);
    window.recordSend(1_000, 'background');
    window.recordSend(1_000, 'background');
    expect(window.budget(1_000)).toBe(0);
    expect(window.nextRoomAt(1_000, 'interactive', 0)).toBe(21_000);
    expect(window.budget(21_000)).toBe(900 - 12);
  });

  it('never loosens its own count because the server claims more room', () => {
    const window = new RateWindow(10, WINDOW_MS);
    sendMany(window, 10, 0);
    window.observe({ limit: 10, remaining: 10, resetSeconds: 1 }, 2_000, 0);
    expect(window.budget(2_000)).toBe(0);
  });

  it('learns the limit from the headers, and a lower one at once', () => {
    const window = new RateWindow(900, WINDOW_MS);
    sendMany(window, 100, 0);
    window.observe({ limit: 300, remaining: 0, resetSeconds: 30 }, 1_000, 0);
    expect(window.limit(1_000)).toBe(300);
    expect(window.budget(1_000)).toBeLessThanOrEqual(0);
  });

  it('stops trusting headers that claimed room a 429 denied, and keeps to what the server accepted', () => {
    const window = new RateWindow(900, WINDOW_MS);
    sendMany(window, 600, 0);
    window.observe({ limit: 900, remaining: 300, resetSeconds: 40 }, 20_000, 0);
    const caught = window.onRateLimited(300, 20_000, 0);
    expect(caught).toBe(true);
    expect(window.limit(20_000)).toBe(600);
    expect(window.budget(20_000)).toBe(0);
  });

  it('lowers the limit by at most half at a time, whatever caused the 429', () => {
    const window = new RateWindow(900, WINDOW_MS);
    sendMany(window, 4, 0);
    window.observe({ limit: 900, remaining: 896, resetSeconds: 50 }, 100, 0);
    expect(window.onRateLimited(896, 100, 0)).toBe(true);
    expect(window.limit(100)).toBe(450);
  });

  it('lowers the limit from what was accepted when the server gives no count at all', () => {
    const window = new RateWindow(900, WINDOW_MS);
    sendMany(window, 700, 0);
    expect(window.onRateLimited(undefined, 30_000, 0)).toBe(true);
    expect(window.limit(30_000)).toBe(700);
  });

  it('does not call a server a liar when its 429 said the window was spent', () => {
    const window = new RateWindow(900, WINDOW_MS);
    sendMany(window, 300, 0);
    window.observe({ limit: 300, remaining: 0, resetSeconds: 40 }, 20_000, 0);
    expect(window.onRateLimited(0, 20_000, 0)).toBe(false);
    expect(window.limit(20_000)).toBe(300);
  });

  it('survives a snapshot and restore with the same count and limit', () => {
    const window = new RateWindow(900, WINDOW_MS);
    window.observe({ limit: 500, remaining: 500, resetSeconds: 60 }, 0, 0);
    sendMany(window, 200, 1_000);
    const saved = {
      ...window.snapshot(2_000),
      pausedUntil: null,
      monthlyLimit: null,
      monthlyRemaining: null,
      monthlyResetsAt: null,
    };
    const restored = new RateWindow(900, WINDOW_MS);
    restored.restore(saved, 3_000, 0);
    expect(restored.limit(3_000)).toBe(500);
    expect(restored.budget(3_000)).toBe(window.budget(3_000));
  });
});
