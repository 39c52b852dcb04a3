/**
 * The Affinity API base URL is fixed at build time. Only HTTPS is accepted, except a loopback
 * address (the sandbox) which gets a plain-HTTP host permission in that build.
 */
export const DEFAULT_API_BASE = 'https://api.affinity.co';

export class ApiBaseError extends Error {}

export function resolveApiBase(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULT_API_BASE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ApiBaseError(`WXT_AFFINITY_API_URL is not a URL: "${value}".`);
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol === 'http:' && !loopback) {
    throw new ApiBaseError(
      `WXT_AFFINITY_API_URL must use HTTPS; plain HTTP is accepted only for a loopback address such as http://127.0.0.1:PORT (got "${value}").`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ApiBaseError(`WXT_AFFINITY_API_URL must be an https:// URL (got "${value}").`);
  }
  if (url.search || url.hash) {
    throw new ApiBaseError(`WXT_AFFINITY_API_URL must not carry a query or fragment (got "${value}").`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The match pattern that grants the extension access to the API base. */
export function hostPermissionFor(base: string): string {
  const url = new URL(base);
  return `${url.protocol}//${url.hostname}/*`;
}
