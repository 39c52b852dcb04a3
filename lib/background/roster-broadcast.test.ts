import { describe, expect, it, vi } from 'vitest';
import type { RosterStatus } from '../people/types';
import { onRosterChanged } from './roster-broadcast';

const status = (count: number, syncing = false): RosterStatus => ({
  count,
  syncing,
  lastSyncAt: syncing ? null : 1,
  progress: syncing ? 0 : null,
});

function source(initial: RosterStatus) {
  const listeners = new Set<(s: RosterStatus) => void>();
  return {
    status: () => Promise.resolve(initial),
    subscribe: (listener: (s: RosterStatus) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: async (s: RosterStatus) => {
      for (const listener of listeners) listener(s);
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

describe('telling tabs that the roster changed', () => {
  it('tells them once the first sync after signing in completes', async () => {
    const roster = source(status(0));
    const notify = vi.fn();
    onRosterChanged(roster, notify);
    await roster.emit(status(0, true));
    await roster.emit(status(5_000, true));
    expect(notify).not.toHaveBeenCalled();
    await roster.emit(status(10_000));
    expect(notify).toHaveBeenCalledOnce();
  });

  it('tells nobody when a periodic sync changes nothing', async () => {
    const roster = source(status(10_000));
    const notify = vi.fn();
    onRosterChanged(roster, notify);
    await roster.emit(status(10_000, true));
    await roster.emit(status(10_000));
    expect(notify).not.toHaveBeenCalled();
    await roster.emit(status(10_003));
    expect(notify).toHaveBeenCalledOnce();
  });

  it('tells nobody when the roster is wiped by signing out', async () => {
    const roster = source(status(10_000));
    const notify = vi.fn();
    onRosterChanged(roster, notify);
    await roster.emit(status(0));
    expect(notify).not.toHaveBeenCalled();
  });
});
