import { describe, expect, it } from 'vitest';
import { fieldValueText, isoDate, locationText } from './field-text';
import { htmlToText, noteText } from './note-text';

const names = {
  personName: (id: number) => (id === 7 ? 'Tara Team' : null),
  organizationName: (id: number) => (id === 9 ? 'Acme' : null),
};

describe('note text', () => {
  it('never keeps markup from an HTML note', () => {
    const text = htmlToText(
      '<div onclick="x()">Hi <img src=x onerror=alert(1)><a href="javascript:y">there</a></div>',
    );
    expect(text).toBe('Hi there');
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('a<script>alert(1)</script><style>p{}</style><!-- secret -->b')).toBe('ab');
  });

  it('decodes named and numeric entities once (an escaped tag stays text)', () => {
    expect(htmlToText('&lt;b&gt; &amp;amp; &#233;t&#xE9; &hellip; &bogus;')).toBe('<b> &amp; été … &bogus;');
  });

  it('keeps paragraphs and line breaks as lines', () => {
    expect(htmlToText('<p>One</p><p>Two<br>Three</p>')).toBe('One\n\nTwo\nThree');
  });

  it('leaves a plain-text note as written, even when it contains angle brackets', () => {
    expect(noteText('  use <b> for bold  ', 0)).toBe('use <b> for bold');
    expect(noteText('<p>summary</p>', 3)).toBe('summary');
  });
});

describe('field value text', () => {
  it('formats each value type for reading', () => {
    expect(fieldValueText(7, 0, names)).toBe('Tara Team');
    expect(fieldValueText(9, 1, names)).toBe('Acme');
    expect(fieldValueText('Seed', 2, names)).toBe('Seed');
    expect(fieldValueText(1234567.891, 3, names)).toBe('1,234,567.89');
    expect(fieldValueText('2024-02-29T23:30:00.000-08:00', 4, names)).toBe('2024-02-29');
    expect(
      fieldValueText(
        { streetAddress: null, city: 'Berlin', state: null, country: 'Germany', continent: 'Europe' },
        5,
        names,
      ),
    ).toBe('Berlin, Germany');
    expect(fieldValueText('  free text ', 6, names)).toBe('free text');
    expect(fieldValueText({ id: 1, text: 'Hot', rank: 1, color: null }, 7, names)).toBe('Hot');
    expect(fieldValueText(true, null, names)).toBe('Yes');
  });

  it('says what an unnamed person or organization is instead of a bare number', () => {
    expect(fieldValueText(8, 0, names)).toBe('Person #8');
    expect(fieldValueText(8, 1, names)).toBe('Organization #8');
  });

  it('shows nothing for empty values', () => {
    expect(fieldValueText(null, 6, names)).toBeNull();
    expect(fieldValueText('   ', 6, names)).toBeNull();
  });

  it('keeps the calendar date as written, whatever the offset', () => {
    expect(isoDate('2021-10-04T23:54:24.694-04:00')).toBe('2021-10-04');
    expect(isoDate('March 5, 2020 UTC')).toBe('2020-03-05');
  });

  it('names a continent only when no country is known', () => {
    expect(
      locationText({ streetAddress: null, city: null, state: null, country: null, continent: 'Asia' }),
    ).toBe('Asia');
  });
});
