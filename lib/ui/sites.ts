/** The per-site switch: reading a tab's site and turning it on or off under either site mode. */
import type { Preferences } from '../settings';
import { isSiteEnabled } from '../settings';

type SitePrefs = Pick<Preferences, 'siteMode' | 'sites'>;

/** The host name of a web page, or null for browser and extension pages (no cards there). */
export function siteOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * A host name from what a person typed: "https://www.Example.com/path" -> "example.com".
 * "www." is dropped because people mean the whole site. Null when it is not a host name.
 */
export function normalizeSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((l) => label.test(l))) return null;
  if (labels.length < 2 && host !== 'localhost') return null;
  return host;
}

function covers(site: string, host: string): boolean {
  const s = site.trim().toLowerCase();
  return s !== '' && (host === s || host.endsWith(`.${s}`));
}

/**
 * Turns cards on or off for a host. Adding uses the site without "www."; removing drops every entry
 * that covers the host (so "example.com" goes when switching "news.example.com" back on).
 */
export function setSiteEnabled(prefs: SitePrefs, hostname: string, enabled: boolean): SitePrefs {
  const host = hostname.toLowerCase();
  if (isSiteEnabled(prefs, host) === enabled) return prefs;
  const listWanted = prefs.siteMode === 'only' ? enabled : !enabled;
  const sites = listWanted
    ? addSite(prefs.sites, normalizeSite(host) ?? host)
    : prefs.sites.filter((site) => !covers(site, host));
  return { ...prefs, sites };
}

export function addSite(sites: readonly string[], site: string): string[] {
  return sites.includes(site) ? [...sites] : [...sites, site].sort();
}
