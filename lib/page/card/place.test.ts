import { describe, expect, it } from 'vitest';
import { placeCard } from './place';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };
const name = (left: number, top: number, width = 100, height = 20) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeCard', () => {
  it('puts the card just below the name, aligned with its start', () => {
    expect(placeCard(name(100, 100), card, viewport)).toMatchObject({ x: 100, y: 126, side: 'below' });
  });

  it('flips above a name near the bottom of the viewport', () => {
    expect(placeCard(name(100, 700), card, viewport)).toMatchObject({ x: 100, y: 394, side: 'above' });
  });

  it('slides left to stay inside the viewport near the right edge', () => {
    expect(placeCard(name(900, 100), card, viewport).x).toBe(1000 - 8 - 360);
  });

  it('lets a card that fits take its natural height', () => {
    const placed = placeCard(name(100, 100), card, viewport);
    expect(placed.maxHeight).toBeGreaterThanOrEqual(card.height);
  });

  it('cuts a card taller than both sides to the roomier one instead of covering the name', () => {
    const tall = { width: 360, height: 560 };
    const below = placeCard(name(100, 300), tall, viewport);
    expect(below).toEqual({ x: 100, y: 326, side: 'below', maxHeight: 800 - 8 - 326 });
    const above = placeCard(name(100, 420), tall, viewport);
    expect(above.side).toBe('above');
    expect(above.maxHeight).toBe(420 - 6 - 8);
    // Cut to that height, it ends just above the name.
    expect(above.y + above.maxHeight).toBe(420 - 6);
    expect(above.y).toBeGreaterThanOrEqual(8);
  });

  it('covers the name only when the viewport leaves no readable room on either side', () => {
    const tall = { width: 360, height: 700 };
    const placed = placeCard(name(100, 90, 100, 20), tall, { width: 1000, height: 200 });
    expect(placed.maxHeight).toBe(120);
    expect(placed.y).toBeGreaterThanOrEqual(8);
    expect(placed.y + placed.maxHeight).toBeLessThanOrEqual(200 - 8);
  });

  it('pins a card wider than the viewport to its left edge', () => {
    expect(placeCard(name(50, 100), { width: 2000, height: 100 }, viewport).x).toBe(8);
  });
});
