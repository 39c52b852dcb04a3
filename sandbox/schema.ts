/**
 * The tenant's lists and fields: fixed for every seed and size, so tests can name them. Fields cover
 * every value_type (0 person, 1 organization, 2 dropdown, 3 number, 4 date, 5 location, 6 text,
 * 7 ranked dropdown), globally (list_id null) and on lists.
 */
import type { PersonListKey } from './featured';

export type ValueType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DropdownOption {
  id: number;
  text: string;
  rank: number;
  color: number;
}

export type FieldKey =
  | 'referredBy'
  | 'boardSeats'
  | 'seniority'
  | 'checkSize'
  | 'lastMet'
  | 'location'
  | 'jobTitle'
  | 'warmth'
  | 'interests'
  | 'linkedin'
  | 'industry'
  | 'headquarters'
  | 'employees'
  | 'status'
  | 'owners'
  | 'roundSize'
  | 'stage'
  | 'nextStep'
  | 'leadInvestor'
  | 'session'
  | 'slot'
  | 'commitment'
  | 'tier'
  | 'description'
  | 'amount';

export interface SandboxField {
  id: number;
  key: FieldKey;
  name: string;
  /** null: a global field. */
  listId: number | null;
  /** What the field describes: person fields are the ones on people and on person lists. */
  entity: 'person' | 'organization' | 'opportunity';
  valueType: ValueType;
  allowsMultiple: boolean;
  enrichmentSource: 'none' | 'affinity-data';
  trackChanges: boolean;
  dropdownOptions: readonly DropdownOption[];
}

export type ListKey = PersonListKey | 'portfolio' | 'seriesA';

export interface SandboxListDef {
  id: number;
  key: ListKey;
  /** 0 person, 1 organization, 8 opportunity. */
  type: 0 | 1 | 8;
  name: string;
  public: boolean;
  /** The team member (by key) who owns it. */
  ownerKey: string;
}

export const LIST_DEFS: readonly SandboxListDef[] = [
  { id: 188027, key: 'founders', type: 0, name: 'Founders pipeline', public: true, ownerKey: 'maya' },
  {
    id: 188031,
    key: 'speakers',
    type: 0,
    name: 'Fintech Forum 2026 speakers',
    public: true,
    ownerKey: 'tomas',
  },
  { id: 188044, key: 'lps', type: 0, name: 'LP prospects', public: false, ownerKey: 'olivia' },
  { id: 188052, key: 'advisors', type: 0, name: 'Advisors & experts', public: true, ownerKey: 'kwame' },
  { id: 188060, key: 'followups', type: 0, name: "Maya's follow-ups", public: false, ownerKey: 'maya' },
  { id: 188071, key: 'portfolio', type: 1, name: 'Portfolio companies', public: true, ownerKey: 'maya' },
  { id: 188085, key: 'seriesA', type: 8, name: 'Series A pipeline', public: true, ownerKey: 'rafael' },
];

/** Person lists in the order of the membership bits kept per person. */
export const PERSON_LIST_KEYS: readonly PersonListKey[] = [
  'founders',
  'speakers',
  'lps',
  'advisors',
  'followups',
];

export const listDef = (key: ListKey): SandboxListDef => {
  const def = LIST_DEFS.find((list) => list.key === key);
  if (!def) throw new Error(`no list ${key}`);
  return def;
};

let nextOptionId = 3001;
const options = (...texts: string[]): DropdownOption[] =>
  texts.map((text, index) => ({ id: nextOptionId++, text, rank: index + 1, color: index % 8 }));

type FieldInit = Pick<SandboxField, 'id' | 'key' | 'name' | 'valueType'> &
  Partial<Omit<SandboxField, 'id' | 'key' | 'name' | 'valueType'>>;

const field = (init: FieldInit): SandboxField => ({
  listId: null,
  entity: 'person',
  allowsMultiple: false,
  enrichmentSource: 'none',
  trackChanges: false,
  dropdownOptions: [],
  ...init,
});

const founders = listDef('founders').id;
const speakers = listDef('speakers').id;
const lps = listDef('lps').id;

export const FIELDS: readonly SandboxField[] = [
  // Global person fields.
  field({ id: 1001, key: 'referredBy', name: 'Referred by', valueType: 0 }),
  field({ id: 1002, key: 'boardSeats', name: 'Board seats', valueType: 1, allowsMultiple: true }),
  field({
    id: 1003,
    key: 'seniority',
    name: 'Seniority',
    valueType: 2,
    dropdownOptions: options('Founder', 'C-level', 'VP', 'Director', 'Manager', 'Individual contributor'),
  }),
  field({ id: 1004, key: 'checkSize', name: 'Typical check size (USD)', valueType: 3, trackChanges: true }),
  field({ id: 1005, key: 'lastMet', name: 'Last met in person', valueType: 4 }),
  field({ id: 1006, key: 'location', name: 'Location', valueType: 5, enrichmentSource: 'affinity-data' }),
  field({ id: 1007, key: 'jobTitle', name: 'Job title', valueType: 6, enrichmentSource: 'affinity-data' }),
  field({
    id: 1008,
    key: 'warmth',
    name: 'Warmth',
    valueType: 7,
    trackChanges: true,
    dropdownOptions: options('Cold', 'Warm', 'Hot'),
  }),
  field({
    id: 1009,
    key: 'interests',
    name: 'Interests',
    valueType: 2,
    allowsMultiple: true,
    dropdownOptions: options('Payments', 'Lending', 'Crypto', 'Insurtech', 'Regtech', 'Wealth'),
  }),
  field({ id: 1010, key: 'linkedin', name: 'LinkedIn profile', valueType: 6 }),
  // Global organization fields.
  field({
    id: 1101,
    key: 'industry',
    name: 'Industry',
    entity: 'organization',
    valueType: 2,
    dropdownOptions: options('Fintech', 'Banking', 'Insurance', 'Asset management', 'Software'),
  }),
  field({ id: 1102, key: 'headquarters', name: 'Headquarters', entity: 'organization', valueType: 5 }),
  field({ id: 1103, key: 'employees', name: 'Employees', entity: 'organization', valueType: 3 }),
  // Fields of person lists.
  field({
    id: 2001,
    key: 'status',
    name: 'Status',
    listId: founders,
    valueType: 7,
    trackChanges: true,
    dropdownOptions: options('Sourced', 'Contacted', 'Meeting booked', 'Diligence', 'Passed'),
  }),
  field({ id: 2002, key: 'owners', name: 'Owners', listId: founders, valueType: 0, allowsMultiple: true }),
  field({ id: 2003, key: 'roundSize', name: 'Round size (USD)', listId: founders, valueType: 3 }),
  field({
    id: 2004,
    key: 'stage',
    name: 'Stage',
    listId: founders,
    valueType: 2,
    dropdownOptions: options('Pre-seed', 'Seed', 'Series A', 'Series B'),
  }),
  field({ id: 2005, key: 'nextStep', name: 'Next step', listId: founders, valueType: 4 }),
  field({ id: 2006, key: 'leadInvestor', name: 'Lead investor', listId: founders, valueType: 1 }),
  field({ id: 2101, key: 'session', name: 'Session', listId: speakers, valueType: 6 }),
  field({ id: 2102, key: 'slot', name: 'Speaking slot', listId: speakers, valueType: 4 }),
  field({ id: 2201, key: 'commitment', name: 'Commitment (USD)', listId: lps, valueType: 3 }),
  field({
    id: 2202,
    key: 'tier',
    name: 'Tier',
    listId: lps,
    valueType: 7,
    dropdownOptions: options('Tier 1', 'Tier 2', 'Tier 3'),
  }),
  // Fields of the organization and opportunity lists.
  field({
    id: 2301,
    key: 'description',
    name: 'Description',
    listId: listDef('portfolio').id,
    entity: 'organization',
    valueType: 6,
  }),
  field({
    id: 2401,
    key: 'amount',
    name: 'Amount',
    listId: listDef('seriesA').id,
    entity: 'opportunity',
    valueType: 3,
  }),
];

export const fieldDef = (key: FieldKey): SandboxField => {
  const def = FIELDS.find((candidate) => candidate.key === key);
  if (!def) throw new Error(`no field ${key}`);
  return def;
};
