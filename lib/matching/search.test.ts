import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { buildPeopleIndex, Score } from './people-index';
import { searchWords } from './search-index';
import { person } from './test-people';

const roster = [
  person(1, 'John', 'Smith', ['john@acme.com']),
  person(2, 'Johnny', 'Appleseed', ['johnny@orchard.org']),
  person(3, 'Jon', 'Smithers', ['jon.smithers@acme.com']),
  person(4, 'José', 'Müller', ['jose@mueller.de']),
  person(5, 'Søren', 'Kierkegaard', ['soren@philosophy.dk']),
  person(6, 'Ada', 'Straße', ['ada@strasse.de']),
  person(7, 'Mary Ann', 'Evans', ['george.eliot@novels.co.uk']),
  person(8, 'John', 'Smith', ['john.smith@globex.io'], 1),
  person(9, 'Anna', 'Johnson', ['anna@acme.com']),
  person(10, 'Smith', 'Adams', ['adams@example.com']),
  person(11, 'Bartholomew', 'Featherstonehaugh', ['bart@example.com']),
  person(12, '太郎', '山田'),
];
const index = buildPeopleIndex(roster);
const ids = (term: string, limit?: number): number[] => index.search(term, limit).map((h) => h.id);

describe('search: ranking', () => {
  it('puts the exact full name first, external people before internal, then alphabetical', () => {
    expect(ids('john smith').slice(0, 2)).toEqual([1, 8]);
    expect(index.search('john smith')[0]?.score).toBe(Score.exactName);
  });

  it('ranks exact e-mail above name prefixes', () => {
    const hits = index.search('john@acme.com');
    expect(hits[0]).toEqual({ id: 1, score: Score.exactEmail });
  });

  it('orders tiers: full-name prefix, then word prefix, then e-mail, then typos', () => {
    const hits = index.search('smith');
    // "John Smith" and "Smith Adams" both start (either way round) with the whole word; the
    // internal John Smith follows them; "Smithers" only starts with it.
    expect(hits.map((h) => h.id)).toEqual([1, 10, 8, 3]);
    expect(hits.every((h) => h.score >= Score.namePrefix)).toBe(true);
    expect(ids('ann')).toEqual([9, 7]); // Anna (first word) before Mary Ann (second word)
    expect(index.search('ann').map((h) => h.score)).toEqual([Score.namePrefix, Score.wordPrefix + 5]);
  });

  it('prefers a whole first name over a longer one starting with it, and typos come last', () => {
    expect(ids('john')).toEqual([1, 8, 9, 2, 3]);
    expect(index.search('john').at(-1)?.score).toBeLessThan(Score.emailPrefix); // "Jon", one typo away
  });

  it('breaks ties by full name, alphabetically', () => {
    // Anna Johnson, John Smith, Johnny Appleseed, Jon Smithers, José Müller; then the internal John Smith.
    expect(ids('jo')).toEqual([9, 1, 2, 3, 4, 8]);
  });

  it('respects the limit', () => {
    expect(index.search('j', 2)).toHaveLength(2);
    expect(index.search('j', 0)).toEqual([]);
  });
});

describe('search: folding, words and typos', () => {
  it('folds accents and special letters both ways', () => {
    expect(ids('jose muller')).toEqual([4]);
    expect(ids('JOSÉ MÜLLER')).toEqual([4]);
    expect(ids('soren')).toEqual([5]);
    expect(ids('Søren')).toEqual([5]);
    expect(ids('strasse')).toEqual([6]);
    expect(ids('straße')).toEqual([6]);
  });

  it('matches several words in any order, each as a prefix', () => {
    expect(ids('jo smi')).toEqual([1, 3, 8]);
    expect(ids('smi jo')).toEqual([1, 3, 8]);
    expect(ids('smith, john').slice(0, 2)).toEqual([1, 8]);
    expect(index.search('smith, john')[0]?.score).toBe(Score.exactName);
    expect(ids('mary ann evans')).toEqual([7]);
    expect(ids('evans mary')).toEqual([7]);
  });

  it('needs every word to match a different word of the name', () => {
    expect(ids('john john')).toEqual([]);
    expect(ids('smith zzz')).toEqual([]);
  });

  it('finds e-mail addresses and domains by prefix', () => {
    expect(ids('jon.smi')).toEqual([3]);
    expect(ids('@acme')).toEqual([9, 1, 3]);
    expect(ids('acme.com')).toEqual([9, 1, 3]);
    expect(ids('mueller.de')).toEqual([4]);
    expect(ids('smith acme')).toEqual([1, 3]);
  });

  it('tolerates one typo from four letters and two from eight', () => {
    expect(ids('jonh')).toContain(1);
    expect(ids('smiht')).toEqual(expect.arrayContaining([1, 8]));
    expect(ids('kierkegard')).toEqual([5]);
    expect(ids('featherstonhuagh')).toEqual([11]);
    expect(index.search('jonh').every((h) => h.score < Score.emailPrefix)).toBe(true);
  });

  it('does not guess from short words or too many typos', () => {
    expect(ids('jhn')).toEqual([]);
    expect(ids('xyzzy')).toEqual([]);
    expect(ids('kxrkxgxrd')).toEqual([]);
  });

  it('finds names in scripts without spaces, whole or in part', () => {
    expect(ids('山田')).toEqual([12]);
    expect(ids('山田太郎')).toEqual([12]);
    expect(ids('山田 太郎')).toEqual([12]);
  });

  it('cuts names into words by one rule, whatever path a name takes', () => {
    // The rule: folded, apostrophes and dots dropped, cut at anything but a letter or a digit.
    const byRule = (text: string) =>
      fold(text)
        .replace(/['’ʼ.]/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0);
    const pieces = [
      'Ada',
      'LOVELACE',
      'mc',
      'Donald',
      '42',
      ' ',
      '-',
      '_',
      ',',
      '  ',
      '&',
      '(x)',
      "O'",
      'J.',
      'é',
      'ß',
    ];
    let seed = 7;
    for (let n = 0; n < 2_000; n++) {
      let name = '';
      for (let k = 0; k < 5; k++) {
        // xorshift32: every piece follows every other somewhere in the run.
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        name += pieces[(seed >>> 0) % pieces.length];
      }
      expect(searchWords(name), name).toEqual(byRule(name));
    }
  });

  it('answers nothing for empty terms', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('@')).toEqual([]);
  });
});

describe('index', () => {
  it('knows its size and finds people by id', () => {
    expect(index.size).toBe(roster.length);
    expect(index.personById(7)?.lastName).toBe('Evans');
    expect(index.personById(99)).toBeUndefined();
  });

  it('works for an empty roster', () => {
    const empty = buildPeopleIndex([]);
    expect(empty.search('john')).toEqual([]);
    expect(empty.matchText('John Smith john@acme.com')).toEqual([]);
  });
});
