/**
 * Deterministic Affinity data for the sandbox: a seed and a size give the same people, organizations,
 * lists, fields, interactions, notes and relationship strengths on every run. The team, the featured
 * people and the same-name pair are fixed (featured.ts); everyone else is generated.
 *
 * Accessors use camelCase domain objects; server.ts turns them into Affinity's v1 wire shapes.
 */
import { fold } from '../lib/matching/fold';
import {
  DEMO_TENANT,
  DEMO_USER,
  MERGED_PERSON,
  MIN_PEOPLE,
  TEAM,
  personIdAt,
  personIndexOf,
} from './featured';
import {
  fieldValuesOf,
  interactionsOf,
  listEntriesOf,
  notesOf,
  opportunityCountAt,
  opportunityIdsOf,
  relationshipStrengthsOf,
  type DetailSource,
  type InteractionKey,
  type SandboxFieldValue,
  type SandboxInteractions,
  type SandboxListEntry,
  type SandboxNote,
  type SandboxRelationshipStrength,
} from './details';
import {
  SALT,
  generateDirectory,
  matchesWords,
  organizationIndexOf,
  personAt,
  termWords,
  type Directory,
  type SandboxOrganization,
  type SandboxPerson,
} from './generate';
import type { NamePart } from './name-table';
import { hash32, unit } from './prng';
import { FIELDS, LIST_DEFS, PERSON_LIST_KEYS, type SandboxField, type SandboxListDef } from './schema';

export * from './featured';
export type { SandboxOrganization, SandboxPerson } from './generate';
export type {
  InteractionKey,
  SandboxFieldValue,
  SandboxFieldValueData,
  SandboxInteraction,
  SandboxInteractions,
  SandboxListEntry,
  SandboxLocation,
  SandboxNote,
  SandboxRelationshipStrength,
} from './details';
export { NOTE_MARKUP_MARKER } from './details';
export type { DropdownOption, SandboxField, ValueType } from './schema';

export const DEFAULT_SEED = 1;
export const DEFAULT_PEOPLE = 2_000;
export const MAX_PEOPLE = 100_000;
/** "Today" in the generated data (interaction dates, next events), unless an option says otherwise. */
export const SANDBOX_TODAY = '2026-11-25T12:00:00.000Z';

export interface SandboxDataOptions {
  /** Directory size, team and featured people included: MIN_PEOPLE … MAX_PEOPLE (default 2,000). */
  people?: number;
  seed?: number;
  /** The day interactions are relative to (default SANDBOX_TODAY, so data does not drift by date). */
  today?: Date | string;
}

export interface SandboxList extends SandboxListDef {
  ownerId: number;
  listSize: number;
  /** The list's own fields (GET /lists/{id}). */
  fields: readonly SandboxField[];
}

export interface SandboxOrganizationDetails extends SandboxOrganization {
  personIds: number[];
  opportunityIds: number[];
  listEntries: SandboxListEntry[];
}

const PORTFOLIO_SHARE = 0.12;
const FEATURED_PORTFOLIO = new Set(['Quill Payments', 'Fjordpay', 'Ledgerline']);
const ORG_LIST_ENTRY_ID_BASE = 158_300_000;

export class SandboxData {
  readonly seed: number;
  /** Number of people in the directory, team included. */
  readonly size: number;
  readonly today: Date;
  readonly tenant = DEMO_TENANT;
  readonly user = DEMO_USER;
  /** Every field: global and list-specific, of people, organizations and opportunities (GET /fields). */
  readonly fields: readonly SandboxField[] = FIELDS;
  readonly lists: readonly SandboxList[];

  readonly #directory: Directory;
  readonly #details: DetailSource;
  #byName: Map<string, number[]> | undefined;
  #byEmail: Map<string, number> | undefined;
  #everyone: Int32Array | undefined;

  constructor(options: SandboxDataOptions = {}) {
    const size = options.people ?? DEFAULT_PEOPLE;
    if (!Number.isInteger(size) || size < MIN_PEOPLE || size > MAX_PEOPLE) {
      throw new RangeError(`people must be a whole number from ${MIN_PEOPLE} to ${MAX_PEOPLE}, not ${size}`);
    }
    this.seed = (options.seed ?? DEFAULT_SEED) >>> 0;
    this.size = size;
    this.today = new Date(options.today ?? SANDBOX_TODAY);
    if (Number.isNaN(this.today.getTime())) throw new RangeError('today is not a date');
    this.#directory = generateDirectory(this.seed, size);
    this.#details = {
      seed: this.seed,
      todayMs: this.today.getTime(),
      directory: this.#directory,
      teamIds: TEAM.map((_, index) => personIdAt(index)),
    };
    this.lists = this.#buildLists();
  }

  // ------------------------------------------------------------ people

  /** The person at a directory position (0 … size - 1), a fresh object each time. */
  personAt(index: number): SandboxPerson {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`no person at ${index}`);
    return personAt(this.#directory, index);
  }

  /** Every person in directory order (the order of GET /persons pages). Builds size objects: use sparingly. */
  allPersons(): SandboxPerson[] {
    return Array.from({ length: this.size }, (_, index) => personAt(this.#directory, index));
  }

  person(id: number): SandboxPerson | undefined {
    const index = this.#indexOf(id);
    return index < 0 ? undefined : personAt(this.#directory, index);
  }

  /** The id a former person was merged into, for the one merged id the sandbox knows. */
  mergedInto(id: number): number | undefined {
    return id === MERGED_PERSON.id ? MERGED_PERSON.mergedIntoId : undefined;
  }

  /** The internal people (type 1), the tenant's team. */
  get team(): SandboxPerson[] {
    return TEAM.map((_, index) => personAt(this.#directory, index));
  }

  /** People whose "first last" equals the given full name, ignoring case, accents and extra spaces. */
  findByName(fullName: string): SandboxPerson[] {
    this.#byName ??= this.#indexNames();
    const key = fold(fullName).trim().split(/\s+/).join(' ');
    return (this.#byName.get(key) ?? []).map((index) => personAt(this.#directory, index));
  }

  /** The person with this e-mail address (any of theirs), ignoring case. */
  findByEmail(email: string): SandboxPerson | undefined {
    this.#byEmail ??= this.#indexEmails();
    const index = this.#byEmail.get(email.trim().toLowerCase());
    return index === undefined ? undefined : personAt(this.#directory, index);
  }

  hasInteractions(id: number): boolean {
    const index = this.#indexOf(id);
    return index >= 0 && this.#directory.hasInteractions[index] === 1;
  }

  /**
   * Affinity-like term search, in directory order: every word of the term must begin a word of the
   * first name, the last name, an e-mail address or an e-mail domain (case and accents ignored).
   * An empty term matches everyone. `withInteractionDates` drops people without interactions, as
   * the real API does.
   */
  search(term: string, options: { withInteractionDates?: boolean } = {}): SandboxPerson[] {
    return Array.from(this.searchIndexes(term, options), (index) => personAt(this.#directory, index));
  }

  /** search() as directory positions, for paging through large results without building objects. */
  searchIndexes(term: string, options: { withInteractionDates?: boolean } = {}): Int32Array {
    const words = termWords(fold(term));
    const onlyWithInteractions = options.withInteractionDates === true;
    if (words.length === 0 && !onlyWithInteractions) {
      this.#everyone ??= Int32Array.from({ length: this.size }, (_, index) => index);
      return this.#everyone;
    }
    const { hasInteractions } = this.#directory;
    const hits: number[] = [];
    for (let index = 0; index < this.size; index += 1) {
      if (onlyWithInteractions && hasInteractions[index] === 0) continue;
      if (matchesWords(this.#directory, index, words)) hits.push(index);
    }
    return Int32Array.from(hits);
  }

  // ------------------------------------------------------------ around a person

  listEntries(personId: number): SandboxListEntry[] {
    return this.#derive(personId, listEntriesOf) ?? [];
  }

  /** null: the person has no interactions at all. */
  interactions(personId: number): SandboxInteractions | null {
    return this.#derive(personId, interactionsOf) ?? null;
  }

  /** Global values (listEntryId null) and the values on the person's list entries. */
  fieldValues(personId: number): SandboxFieldValue[] {
    return this.#derive(personId, fieldValuesOf) ?? [];
  }

  /** Team members who know this person, closest first. */
  relationshipStrengths(personId: number): SandboxRelationshipStrength[] {
    return this.#derive(personId, relationshipStrengthsOf) ?? [];
  }

  /** Newest first. */
  notes(personId: number): SandboxNote[] {
    return this.#derive(personId, notesOf) ?? [];
  }

  opportunityIds(personId: number): number[] {
    return this.#derive(personId, opportunityIdsOf) ?? [];
  }

  // ------------------------------------------------------------ organizations, lists, fields

  get organizations(): readonly SandboxOrganization[] {
    return this.#directory.organizations;
  }

  organization(id: number): SandboxOrganizationDetails | undefined {
    const index = organizationIndexOf(id);
    const org = index >= 0 ? this.#directory.organizations[index] : undefined;
    if (!org) return undefined;
    const { orgMemberStart, orgMemberIndexes } = this.#directory;
    const personIds: number[] = [];
    for (let k = orgMemberStart[index] ?? 0; k < (orgMemberStart[index + 1] ?? 0); k += 1) {
      personIds.push(personIdAt(orgMemberIndexes[k] ?? 0));
    }
    const portfolio = LIST_DEFS.find((list) => list.key === 'portfolio') as SandboxListDef;
    const listEntries: SandboxListEntry[] = this.#inPortfolio(index)
      ? [
          {
            id: ORG_LIST_ENTRY_ID_BASE + index,
            listId: portfolio.id,
            creatorId: DEMO_USER.id,
            entityId: org.id,
            createdAt: new Date(this.today.getTime() - (index % 700) * 86_400_000).toISOString(),
          },
        ]
      : [];
    // A deal with someone at a company is a deal with the company.
    const opportunityIds = personIds.flatMap((personId) => this.opportunityIds(personId));
    return { ...org, personIds, opportunityIds, listEntries };
  }

  /**
   * The organization's interactions: across its people, the earliest first and the latest last
   * e-mail, event, chat and interaction, and the soonest next event. null: none of them has any.
   */
  organizationInteractions(id: number): SandboxInteractions | null {
    const org = this.organization(id);
    if (!org) return null;
    const merged: Partial<SandboxInteractions> = {};
    for (const personId of org.personIds) {
      const interactions = this.interactions(personId);
      if (!interactions) continue;
      for (const key of Object.keys(interactions) as InteractionKey[]) {
        const candidate = interactions[key];
        const held = merged[key];
        if (!candidate) continue;
        const earlier = Date.parse(candidate.date) < Date.parse(held?.date ?? '');
        const wantsEarliest = key === 'firstEmail' || key === 'firstEvent' || key === 'nextEvent';
        if (!held || earlier === wantsEarliest) merged[key] = candidate;
      }
    }
    if (Object.keys(merged).length === 0) return null;
    return {
      firstEmail: merged.firstEmail ?? null,
      lastEmail: merged.lastEmail ?? null,
      firstEvent: merged.firstEvent ?? null,
      lastEvent: merged.lastEvent ?? null,
      nextEvent: merged.nextEvent ?? null,
      lastChatMessage: merged.lastChatMessage ?? null,
      lastInteraction: merged.lastInteraction ?? null,
    };
  }

  list(id: number): SandboxList | undefined {
    return this.lists.find((list) => list.id === id);
  }

  /** Global person fields (GET /persons/fields). */
  get personFields(): readonly SandboxField[] {
    return this.fields.filter((field) => field.entity === 'person' && field.listId === null);
  }

  field(id: number): SandboxField | undefined {
    return this.fields.find((field) => field.id === id);
  }

  // ------------------------------------------------------------ internals

  #indexOf(id: number): number {
    const index = personIndexOf(id);
    return index >= 0 && index < this.size ? index : -1;
  }

  #derive<T>(personId: number, derive: (source: DetailSource, index: number) => T): T | undefined {
    const index = this.#indexOf(personId);
    return index < 0 ? undefined : derive(this.#details, index);
  }

  #inPortfolio(orgIndex: number): boolean {
    const org = this.#directory.organizations[orgIndex];
    if (!org || orgIndex === 0) return false;
    return (
      FEATURED_PORTFOLIO.has(org.name) || unit(hash32(this.seed, SALT.portfolio, orgIndex)) < PORTFOLIO_SHARE
    );
  }

  #buildLists(): SandboxList[] {
    const { listBits } = this.#directory;
    const personListSizes = PERSON_LIST_KEYS.map(() => 0);
    let opportunities = 0;
    for (let index = 0; index < this.size; index += 1) {
      const bits = listBits[index] ?? 0;
      for (let bit = 0; bit < personListSizes.length; bit += 1) {
        if (bits & (1 << bit)) personListSizes[bit] = (personListSizes[bit] ?? 0) + 1;
      }
      opportunities += opportunityCountAt(this.seed, index, bits);
    }
    let portfolio = 0;
    for (let index = 0; index < this.#directory.organizations.length; index += 1) {
      if (this.#inPortfolio(index)) portfolio += 1;
    }
    return LIST_DEFS.map((def) => {
      const bit = PERSON_LIST_KEYS.indexOf(def.key as (typeof PERSON_LIST_KEYS)[number]);
      const ownerIndex = TEAM.findIndex((spec) => spec.key === def.ownerKey);
      return {
        ...def,
        ownerId: personIdAt(Math.max(0, ownerIndex)),
        listSize: bit >= 0 ? (personListSizes[bit] ?? 0) : def.type === 1 ? portfolio : opportunities,
        fields: this.fields.filter((field) => field.listId === def.id),
      };
    });
  }

  #indexNames(): Map<string, number[]> {
    const map = new Map<string, number[]>();
    const { firstNames, lastNames } = this.#directory;
    for (let index = 0; index < this.size; index += 1) {
      const first = (firstNames[index] as NamePart).folded;
      const last = (lastNames[index] as NamePart).folded;
      const key = `${first} ${last}`.trim().split(/\s+/).join(' ');
      const bucket = map.get(key);
      if (bucket) bucket.push(index);
      else map.set(key, [index]);
    }
    return map;
  }

  #indexEmails(): Map<string, number> {
    const map = new Map<string, number>();
    const { emailText } = this.#directory;
    for (let index = 0; index < this.size; index += 1) {
      const text = emailText[index] as string;
      if (text) for (const email of text.slice(1).split('\n')) map.set(email.toLowerCase(), index);
    }
    return map;
  }
}

/** Builds the data for a seed and size (defaults: seed 1, 2,000 people). */
export function createSandboxData(options: SandboxDataOptions = {}): SandboxData {
  return new SandboxData(options);
}
