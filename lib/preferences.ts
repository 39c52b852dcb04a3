/**
 * The user's preferences: their shape, defaults and the site rule. Pure, so that the content script
 * can use them without the storage library (its size is a budget); stored by preferencesItem in
 * settings.ts.
 */
export type SiteMode = 'all-except' | 'only';

export interface Preferences {
  /** 'all-except': on everywhere but `sites`; 'only': on only on `sites`. */
  siteMode: SiteMode;
  sites: string[];
  /** ms of resting the pointer before the card shows. */
  hoverDelayMs: number;
  /** Cards still open on hover or shortcut, but names are not underlined. */
  showMarks: boolean;
  sections: {
    interactions: boolean;
    relationships: boolean;
    lists: boolean;
    fields: boolean;
    notes: boolean;
  };
  syncIntervalHours: number;
}

export const defaultPreferences: Preferences = {
  siteMode: 'all-except',
  sites: [],
  hoverDelayMs: 500,
  showMarks: true,
  sections: { interactions: true, relationships: true, lists: true, fields: true, notes: true },
  syncIntervalHours: 6,
};

/** A site is a host name; "example.com" also covers its subdomains. */
export function isSiteEnabled(prefs: Pick<Preferences, 'siteMode' | 'sites'>, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const listed = prefs.sites.some((site) => {
    const s = site.trim().toLowerCase();
    return s !== '' && (host === s || host.endsWith(`.${s}`));
  });
  return prefs.siteMode === 'only' ? listed : !listed;
}

export const HOVER_DELAY = { min: 150, max: 1500, step: 50 } as const;
export const SYNC_INTERVALS_HOURS = [1, 3, 6, 12, 24] as const;

/** Preferences as stored may come from an older version: fill the gaps and keep values in range. */
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
