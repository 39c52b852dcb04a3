/**
 * The Affinity data this extension uses, normalised to camelCase. Only lib/affinity knows the wire
 * shapes; everything else sees these.
 */

export interface WhoAmI {
  tenant: { id: number; name: string; subdomain: string };
  user: { id: number; firstName: string; lastName: string; email: string };
}

export type Allowance = number | 'unlimited';

export interface RateLimitStatus {
  orgMonthly: { limit: Allowance; remaining: Allowance; resetSeconds: number; used: number };
  perMinute: { limit: number; remaining: number; resetSeconds: number; used: number };
}

/** 0 external, 1 internal (a member of the user's own team). */
export type PersonType = 0 | 1;

/** A person as search and the directory return them (no organizations, no list entries). */
export interface PersonSummary {
  id: number;
  type: PersonType;
  firstName: string;
  lastName: string;
  primaryEmail: string | null;
  emails: string[];
  /** Present only when the response carried it (GET /persons/{id}). */
  organizationIds?: number[];
  /** Present only when asked for (with_current_organizations). */
  currentOrganizationIds?: number[];
}

export interface PersonPage {
  persons: PersonSummary[];
  /** null on the last page (the key may also be missing on the wire). */
  nextPageToken: string | null;
}

export interface ListEntry {
  id: number;
  listId: number;
  creatorId: number | null;
  entityId: number;
  createdAt: string;
}

export interface InteractionDates {
  firstEmailDate: string | null;
  lastEmailDate: string | null;
  firstEventDate: string | null;
  lastEventDate: string | null;
  nextEventDate: string | null;
  lastChatMessageDate: string | null;
  lastInteractionDate: string | null;
}

export type InteractionKind =
  | 'firstEmail'
  | 'lastEmail'
  | 'firstEvent'
  | 'lastEvent'
  | 'nextEvent'
  | 'lastChatMessage'
  | 'lastInteraction';

export interface Interaction {
  date: string;
  /** The internal people involved (only with with_interaction_persons). */
  personIds: number[];
}

export interface PersonRecord extends PersonSummary {
  organizationIds: number[];
  currentOrganizationIds: number[];
  opportunityIds: number[];
  listEntries: ListEntry[];
  interactionDates: InteractionDates | null;
  interactions: Partial<Record<InteractionKind, Interaction | null>>;
}

export interface Organization {
  id: number;
  name: string;
  domain: string | null;
  domains: string[];
}

/** value_type: 0 person, 1 organization, 2 dropdown, 3 number, 4 date, 5 location, 6 text, 7 ranked dropdown. */
export type FieldValueType = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Field {
  id: number;
  name: string;
  listId: number | null;
  valueType: FieldValueType;
  allowsMultiple: boolean;
}

export interface Location {
  streetAddress: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  continent: string | null;
}

export interface RankedDropdown {
  id: number;
  text: string;
  rank: number | null;
  color: number | null;
}

export type FieldValueValue = string | number | boolean | Location | RankedDropdown | null;

export interface FieldValue {
  id: number;
  fieldId: number;
  /** null for a global value (not tied to a list entry). */
  listEntryId: number | null;
  entityId: number;
  value: FieldValueValue;
  updatedAt: string | null;
}

/** type: 0 person, 1 organization, 8 opportunity. */
export interface AffinityList {
  id: number;
  type: number;
  name: string;
}

export interface RelationshipStrength {
  internalId: number;
  externalId: number;
  strength: number;
}

/** type: 0 plain text, 2 HTML (never rendered as markup), 3 AI notetaker summary. */
export interface Note {
  id: number;
  creatorId: number | null;
  personIds: number[];
  content: string;
  type: number;
  createdAt: string;
}

export interface RequestOptions {
  priority?: import('../scheduler/types').Priority;
  signal?: AbortSignal;
}

/** Everything the extension asks of Affinity. Implemented by createAffinityClient in client.ts. */
export interface AffinityClient {
  whoAmI(options?: RequestOptions): Promise<WhoAmI>;
  rateLimit(options?: RequestOptions): Promise<RateLimitStatus>;
  /**
   * GET /persons: term search, or (no term) one page of the directory. Never sets interaction flags.
   * withCurrentOrganizations adds each person's currentOrganizationIds (it drops nobody).
   */
  searchPersons(
    query: { term?: string; pageSize?: number; pageToken?: string; withCurrentOrganizations?: boolean },
    options?: RequestOptions,
  ): Promise<PersonPage>;
  /** GET /persons/{id} with current organizations, interaction dates and persons, opportunities. */
  getPerson(id: number, options?: RequestOptions): Promise<PersonRecord>;
  getOrganization(id: number, options?: RequestOptions): Promise<Organization>;
  getFieldValues(personId: number, options?: RequestOptions): Promise<FieldValue[]>;
  getFields(options?: RequestOptions): Promise<Field[]>;
  getLists(options?: RequestOptions): Promise<AffinityList[]>;
  getRelationshipStrengths(personId: number, options?: RequestOptions): Promise<RelationshipStrength[]>;
  getNotes(personId: number, query?: { pageSize?: number }, options?: RequestOptions): Promise<Note[]>;
}
