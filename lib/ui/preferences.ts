/** Preferences as stored may come from an older version: fill the gaps and keep values in range. */
import type { Preferences } from '../settings';
import { defaultPreferences } from '../settings';

export const HOVER_DELAY = { min: 150, max: 1500, step: 50 } as const;
export const SYNC_INTERVALS_HOURS = [1, 3, 6, 12, 24] as const;

export function withDefaults(stored: Partial<Preferences> | null | undefined): Preferences {
  const merged: Preferences = {
    ...defaultPreferences,
    ...stored,
    sections: { ...defaultPreferences.sections, ...stored?.sections },
  };
  return {
    ...merged,
    siteMode: merged.siteMode === 'only' ? 'only' : 'all-except',
    sites: Array.isArray(merged.sites) ? merged.sites.filter((s) => typeof s === 'string') : [],
    hoverDelayMs: clamp(
      merged.hoverDelayMs,
      HOVER_DELAY.min,
      HOVER_DELAY.max,
      defaultPreferences.hoverDelayMs,
    ),
    syncIntervalHours: clamp(merged.syncIntervalHours, 1, 168, defaultPreferences.syncIntervalHours),
  };
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
