import { describe, expect, it } from 'vitest';
import { buildPeopleIndex } from './people-index';
import { found, marked, person } from './test-people';

const roster = [
  person(1, 'John', 'Smith', ['john.smith@acme.com', 'js@home.example']),
  person(2, 'John', 'Smith', ['j.smith@globex.io']),
  person(3, 'José', 'Müller'),
  person(4, 'Søren', 'Kierkegaard'),
  person(5, 'Ada', 'Straße'),
  person(6, 'Mary Ann', 'Evans'),
  person(7, 'Jean-Pierre', 'Dupont'),
  person(8, 'Conan', "O'Brien"),
  person(9, 'Ludwig', 'van Beethoven'),
  person(10, '太郎', '山田'),
  person(11, 'Иван', 'Петров'),
  person(12, 'محمد', 'علي'),
  person(13, 'Jon', 'Smith'),
  person(14, 'Madonna', ''),
  person(15, 'Νίκος', 'Παπαδόπουλος'),
  person(16, '민준', '김'),
];
const index = buildPeopleIndex(roster);

describe('matchText: names', () => {
  it('finds a full name in any case', () => {
    expect(marked(index, 'Met JOHN SMITH, then john smith, then John Smith.')).toEqual([
      'JOHN SMITH',
      'john smith',
      'John Smith',
    ]);
  });

  it('returns every person who shares a name', () => {
    expect(found(index, 'Call John Smith today')).toEqual([
      { text: 'John Smith', kind: 'name', ids: [1, 2] },
    ]);
  });

  it('folds accents and special letters both ways', () => {
    expect(
      marked(index, 'Jose Muller and JOSÉ MÜLLER; Soren Kierkegaard; Ada Strasse and Ada STRASSE'),
    ).toEqual(['Jose Muller', 'JOSÉ MÜLLER', 'Soren Kierkegaard', 'Ada Strasse', 'Ada STRASSE']);
  });

  it('matches text written with combining accents (decomposed) at the right offsets', () => {
    const text = 'Dear Jose\u0301 Mu\u0308ller,';
    expect(found(index, text)).toEqual([{ text: 'Jose\u0301 Mu\u0308ller', kind: 'name', ids: [3] }]);
  });

  it('gives offsets into the original text after emoji and other astral characters', () => {
    const text = '👋🏽 𝒳 hello 😀John Smith😀 and 𝔄 Ada Straße';
    const matches = index.matchText(text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['John Smith', 'Ada Straße']);
    expect(matches[0]?.start).toBe(text.indexOf('John'));
  });

  it('keeps offsets right when folding changes lengths (ß to ss, İ)', () => {
    const text = 'İİİ ßßß Ada Straße met ßß John Smith';
    expect(marked(index, text)).toEqual(['Ada Straße', 'John Smith']);
  });

  it('tolerates middle names and initials between first and last name', () => {
    expect(
      marked(index, 'John F. Smith, John Fitzgerald Smith, John F Smith, John Fitzgerald F. Smith wrote.'),
    ).toEqual(['John F. Smith', 'John Fitzgerald Smith', 'John F Smith', 'John Fitzgerald F. Smith']);
    expect(found(index, 'John F. Smith')[0]?.ids).toEqual([1, 2]);
  });

  it('does not take lower-case words between first and last name for middle names', () => {
    expect(marked(index, 'John met Smith, and John and the Smith family.')).toEqual([]);
  });

  it('does not read "Last, First" across a list of names in the usual order', () => {
    const people = [person(1, 'Jon', 'Smith'), person(2, 'Johnny', 'Walker'), person(3, 'Ann', 'Doe')];
    expect(
      found(buildPeopleIndex(people), 'Johnny Smith, Jon Doe; Ann Smith, Jon Brown; by Smith, Jon.'),
    ).toEqual([{ text: 'Smith, Jon', kind: 'name', ids: [1] }]);
  });

  it('reads "Last, First" too', () => {
    expect(found(index, 'Attendees: Smith, John; Müller, José.')).toEqual([
      { text: 'Smith, John', kind: 'name', ids: [1, 2] },
      { text: 'Müller, José', kind: 'name', ids: [3] },
    ]);
  });

  it('respects word boundaries', () => {
    expect(
      marked(
        index,
        'Jonathan Smithers, Jon Smithson, AJohn Smith, John Smith2, john_smith, John Smith-Jones',
      ),
    ).toEqual([]);
    expect(marked(index, 'Mary-John Smith and Ann-John Smith')).toEqual([]);
  });

  it('allows the possessive and sentence punctuation after a name', () => {
    const text = "John Smith's talk. John Smith’s notes! (John Smith)";
    expect(marked(index, text)).toEqual(['John Smith', 'John Smith', 'John Smith']);
  });

  it('does not match first names or last names alone', () => {
    expect(marked(index, 'John said Smith was with Madonna, Ada, Müller and Jean-Pierre.')).toEqual([]);
  });

  it('matches names of several words, hyphens and apostrophes', () => {
    expect(
      marked(
        index,
        'Mary Ann Evans; Jean-Pierre Dupont; Jean Pierre Dupont; Conan O’Brien; Ludwig van Beethoven',
      ),
    ).toEqual([
      'Mary Ann Evans',
      'Jean-Pierre Dupont',
      'Jean Pierre Dupont',
      'Conan O’Brien',
      'Ludwig van Beethoven',
    ]);
  });

  it('prefers the longest of overlapping names', () => {
    const people = [person(1, 'Ann', 'Evans'), person(2, 'Mary Ann', 'Evans')];
    expect(found(buildPeopleIndex(people), 'Mary Ann Evans spoke')).toEqual([
      { text: 'Mary Ann Evans', kind: 'name', ids: [2] },
    ]);
  });

  it('keeps both people when a middle name could be part of another roster name', () => {
    const people = [person(1, 'John', 'Smith'), person(2, 'John', 'Fitzgerald')];
    expect(found(buildPeopleIndex(people), 'John Fitzgerald Smith spoke')).toEqual([
      { text: 'John Fitzgerald Smith', kind: 'name', ids: [1, 2] },
    ]);
  });

  it('does not read an unknown name and the roster name after it as one name with middle words', () => {
    // Elena Moreno could be read across "Petrova Paula" as middle names.
    const people = [person(1, 'Paula', 'Moreno'), person(2, 'Elena', 'Moreno')];
    expect(found(buildPeopleIndex(people), 'Elena Petrova Paula Moreno spoke')).toEqual([
      { text: 'Paula Moreno', kind: 'name', ids: [1] },
    ]);
  });

  it('marks two roster names side by side separately', () => {
    const people = [
      person(1, 'Maria', 'Garcia'),
      person(2, 'Paula', 'Moreno'),
      person(3, 'Maria', 'Moreno'),
      person(4, 'Ana', 'Lima'),
      person(5, 'Jon', 'Doe'),
      person(6, 'Ana', 'Doe'),
    ];
    expect(found(buildPeopleIndex(people), 'Maria Garcia Paula Moreno | Ana Lima Jon Doe')).toEqual([
      { text: 'Maria Garcia', kind: 'name', ids: [1] },
      { text: 'Paula Moreno', kind: 'name', ids: [2] },
      { text: 'Ana Lima', kind: 'name', ids: [4] },
      { text: 'Jon Doe', kind: 'name', ids: [5] },
    ]);
  });

  it('keeps a name with two given names and two surnames as one, with everyone it may be', () => {
    const people = [person(1, 'María', 'García'), person(2, 'Paula', 'Moreno')];
    expect(found(buildPeopleIndex(people), 'María Paula Moreno García spoke')).toEqual([
      { text: 'María Paula Moreno García', kind: 'name', ids: [1, 2] },
    ]);
  });

  it('still reads a middle initial as one, even when someone has that letter for a first name', () => {
    const people = [person(1, 'David', 'Smith'), person(2, 'Q', 'Smith')];
    expect(found(buildPeopleIndex(people), 'David Q. Smith spoke')).toEqual([
      { text: 'David Q. Smith', kind: 'name', ids: [1, 2] },
    ]);
  });

  it('finds Chinese, Japanese and Korean names with or without a space, in either order', () => {
    const text = '昨日山田太郎さんと会った。山田 太郎、太郎山田。김민준씨와 김 민준.';
    expect(found(index, text)).toEqual([
      { text: '山田太郎', kind: 'name', ids: [10] },
      { text: '山田 太郎', kind: 'name', ids: [10] },
      { text: '太郎山田', kind: 'name', ids: [10] },
      { text: '김민준', kind: 'name', ids: [16] },
      { text: '김 민준', kind: 'name', ids: [16] },
    ]);
  });

  it('finds Cyrillic, Arabic and Greek names in any case', () => {
    expect(
      found(index, 'Встреча: ИВАН ПЕТРОВ и иван петров. اجتماع مع محمد علي. Ο ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ ήρθε.'),
    ).toEqual([
      { text: 'ИВАН ПЕТРОВ', kind: 'name', ids: [11] },
      { text: 'иван петров', kind: 'name', ids: [11] },
      { text: 'محمد علي', kind: 'name', ids: [12] },
      { text: 'ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ', kind: 'name', ids: [15] },
    ]);
  });

  it('marks nobody in a text full of near misses', () => {
    const text = [
      'Johnny Smith, Jon Smyth, John Smithe, Johns Smith, J. Smith, Smith John,',
      'Jose Mullers, Mary Evans, Ann Evans, Jean Dupont, Pierre Dupont, Conan Brien, Ludwig Beethoven,',
      'Ivan Petrov, 山田花子, 田太郎, Madonna Smith, john.smith, smith@acme.com, john.smith@acme.co',
    ].join(' ');
    expect(found(index, text)).toEqual([]);
  });

  it('reads a name through soft hyphens and joiners, as the page shows it', () => {
    // Sites that hyphenate long words put U+00AD inside them; it is invisible unless a line breaks there.
    expect(marked(index, 'Met John Sm\u00adith and Jos\u00ade Mu\u0308l\u00adler')).toEqual([
      'John Sm\u00adith',
      'Jos\u00ade Mu\u0308l\u00adler',
    ]);
    expect(found(index, 'Jo\u200dhn Smith')).toEqual([
      { text: 'Jo\u200dhn Smith', kind: 'name', ids: [1, 2] },
    ]);
  });

  it('handles empty text and text without words', () => {
    expect(index.matchText('')).toEqual([]);
    expect(index.matchText(' ,.;—… 😀 ')).toEqual([]);
  });

  it('never joins two texts into one name', () => {
    expect(
      index.matchTexts(['Hello John', 'Smith there', 'Smith,', 'John', 'john.smith@', 'acme.com']),
    ).toEqual([[], [], [], [], [], []]);
  });

  it('matches texts as they are when one holds the character used to join them', () => {
    const results = index.matchTexts(['a\u0000John Smith', 'Ada Straße']);
    expect(results.map((r) => r.map((m) => [m.start, m.end]))).toEqual([[[2, 12]], [[0, 10]]]);
  });

  it('gives the same answer for a batch of texts as for each text alone', () => {
    const texts = [
      'John Smith and Ada Straße',
      '',
      'Smith, John',
      'js@home.example',
      '山田太郎',
      'nobody',
      'José Müller',
      // A run of unspaced script ends one text where the next one's starts, offsets aside.
      '会議は山',
      'abcd山田太郎',
    ];
    expect(index.matchTexts(texts)).toEqual(texts.map((t) => index.matchText(t)));
  });

  it('keeps each text apart in a long batch, whatever falls at the boundaries', () => {
    // Far more words than the scanner keeps at once, with names, halves of names, addresses and
    // runs of unspaced scripts on both sides of text boundaries.
    const pieces = [
      'John',
      'Smith',
      'Smith,',
      'John Smith',
      '',
      '山田',
      '太郎',
      '山田太郎',
      'js@',
      'home.example',
      'js@home.example',
      'Mary',
      'Ann Evans',
      'Mary Ann Evans',
      'the fund met',
      'O',
      "'Brien",
      'José Müller.',
    ];
    const texts: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const a = pieces[(i * 7) % pieces.length] as string;
      const b = pieces[(i * 11 + 3) % pieces.length] as string;
      texts.push(i % 3 === 0 ? `${a} ${b}` : a);
    }
    const batch = index.matchTexts(texts);
    expect(batch).toEqual(texts.map((t) => index.matchText(t)));
    expect(batch.filter((m) => m.length > 0).length).toBeGreaterThan(300);
  });

  it('matches several texts at once (the text nodes of a page), each with its own offsets', () => {
    const results = index.matchTexts(['Hello John Smith', 'nobody here', 'mail js@home.example now']);
    expect(results.map((r) => r.map((m) => [m.start, m.end, m.kind]))).toEqual([
      [[6, 16, 'name']],
      [],
      [[5, 20, 'email']],
    ]);
  });
});

describe('matchText: e-mail addresses', () => {
  it('finds roster addresses in any case, inside punctuation', () => {
    expect(found(index, 'Write to <John.Smith@ACME.com>, (js@home.example) or "j.smith@globex.io".')).toEqual(
      [
        { text: 'John.Smith@ACME.com', kind: 'email', ids: [1] },
        { text: 'js@home.example', kind: 'email', ids: [1] },
        { text: 'j.smith@globex.io', kind: 'email', ids: [2] },
      ],
    );
  });

  it('ignores addresses of people who are not in the roster', () => {
    expect(found(index, 'someone@acme.com and john.smith@acme.com.au')).toEqual([]);
  });

  it('finds the address in a mailto: link text and at the end of a sentence', () => {
    expect(marked(index, 'mailto:john.smith@acme.com. Also js@home.example.')).toEqual([
      'john.smith@acme.com',
      'js@home.example',
    ]);
  });
});
