/**
 * Folding for comparison: case, accents and a few letters that do not decompose (ø, ł, ß, æ…).
 * Shared by the roster search and the page matcher so that both agree on what "the same name" is.
 */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPECIAL_RE = /[ßæœøłđðþı]/g;
const MARKS_RE = /\p{M}+/gu;

/** Folds one string. Non-Latin scripts keep their letters (lower-cased where the script has case). */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // Fast path: plain ASCII needs nothing more.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}
