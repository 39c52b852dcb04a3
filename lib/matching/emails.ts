/**
 * E-mail addresses in plain text: a pragmatic reading of RFC 5321 (dot-atom local part, a dotted
 * domain with a letter top-level label), punctuation around the address excluded. Found by jumping
 * from one "@" to the next, so text without addresses costs one native indexOf.
 */

export interface EmailHit {
  /** UTF-16 offsets into the text searched. */
  start: number;
  end: number;
  /** Normalised form, see normaliseEmail. */
  address: string;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

const LOCAL = 1;
const DOMAIN = 2;
const LETTER = 4;
const DIGIT = 8;
// Local-part characters a person actually uses; the rarer RFC ones (!#$/=?^`{|}) are left out
// because in running text they are far more often punctuation than part of an address.
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const digit = c >= 48 && c <= 57;
  let bits = letter ? LETTER : digit ? DIGIT : 0;
  if (letter || digit || '.-'.includes(String.fromCharCode(c))) bits |= DOMAIN;
  if (letter || digit || "._%+-'".includes(String.fromCharCode(c))) bits |= LOCAL;
  ASCII_CLASS[c] = bits;
}

const NON_ASCII_LETTER_RE = /^[\p{L}\p{M}\p{N}]$/u;
/** Letters of other scripts are allowed on both sides (internationalised addresses). */
function classOf(code: number): number {
  if (code < 128) return ASCII_CLASS[code] as number;
  return NON_ASCII_LETTER_RE.test(String.fromCharCode(code)) ? LOCAL | DOMAIN | LETTER : 0;
}

/** Lower case and trimmed: addresses compare case-insensitively (in practice, if not by the RFC). */
export function normaliseEmail(address: string): string {
  const trimmed = address.trim();
  // eslint-disable-next-line no-control-regex
  return (/^[\x00-\x7f]*$/.test(trimmed) ? trimmed : trimmed.normalize('NFC')).toLowerCase();
}

/**
 * Checks the domain text[from, to) label by label: no empty label, none over 63 characters, none
 * starting or ending with a hyphen, at least two labels, and a top-level label of letters (or
 * punycode).
 */
function validDomain(text: string, from: number, to: number): boolean {
  if (to - from > MAX_DOMAIN) return false;
  let labels = 0;
  let labelStart = from;
  let lettersOnly = true;
  for (let i = from; i <= to; i++) {
    const code = i < to ? text.charCodeAt(i) : 0x2e;
    if (code !== 0x2e) {
      if (!(classOf(code) & LETTER)) lettersOnly = false;
      continue;
    }
    const length = i - labelStart;
    if (length === 0 || length > MAX_LABEL) return false;
    if (text.charCodeAt(labelStart) === 0x2d || text.charCodeAt(i - 1) === 0x2d) return false;
    labels++;
    if (i === to) {
      if (labels < 2) return false;
      return (lettersOnly && length >= 2) || text.slice(labelStart, to).toLowerCase().startsWith('xn--');
    }
    labelStart = i + 1;
    lettersOnly = true;
  }
  return false;
}

/** Where an address lies in a text (reused by callers that look up many). */
export interface EmailSpan {
  start: number;
  end: number;
}

/** Whether text[from, to) holds two full stops in a row. */
function hasDoubleDot(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++)
    if (text.charCodeAt(i) === 0x2e && text.charCodeAt(i - 1) === 0x2e) return true;
  return false;
}

/**
 * The address around the "@" at `at`, written into `span`; false when there is none. Reads only the
 * address's own characters and allocates nothing, so a page's addresses cost no garbage.
 */
export function emailAround(text: string, at: number, span: EmailSpan): boolean {
  let start = at;
  while (start > 0 && classOf(text.charCodeAt(start - 1)) & LOCAL) start--;
  // A local part never starts with a dot; quotes around an address are not part of it.
  while (start < at && (text.charCodeAt(start) === 0x2e || text.charCodeAt(start) === 0x27)) start++;
  let end = at + 1;
  while (end < text.length && classOf(text.charCodeAt(end)) & DOMAIN) end++;
  // Sentence punctuation after an address: "write to jo@acme.com." or "jo@acme.com-".
  while (end > at + 1 && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)) end--;
  const localLength = at - start;
  const joinedToMore = end < text.length && text.charCodeAt(end) === 0x40; // "a@b.com@c"
  if (
    localLength === 0 ||
    localLength > MAX_LOCAL ||
    joinedToMore ||
    text.charCodeAt(at - 1) === 0x2e ||
    hasDoubleDot(text, start, at) ||
    !validDomain(text, at + 1, end)
  ) {
    return false;
  }
  span.start = start;
  span.end = end;
  return true;
}

/** Every e-mail address in text, in order. */
export function findEmails(text: string): EmailHit[] {
  const hits: EmailHit[] = [];
  const span: EmailSpan = { start: 0, end: 0 };
  for (let at = text.indexOf('@'); at !== -1;) {
    if (emailAround(text, at, span)) {
      hits.push({
        start: span.start,
        end: span.end,
        address: normaliseEmail(text.slice(span.start, span.end)),
      });
      at = text.indexOf('@', span.end);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
  return hits;
}

/** Whether a string is one e-mail address and nothing else. */
export function isEmail(text: string): boolean {
  const trimmed = text.trim();
  const [hit] = findEmails(trimmed);
  return hit !== undefined && hit.start === 0 && hit.end === trimmed.length;
}
