/** A WindowStore in memory, for tests and simulations (a restart is a new scheduler on the same store). */
import type { PersistedWindow, WindowStore } from './types';

export interface MemoryWindowStore extends WindowStore {
  /** What was last saved (a copy). */
  peek(): PersistedWindow | undefined;
  readonly saves: number;
}

export function createMemoryWindowStore(initial?: PersistedWindow): MemoryWindowStore {
  // Copies in and out, so that later changes to an object cannot alter what was stored.
  let saved = initial && structuredClone(initial);
  let saves = 0;
  return {
    load: async () => saved && structuredClone(saved),
    save: async (window) => {
      saved = structuredClone(window);
      saves += 1;
    },
    peek: () => saved && structuredClone(saved),
    get saves() {
      return saves;
    },
  };
}
