import { describe, expect, it } from 'vitest';
import type { RosterPerson } from '../people/types';
import { buildPeopleIndex, Score } from './people-index';

const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'vin',
  'dra',
  'sel',
  'tor',
  'ben',
  'ril',
  'sta',
  'no',
  'gar',
  'lis',
  'fen',
];
const ACCENTED = ['é', 'ü', 'ø', 'ñ'];

/** Deterministic names: syllable i, j, k of a counter, some with an accent. */
function nameOf(n: number, parts: number): string {
  let name = '';
  for (let p = 0; p < parts; p++) {
    name += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  if (n % 7 === 3) name += ACCENTED[n % ACCENTED.length];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function roster(count: number): RosterPerson[] {
  const people: RosterPerson[] = [];
  for (let i = 0; i < count; i++) {
    // Every 1,000th person shares the name of the one before: two people with one name.
    const n = i % 1000 === 999 ? i - 1 : i;
    const firstName = nameOf(n % 2000, 2);
    const lastName = nameOf(Math.floor(n / 2000) * 7 + n, 3);
    const email = `p${i}@${nameOf(i % 50, 2).toLowerCase()}.example`;
    people.push({
      id: 100_000 + i,
      type: i % 10 === 0 ? 1 : 0,
      firstName,
      lastName,
      primaryEmail: email,
      emails: [email],
    });
  }
  return people;
}

describe('a 50,000-person roster', () => {
  const people = roster(50_000);
  const index = buildPeopleIndex(people);
  const sample = Array.from({ length: 300 }, (_, k) => people[(k * 7919) % people.length] as RosterPerson);

  it('indexes everyone', () => {
    expect(index.size).toBe(50_000);
    expect(index.personById(100_000 + 4321)?.id).toBe(100_000 + 4321);
  });

  it('finds every mention in a long text, with the right people, and nothing else', () => {
    const parts: string[] = [];
    for (const [k, p] of sample.entries()) {
      parts.push(
        'the meeting with',
        k % 3 === 0 ? `${p.firstName} ${p.lastName}`.toUpperCase() : `${p.firstName} ${p.lastName}`,
      );
      parts.push('went well; write to', `${p.primaryEmail}.`, 'Zzyx Qwvv and', p.firstName, 'alone.');
    }
    const text = parts.join(' ');
    const matches = index.matchText(text);
    const names = matches.filter((m) => m.kind === 'name');
    const emails = matches.filter((m) => m.kind === 'email');
    expect(names).toHaveLength(sample.length);
    expect(emails).toHaveLength(sample.length);
    names.forEach((m, k) => {
      const p = sample[k] as RosterPerson;
      expect(m.personIds).toContain(p.id);
      const namesakes = people.filter((q) => q.firstName === p.firstName && q.lastName === p.lastName);
      expect([...m.personIds].sort()).toEqual(namesakes.map((q) => q.id).sort());
    });
    emails.forEach((m, k) => expect(m.personIds).toEqual([(sample[k] as RosterPerson).id]));
  });

  it('returns both people who share a name', () => {
    const [a, b] = [people[998] as RosterPerson, people[999] as RosterPerson];
    expect(`${a.firstName} ${a.lastName}`).toBe(`${b.firstName} ${b.lastName}`);
    const [match] = index.matchText(`Say hello to ${a.firstName} ${a.lastName}.`);
    expect([...(match?.personIds ?? [])].sort()).toEqual([a.id, b.id].sort());
  });

  it('finds each sampled person first by full name and by e-mail address', () => {
    for (const p of sample) {
      const byName = index.search(`${p.firstName} ${p.lastName}`, 20);
      expect(byName.find((h) => h.id === p.id)?.score).toBe(Score.exactName);
      expect(index.search(p.primaryEmail as string, 5)[0]?.id).toBe(p.id);
    }
  });
});
