/** Keyboard movement through the popup's result list (the active option, not DOM focus). */

export type NavKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

const PAGE = 5;

export function isNavKey(key: string): key is NavKey {
  return ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'].includes(key);
}

/** The next active index (-1: none) for a key, clamped to the list. */
export function moveActive(active: number, count: number, key: NavKey): number {
  if (count === 0) return -1;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, active + 1);
    case 'ArrowUp':
      return Math.max(0, active - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(0, active) + PAGE);
    case 'PageUp':
      return Math.max(0, active - PAGE);
  }
}

/** After the list changes, the same person stays active; else the first one. */
export function keepActive(
  previous: readonly { id: number }[],
  active: number,
  next: readonly { id: number }[],
): number {
  if (next.length === 0) return -1;
  const activeId = previous[active]?.id;
  if (activeId === undefined) return 0;
  const index = next.findIndex((item) => item.id === activeId);
  return index === -1 ? 0 : index;
}
