/**
 * The hand-written part of the sandbox: the demo tenant and its team, and the "featured" people the
 * demo page mentions. They exist with the same ids, names and e-mails for every seed and size, so
 * tests and demos can name them. Everyone else is generated (see data.ts).
 */

/** The API key the sandbox accepts (Basic with an empty user name, or Bearer). */
export const DEMO_KEY = 'sandbox-demo-key-6f1c2a9e';

export const DEMO_TENANT = { id: 7301, name: 'Lumen Ventures', subdomain: 'lumen' } as const;

/** The e-mail domain of the tenant's own team (internal people, type 1). */
export const TEAM_DOMAIN = 'lumenvc.com';

/** Person ids are spaced out (not 1, 2, 3…) so that a client cannot confuse an id with an index. */
export const PERSON_ID_BASE = 54_000_000;
export const PERSON_ID_STRIDE = 7;

export const personIdAt = (index: number): number => PERSON_ID_BASE + index * PERSON_ID_STRIDE;

/** The index of a person id, or -1 when the id is not one the sandbox hands out. */
export function personIndexOf(id: number): number {
  const offset = id - PERSON_ID_BASE;
  return offset >= 0 && offset % PERSON_ID_STRIDE === 0 ? offset / PERSON_ID_STRIDE : -1;
}

export interface OrganizationSpec {
  key: string;
  name: string;
  domains: readonly string[];
}

/** Organizations of the team and of the featured people; generated ones follow them. */
export const FEATURED_ORGANIZATIONS: readonly OrganizationSpec[] = [
  { key: 'lumen', name: 'Lumen Ventures', domains: [TEAM_DOMAIN] },
  { key: 'quill', name: 'Quill Payments', domains: ['quillpay.io', 'quill.com'] },
  { key: 'meridiano', name: 'Banco Meridiano', domains: ['bancomeridiano.es'] },
  { key: 'northlight', name: 'Northlight Capital', domains: ['northlightcap.com'] },
  { key: 'fjordpay', name: 'Fjordpay', domains: ['fjordpay.no'] },
  { key: 'vistula', name: 'Vistula Bank', domains: ['vistulabank.pl'] },
  { key: 'rhein', name: 'Rhein Fintech', domains: ['rheinfintech.de'] },
  { key: 'neva', name: 'Neva Capital', domains: ['neva.capital'] },
  { key: 'gulf', name: 'Gulf Ledger', domains: ['gulfledger.ae'] },
  { key: 'sakura', name: 'Sakura Pay', domains: ['sakurapay.jp'] },
  { key: 'hanbit', name: 'Hanbit Bank', domains: ['hanbitbank.kr'] },
  { key: 'okonkwo', name: 'Okonkwo Advisory', domains: ['okonkwo-advisory.com'] },
  { key: 'atlas', name: 'Atlas Fintech Hub', domains: ['atlasfintech.ma'] },
  { key: 'ledgerline', name: 'Ledgerline', domains: ['ledgerline.io'] },
  { key: 'parisclearing', name: 'Paris Clearing', domains: ['parisclearing.fr'] },
  { key: 'harp', name: 'Harp Capital', domains: ['harpcapital.ie'] },
];

/** Keys of the person lists a featured person is on (see schema.ts). */
export type PersonListKey = 'founders' | 'speakers' | 'lps' | 'advisors' | 'followups';

export interface PersonSpec {
  key: string;
  firstName: string;
  lastName: string;
  emails: readonly string[];
  /** Organization keys; the first is the current one. */
  organizations: readonly string[];
  lists?: readonly PersonListKey[];
  /** false: this person has no interactions at all (and so is dropped by with_interaction_dates). */
  interactions?: boolean;
  /** The culture (names.ts) their places and details come from; English when omitted. */
  culture?: string;
}

const team = (key: string, firstName: string, lastName: string, ...emails: string[]): PersonSpec => ({
  key,
  firstName,
  lastName,
  emails,
  organizations: ['lumen'],
});

/** The tenant's own people (type 1). The first is the demo user. */
export const TEAM: readonly PersonSpec[] = [
  team('maya', 'Maya', 'Lindqvist', `maya@${TEAM_DOMAIN}`, `maya.lindqvist@${TEAM_DOMAIN}`),
  team('tomas', 'Tomás', 'Ferreira', `tomas@${TEAM_DOMAIN}`),
  team('priyaRaman', 'Priya', 'Raman', `priya@${TEAM_DOMAIN}`),
  team('kwame', 'Kwame', 'Asante', `kwame@${TEAM_DOMAIN}`),
  team('hannah', 'Hannah', 'Schmidt', `hannah@${TEAM_DOMAIN}`),
  team('kenji', 'Kenji', 'Watanabe', `kenji@${TEAM_DOMAIN}`),
  team('olivia', 'Olivia', 'Bennett', `olivia@${TEAM_DOMAIN}`, `olivia.bennett@${TEAM_DOMAIN}`),
  team('rafael', 'Rafael', 'Costa', `rafael@${TEAM_DOMAIN}`),
  team('amara', 'Amara', 'Nwosu', `amara@${TEAM_DOMAIN}`),
  team('jonas', 'Jonas', 'Weber', `jonas@${TEAM_DOMAIN}`),
];

/** External people (type 0) the demo page and the tests rely on. */
export const FEATURED: readonly PersonSpec[] = [
  {
    key: 'jose',
    culture: 'spanish',
    firstName: 'José',
    lastName: 'Álvarez',
    emails: ['jose.alvarez@quillpay.io', 'jalvarez@gmail.com'],
    organizations: ['quill', 'meridiano'],
    lists: ['speakers', 'founders'],
  },
  {
    key: 'zoe',
    culture: 'nordic',
    firstName: 'Zoë',
    lastName: 'Lindgren',
    emails: ['zoe@northlightcap.com'],
    organizations: ['northlight'],
    lists: ['speakers', 'founders'],
  },
  {
    key: 'soren',
    culture: 'nordic',
    firstName: 'Søren',
    lastName: 'Ødegård',
    emails: ['soren.odegard@fjordpay.no', 'soren@odegard.no'],
    organizations: ['fjordpay'],
    lists: ['speakers'],
  },
  {
    key: 'lukasz',
    culture: 'polish',
    firstName: 'Łukasz',
    lastName: 'Wiśniewski',
    emails: ['lukasz.wisniewski@vistulabank.pl', 'l.wisniewski@proton.me', 'lukasz@wisniewski.dev'],
    organizations: ['vistula'],
    lists: ['speakers'],
  },
  {
    key: 'anna',
    culture: 'german',
    firstName: 'Anna',
    lastName: 'Müller',
    emails: ['anna.mueller@rheinfintech.de'],
    organizations: ['rhein'],
    lists: ['speakers', 'advisors'],
  },
  {
    key: 'dmitry',
    culture: 'russian',
    firstName: 'Дмитрий',
    lastName: 'Иванов',
    emails: ['d.ivanov@neva.capital'],
    organizations: ['neva'],
    lists: ['speakers'],
  },
  {
    key: 'mohammed',
    culture: 'arabic',
    firstName: 'محمد',
    lastName: 'العلي',
    emails: ['m.alali@gulfledger.ae'],
    organizations: ['gulf'],
    lists: ['speakers'],
  },
  {
    key: 'taro',
    culture: 'japanese',
    firstName: '太郎',
    lastName: '山田',
    emails: ['taro.yamada@sakurapay.jp'],
    organizations: ['sakura'],
  },
  {
    key: 'danielQuill',
    culture: 'english',
    firstName: 'Daniel',
    lastName: 'Kim',
    emails: ['daniel.kim@quillpay.io'],
    organizations: ['quill'],
    lists: ['speakers'],
  },
  {
    key: 'danielHanbit',
    culture: 'east-asian-latin',
    firstName: 'Daniel',
    lastName: 'Kim',
    emails: ['dkim@hanbitbank.kr', 'daniel.kim@gmail.com'],
    organizations: ['hanbit'],
    lists: ['lps'],
  },
  {
    key: 'margaret',
    culture: 'african',
    firstName: 'Margaret',
    lastName: 'Okonkwo',
    emails: ['margaret@okonkwo-advisory.com'],
    organizations: ['okonkwo'],
    lists: ['speakers', 'founders'],
  },
  {
    key: 'fatima',
    culture: 'arabic-latin',
    firstName: 'Fatima',
    lastName: 'Benali',
    emails: [],
    organizations: ['atlas'],
    lists: ['speakers'],
  },
  {
    key: 'priya',
    culture: 'indian',
    firstName: 'Priya',
    lastName: 'Natarajan',
    emails: ['priya.natarajan@ledgerline.io', 'priya.n@gmail.com'],
    organizations: ['ledgerline'],
    lists: ['lps'],
  },
  {
    key: 'jeanLuc',
    culture: 'french',
    firstName: 'Jean-Luc',
    lastName: 'Moreau',
    emails: ['jl.moreau@parisclearing.fr'],
    organizations: ['parisclearing'],
    lists: ['speakers'],
  },
  {
    key: 'liam',
    culture: 'irish',
    firstName: 'Liam',
    lastName: "O'Connor",
    emails: ['liam@harpcapital.ie'],
    organizations: ['harp'],
    interactions: false,
  },
];

/** The smallest directory that still holds the team and every featured person. */
export const MIN_PEOPLE = TEAM.length + FEATURED.length;

export type FeaturedKey =
  | 'maya'
  | 'tomas'
  | 'priyaRaman'
  | 'kwame'
  | 'hannah'
  | 'kenji'
  | 'olivia'
  | 'rafael'
  | 'amara'
  | 'jonas'
  | 'jose'
  | 'zoe'
  | 'soren'
  | 'lukasz'
  | 'anna'
  | 'dmitry'
  | 'mohammed'
  | 'taro'
  | 'danielQuill'
  | 'danielHanbit'
  | 'margaret'
  | 'fatima'
  | 'priya'
  | 'jeanLuc'
  | 'liam';

export interface FeaturedPerson {
  id: number;
  type: 0 | 1;
  firstName: string;
  lastName: string;
  fullName: string;
  emails: readonly string[];
}

/** Every hand-written person by key, with the id it has in every sandbox. */
export const FEATURED_PEOPLE = Object.fromEntries(
  [...TEAM, ...FEATURED].map((spec, index) => [
    spec.key,
    {
      id: personIdAt(index),
      type: index < TEAM.length ? 1 : 0,
      firstName: spec.firstName,
      lastName: spec.lastName,
      fullName: `${spec.firstName} ${spec.lastName}`,
      emails: spec.emails,
    },
  ]),
) as Record<FeaturedKey, FeaturedPerson>;

/** The user the demo key belongs to (GET /auth/whoami). */
export const DEMO_USER = {
  id: FEATURED_PEOPLE.maya.id,
  firstName: FEATURED_PEOPLE.maya.firstName,
  lastName: FEATURED_PEOPLE.maya.lastName,
  email: `maya@${TEAM_DOMAIN}`,
} as const;

/** The only two different people who share a full name. */
export const SAME_NAME_PAIR = {
  firstName: 'Daniel',
  lastName: 'Kim',
  fullName: 'Daniel Kim',
  ids: [FEATURED_PEOPLE.danielQuill.id, FEATURED_PEOPLE.danielHanbit.id] as const,
} as const;

/** A former person id: GET /persons/{id} answers 422 "… has been merged into …". */
export const MERGED_PERSON = {
  id: 48_211_305,
  mergedIntoId: FEATURED_PEOPLE.soren.id,
} as const;

/**
 * Names the demo page uses that belong to nobody in the roster; the generator never produces them.
 * "Daniel Kimura" and "Carlos Álvarez" are near misses of roster names.
 */
export const DECOY_NAMES = [
  'Elena Petrova',
  'Marcus Whitfield',
  'Carlos Álvarez',
  'Ingrid Halvorsen',
  'Daniel Kimura',
  'Jane Doe',
] as const;
