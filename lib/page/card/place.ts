/**
 * Where the card goes: below the name, or above it when there is more room there (flip), slid
 * sideways to stay inside the viewport (shift), a few pixels away from the text (offset). The card
 * is position: fixed, so viewport coordinates are all that matter; this replaces @floating-ui/dom,
 * whose general machinery (scroll parents, clipping ancestors) cost 5 KB of the content script's
 * 30 KB budget for the one case it has.
 */

import type { RectLike as Box } from '../hit-test';

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  x: number;
  y: number;
  side: 'below' | 'above';
  /** The most height the card may take on its side without covering the name. */
  maxHeight: number;
}

export interface PlaceOptions {
  gap?: number;
  padding?: number;
}

export function placeCard(reference: Box, card: Size, viewport: Size, options: PlaceOptions = {}): Placement {
  const gap = options.gap ?? 6;
  const padding = options.padding ?? 8;
  const roomBelow = viewport.height - padding - (reference.bottom + gap);
  const roomAbove = reference.top - gap - padding;
  const side = card.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  // A card taller than its side is cut to the room there (it scrolls inside) rather than laid over
  // the name it is about; only where there is hardly any room at all does it cover the text.
  const maxHeight = Math.max(Math.floor(side === 'below' ? roomBelow : roomAbove), MIN_HEIGHT);
  const height = Math.min(card.height, maxHeight);
  let y = side === 'below' ? reference.bottom + gap : reference.top - gap - height;
  y = clamp(y, padding, viewport.height - padding - height);
  const x = clamp(reference.left, padding, viewport.width - padding - card.width);
  return { x: Math.round(x), y: Math.round(y), side, maxHeight };
}

/** Below this, a card is too short to read: it may cover the name instead. */
const MIN_HEIGHT = 120;

/** Clamps to [min, max]; when the range is empty (the card is bigger than the room), `min` wins. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/**
 * Keeps `floating` placed next to `reference()` while the page scrolls or resizes and while the
 * card changes size. Returns the function that stops following.
 */
export function follow(
  win: Window,
  floating: HTMLElement,
  reference: () => Box | null,
  onLost: () => void,
): () => void {
  let frame = 0;
  const update = () => {
    frame = 0;
    const box = reference();
    const viewport = {
      width: win.document.documentElement.clientWidth || win.innerWidth,
      height: win.innerHeight,
    };
    // The name left the page or scrolled out of sight: the card has nothing to point at.
    if (!box || box.bottom < 0 || box.top > viewport.height || box.right < 0 || box.left > viewport.width) {
      onLost();
      return;
    }
    const rect = floating.getBoundingClientRect();
    const { x, y, maxHeight } = placeCard(box, { width: rect.width, height: rect.height }, viewport);
    floating.style.setProperty('transform', `translate(${x}px, ${y}px)`);
    // The card's own stylesheet caps its height with this (the mount itself does not scroll).
    floating.style.setProperty('--alens-room', `${maxHeight}px`);
  };
  const schedule = () => {
    if (frame === 0) frame = win.requestAnimationFrame(update);
  };
  const controller = new AbortController();
  const listen = { capture: true, passive: true, signal: controller.signal };
  win.addEventListener('scroll', schedule, listen);
  win.addEventListener('resize', schedule, listen);
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
  resize?.observe(floating);
  update();
  return () => {
    controller.abort();
    resize?.disconnect();
    if (frame !== 0) win.cancelAnimationFrame(frame);
    frame = 0;
  };
}
