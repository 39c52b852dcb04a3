/** How much of a long list or value a compact card shows before "+4 more". */

export interface Split<T> {
  visible: T[];
  hidden: number;
}

/**
 * Shows `max` items; when only one would be hidden it is shown instead, because a "+1 more"
 * button takes as much room as the item itself.
 */
export function splitVisible<T>(items: readonly T[], max: number, expanded = false): Split<T> {
  if (expanded || items.length <= max + 1) return { visible: [...items], hidden: 0 };
  return { visible: items.slice(0, max), hidden: items.length - max };
}

export interface Group<T> {
  key: string;
  title: string | null;
  items: T[];
}

/** Like splitVisible across groups in order: the budget is shared, empty groups are dropped. */
export function splitGroups<T>(groups: readonly Group<T>[], max: number, expanded = false): Split<Group<T>> {
  const total = groups.reduce((sum, g) => sum + g.items.length, 0);
  if (expanded || total <= max + 1) {
    return { visible: groups.filter((g) => g.items.length > 0), hidden: 0 };
  }
  const visible: Group<T>[] = [];
  let budget = max;
  for (const group of groups) {
    if (budget <= 0) break;
    const items = group.items.slice(0, budget);
    if (items.length > 0) visible.push({ ...group, items });
    budget -= items.length;
  }
  return { visible, hidden: total - max };
}

/** Cuts long text at a word boundary near `max` characters; `cut` tells whether anything was removed. */
export function clampText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const slice = text.slice(0, max);
  const lastSpace = slice.lastIndexOf(' ');
  const end = lastSpace > max * 0.6 ? lastSpace : max;
  return { text: `${slice.slice(0, end).trimEnd()}…`, cut: true };
}
