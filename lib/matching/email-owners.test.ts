import { describe, expect, it } from 'vitest';
import { EmailOwners } from './email-owners';
import { normaliseEmail } from './emails';
import { person } from './test-people';

describe('EmailOwners', () => {
  it('knows who has an address, whatever its case in the roster, and everyone who shares one', () => {
    const owners = new EmailOwners([
      person(1, 'Ada', 'Lovelace', ['Ada@Example.com', 'ada@home.example']),
      person(2, 'Charles', 'Babbage', ['team@example.com']),
      person(3, 'Mary', 'Somerville', ['team@example.com', 'TEAM@example.com']),
      person(4, 'José', 'Müller', ['josé@müller.de']),
    ]);
    expect(owners.get('ada@example.com')).toEqual([1]);
    expect(owners.get('ada@home.example')).toEqual([1]);
    expect(owners.get('team@example.com')).toEqual([2, 3]);
    expect(owners.get(normaliseEmail('JOSÉ@MÜLLER.DE'))).toEqual([4]);
    expect(owners.get('ada@example.org')).toBeUndefined();
    expect(owners.get('')).toBeUndefined();
  });

  it('reads an address where it stands in running text, in any case and outside ASCII too', () => {
    const owners = new EmailOwners([
      person(1, 'Ada', 'Lovelace', ['ada@example.com']),
      person(4, 'José', 'Müller', ['josé@müller.de']),
    ]);
    const text = 'Write to ADA@Example.COM or JOSÉ@MÜLLER.DE, not ada@example.co.';
    const at = (address: string) => [text.indexOf(address), text.indexOf(address) + address.length] as const;
    expect(owners.getAt(text, ...at('ADA@Example.COM'))).toEqual([1]);
    expect(owners.getAt(text, ...at('JOSÉ@MÜLLER.DE'))).toEqual([4]);
    expect(owners.getAt(text, ...at('ada@example.co'))).toBeUndefined();
  });

  it('finds every address of a large roster and no other', () => {
    const people = Array.from({ length: 20_000 }, (_, i) =>
      person(i + 1, 'P', `${i}`, [`p.${i}@team${i % 97}.example`, `${i}@home.example`]),
    );
    const owners = new EmailOwners(people);
    for (let i = 0; i < 20_000; i++) {
      expect(owners.get(`p.${i}@team${i % 97}.example`)).toEqual([i + 1]);
      expect(owners.get(`${i}@home.example`)).toEqual([i + 1]);
      // Near misses: another team's domain, a neighbour's number.
      expect(owners.get(`p.${i}@team${(i + 1) % 97}.example`)).toBeUndefined();
      expect(owners.get(`${i + 20_000}@home.example`)).toBeUndefined();
    }
  });

  it('hands out frozen lists, shared by every match of the address', () => {
    const owners = new EmailOwners([person(1, 'Ada', 'Lovelace', ['ada@example.com'])]);
    const ids = owners.get('ada@example.com');
    expect(Object.isFrozen(ids)).toBe(true);
    expect(owners.get('ada@example.com')).toBe(ids);
  });
});
