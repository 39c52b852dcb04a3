/**
 * Page tokens as Affinity makes them: base64 of the query they continue and the offset reached
 * (`{"params":{"term":""},"page_size":5,"offset":10}`). Opaque to clients; a token may only be
 * used with the parameters it was made for.
 */

export type PageParams = Record<string, string | boolean>;

interface TokenBody {
  params: PageParams;
  page_size: number;
  offset: number;
}

export function encodePageToken(params: PageParams, pageSize: number, offset: number): string {
  const body: TokenBody = { params: sorted(params), page_size: pageSize, offset };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * The offset a token continues from, or null when the token is malformed or was made for other
 * parameters (Affinity then answers 422 "Invalid page_token variable").
 */
export function offsetFromPageToken(token: string, params: PageParams, pageSize: number): number | null {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isTokenBody(body)) return null;
  if (body.page_size !== pageSize) return null;
  if (JSON.stringify(sorted(body.params)) !== JSON.stringify(sorted(params))) return null;
  return body.offset;
}

function sorted(params: PageParams): PageParams {
  return Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function isTokenBody(value: unknown): value is TokenBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<TokenBody>;
  return (
    typeof body.params === 'object' &&
    body.params !== null &&
    Number.isInteger(body.page_size) &&
    Number.isInteger(body.offset) &&
    (body.offset ?? -1) >= 0
  );
}
