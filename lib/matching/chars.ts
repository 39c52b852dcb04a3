/**
 * Per-character classes and folding for the page matcher. The matcher never folds a whole text
 * (folding changes lengths, so offsets would drift): it folds one character at a time while it
 * walks, from tables filled lazily from fold(), so both sides of a comparison fold alike.
 */
import { fold } from './fold';

/** Part of a word: letters, marks, digits, underscore (outside the scripts written without spaces). */
export const WORD = 1;
/** An upper-case letter (the script has case). */
export const UPPER = 2;
export const SPACE = 4;
export const COMMA = 8;
export const HYPHEN = 16;
export const APOSTROPHE = 32;
export const DOT = 64;
/** A letter of a script written without spaces between words (Han, kana, Hangul, Thai…). */
export const NO_BOUNDARY = 128;
/** Invisible inside words (soft hyphen, joiners): skipped entirely. */
export const IGNORABLE = 256;
const KNOWN = 512;

/** Folded form of one BMP code unit: 0 unknown, > 0 one unit (value - 1), -1 nothing, -2 several. */
const FOLD_NONE = -1;
const FOLD_SEVERAL = -2;

const WORD_RE = /^[\p{L}\p{M}\p{N}_]$/u;
const NO_BOUNDARY_RE =
  /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\u30fc\u30fb]$/u;
const SPACE_RE = /^[\s\u200b]$/u;
const IGNORABLE_CHARS = new Set([0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]);
const APOSTROPHES = new Set([0x27, 0x2019, 0x02bc]);
const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);

function classify(char: string, code: number): number {
  if (IGNORABLE_CHARS.has(code)) return KNOWN | IGNORABLE;
  if (APOSTROPHES.has(code)) return KNOWN | APOSTROPHE;
  if (HYPHENS.has(code)) return KNOWN | HYPHEN;
  if (code === 0x2c) return KNOWN | COMMA;
  if (code === 0x2e) return KNOWN | DOT;
  if (SPACE_RE.test(char)) return KNOWN | SPACE;
  if (NO_BOUNDARY_RE.test(char)) return KNOWN | NO_BOUNDARY;
  if (!WORD_RE.test(char)) return KNOWN;
  const lower = char.toLowerCase();
  return KNOWN | WORD | (lower !== char && char.toUpperCase() === char ? UPPER : 0);
}

/** Folds one character; final sigma joins sigma because folding a lone character loses its context. */
function foldChar(char: string): string {
  const folded = fold(char);
  return folded === 'ς' ? 'σ' : folded;
}

const BMP_INFO = new Uint16Array(0x10000);
const BMP_FOLD = new Int32Array(0x10000);
const SEVERAL = new Map<number, string>();
const ASTRAL_INFO = new Map<number, number>();
const ASTRAL_FOLD = new Map<number, string>();

/** Class bits for ASCII, filled eagerly: the hot loop reads it without a check. */
export const ASCII_INFO = new Uint16Array(128);
/** Folded ASCII code units (upper case to lower case). */
export const ASCII_FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_INFO[c] = classify(String.fromCharCode(c), c) & ~KNOWN;
  ASCII_FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;
}

/** Class bits of a BMP code unit (surrogates are classified by infoOfCodePoint). */
export function infoOf(code: number): number {
  let info = BMP_INFO[code] as number;
  if (info === 0) {
    info = classify(String.fromCharCode(code), code);
    BMP_INFO[code] = info;
  }
  return info & ~KNOWN;
}

export function infoOfCodePoint(codePoint: number): number {
  let info = ASTRAL_INFO.get(codePoint);
  if (info === undefined) {
    info = classify(String.fromCodePoint(codePoint), codePoint) & ~KNOWN;
    ASTRAL_INFO.set(codePoint, info);
  }
  return info;
}

/**
 * Folded form of a BMP code unit, encoded: >= 0 one code unit, FOLD_NONE (a mark that folds away),
 * FOLD_SEVERAL (read severalOf(code), e.g. ß -> ss).
 */
export function foldOf(code: number): number {
  let folded = BMP_FOLD[code] as number;
  if (folded === 0) {
    const text = foldChar(String.fromCharCode(code));
    if (text.length === 0) folded = FOLD_NONE;
    else if (text.length === 1) folded = text.charCodeAt(0) + 1;
    else {
      folded = FOLD_SEVERAL;
      SEVERAL.set(code, text);
    }
    BMP_FOLD[code] = folded;
  }
  return folded > 0 ? folded - 1 : folded;
}

export function severalOf(code: number): string {
  return SEVERAL.get(code) ?? '';
}

export function foldOfCodePoint(codePoint: number): string {
  let text = ASTRAL_FOLD.get(codePoint);
  if (text === undefined) {
    text = foldChar(String.fromCodePoint(codePoint));
    ASTRAL_FOLD.set(codePoint, text);
  }
  return text;
}

export { FOLD_NONE, FOLD_SEVERAL };

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
