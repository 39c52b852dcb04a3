import { describe, expect, it } from 'vitest';
import { isNavKey, keepActive, moveActive } from './list-nav';

describe('moveActive', () => {
  it('moves down from nothing to the first and stops at the last', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(1, 3, 'ArrowDown')).toBe(2);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(2);
  });

  it('moves up and stops at the first', () => {
    expect(moveActive(2, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(0);
  });

  it('jumps with Home, End and the page keys', () => {
    expect(moveActive(4, 10, 'Home')).toBe(0);
    expect(moveActive(0, 10, 'End')).toBe(9);
    expect(moveActive(0, 10, 'PageDown')).toBe(5);
    expect(moveActive(3, 10, 'PageUp')).toBe(0);
  });

  it('has nothing to move in an empty list', () => {
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });

  it('knows its keys', () => {
    expect(isNavKey('ArrowDown')).toBe(true);
    expect(isNavKey('Enter')).toBe(false);
  });
});

describe('keepActive', () => {
  const a = { id: 1 };
  const b = { id: 2 };
  const c = { id: 3 };

  it('follows the same person when the list changes', () => {
    expect(keepActive([a, b, c], 1, [c, a, b])).toBe(2);
  });

  it('falls back to the first when the person is gone', () => {
    expect(keepActive([a, b], 1, [c, a])).toBe(0);
    expect(keepActive([], -1, [c])).toBe(0);
    expect(keepActive([a], 0, [])).toBe(-1);
  });
});
