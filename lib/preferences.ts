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

/** A stored value completed with the defaults (older versions may lack newer fields). */
export function withDefaultPreferences(stored: unknown): Preferences {
  if (!stored || typeof stored !== 'object') return defaultPreferences;
  const value = stored as Partial<Preferences>;
  return { ...defaultPreferences, ...value, sections: { ...defaultPreferences.sections, ...value.sections } };
}
