import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, type IntentEffects } from './intent';

type Target = { name: string };
const ada: Target = { name: 'Ada' };
const grace: Target = { name: 'Grace' };

function setup(showMs = 500) {
  const effects = {
    prefetch: vi.fn<IntentEffects<Target>['prefetch']>(),
    show: vi.fn<IntentEffects<Target>['show']>(),
    hide: vi.fn<IntentEffects<Target>['hide']>(),
  };
  const intent = new HoverIntent<Target>(effects, { fetchMs: 150, showMs, hideMs: 300 });
  return { intent, effects };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prefetches at 150 ms and shows at the hover delay', () => {
    const { intent, effects } = setup(500);
    intent.pointerOn(ada);
    vi.advanceTimersByTime(149);
    expect(effects.prefetch).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.prefetch).toHaveBeenCalledWith(ada, expect.any(Number));
    vi.advanceTimersByTime(349);
    expect(effects.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.show).toHaveBeenCalledWith(ada, expect.any(Number), 'pointer');
    expect(intent.shownTarget).toBe(ada);
  });

  it('follows a configured delay, prefetching no later than it', () => {
    const { intent, effects } = setup(100);
    intent.pointerOn(ada);
    vi.advanceTimersByTime(100);
    expect(effects.prefetch).toHaveBeenCalledTimes(1);
    expect(effects.show).toHaveBeenCalledTimes(1);
  });

  it('moving within the same target does not restart the timers', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(400);
    intent.pointerOn(ada);
    vi.advanceTimersByTime(100);
    expect(effects.show).toHaveBeenCalledTimes(1);
  });

  it('leaving before the delay shows nothing and makes the prefetch token stale', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(200);
    const token = effects.prefetch.mock.calls[0]?.[1] as number;
    expect(intent.isCurrent(token)).toBe(true);
    intent.pointerOn(null);
    expect(intent.isCurrent(token)).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(effects.show).not.toHaveBeenCalled();
    expect(effects.hide).not.toHaveBeenCalled();
  });

  it('a new target drops the old one: only the last rested-on target shows', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(200);
    const adaToken = effects.prefetch.mock.calls[0]?.[1] as number;
    intent.pointerOn(grace);
    expect(intent.isCurrent(adaToken)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(effects.show).toHaveBeenCalledTimes(1);
    expect(effects.show.mock.calls[0]?.[0]).toBe(grace);
  });

  it('hides 300 ms after the pointer leaves a shown card', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(299);
    expect(effects.hide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.hide).toHaveBeenCalledTimes(1);
    expect(intent.shownTarget).toBeNull();
  });

  it('gives a grace period to move into the card, and stays while the pointer is on it', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(200);
    intent.pointerOnCard();
    vi.advanceTimersByTime(10_000);
    expect(effects.hide).not.toHaveBeenCalled();
    intent.pointerOn(null);
    vi.advanceTimersByTime(300);
    expect(effects.hide).toHaveBeenCalledTimes(1);
  });

  it('crossing another name on the way into the card does not open it', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(500);
    intent.pointerOn(grace);
    vi.advanceTimersByTime(100);
    intent.pointerOnCard();
    vi.advanceTimersByTime(2000);
    expect(effects.show).toHaveBeenCalledTimes(1);
    expect(effects.hide).not.toHaveBeenCalled();
  });

  it('returning to the shown name cancels the hide', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(500);
    intent.pointerOn(null);
    vi.advanceTimersByTime(250);
    intent.pointerOn(ada);
    vi.advanceTimersByTime(1000);
    expect(effects.hide).not.toHaveBeenCalled();
    expect(effects.show).toHaveBeenCalledTimes(1);
  });

  it('opens at once for the keyboard and closes at once on request', () => {
    const { intent, effects } = setup();
    intent.openNow(ada);
    expect(effects.show).toHaveBeenCalledWith(ada, expect.any(Number), 'keyboard');
    intent.close();
    expect(effects.hide).toHaveBeenCalledTimes(1);
    expect(intent.shownTarget).toBeNull();
    intent.close();
    expect(effects.hide).toHaveBeenCalledTimes(1);
  });

  it('closing cancels a pending show', () => {
    const { intent, effects } = setup();
    intent.pointerOn(ada);
    vi.advanceTimersByTime(100);
    intent.close();
    vi.advanceTimersByTime(1000);
    expect(effects.prefetch).not.toHaveBeenCalled();
    expect(effects.show).not.toHaveBeenCalled();
  });

  it('uses new timings for the next hover', () => {
    const { intent, effects } = setup(500);
    intent.setTimings({ fetchMs: 150, showMs: 1000, hideMs: 300 });
    intent.pointerOn(ada);
    vi.advanceTimersByTime(999);
    expect(effects.show).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(effects.show).toHaveBeenCalledTimes(1);
  });
});
