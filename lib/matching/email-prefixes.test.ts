import { describe, expect, it } from 'vitest';
import { EmailPrefixes } from './email-prefixes';

function found(index: EmailPrefixes, prefix: string): [number, boolean][] {
  const out: [number, boolean][] = [];
  index.forEachStartingWith(prefix, (person, exact) => out.push([person, exact]));
  return out;
}

describe('EmailPrefixes', () => {
  const index = new EmailPrefixes(
    ['ada@acme.com', 'ada.lovelace@home.example', 'bob@acme.com', 'adam@acme.com', 'ada@acme.com'],
    [0, 0, 1, 2, 3],
  );

  it('finds every address a typed prefix starts, with whose it is and whether it is whole', () => {
    expect(found(index, 'ada')).toEqual([
      [0, false],
      [0, false],
      [2, false],
      [3, false],
    ]);
    expect(found(index, 'ada.')).toEqual([[0, false]]);
    expect(found(index, 'ada@acme.com')).toEqual([
      [0, true],
      [3, true],
    ]);
    expect(found(index, 'bob@')).toEqual([[1, false]]);
  });

  it('finds nothing for what no address starts with', () => {
    expect(found(index, 'acme')).toEqual([]);
    expect(found(index, 'ada@acme.com.au')).toEqual([]);
    expect(found(index, 'zed')).toEqual([]);
    expect(found(index, '')).toEqual([]);
    expect(found(new EmailPrefixes([], []), 'ada')).toEqual([]);
  });
});
