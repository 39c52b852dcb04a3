import { describe, expect, it } from 'vitest';
import { createVirtualClock, systemClock } from './clock';

describe('virtual clock', () => {
  it('wakes sleepers in time order, and only when time is advanced past them', async () => {
    const clock = createVirtualClock(0);
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push(`late at ${clock.now()}`));
    void clock.sleep(100).then(() => woke.push(`early at ${clock.now()}`));
    await clock.advanceTo(99);
    expect(woke).toEqual([]);
    await clock.advanceTo(1_000);
    expect(woke).toEqual(['early at 100', 'late at 300']);
    expect(clock.now()).toBe(1_000);
  });

  it('lets a chain of sleeps run to the end within one advance', async () => {
    const clock = createVirtualClock(0);
    const steps: number[] = [];
    void (async () => {
      for (let i = 0; i < 5; i += 1) {
        await clock.sleep(10);
        steps.push(clock.now());
      }
    })();
    await clock.runUntilIdle();
    expect(steps).toEqual([10, 20, 30, 40, 50]);
  });

  it('rejects an aborted sleep and forgets its timer', async () => {
    const clock = createVirtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('runs time forward until a promise settles, and says when nothing can settle it', async () => {
    const clock = createVirtualClock(0);
    const value = await clock.run(clock.sleep(5_000).then(() => 'done'));
    expect(value).toBe('done');
    expect(clock.now()).toBe(5_000);
    await expect(clock.run(new Promise(() => undefined))).rejects.toThrow(/cannot settle/);
  });
});

describe('system clock', () => {
  it('sleeps on real timers and can be woken early by an abort', async () => {
    await expect(systemClock.sleep(1)).resolves.toBeUndefined();
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
  });
});
