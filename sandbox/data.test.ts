import { describe, expect, it } from 'vitest';
import { fold } from '../lib/matching/fold';
import {
  createSandboxData,
  DECOY_NAMES,
  DEMO_TENANT,
  DEMO_USER,
  FEATURED_PEOPLE,
  MAX_PEOPLE,
  MERGED_PERSON,
  MIN_PEOPLE,
  NOTE_MARKUP_MARKER,
  SAME_NAME_PAIR,
  TEAM_DOMAIN,
  type SandboxData,
  type SandboxPerson,
} from './data';

const data = createSandboxData();
const everyone = data.allPersons();
const fullName = (person: SandboxPerson): string => `${person.firstName} ${person.lastName}`;

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing ${what}`);
  return value;
}

describe('generated people', () => {
  it('has the default size, team included, in directory order with distinct ids', () => {
    expect(data.size).toBe(2000);
    expect(everyone).toHaveLength(2000);
    expect(new Set(everyone.map((person) => person.id)).size).toBe(2000);
  });

  it('gives exactly one pair of different people the same full name (ignoring case and accents)', () => {
    const byName = new Map<string, number[]>();
    for (const person of everyone) {
      const key = fold(fullName(person));
      byName.set(key, [...(byName.get(key) ?? []), person.id]);
    }
    const shared = [...byName].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([[fold(SAME_NAME_PAIR.fullName), [...SAME_NAME_PAIR.ids]]]);
    const pair = data.findByName('daniel KIM');
    expect(pair.map((person) => person.id)).toEqual([...SAME_NAME_PAIR.ids]);
    expect(pair[0]?.emails).not.toEqual(pair[1]?.emails);
  });

  it('has names from many cultures, with accents and in non-Latin scripts', () => {
    for (const name of [
      'José Álvarez',
      'Zoë Lindgren',
      'Søren Ødegård',
      'Łukasz Wiśniewski',
      'Anna Müller',
    ]) {
      expect(data.findByName(name).map(fullName)).toEqual([name]);
    }
    expect(data.findByName('Дмитрий Иванов')).toHaveLength(1);
    expect(data.findByName('محمد العلي')).toHaveLength(1);
    expect(data.findByName('太郎 山田')[0]?.lastName).toBe('山田');
    const names = everyone.map(fullName);
    // Generated people too, not only the hand-written ones.
    const generated = names.slice(MIN_PEOPLE);
    expect(generated.filter((name) => /[^ -~]/.test(name)).length).toBeGreaterThan(200);
    for (const script of [/\p{Script=Cyrillic}/u, /\p{Script=Han}/u, /\p{Script=Arabic}/u]) {
      expect(generated.some((name) => script.test(name))).toBe(true);
    }
  });

  it('shares first names between people', () => {
    const counts = new Map<string, number>();
    for (const person of everyone) counts.set(person.firstName, (counts.get(person.firstName) ?? 0) + 1);
    expect([...counts.values()].filter((count) => count > 1).length).toBeGreaterThan(50);
    expect(data.findByName('Priya Raman')[0]?.firstName).toBe(
      data.findByName('Priya Natarajan')[0]?.firstName,
    );
  });

  it('has people without e-mail and people with several, and no address belongs to two people', () => {
    expect(everyone.filter((person) => person.emails.length === 0).length).toBeGreaterThan(20);
    expect(everyone.filter((person) => person.emails.length > 1).length).toBeGreaterThan(100);
    const all = everyone.flatMap((person) => person.emails.map((email) => email.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
    for (const person of everyone) expect(person.primaryEmail).toBe(person.emails[0] ?? null);
    expect(data.person(FEATURED_PEOPLE.fatima.id)?.primaryEmail).toBeNull();
    expect(data.findByEmail('PRIYA.N@gmail.com')?.id).toBe(FEATURED_PEOPLE.priya.id);
  });

  it('has about ten internal team members with tenant addresses, the demo user among them', () => {
    const internal = everyone.filter((person) => person.type === 1);
    expect(internal.length).toBe(10);
    expect(data.team.map((person) => person.id)).toEqual(internal.map((person) => person.id));
    for (const person of internal) {
      expect(person.emails.length).toBeGreaterThan(0);
      for (const email of person.emails) expect(email.endsWith(`@${TEAM_DOMAIN}`)).toBe(true);
    }
    const user = must(data.person(DEMO_USER.id), 'demo user');
    expect(user.type).toBe(1);
    expect(user.emails).toContain(DEMO_USER.email);
    expect(data.tenant).toEqual(DEMO_TENANT);
  });

  it('keeps the featured people (fixed ids, names, e-mails) for every seed and size', () => {
    const other = createSandboxData({ seed: 99, people: MIN_PEOPLE });
    for (const featured of Object.values(FEATURED_PEOPLE)) {
      for (const source of [data, other]) {
        const person = must(source.person(featured.id), featured.fullName);
        expect(fullName(person)).toBe(featured.fullName);
        expect(person.emails).toEqual(featured.emails);
        expect(person.type).toBe(featured.type);
      }
    }
  });

  it('never generates the names the demo page uses for people outside the roster', () => {
    const big = createSandboxData({ people: 20_000, seed: 7 });
    for (const name of DECOY_NAMES) expect(big.findByName(name)).toEqual([]);
  });

  it('refuses sizes outside the supported range', () => {
    expect(() => createSandboxData({ people: MIN_PEOPLE - 1 })).toThrow(RangeError);
    expect(() => createSandboxData({ people: MAX_PEOPLE + 1 })).toThrow(RangeError);
    expect(() => createSandboxData({ people: 1.5 })).toThrow(RangeError);
  });

  it('generates 100,000 people', () => {
    const big = createSandboxData({ people: 100_000, seed: 3 });
    expect(big.size).toBe(100_000);
    const last = big.personAt(99_999);
    expect(big.person(last.id)).toEqual(last);
    expect(big.findByName(SAME_NAME_PAIR.fullName)).toHaveLength(2);
    expect(big.findByName(fullName(last)).map((person) => person.id)).toEqual([last.id]);
  });
});

describe('determinism', () => {
  const details = (source: SandboxData, id: number): unknown => ({
    person: source.person(id),
    interactions: source.interactions(id),
    fieldValues: source.fieldValues(id),
    strengths: source.relationshipStrengths(id),
    notes: source.notes(id),
    lists: source.listEntries(id),
  });

  it('gives the same data for the same seed and size', () => {
    const again = createSandboxData({ seed: 1, people: 2000 });
    expect(again.allPersons()).toEqual(everyone);
    expect(again.organizations).toEqual(data.organizations);
    expect(again.lists).toEqual(data.lists);
    for (const person of everyone.filter((_, index) => index % 97 === 0)) {
      expect(details(again, person.id)).toEqual(details(data, person.id));
    }
  });

  it('gives different generated people for another seed', () => {
    const other = createSandboxData({ seed: 2, people: 2000 });
    const names = (source: SandboxData) => source.allPersons().slice(MIN_PEOPLE).map(fullName);
    const mine = names(data);
    const same = names(other).filter((name, index) => name === mine[index]);
    expect(same.length).toBeLessThan(20);
  });

  it('keeps the names of the first people when the directory grows', () => {
    const bigger = createSandboxData({ seed: 1, people: 3000 });
    expect(bigger.allPersons().slice(0, 2000).map(fullName)).toEqual(everyone.map(fullName));
  });
});

describe('around a person', () => {
  const jose = FEATURED_PEOPLE.jose.id;

  it('links people to named organizations with domains, and organizations back to their people', () => {
    const person = must(data.person(jose), 'José');
    expect(person.currentOrganizationIds).toHaveLength(1);
    expect(person.organizationIds).toHaveLength(2);
    for (const id of person.organizationIds) {
      const org = must(data.organization(id), 'organization');
      expect(org.name).toMatch(/\w/);
      expect(org.domain).toMatch(/\.[a-z]+$/);
      expect(org.personIds).toContain(jose);
    }
    expect(data.organization(person.currentOrganizationIds[0] ?? 0)?.name).toBe('Quill Payments');
  });

  it('has fields of every value type, global and on lists', () => {
    const globalTypes = new Set(data.personFields.map((field) => field.valueType));
    expect([...globalTypes].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const listTypes = new Set(data.fields.filter((f) => f.listId !== null).map((f) => f.valueType));
    for (const type of [0, 1, 2, 3, 4, 6, 7]) expect(listTypes.has(type as never)).toBe(true);
    for (const list of data.lists) {
      for (const field of list.fields) expect(field.listId).toBe(list.id);
    }
  });

  it('gives a featured person a value of every type, each of the shape its field promises', () => {
    const values = data.fieldValues(jose);
    const types = new Set(values.map((value) => value.valueType));
    expect([...types].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const value of values) {
      const field = must(data.field(value.fieldId), `field ${value.fieldId}`);
      expect(value.valueType).toBe(field.valueType);
      expect(value.entityId).toBe(jose);
      switch (field.valueType) {
        case 0:
          expect(data.person(value.value as number)).toBeDefined();
          break;
        case 1:
          expect(data.organization(value.value as number)).toBeDefined();
          break;
        case 2:
          expect(field.dropdownOptions.map((option) => option.text)).toContain(value.value);
          break;
        case 3:
          expect(typeof value.value).toBe('number');
          break;
        case 4:
          expect(Number.isNaN(Date.parse(value.value as string))).toBe(false);
          break;
        case 5:
          expect(value.value).toMatchObject({ city: expect.any(String), country: expect.any(String) });
          break;
        case 6:
          expect(typeof value.value).toBe('string');
          break;
        case 7:
          expect(field.dropdownOptions).toContainEqual(value.value);
      }
    }
    // Values on list entries point at the person's own entries.
    const entryIds = data.listEntries(jose).map((entry) => entry.id);
    const onLists = values.filter((value) => value.listEntryId !== null);
    expect(onLists.length).toBeGreaterThan(0);
    for (const value of onLists) expect(entryIds).toContain(value.listEntryId);
  });

  it('puts people on lists whose sizes add up', () => {
    const counts = new Map<number, number>();
    for (const person of everyone) {
      for (const entry of data.listEntries(person.id))
        counts.set(entry.listId, (counts.get(entry.listId) ?? 0) + 1);
    }
    for (const list of data.lists.filter((l) => l.type === 0))
      expect(counts.get(list.id) ?? 0).toBe(list.listSize);
    expect(data.listEntries(jose).map((entry) => data.list(entry.listId)?.name)).toEqual([
      'Founders pipeline',
      'Fintech Forum 2026 speakers',
    ]);
  });

  it('has people without interactions, and interactions that involve team members', () => {
    const without = everyone.filter((person) => data.interactions(person.id) === null);
    expect(without.length).toBeGreaterThan(100);
    expect(without.length).toBeLessThan(everyone.length / 2);
    expect(data.interactions(FEATURED_PEOPLE.liam.id)).toBeNull();
    const interactions = must(data.interactions(jose), 'interactions');
    expect(Date.parse(must(interactions.nextEvent, 'next event').date)).toBeGreaterThan(data.today.getTime());
    expect(Date.parse(must(interactions.lastInteraction, 'last').date)).toBeLessThan(data.today.getTime());
    for (const interaction of Object.values(interactions)) {
      for (const id of interaction?.personIds ?? []) expect(data.person(id)?.type).toBe(1);
    }
  });

  it('knows which team members know a person, and how well', () => {
    const strengths = data.relationshipStrengths(jose);
    expect(strengths.length).toBeGreaterThanOrEqual(2);
    for (const strength of strengths) {
      expect(data.person(strength.internalId)?.type).toBe(1);
      expect(strength.externalId).toBe(jose);
      expect(strength.strength).toBeGreaterThan(0);
      expect(strength.strength).toBeLessThanOrEqual(1);
    }
    expect(strengths.map((s) => s.strength)).toEqual(
      [...strengths.map((s) => s.strength)].sort((a, b) => b - a),
    );
  });

  it('has plain, HTML (with hostile markup) and AI summary notes, newest first', () => {
    const notes = data.notes(jose);
    expect(new Set(notes.map((note) => note.type))).toEqual(new Set([0, 2, 3]));
    const html = must(
      notes.find((note) => note.type === 2),
      'HTML note',
    );
    expect(html.content).toContain('<script>');
    expect(html.content).toContain(NOTE_MARKUP_MARKER);
    const dates = notes.map((note) => Date.parse(note.createdAt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const note of notes) expect(data.person(note.creatorId)?.type).toBe(1);
  });

  it('answers nothing for ids it does not know, and knows the merged id', () => {
    expect(data.person(12345)).toBeUndefined();
    expect(data.person(MERGED_PERSON.id)).toBeUndefined();
    expect(data.mergedInto(MERGED_PERSON.id)).toBe(FEATURED_PEOPLE.soren.id);
    expect(data.fieldValues(12345)).toEqual([]);
  });
});

describe('term search', () => {
  const names = (term: string, options?: { withInteractionDates?: boolean }) =>
    data.search(term, options).map(fullName);

  it('ignores case and accents, in both directions', () => {
    expect(names('JOSE alvarez')).toEqual(['José Álvarez']);
    expect(names('soren odegard')).toEqual(['Søren Ødegård']);
    expect(names('Łukasz')).toContain('Łukasz Wiśniewski');
    expect(names('lukasz')).toContain('Łukasz Wiśniewski');
    expect(names('müller')).toEqual(names('muller'));
  });

  it('matches the start of a first name, a last name, an e-mail address or a domain', () => {
    expect(names('lindg')).toContain('Zoë Lindgren');
    expect(names('indgren')).not.toContain('Zoë Lindgren');
    expect(names('jean-luc moreau')).toEqual(['Jean-Luc Moreau']);
    expect(names('luc moreau')).toEqual(['Jean-Luc Moreau']);
    expect(names('jean-l')).toContain('Jean-Luc Moreau');
    expect(names('jalvarez@gmail.com')).toEqual(['José Álvarez']);
    expect(names('quillpay.io')).toEqual(expect.arrayContaining(['José Álvarez', 'Daniel Kim']));
    expect(names('Дмитрий')).toContain('Дмитрий Иванов');
  });

  it('returns everyone for an empty term and drops people without interactions when asked', () => {
    expect(data.search('  ')).toHaveLength(2000);
    const withDates = data.search('', { withInteractionDates: true });
    expect(withDates.length).toBeLessThan(2000);
    expect(names('liam', { withInteractionDates: true })).not.toContain("Liam O'Connor");
    expect(names('liam')).toContain("Liam O'Connor");
  });
});
