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
    expect(placeCard(name(100, 100), card, viewport)).toEqual({ x: 100, y: 126, side: 'below' });
  });

  it('flips above a name near the bottom of the viewport', () => {
    expect(placeCard(name(100, 700), card, viewport)).toEqual({ x: 100, y: 394, side: 'above' });
  });

  it('slides left to stay inside the viewport near the right edge', () => {
    expect(placeCard(name(900, 100), card, viewport).x).toBe(1000 - 8 - 360);
  });

  it('keeps a card taller than both sides inside the viewport', () => {
    const tall = { width: 360, height: 700 };
    const placed = placeCard(name(100, 380), tall, viewport);
    expect(placed.y).toBeGreaterThanOrEqual(8);
    expect(placed.y + tall.height).toBeLessThanOrEqual(800 - 8);
  });

  it('pins a card wider than the viewport to its left edge', () => {
    expect(placeCard(name(50, 100), { width: 2000, height: 100 }, viewport).x).toBe(8);
  });
});
