/**
 * The eager part of the sandbox data: who exists (people and organizations), their names, e-mails and
 * employers, and the compact per-person facts searches need (list memberships, whether they have
 * interactions, folded name words). Everything else about a person is derived on demand
 * (details.ts), which keeps 100,000 people cheap in time and memory.
 */
import {
  DECOY_NAMES,
  FEATURED,
  FEATURED_ORGANIZATIONS,
  MIN_PEOPLE,
  TEAM,
  personIdAt,
  type PersonSpec,
} from './featured';
import { cultureTableByKey, drawUniqueName, namePart, TakenNames, type NamePart } from './name-table';
import { ORG_KINDS, ORG_TLDS, ORG_WORDS_A, ORG_WORDS_B, PERSONAL_EMAIL_DOMAINS } from './names';
import { createRng, hash32, unit, type Rng } from './prng';
import { PERSON_LIST_KEYS } from './schema';

export interface SandboxPerson {
  readonly id: number;
  /** 0 external, 1 internal (the tenant's own team). */
  readonly type: 0 | 1;
  readonly firstName: string;
  readonly lastName: string;
  readonly primaryEmail: string | null;
  readonly emails: readonly string[];
  /** Every associated organization; the current ones come first. */
  readonly organizationIds: readonly number[];
  readonly currentOrganizationIds: readonly number[];
}

export interface SandboxOrganization {
  readonly id: number;
  readonly name: string;
  readonly domain: string | null;
  readonly domains: readonly string[];
  /** Affinity's own database organization (true) or one the tenant created (false). */
  readonly global: boolean;
}

/**
 * Columnar storage: a few references and numbers per person instead of an object graph, so that
 * 100,000 people take about a tenth of the memory. SandboxPerson objects are made on access.
 */
export interface Directory {
  size: number;
  organizations: SandboxOrganization[];
  firstNames: NamePart[];
  lastNames: NamePart[];
  /** The person's e-mails, primary first, each preceded by "\n" ("" for none): storage and search text. */
  emailText: string[];
  /** Organization index of the current employer, or -1. */
  currentOrg: Int32Array;
  /** Organization index of a former employer, or -1. */
  previousOrg: Int32Array;
  /** Index into CULTURE_TABLES, per person. */
  cultureOf: Uint8Array;
  /** 1 when the person has interactions (the rest are dropped by with_interaction_dates). */
  hasInteractions: Uint8Array;
  /** Bit i set: on the person list PERSON_LIST_KEYS[i]. */
  listBits: Uint8Array;
  /** Members of organization i: orgMemberIndexes[orgMemberStart[i] .. orgMemberStart[i + 1]). */
  orgMemberStart: Int32Array;
  orgMemberIndexes: Int32Array;
}

const ORG_ID_BASE = 290_555_000;
const ORG_ID_STRIDE = 11;
export const organizationIdAt = (index: number): number => ORG_ID_BASE + index * ORG_ID_STRIDE;
export function organizationIndexOf(id: number): number {
  const offset = id - ORG_ID_BASE;
  return offset >= 0 && offset % ORG_ID_STRIDE === 0 ? offset / ORG_ID_STRIDE : -1;
}

/** Distinct streams of randomness, so that changing one aspect of generation leaves the others be. */
export const SALT = {
  names: 1,
  organizations: 2,
  interactions: 3,
  lists: 4,
  details: 5,
  opportunities: 6,
  portfolio: 7,
  employment: 8,
} as const;

/** Share of generated people on each person list (PERSON_LIST_KEYS order). */
const LIST_SHARES = [0.1, 0.008, 0.04, 0.03, 0.02];
const SHARE_WITH_INTERACTIONS = 0.82;
const SHARE_WITHOUT_EMAIL = 0.06;

export function organizationCountFor(people: number): number {
  return FEATURED_ORGANIZATIONS.length + Math.max(20, Math.round((people - MIN_PEOPLE) / 20));
}

function generateOrganizations(seed: number, count: number): SandboxOrganization[] {
  const rng = createRng(hash32(seed, SALT.organizations));
  const organizations: SandboxOrganization[] = FEATURED_ORGANIZATIONS.map((spec, index) => ({
    id: organizationIdAt(index),
    name: spec.name,
    domain: spec.domains[0] ?? null,
    domains: spec.domains,
    global: false,
  }));
  const names = new Set(organizations.map((org) => org.name));
  const domains = new Set(organizations.flatMap((org) => org.domains));
  while (organizations.length < count) {
    const a = rng.pick(ORG_WORDS_A);
    const b = rng.pick(ORG_WORDS_B);
    if (a === b) continue;
    const kind = rng.pick(ORG_KINDS);
    const name = `${a} ${b} ${kind}`;
    if (names.has(name)) continue;
    names.add(name);
    let base = `${a}${b}`.toLowerCase() + (rng.chance(0.4) ? kind.toLowerCase() : '');
    let domain = `${base}.${rng.pick(ORG_TLDS)}`;
    for (let n = 2; domains.has(domain); n += 1) {
      base = `${a}${b}${kind}`.toLowerCase();
      domain = `${base}${n > 2 ? n : ''}.${rng.pick(ORG_TLDS)}`;
    }
    domains.add(domain);
    const orgDomains = [domain];
    // Some companies keep a second domain (a rebrand, a country site).
    const alias = `${base}.com`;
    if (!domain.endsWith('.com') && rng.chance(0.15) && !domains.has(alias)) {
      domains.add(alias);
      orgDomains.push(alias);
    }
    organizations.push({
      id: organizationIdAt(organizations.length),
      name,
      domain,
      domains: orgDomains,
      global: rng.chance(0.35),
    });
  }
  return organizations;
}

/** Keeps e-mail addresses unique across the directory: a taken address gets a number. */
function uniqueEmail(local: string, domain: string, taken: Set<string>): string {
  // join() gives a flat string, which hashes fast; a template literal would give a rope.
  let email = [local, domain].join('@');
  for (let n = 2; taken.has(email); n += 1) email = [local + n, domain].join('@');
  taken.add(email);
  return email;
}

/** "\na@x.com\nb@y.org" (join makes a flat string; concatenation would keep costly rope nodes). */
const emailTextOf = (emails: readonly string[]): string => (emails.length ? ['', ...emails].join('\n') : '');

export function personAt(directory: Directory, index: number): SandboxPerson {
  const text = directory.emailText[index] as string;
  const emails = text ? text.slice(1).split('\n') : [];
  const current = directory.currentOrg[index] ?? -1;
  const previous = directory.previousOrg[index] ?? -1;
  const organizationIds: number[] = [];
  if (current >= 0) organizationIds.push(organizationIdAt(current));
  if (previous >= 0) organizationIds.push(organizationIdAt(previous));
  return {
    id: personIdAt(index),
    type: index < TEAM.length ? 1 : 0,
    firstName: (directory.firstNames[index] as NamePart).display,
    lastName: (directory.lastNames[index] as NamePart).display,
    primaryEmail: emails[0] ?? null,
    emails,
    organizationIds,
    currentOrganizationIds: current >= 0 ? [organizationIdAt(current)] : [],
  };
}

/** One folded word of a search term, ready for `includes`: at a word start, or at a domain start. */
export interface TermWord {
  atStart: string;
  atDomain: string;
}

export function termWords(foldedTerm: string): TermWord[] {
  return foldedTerm
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ atStart: '\n' + word, atDomain: '@' + word }));
}

/** Whether every term word begins a word of the person's names, an e-mail address or an e-mail domain. */
export function matchesWords(directory: Directory, index: number, words: readonly TermWord[]): boolean {
  const first = (directory.firstNames[index] as NamePart).searchText;
  const last = (directory.lastNames[index] as NamePart).searchText;
  const emails = directory.emailText[index] as string;
  for (const word of words) {
    if (first.includes(word.atStart) || last.includes(word.atStart)) continue;
    if (emails && (emails.includes(word.atStart) || emails.includes(word.atDomain))) continue;
    return false;
  }
  return true;
}

function localPart(rng: Rng, first: string, last: string): string {
  const style = rng.next();
  if (style < 0.45) return `${first}.${last}`;
  if (style < 0.65) return `${first.charAt(0)}${last}`;
  if (style < 0.75) return first;
  if (style < 0.85) return `${first}_${last}`;
  if (style < 0.93) return `${last}.${first}`;
  return `${first}${last.charAt(0)}`;
}

export function generateDirectory(seed: number, size: number): Directory {
  const organizations = generateOrganizations(seed, organizationCountFor(size));
  const orgIndexOfKey = new Map(FEATURED_ORGANIZATIONS.map((spec, index) => [spec.key, index]));
  const directory: Directory = {
    size,
    organizations,
    firstNames: new Array<NamePart>(size),
    lastNames: new Array<NamePart>(size),
    emailText: new Array<string>(size),
    currentOrg: new Int32Array(size).fill(-1),
    previousOrg: new Int32Array(size).fill(-1),
    cultureOf: new Uint8Array(size),
    hasInteractions: new Uint8Array(size),
    listBits: new Uint8Array(size),
    orgMemberStart: new Int32Array(0),
    orgMemberIndexes: new Int32Array(0),
  };

  const takenNames = new TakenNames();
  for (const name of DECOY_NAMES) {
    const [first = '', ...rest] = name.split(' ');
    takenNames.add(namePart(first), namePart(rest.join(' ')));
  }
  const takenEmails = new Set<string>();

  // The team, then the featured people: fixed, whatever the seed.
  const specs = [...TEAM, ...FEATURED];
  specs.forEach((spec, index) => {
    addSpecPerson(directory, spec, index, orgIndexOfKey);
    takenNames.add(directory.firstNames[index] as NamePart, directory.lastNames[index] as NamePart);
    for (const email of spec.emails) takenEmails.add(email);
  });

  // Names come from their own stream, so a bigger directory starts with the same people.
  const names = createRng(hash32(seed, SALT.names));
  const rng = createRng(hash32(seed, SALT.employment));
  const firstGenerated = FEATURED_ORGANIZATIONS.length;
  const generatedOrgs = organizations.length - firstGenerated;
  const pickOrg = (): number =>
    // A few people work at the featured companies too, so those have colleagues.
    rng.chance(0.03) ? rng.int(1, firstGenerated - 1) : firstGenerated + rng.int(0, generatedOrgs - 1);

  for (let index = specs.length; index < size; index += 1) {
    const { first, last, culture } = drawUniqueName(names, takenNames);
    takenNames.add(first, last);
    const current = rng.chance(0.85) ? pickOrg() : -1;
    let previous = rng.chance(0.25) ? pickOrg() : -1;
    if (previous === current) previous = -1;
    const emails = generatedEmails(
      rng,
      first,
      last,
      culture.culture.tld,
      current,
      previous,
      organizations,
      takenEmails,
    );

    directory.firstNames[index] = first;
    directory.lastNames[index] = last;
    directory.emailText[index] = emailTextOf(emails);
    directory.currentOrg[index] = current;
    directory.previousOrg[index] = previous;
    directory.cultureOf[index] = culture.index;
    directory.hasInteractions[index] =
      unit(hash32(seed, SALT.interactions, index)) < SHARE_WITH_INTERACTIONS ? 1 : 0;
    let bits = 0;
    LIST_SHARES.forEach((share, bit) => {
      if (unit(hash32(seed, SALT.lists, index, bit)) < share) bits |= 1 << bit;
    });
    directory.listBits[index] = bits;
  }

  indexOrganizationMembers(directory);
  return directory;
}

function addSpecPerson(
  directory: Directory,
  spec: PersonSpec,
  index: number,
  orgIndexOfKey: ReadonlyMap<string, number>,
): void {
  const [current, previous, ...more] = spec.organizations.map((key) => {
    const orgIndex = orgIndexOfKey.get(key);
    if (orgIndex === undefined) throw new Error(`featured organization ${key} is missing`);
    return orgIndex;
  });
  if (more.length) throw new Error(`${spec.key}: at most a current and a former organization`);
  directory.firstNames[index] = namePart(spec.firstName);
  directory.lastNames[index] = namePart(spec.lastName);
  directory.emailText[index] = emailTextOf(spec.emails);
  directory.currentOrg[index] = current ?? -1;
  directory.previousOrg[index] = previous ?? -1;
  directory.cultureOf[index] = cultureTableByKey(spec.culture).index;
  directory.hasInteractions[index] = spec.interactions === false ? 0 : 1;
  let bits = 0;
  for (const list of spec.lists ?? []) bits |= 1 << PERSON_LIST_KEYS.indexOf(list);
  directory.listBits[index] = bits;
}

function generatedEmails(
  rng: Rng,
  first: NamePart,
  last: NamePart,
  tld: string,
  current: number,
  previous: number,
  organizations: readonly SandboxOrganization[],
  taken: Set<string>,
): string[] {
  if (rng.chance(SHARE_WITHOUT_EMAIL)) return [];
  const emails: string[] = [];
  const firstSlug = first.slug || 'contact';
  const lastSlug = last.slug || 'person';
  const workDomain = current >= 0 ? organizations[current]?.domain : null;
  if (workDomain && rng.chance(0.9))
    emails.push(uniqueEmail(localPart(rng, firstSlug, lastSlug), workDomain, taken));
  if (emails.length === 0 || rng.chance(0.3)) {
    emails.push(uniqueEmail(localPart(rng, firstSlug, lastSlug), rng.pick(PERSONAL_EMAIL_DOMAINS), taken));
  }
  const oldDomain = previous >= 0 ? organizations[previous]?.domain : null;
  if (oldDomain && rng.chance(0.3))
    emails.push(uniqueEmail(localPart(rng, firstSlug, lastSlug), oldDomain, taken));
  if (rng.chance(0.05)) emails.push(uniqueEmail(firstSlug, `${lastSlug}.${tld}`, taken));
  return emails;
}

/** Organization -> member indexes, as two flat arrays (a counting sort over every person's employers). */
function indexOrganizationMembers(directory: Directory): void {
  const { currentOrg, previousOrg, size } = directory;
  const count = directory.organizations.length;
  const start = new Int32Array(count + 1);
  for (let index = 0; index < size; index += 1) {
    for (const org of [currentOrg[index] ?? -1, previousOrg[index] ?? -1]) {
      if (org >= 0) start[org + 1] = (start[org + 1] ?? 0) + 1;
    }
  }
  for (let org = 1; org <= count; org += 1) start[org] = (start[org] ?? 0) + (start[org - 1] ?? 0);
  const fill = start.slice(0, count);
  const indexes = new Int32Array(start[count] ?? 0);
  for (let index = 0; index < size; index += 1) {
    for (const org of [currentOrg[index] ?? -1, previousOrg[index] ?? -1]) {
      if (org < 0) continue;
      indexes[fill[org] ?? 0] = index;
      fill[org] = (fill[org] ?? 0) + 1;
    }
  }
  directory.orgMemberStart = start;
  directory.orgMemberIndexes = indexes;
}
