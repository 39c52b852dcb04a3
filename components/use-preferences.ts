/** Preferences from storage.sync, kept live (another window may change them) and saved on change. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences } from '../lib/settings';
import { preferencesItem } from '../lib/settings';
import { withDefaults } from '../lib/ui/preferences';

export interface PreferencesState {
  prefs: Preferences | null;
  /** Applies a change at once and stores it; resolves when it is saved. */
  update: (change: (prefs: Preferences) => Preferences) => Promise<void>;
}

export function usePreferences(): PreferencesState {
  const [prefs, setPrefs] = useState<Preferences | null>(null);
  const current = useRef<Preferences | null>(null);

  useEffect(() => {
    let alive = true;
    void preferencesItem.getValue().then((stored) => {
      if (!alive) return;
      current.current = withDefaults(stored);
      setPrefs(current.current);
    });
    const unwatch = preferencesItem.watch((stored) => {
      current.current = withDefaults(stored);
      setPrefs(current.current);
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  const update = useCallback(async (change: (prefs: Preferences) => Preferences) => {
    const base = current.current ?? withDefaults(await preferencesItem.getValue());
    const next = change(base);
    current.current = next;
    setPrefs(next);
    await preferencesItem.setValue(next);
  }, []);

  return { prefs, update };
}
