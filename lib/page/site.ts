/** The site a frame belongs to, for the per-site switch: frames follow the tab's top-level site. */

export function siteHostname(loc: Pick<Location, 'hostname'> & { ancestorOrigins?: DOMStringList }): string {
  const ancestors = loc.ancestorOrigins;
  const top = ancestors && ancestors.length > 0 ? ancestors.item(ancestors.length - 1) : null;
  if (top) {
    try {
      const host = new URL(top).hostname;
      if (host) return host;
    } catch {
      // An opaque origin ("null"): fall back to the frame's own host.
    }
  }
  return loc.hostname;
}
