/**
 * What the people store hands to the UI: search hits, page matches and the assembled person details
 * that PersonCard shows everywhere (popup, hover card, lookup).
 */
import type { SerializedError } from '../affinity/errors';

/** One person in the local roster (IndexedDB), as the directory returns them. */
export interface RosterPerson {
  id: number;
  type: 0 | 1;
  firstName: string;
  lastName: string;
  primaryEmail: string | null;
  emails: string[];
  organizationIds?: number[];
  /** From the directory (with_current_organizations); missing in rosters synced before it was asked for. */
  currentOrganizationIds?: number[];
}

export interface SearchHit {
  id: number;
  fullName: string;
  primaryEmail: string | null;
  /** Current organization name, where known locally. */
  organization: string | null;
  type: 0 | 1;
}

export interface SearchResult {
  term: string;
  hits: SearchHit[];
  /** 'roster' answered locally; 'api' refined by Affinity's term search. */
  source: 'roster' | 'api';
  /** Set when the API refinement failed but local hits are still shown. */
  error?: SerializedError;
  /**
   * On a local-only answer: whether Affinity's search should refine it (the roster is empty, stale
   * or had no hit), so the popup asks for the refined result only when it can differ.
   */
  needsRefine?: boolean;
}

/** A run of page text that names roster people. Offsets are UTF-16 indices into the text given. */
export interface TextMatch {
  start: number;
  end: number;
  kind: 'name' | 'email';
  /** Every candidate: two people with one name give two ids. */
  personIds: number[];
}

export interface PersonRef {
  id: number;
  name: string;
}

export interface LabelledValue {
  fieldId: number;
  label: string;
  /** Rendered as plain text, never as markup. Several values of one field are joined. */
  values: string[];
  /** Name of the list the value belongs to, or null for a global field. */
  list: string | null;
}

export interface InteractionSummary {
  date: string;
  /** Team members involved, by name. */
  people: PersonRef[];
}

export interface PersonDetails {
  id: number;
  type: 0 | 1;
  firstName: string;
  lastName: string;
  fullName: string;
  primaryEmail: string | null;
  emails: string[];
  currentOrganizations: { id: number; name: string }[];
  otherOrganizations: { id: number; name: string }[];
  interactions: {
    firstEmail: InteractionSummary | null;
    lastEmail: InteractionSummary | null;
    lastEvent: InteractionSummary | null;
    nextEvent: InteractionSummary | null;
    lastInteraction: InteractionSummary | null;
  };
  lists: { id: number; name: string }[];
  fields: LabelledValue[];
  /** Strongest first. strength is 0..1. */
  relationships: { person: PersonRef; strength: number }[];
  notes: { id: number; createdAt: string; text: string; author: string | null }[];
  affinityUrl: string;
}

export interface PersonDetailsResult {
  person: PersonDetails;
  /** Epoch ms when this data was fetched from Affinity. */
  fetchedAt: number;
  /** Older than the fresh time: shown at once while a refresh runs. */
  stale: boolean;
}

export interface RosterStatus {
  count: number;
  lastSyncAt: number | null;
  syncing: boolean;
  /** People fetched so far in the running sync. */
  progress: number | null;
  error?: SerializedError;
}
