/**
 * Typo tolerance for search: how many edits (insert, delete, substitute, swap two neighbours) turn
 * the typed word into the start of a name word. "jonh" is one edit from "john", and "smiht" one
 * from the start of "smithers". Bounded: gives up as soon as the answer exceeds the limit.
 */

const MAX_LENGTH = 64;
const rows = [new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1), new Int32Array(MAX_LENGTH + 1)];

/** Typo allowance for a typed word: 1 edit from 4 letters, 2 from 8, none below 4. */
export function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * The fewest edits turning `typed` into some prefix of `word`, or limit + 1 when above limit.
 * Optimal string alignment distance (a swap of neighbours counts once).
 */
export function prefixEditDistance(typed: string, word: string, limit: number): number {
  const m = Math.min(typed.length, MAX_LENGTH);
  const n = Math.min(word.length, m + limit);
  if (m === 0) return 0;
  // rows: [two rows back, previous row, current row]; row i compares word[0..i) with typed[0..j).
  let older = rows[0] as Int32Array;
  let prev = rows[1] as Int32Array;
  let cur = rows[2] as Int32Array;
  for (let j = 0; j <= m; j++) prev[j] = j;
  let best = prev[m] as number;
  for (let i = 1; i <= n; i++) {
    const wc = word.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const tc = typed.charCodeAt(j - 1);
      let d = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (wc === tc ? 0 : 1),
      );
      if (i > 1 && j > 1 && wc === typed.charCodeAt(j - 2) && word.charCodeAt(i - 2) === tc) {
        d = Math.min(d, (older[j - 2] as number) + 1);
      }
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if ((cur[m] as number) < best) best = cur[m] as number;
    if (rowMin > limit) break;
    const spare = older;
    older = prev;
    prev = cur;
    cur = spare;
  }
  return best > limit ? limit + 1 : best;
}
