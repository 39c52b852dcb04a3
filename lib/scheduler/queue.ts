/**
 * Waiting work, one line per priority. Within a line, first come first served by arrival number,
 * so a task that comes back for a retry takes its old place instead of going to the back.
 */
import type { Priority } from './types';

export interface Queued {
  /** Arrival number: lower was scheduled earlier. */
  readonly seq: number;
  priority: Priority;
}

export class PriorityQueue<T extends Queued> {
  private readonly lines: Record<Priority, T[]> = { interactive: [], background: [] };

  size(priority: Priority): number {
    return this.lines[priority].length;
  }

  head(priority: Priority): T | undefined {
    return this.lines[priority][0];
  }

  insert(item: T): void {
    const line = this.lines[item.priority];
    let low = 0;
    let high = line.length;
    if (high === 0 || (line[high - 1] as T).seq < item.seq) {
      line.push(item);
      return;
    }
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((line[mid] as T).seq < item.seq) low = mid + 1;
      else high = mid;
    }
    line.splice(low, 0, item);
  }

  remove(item: T): boolean {
    const line = this.lines[item.priority];
    const index = line.indexOf(item);
    if (index < 0) return false;
    line.splice(index, 1);
    return true;
  }

  /** Moves a waiting item to another line (a person now waits for what the sync asked for). */
  reprioritise(item: T, priority: Priority): void {
    const waiting = this.remove(item);
    item.priority = priority;
    if (waiting) this.insert(item);
  }

  /** Removes and returns the items of a line that match. */
  takeWhere(priority: Priority, predicate: (item: T) => boolean): T[] {
    const taken: T[] = [];
    const kept: T[] = [];
    for (const item of this.lines[priority]) (predicate(item) ? taken : kept).push(item);
    this.lines[priority] = kept;
    return taken;
  }

  drain(): T[] {
    const all = [...this.lines.interactive, ...this.lines.background];
    this.lines.interactive = [];
    this.lines.background = [];
    return all;
  }
}
