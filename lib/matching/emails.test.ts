import { describe, expect, it } from 'vitest';
import { findEmails, isEmail, normaliseEmail } from './emails';

const addresses = (text: string): string[] => findEmails(text).map((h) => text.slice(h.start, h.end));

describe('findEmails', () => {
  it('finds addresses in running text with their offsets', () => {
    const text = 'Write to jo@acme.com or Ann.Lee+news@mail.example.co.uk today';
    expect(findEmails(text)).toEqual([
      { start: 9, end: 20, address: 'jo@acme.com' },
      { start: 24, end: 55, address: 'ann.lee+news@mail.example.co.uk' },
    ]);
  });

  it('leaves surrounding punctuation out', () => {
    expect(
      addresses('(jo@acme.com), <ann@b.io>; "kim@c.org". Last: lee@d.net. Or mailto:max@e.com? \'al@f.com\''),
    ).toEqual(['jo@acme.com', 'ann@b.io', 'kim@c.org', 'lee@d.net', 'max@e.com', 'al@f.com']);
  });

  it('keeps apostrophes, hyphens and digits that belong to the address', () => {
    expect(addresses("o'brien@acme.com and x-1@mail-2.acme.com")).toEqual([
      "o'brien@acme.com",
      'x-1@mail-2.acme.com',
    ]);
  });

  it('finds internationalised addresses', () => {
    expect(addresses('José: josé@müller.de, 用户@例子.广告')).toEqual(['josé@müller.de', '用户@例子.广告']);
  });

  it('rejects what only looks like an address', () => {
    expect(
      addresses(
        '@mention, name@, @acme.com, a@b, a@b.c, a..b@c.com, a.@b.com, a@-b.com, a@b-.com, a@b..com, x@1.23',
      ),
    ).toEqual([]);
  });

  it('does not stop at an at sign that is not part of an address', () => {
    expect(addresses('me @ home, @you and then kim@c.org')).toEqual(['kim@c.org']);
  });
});

describe('normaliseEmail and isEmail', () => {
  it('lower-cases and trims', () => {
    expect(normaliseEmail('  Jo.Smith@ACME.com ')).toBe('jo.smith@acme.com');
    expect(normaliseEmail('JOSE\u0301@MÜLLER.DE')).toBe('josé@müller.de');
  });

  it('tells one address from anything else', () => {
    expect(isEmail(' jo@acme.com ')).toBe(true);
    expect(isEmail('jo@acme.com and more')).toBe(false);
    expect(isEmail('John Smith')).toBe(false);
  });
});
