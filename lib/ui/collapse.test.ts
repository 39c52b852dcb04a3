import { describe, expect, it } from 'vitest';
import { clampText, splitGroups, splitVisible } from './collapse';

describe('splitVisible', () => {
  it('hides what is over the limit', () => {
    expect(splitVisible([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 6)).toEqual({
      visible: [1, 2, 3, 4, 5, 6],
      hidden: 4,
    });
  });

  it('shows a single extra item rather than "+1 more"', () => {
    expect(splitVisible([1, 2, 3, 4], 3)).toEqual({ visible: [1, 2, 3, 4], hidden: 0 });
  });

  it('shows everything when expanded', () => {
    expect(splitVisible([1, 2, 3, 4, 5, 6], 2, true).hidden).toBe(0);
  });
});

describe('splitGroups', () => {
  const groups = [
    { key: 'g', title: null, items: [1, 2, 3] },
    { key: 'a', title: 'A', items: [] as number[] },
    { key: 'b', title: 'B', items: [4, 5, 6, 7] },
  ];

  it('shares one budget across groups in order and drops empty groups', () => {
    const split = splitGroups(groups, 4);
    expect(split.visible.map((g) => [g.key, g.items])).toEqual([
      ['g', [1, 2, 3]],
      ['b', [4]],
    ]);
    expect(split.hidden).toBe(3);
  });

  it('shows all when expanded', () => {
    expect(splitGroups(groups, 4, true).visible.map((g) => g.items.length)).toEqual([3, 4]);
  });
});

describe('clampText', () => {
  it('leaves short text alone', () => {
    expect(clampText('short', 10)).toEqual({ text: 'short', cut: false });
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(clampText('alpha beta gamma delta', 14)).toEqual({ text: 'alpha beta…', cut: true });
  });
});
