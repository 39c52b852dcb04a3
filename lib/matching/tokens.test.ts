import { describe, expect, it } from 'vitest';
import { mayContain, shapeFilter, wordKeys } from './tokens';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The n-th word of four letters: distinct for n below 26^4. */
function word(n: number): string {
  let text = '';
  for (let i = 0; i < 4; i++, n = Math.floor(n / 26)) text += LETTERS[n % 26];
  return text;
}

function shapeOfWord(text: string): number {
  return (wordKeys(text)[0] as readonly [number, number])[1];
}

describe('shapeFilter', () => {
  // 15,000 shapes: about the words 50,000 people's names start with.
  const members = Array.from({ length: 15_000 }, (_, n) => shapeOfWord(word(n * 2)));
  const filter = shapeFilter(new Set(members));

  it('lets every word of the set through: a name is never turned away', () => {
    expect(members.filter((shape) => !mayContain(filter, shape))).toEqual([]);
  });

  it('turns away nearly every other word, so prose costs no lookups', () => {
    const others = Array.from({ length: 20_000 }, (_, n) => shapeOfWord(word(n * 2 + 1)));
    const passed = others.filter((shape) => mayContain(filter, shape)).length;
    // One bit per shape let about one word in thirty through; two bits, about one in 250.
    expect(passed / others.length).toBeLessThan(0.01);
  });
});
