/**
 * What the sandbox knows about one person beyond their name: list entries, interactions, field
 * values, relationship strengths, notes, opportunities. Derived on demand from the seed and the
 * person's index (a private random stream per aspect), so nothing is stored and every call agrees.
 */
import { MIN_PEOPLE, TEAM, personIdAt } from './featured';
import type { Directory, SandboxPerson } from './generate';
import { SALT, organizationIdAt, personAt } from './generate';
import { CULTURE_TABLES } from './name-table';
import { JOB_TITLES, type Place } from './names';
import { createRng, hash32, unit, type Rng } from './prng';
import { PERSON_LIST_KEYS, fieldDef, listDef, type DropdownOption, type FieldKey } from './schema';

export type InteractionKey =
  | 'firstEmail'
  | 'lastEmail'
  | 'firstEvent'
  | 'lastEvent'
  | 'nextEvent'
  | 'lastChatMessage'
  | 'lastInteraction';

export interface SandboxInteraction {
  /** ISO 8601 with the tenant's offset, as Affinity sends it ("2024-05-31T09:00:37.000-07:00"). */
  date: string;
  /** The internal people involved. */
  personIds: readonly number[];
}

export type SandboxInteractions = Record<InteractionKey, SandboxInteraction | null>;

export interface SandboxListEntry {
  id: number;
  listId: number;
  creatorId: number;
  entityId: number;
  /** ISO 8601 in UTC ("Z"), as live list entries carry it. */
  createdAt: string;
}

export interface SandboxLocation {
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  continent: string | null;
}

/** text (dropdown, text, date), number, person or organization id, location, or ranked dropdown. */
export type SandboxFieldValueData = string | number | SandboxLocation | DropdownOption;

export interface SandboxFieldValue {
  id: number;
  fieldId: number;
  /** null for a global field's value. */
  listEntryId: number | null;
  entityId: number;
  valueType: number;
  value: SandboxFieldValueData;
  createdAt: string;
  updatedAt: string | null;
}

export interface SandboxRelationshipStrength {
  internalId: number;
  externalId: number;
  /** 0–1, higher is closer. */
  strength: number;
}

export interface SandboxNote {
  id: number;
  creatorId: number;
  personIds: readonly number[];
  associatedPersonIds: readonly number[];
  interactionPersonIds: readonly number[];
  mentionedPersonIds: readonly number[];
  organizationIds: readonly number[];
  opportunityIds: readonly number[];
  /** 0 plain text, 2 HTML (markup that must never be rendered), 3 AI notetaker summary. */
  type: 0 | 2 | 3;
  content: string;
  isMeeting: boolean;
  interactionId: number | null;
  interactionType: number | null;
  createdAt: string;
  updatedAt: string | null;
}

/** Every HTML note that carries hostile markup names this string in it (e.g. `alert('lens-xss')`). */
export const NOTE_MARKUP_MARKER = 'lens-xss';

const DAY = 86_400_000;
const TENANT_OFFSET_MINUTES = -7 * 60;

/** "2024-05-31T09:00:37.000-07:00": the tenant's wall-clock time with its offset. */
export function withOffset(ms: number): string {
  const local = new Date(ms + TENANT_OFFSET_MINUTES * 60_000).toISOString().slice(0, -1);
  const sign = TENANT_OFFSET_MINUTES < 0 ? '-' : '+';
  const abs = Math.abs(TENANT_OFFSET_MINUTES);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const inUtc = (ms: number): string => new Date(ms).toISOString();

const LIST_ENTRY_ID_BASE = 133_500_000;
const FIELD_VALUE_ID_BASE = 2_634_000_000;
const NOTE_ID_BASE = 20_400_000;
const OPPORTUNITY_ID_BASE = 4_100_000;
const INTERACTION_ID_BASE = 711_000_000;

/** What details are derived from. */
export interface DetailSource {
  seed: number;
  todayMs: number;
  directory: Directory;
  teamIds: readonly number[];
}

/** One private random stream per person and aspect. */
const ASPECT = { interactions: 1, lists: 2, fields: 3, strengths: 4, notes: 5 } as const;
const streamFor = (source: DetailSource, index: number, aspect: number): Rng =>
  createRng(hash32(source.seed, SALT.details, index, aspect));

const isFeatured = (index: number): boolean => index < MIN_PEOPLE;
const isTeam = (index: number): boolean => index < TEAM.length;

/** A random moment `minDays`–`maxDays` before today, during working hours. */
function daysAgo(rng: Rng, source: DetailSource, minDays: number, maxDays: number): number {
  const day = Math.floor(source.todayMs / DAY) * DAY - rng.int(minDays, maxDays) * DAY;
  return day + rng.int(15, 26) * 3_600_000 + rng.int(0, 3599) * 1000 + rng.int(0, 999);
}

/** 1–`max` distinct team members, never the person themself. */
function teamMembers(rng: Rng, source: DetailSource, self: number, max: number): number[] {
  const wanted = rng.int(1, max);
  const ids: number[] = [];
  for (let guard = 0; ids.length < wanted && guard < 20; guard += 1) {
    const id = rng.pick(source.teamIds);
    if (id !== self && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function listEntriesOf(source: DetailSource, index: number): SandboxListEntry[] {
  const bits = source.directory.listBits[index] ?? 0;
  if (bits === 0) return [];
  const rng = streamFor(source, index, ASPECT.lists);
  const personId = personIdAt(index);
  const entries: SandboxListEntry[] = [];
  PERSON_LIST_KEYS.forEach((key, bit) => {
    if (!(bits & (1 << bit))) return;
    entries.push({
      id: LIST_ENTRY_ID_BASE + index * 8 + bit,
      listId: listDef(key).id,
      creatorId: rng.pick(source.teamIds),
      entityId: personId,
      createdAt: inUtc(daysAgo(rng, source, 3, 900)),
    });
  });
  return entries;
}

export function interactionsOf(source: DetailSource, index: number): SandboxInteractions | null {
  if (!source.directory.hasInteractions[index]) return null;
  const rng = streamFor(source, index, ASPECT.interactions);
  const self = personIdAt(index);
  const featured = isFeatured(index);
  const hasEvent = featured || rng.chance(0.55);
  const hasChat = rng.chance(0.15);
  const hasEmail = featured || rng.chance(0.8) || (!hasEvent && !hasChat);
  const hasNext = featured || rng.chance(0.25);

  const at = (ms: number, people = 2): SandboxInteraction => ({
    date: withOffset(ms),
    personIds: teamMembers(rng, source, self, people),
  });
  const pair = (): [SandboxInteraction, SandboxInteraction, number] => {
    const firstAgo = rng.int(60, 1500);
    const lastAgo = rng.int(1, Math.min(firstAgo - 1, 365));
    const last = daysAgo(rng, source, lastAgo, lastAgo);
    return [at(daysAgo(rng, source, firstAgo, firstAgo)), at(last), last];
  };

  const email = hasEmail ? pair() : null;
  const event = hasEvent ? pair() : null;
  const chatMs = hasChat ? daysAgo(rng, source, 1, 200) : null;
  const chat = chatMs === null ? null : at(chatMs, 1);
  const next = hasNext ? at(daysAgo(rng, source, -rng.int(1, 45), -1), 3) : null;

  const latest = [
    email && { ms: email[2], interaction: email[1] },
    event && { ms: event[2], interaction: event[1] },
    chat && chatMs !== null && { ms: chatMs, interaction: chat },
  ]
    .filter((candidate) => !!candidate)
    .sort((a, b) => b.ms - a.ms)[0];

  return {
    firstEmail: email?.[0] ?? null,
    lastEmail: email?.[1] ?? null,
    firstEvent: event?.[0] ?? null,
    lastEvent: event?.[1] ?? null,
    nextEvent: next,
    lastChatMessage: chat,
    lastInteraction: latest ? latest.interaction : null,
  };
}

export function relationshipStrengthsOf(source: DetailSource, index: number): SandboxRelationshipStrength[] {
  if (isTeam(index) || !source.directory.hasInteractions[index]) return [];
  const rng = streamFor(source, index, ASPECT.strengths);
  const externalId = personIdAt(index);
  const members = teamMembers(rng, source, externalId, 3);
  if (isFeatured(index) && members.length < 2) members.push(...teamMembers(rng, source, externalId, 2));
  return [...new Set(members)]
    .map((internalId) => ({
      internalId,
      externalId,
      strength: Math.round((0.05 + rng.next() * 0.94) * 1000) / 1000,
    }))
    .sort((a, b) => b.strength - a.strength);
}

export function opportunityIdsOf(source: DetailSource, index: number): number[] {
  const count = opportunityCountAt(source.seed, index, source.directory.listBits[index] ?? 0);
  return Array.from({ length: count }, (_, k) => OPPORTUNITY_ID_BASE + index * 2 + k);
}

/** Founders on the pipeline have a deal; a few others too. */
export function opportunityCountAt(seed: number, index: number, listBits: number): number {
  if (isFeatured(index)) return listBits & 1 ? 1 : 0;
  const u = unit(hash32(seed, SALT.opportunities, index));
  return u < 0.05 ? 1 : u < 0.065 ? 2 : 0;
}

const CHECK_SIZES = [25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000];
const STREETS = [
  '12 Harbour Street',
  'Kungsgatan 44',
  'Calle de Alcalá 27',
  'Rue de Rivoli 88',
  null,
  null,
  null,
];
const SESSIONS = [
  'Embedded finance after the hype',
  'Instant payments across borders',
  'Open banking: year five',
  'Underwriting with cash-flow data',
  'Stablecoins and the regulators',
];

function placeValue(rng: Rng, place: Place): SandboxLocation {
  return {
    streetAddress: rng.pick(STREETS),
    city: place.city,
    state: place.state,
    country: place.country,
    continent: place.continent,
  };
}

export function fieldValuesOf(source: DetailSource, index: number): SandboxFieldValue[] {
  const rng = streamFor(source, index, ASPECT.fields);
  const person = personAt(source.directory, index);
  const featured = isFeatured(index);
  const team = isTeam(index);
  const culture = CULTURE_TABLES[source.directory.cultureOf[index] ?? 0]?.culture;
  const values: SandboxFieldValue[] = [];
  let slot = 0;

  const add = (key: FieldKey, value: SandboxFieldValueData, listEntryId: number | null = null): void => {
    const def = fieldDef(key);
    const created = daysAgo(rng, source, 30, 1200);
    values.push({
      id: FIELD_VALUE_ID_BASE + index * 64 + slot++,
      fieldId: def.id,
      listEntryId,
      entityId: person.id,
      valueType: def.valueType,
      value,
      createdAt: withOffset(created),
      updatedAt: rng.chance(0.5) ? null : withOffset(created + rng.int(1, 25) * DAY),
    });
  };
  const has = (share: number): boolean => featured || rng.chance(share);
  const option = (key: FieldKey): DropdownOption => rng.pick(fieldDef(key).dropdownOptions);
  const anyOrganization = (): number =>
    organizationIdAt(rng.int(1, source.directory.organizations.length - 1));
  const anyPerson = (): number => personIdAt(rng.int(0, source.directory.size - 1));

  if (has(0.8)) add('jobTitle', team ? 'Partner' : rng.pick(JOB_TITLES));
  if (culture && has(0.7)) add('location', placeValue(rng, rng.pick(culture.places)));
  if (!team) {
    if (has(0.4)) add('referredBy', rng.chance(0.7) ? rng.pick(source.teamIds) : anyPerson());
    if (has(0.15)) for (let n = rng.int(1, 2); n > 0; n -= 1) add('boardSeats', anyOrganization());
    if (has(0.6)) add('seniority', option('seniority').text);
    if (has(0.25)) add('checkSize', rng.pick(CHECK_SIZES));
    if (has(0.35)) add('lastMet', withOffset(Math.floor(daysAgo(rng, source, 5, 700) / DAY) * DAY));
    if (has(0.5)) add('warmth', option('warmth'));
    if (has(0.3)) {
      const interests = [...fieldDef('interests').dropdownOptions];
      for (let n = rng.int(1, 3); n > 0; n -= 1)
        add('interests', interests.splice(rng.int(0, interests.length - 1), 1)[0]?.text ?? '');
    }
    if (has(0.4)) add('linkedin', `https://www.linkedin.com/in/${linkedinSlug(person)}`);
  }

  for (const entry of listEntriesOf(source, index)) {
    if (entry.listId === listDef('founders').id) {
      add('status', option('status'), entry.id);
      for (const owner of teamMembers(rng, source, person.id, 2)) add('owners', owner, entry.id);
      add('roundSize', rng.pick(CHECK_SIZES) * 4, entry.id);
      add('stage', option('stage').text, entry.id);
      add('nextStep', withOffset(daysAgo(rng, source, -rng.int(2, 30), -1)), entry.id);
      if (rng.chance(0.5)) add('leadInvestor', anyOrganization(), entry.id);
    } else if (entry.listId === listDef('speakers').id) {
      add('session', rng.pick(SESSIONS), entry.id);
      add('slot', withOffset(daysAgo(rng, source, -rng.int(10, 40), -10)), entry.id);
    } else if (entry.listId === listDef('lps').id) {
      add('commitment', rng.pick(CHECK_SIZES) * 10, entry.id);
      add('tier', option('tier'), entry.id);
    }
  }
  return values;
}

function linkedinSlug(person: SandboxPerson): string {
  const local = person.primaryEmail?.split('@')[0]?.replace(/[^a-z0-9]/gi, '-');
  return `${local || 'member'}-${person.id % 100_000}`;
}

// ---------------------------------------------------------------- notes

const TOPICS = [
  'real-time payments',
  'SME lending',
  'card issuing',
  'fraud scoring',
  'treasury APIs',
  'open banking',
];
const EVENTS = [
  'the Fintech Forum',
  'Money20/20',
  'a portfolio dinner',
  'a demo day',
  'a founders breakfast',
];

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function plainNote(rng: Rng, person: SandboxPerson): string {
  return (
    `Met ${person.firstName} at ${rng.pick(EVENTS)}. Interested in ${rng.pick(TOPICS)}; ` +
    `raising < $5M & wants "smart money", not just a cheque. Follow up after <Q1> planning.`
  );
}

function htmlNote(rng: Rng, person: SandboxPerson, teamFirstName: string, hostile: boolean): string {
  const safe =
    `<p>Call with <strong>${escapeHtml(person.firstName)} ${escapeHtml(person.lastName)}</strong> about ` +
    `<em>${rng.pick(TOPICS)}</em>.</p><ul><li>Wants an intro to ${escapeHtml(teamFirstName)}</li>` +
    `<li>Next step: share the deck</li></ul>`;
  if (!hostile) return safe;
  return (
    safe +
    `<img src="x" onerror="alert('${NOTE_MARKUP_MARKER}')">` +
    `<script>alert('${NOTE_MARKUP_MARKER}')</script>` +
    `<a href="javascript:alert('${NOTE_MARKUP_MARKER}')">Open the deck</a>`
  );
}

function summaryNote(rng: Rng, person: SandboxPerson, teamFirstName: string): string {
  return [
    `Meeting summary: ${person.firstName} ${person.lastName} and ${teamFirstName}`,
    '',
    'Key points',
    `• Focus on ${rng.pick(TOPICS)} for the next two quarters.`,
    `• Open to a follow-up at ${rng.pick(EVENTS)}.`,
    '',
    'Action items',
    `• ${teamFirstName} to send the investment memo.`,
  ].join('\n');
}

export function notesOf(source: DetailSource, index: number): SandboxNote[] {
  const rng = streamFor(source, index, ASPECT.notes);
  const person = personAt(source.directory, index);
  const featured = isFeatured(index);
  let types: (0 | 2 | 3)[];
  if (featured) types = [0, 2, 3];
  else if (rng.chance(0.4)) types = [];
  else types = Array.from({ length: rng.int(1, 3) }, () => rng.pick([0, 0, 0, 2, 2, 3] as const));

  const notes = types.map((type, k): SandboxNote => {
    const creatorId = rng.pick(source.teamIds);
    const teamIndex = source.teamIds.indexOf(creatorId);
    const teamFirstName = source.directory.firstNames[teamIndex]?.display ?? '';
    const created = daysAgo(rng, source, 1, 700);
    const meeting = type === 3;
    const content =
      type === 0
        ? plainNote(rng, person)
        : type === 2
          ? htmlNote(rng, person, teamFirstName, featured || rng.chance(0.5))
          : summaryNote(rng, person, teamFirstName);
    return {
      id: NOTE_ID_BASE + index * 8 + k,
      creatorId,
      personIds: [person.id],
      associatedPersonIds: [person.id],
      interactionPersonIds: meeting ? [person.id, creatorId] : [],
      mentionedPersonIds: [],
      organizationIds: person.currentOrganizationIds,
      opportunityIds: [],
      type,
      content,
      isMeeting: meeting,
      interactionId: meeting ? INTERACTION_ID_BASE + index * 8 + k : null,
      interactionType: meeting ? 0 : null,
      createdAt: withOffset(created),
      updatedAt: rng.chance(0.3) ? withOffset(created + rng.int(1, 10) * 3_600_000) : null,
    };
  });
  // Newest first, as a card wants them.
  return notes.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
