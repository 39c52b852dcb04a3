/**
 * Deterministic roster and page text for the matching benchmark: names drawn with a skew (a few
 * very common first and last names, a long tail of rarer ones), from several cultures and scripts,
 * and a page of prose that mentions people in the forms pages use.
 */
import type { RosterPerson } from '../lib/people/types';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// prettier-ignore
const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Dorothy', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Edward', 'Deborah',
  'Ronald', 'Stephanie', 'Timothy', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Kathleen', 'Gary', 'Amy', 'Nicholas', 'Shirley', 'Eric', 'Angela', 'Jonathan', 'Helen',
  'Stephen', 'Anna', 'Larry', 'Brenda', 'Justin', 'Pamela', 'Scott', 'Nicole', 'Brandon', 'Emma',
  'José', 'María', 'Sofía', 'Jürgen', 'Søren', 'Zoë', 'François', 'Hélène', 'Ånund', 'Łukasz',
  'Małgorzata', 'Jiří', 'Ondřej', 'Ingrid', 'Björn', 'Chloé', 'Renée', 'Raúl', 'Iñaki', 'Joaquín',
  'Priya', 'Rahul', 'Ananya', 'Arjun', 'Wei', 'Li', 'Mei', 'Hiroshi', 'Yuki', 'Kenji',
  'Olga', 'Dmitri', 'Fatima', 'Omar', 'Aisha', 'Mohammed', 'Noor', 'Tariq', 'Leila', 'Yusuf',
  'Mary Ann', 'Jean-Pierre', 'Anne-Marie', 'Grace', 'Will', 'May', 'Hope', 'Rose', 'Dawn', 'Faith',
];

// prettier-ignore
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Núñez', 'Peña', 'Ibáñez', 'Gómez', 'Díaz', 'Sørensen', 'Jørgensen', 'Åberg', 'Öberg', 'Kowalski',
  'Nowak', 'Wiśniewski', 'Dvořáková', 'Novák', "O'Brien", "D'Angelo", 'van der Berg', 'de la Cruz', 'Smith-Jones', 'MacDonald',
  'Patel', 'Sharma', 'Singh', 'Kumar', 'Wang', 'Zhang', 'Liu', 'Chen', 'Tanaka', 'Suzuki',
  'Ivanova', 'Petrov', 'Haddad', 'Rahman', 'Khan', 'Hussein', 'Fox', 'Long', 'Bird', 'Stone',
];

// prettier-ignore
const NON_LATIN: [string, string][] = [
  ['太郎', '山田'], ['花子', '佐藤'], ['健', '鈴木'], ['伟', '王'], ['芳', '李'], ['민준', '김'], ['서연', '이'],
  ['Иван', 'Петров'], ['Ольга', 'Смирнова'], ['Дмитрий', 'Иванов'], ['محمد', 'علي'], ['فاطمة', 'حسن'],
  ['Νίκος', 'Παπαδόπουλος'], ['דוד', 'כהן'],
];

// prettier-ignore
const SYLLABLES = [
  'ka', 'lo', 'mer', 'vin', 'dra', 'sel', 'tor', 'ben', 'ril', 'sta', 'no', 'gar', 'lis', 'fen', 'ow', 'ham',
  'ber', 'rick', 'an', 'el', 'mi', 'sa', 'ko', 'dal', 'ter', 'wen', 'bro', 'cas', 'ly', 'pe', 'qui', 'zan',
  'ho', 'ru', 'ge', 'vo', 'tam', 'nic', 'ole', 'fa',
];
// prettier-ignore
const DOMAINS = ['acme.com', 'globex.io', 'initech.co', 'umbrella.org', 'hooli.com', 'gmail.com', 'outlook.com', 'vandelay.net'];

/** Zipf-like pick: index i drawn with weight 1 / (i + 2). */
function skewed<T>(random: () => number, items: readonly T[]): T {
  const total = items.reduce((sum, _item, i) => sum + 1 / (i + 2), 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= 1 / (i + 2);
    if (r <= 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

function invented(random: () => number, parts: number): string {
  let name = '';
  for (let i = 0; i < parts; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function asciiLocal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function generateRoster(count: number, seed = 1): RosterPerson[] {
  const random = prng(seed);
  const people: RosterPerson[] = [];
  for (let i = 0; i < count; i++) {
    let firstName: string;
    let lastName: string;
    if (random() < 0.04) {
      [firstName, lastName] = NON_LATIN[Math.floor(random() * NON_LATIN.length)] as [string, string];
    } else {
      // A long tail of rarer names, as in a real roster: nearly every full name is unique.
      firstName = random() < 0.6 ? skewed(random, FIRST_NAMES) : invented(random, 2);
      lastName = random() < 0.3 ? skewed(random, LAST_NAMES) : invented(random, 2 + Math.floor(random() * 2));
    }
    const local = `${asciiLocal(firstName) || 'user'}.${asciiLocal(lastName) || i}`;
    const domain = DOMAINS[Math.floor(random() * DOMAINS.length)] as string;
    const primary = random() < 0.9 ? `${local}${random() < 0.3 ? i : ''}@${domain}` : null;
    const emails = primary ? [primary] : [];
    if (random() < 0.2) emails.push(`${asciiLocal(firstName) || 'u'}${i}@${DOMAINS[i % DOMAINS.length]}`);
    people.push({
      id: 1000 + i,
      type: random() < 0.1 ? 1 : 0,
      firstName,
      lastName,
      primaryEmail: primary,
      emails,
    });
  }
  return people;
}

const PROSE = (
  'the of and to in is that it was for on are as with his they at be this from have or by one had not but ' +
  'what all were when we there can an your which their said if do will each about how up out them then ' +
  'she many some so these would other into has more her two like him see time could no make than first ' +
  'been its who now people my made over did down only way find use may water long little very after ' +
  'words called just where most know get through back much before go good new write our used me man ' +
  'too any day same right look think also around another came come work three word must because does part ' +
  'meeting board partner fund investor portfolio company round seed series deal introduced call notes ' +
  'founder market growth revenue customer product team hired quarter report update signed term sheet'
).split(' ');

export interface GeneratedText {
  text: string;
  /** Roster mentions written into the text (names and addresses). */
  mentions: number;
}

/** About `size` characters of prose with `mentions` roster people in varied forms, plus near misses. */
export function generateText(
  people: readonly RosterPerson[],
  size: number,
  mentions: number,
  seed = 7,
): GeneratedText {
  const random = prng(seed);
  const pieces: string[] = [];
  let length = 0;
  let written = 0;
  const wordsPerMention = Math.max(1, Math.round(size / 6.3 / mentions) - 2);
  let sinceMention = 0;
  let sentence = 0;
  while (length < size) {
    let piece: string;
    if (sinceMention >= wordsPerMention) {
      sinceMention = 0;
      const person = people[Math.floor(random() * people.length)] as RosterPerson;
      const form = random();
      if (form < 0.12) {
        // Near miss: a real first name with a surname nobody has, or a longer word.
        piece =
          random() < 0.5 ? `${person.firstName} Zzyzxon` : `${person.firstName}athan ${person.lastName}ers`;
      } else {
        written++;
        if (form < 0.55) piece = `${person.firstName} ${person.lastName}`;
        else if (form < 0.62) piece = `${person.firstName} Q. ${person.lastName}`;
        else if (form < 0.68) piece = `${person.firstName} ${person.lastName}`.toUpperCase();
        else if (form < 0.74) piece = `${person.lastName}, ${person.firstName}`;
        else if (form < 0.8) piece = `${person.firstName} ${person.lastName}’s`;
        else if (form < 0.9 && person.primaryEmail) piece = `<${person.primaryEmail}>`;
        else piece = `${person.firstName} ${person.lastName}`.toLowerCase();
      }
    } else {
      sinceMention++;
      const word = PROSE[Math.floor(random() * PROSE.length)] as string;
      piece = sentence === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
      sentence++;
      if (sentence > 8 + random() * 10) {
        piece += random() < 0.8 ? '.' : ',';
        sentence = 0;
      }
    }
    pieces.push(piece);
    length += piece.length + 1;
  }
  return { text: pieces.join(' '), mentions: written };
}
