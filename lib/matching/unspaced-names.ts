/**
 * Names in scripts written without spaces between words (Chinese, Japanese, Korean, Thai…):
 * "山田太郎" or "山田 太郎" inside "山田太郎さんと会った". There are no word boundaries to respect,
 * so names are found as substrings, keyed by their first two characters. Characters are compared
 * as they are: these scripts have no case, and their marks change the word.
 */
import { infoOf, NO_BOUNDARY } from './chars';
import { isPartSeparator } from './tokens';

interface UnspacedName {
  /** The name's characters, without the separator between its two parts. */
  text: string;
  /** Where a space or a middle dot may stand between the two parts. */
  split: number;
  ids: number[];
}

const INNER_SPACE_RE = /[\s\u30fb\u00b7]+/gu;

/** Whether a name is written only in scripts without word spaces (plus spaces and middle dots). */
export function isUnspacedName(name: string): boolean {
  let letters = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (isPartSeparator(code)) continue;
    if (code >= 0xd800 && code <= 0xdfff) return false;
    if (!(infoOf(code) & NO_BOUNDARY)) return false;
    letters++;
  }
  return letters > 0;
}

export interface UnspacedMatch {
  start: number;
  end: number;
  ids: number[];
}

export class UnspacedNames {
  private readonly byFirstPair = new Map<number, UnspacedName[]>();
  private readonly byKey = new Map<string, UnspacedName>();

  get size(): number {
    return this.byKey.size;
  }

  /** Adds a person under both orders: family name first (as written in these scripts) and given first. */
  add(firstName: string, lastName: string, personId: number): void {
    const first = firstName.replace(INNER_SPACE_RE, '');
    const last = lastName.replace(INNER_SPACE_RE, '');
    if (first.length === 0 || last.length === 0) return;
    this.addOrder(last, first, personId);
    this.addOrder(first, last, personId);
  }

  private addOrder(lead: string, tail: string, personId: number): void {
    const key = `${lead}\u0000${tail}`;
    let name = this.byKey.get(key);
    if (!name) {
      name = { text: lead + tail, split: lead.length, ids: [] };
      this.byKey.set(key, name);
      const pair = (name.text.charCodeAt(0) << 16) | name.text.charCodeAt(1);
      const list = this.byFirstPair.get(pair);
      if (list) list.push(name);
      else this.byFirstPair.set(pair, [name]);
    }
    // Frozen: matches share the array (see TextMatcher.peopleOf).
    if (!name.ids.includes(personId)) name.ids = Object.freeze([...name.ids, personId]) as number[];
  }

  /** Every occurrence in the runs of these scripts that start at `runs`, in order. */
  find(text: string, runs: readonly number[], out: UnspacedMatch[]): void {
    if (this.byFirstPair.size === 0) return;
    for (const run of runs) {
      let previous = run;
      for (let i = run + 1; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0x0e00 && infoOf(code) & NO_BOUNDARY) {
          const candidates = this.byFirstPair.get((text.charCodeAt(previous) << 16) | code);
          if (candidates) this.matchAt(text, previous, candidates, out);
          previous = i;
        } else if (i > previous + 1 || !isPartSeparator(code)) {
          break; // the run ends: not one separator between two of its characters
        }
      }
    }
  }

  private matchAt(text: string, start: number, candidates: UnspacedName[], out: UnspacedMatch[]): void {
    for (const name of candidates) {
      let at = start;
      let ok = true;
      for (let k = 0; k < name.text.length; k++) {
        if (k === name.split && at < text.length && isPartSeparator(text.charCodeAt(at))) at++;
        if (text.charCodeAt(at) !== name.text.charCodeAt(k)) {
          ok = false;
          break;
        }
        at++;
      }
      if (ok) out.push({ start, end: at, ids: name.ids });
    }
  }
}
