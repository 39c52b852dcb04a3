/**
 * Affinity v1 wire shapes (snake_case) of the sandbox data, matching the recorded fixtures, quirks
 * included: list entries carry the undocumented `entity_type` and UTC "Z" dates, interaction dates
 * carry an offset, whoami is camelCase inside a snake_case API.
 */
import type {
  InteractionKey,
  SandboxData,
  SandboxField,
  SandboxFieldValue,
  SandboxFieldValueData,
  SandboxInteractions,
  SandboxListEntry,
  SandboxNote,
  SandboxPerson,
  SandboxRelationshipStrength,
} from './data';
import type { SandboxList, SandboxOrganizationDetails } from './data';
import type { MinuteState, MonthState } from './rate-limiter';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface PersonFlags {
  withInteractionDates: boolean;
  withInteractionPersons: boolean;
  withOpportunities: boolean;
  withCurrentOrganizations: boolean;
}

const INTERACTION_WIRE: Record<InteractionKey, string> = {
  firstEmail: 'first_email',
  lastEmail: 'last_email',
  firstEvent: 'first_event',
  lastEvent: 'last_event',
  nextEvent: 'next_event',
  lastChatMessage: 'last_chat_message',
  lastInteraction: 'last_interaction',
};

export function whoAmIWire(data: SandboxData): JsonObject {
  return {
    grant: { createdAt: '2025-01-06T09:00:00.000Z', scope: 'external_api', type: 'api_key' },
    tenant: { ...data.tenant },
    user: {
      email: data.user.email,
      firstName: data.user.firstName,
      id: data.user.id,
      lastName: data.user.lastName,
    },
  };
}

export function rateLimitWire(month: MonthState, minute: MinuteState): JsonObject {
  return {
    rate: {
      org_monthly: {
        limit: month.limit,
        remaining: month.remaining,
        reset: month.resetSeconds,
        used: month.used,
      },
      api_key_per_minute: {
        limit: minute.limit,
        remaining: minute.remaining,
        reset: minute.resetSeconds,
        used: minute.used,
      },
    },
  };
}

function interactionBlocks(interactions: SandboxInteractions | null, withPersons: boolean): JsonObject {
  const dates: JsonObject = {};
  const blocks: JsonObject = {};
  for (const [key, wire] of Object.entries(INTERACTION_WIRE) as [InteractionKey, string][]) {
    const interaction = interactions?.[key] ?? null;
    dates[`${wire}_date`] = interaction?.date ?? null;
    blocks[wire] = interaction
      ? withPersons
        ? { date: interaction.date, person_ids: [...interaction.personIds] }
        : { date: interaction.date }
      : null;
  }
  return { interaction_dates: dates, interactions: blocks };
}

/** A person as GET /persons lists them: no organization_ids, no list_entries. */
export function personSummaryWire(data: SandboxData, person: SandboxPerson, flags: PersonFlags): JsonObject {
  const wire: JsonObject = {
    id: person.id,
    type: person.type,
    first_name: person.firstName,
    last_name: person.lastName,
    primary_email: person.primaryEmail,
    emails: [...person.emails],
  };
  if (flags.withCurrentOrganizations) wire.current_organization_ids = [...person.currentOrganizationIds];
  if (flags.withOpportunities) wire.opportunity_ids = data.opportunityIds(person.id);
  if (flags.withInteractionDates) {
    Object.assign(wire, interactionBlocks(data.interactions(person.id), flags.withInteractionPersons));
  }
  return wire;
}

export function listEntryWire(entry: SandboxListEntry, entityType: number): JsonObject {
  return {
    id: entry.id,
    list_id: entry.listId,
    creator_id: entry.creatorId,
    entity_id: entry.entityId,
    entity_type: entityType,
    created_at: entry.createdAt,
  };
}

/** GET /persons/{id}: the summary plus organization_ids and list_entries. */
export function personRecordWire(data: SandboxData, person: SandboxPerson, flags: PersonFlags): JsonObject {
  return {
    ...personSummaryWire(data, person, flags),
    organization_ids: [...person.organizationIds],
    list_entries: data.listEntries(person.id).map((entry) => listEntryWire(entry, 0)),
  };
}

/** GET /organizations/{id}; interaction blocks only when asked for, as for people. */
export function organizationWire(
  data: SandboxData,
  org: SandboxOrganizationDetails,
  flags: Pick<PersonFlags, 'withInteractionDates' | 'withInteractionPersons'>,
): JsonObject {
  const wire: JsonObject = {
    id: org.id,
    name: org.name,
    domain: org.domain,
    domains: [...org.domains],
    global: org.global,
    person_ids: org.personIds,
    opportunity_ids: org.opportunityIds,
    list_entries: org.listEntries.map((entry) => listEntryWire(entry, 1)),
  };
  if (flags.withInteractionDates) {
    Object.assign(
      wire,
      interactionBlocks(data.organizationInteractions(org.id), flags.withInteractionPersons),
    );
  }
  return wire;
}

function valueWire(value: SandboxFieldValueData): Json {
  if (typeof value !== 'object') return value;
  if ('text' in value) return { id: value.id, text: value.text, rank: value.rank, color: value.color };
  return {
    street_address: value.streetAddress,
    city: value.city,
    state: value.state,
    country: value.country,
    continent: value.continent,
  };
}

export function fieldValueWire(value: SandboxFieldValue): JsonObject {
  return {
    id: value.id,
    field_id: value.fieldId,
    list_entry_id: value.listEntryId,
    entity_type: 0,
    value_type: value.valueType,
    entity_id: value.entityId,
    created_at: value.createdAt,
    updated_at: value.updatedAt,
    value: valueWire(value.value),
  };
}

const dropdownOptionsWire = (field: SandboxField): Json[] =>
  field.dropdownOptions.map((option) => ({
    id: option.id,
    text: option.text,
    rank: option.rank,
    color: option.color,
  }));

/** GET /fields and GET /persons/fields. */
export function fieldWire(field: SandboxField): JsonObject {
  return {
    id: field.id,
    name: field.name,
    list_id: field.listId,
    enrichment_source: field.enrichmentSource,
    value_type: field.valueType,
    allows_multiple: field.allowsMultiple,
    track_changes: field.trackChanges,
    dropdown_options: dropdownOptionsWire(field),
  };
}

/** A field inside GET /lists/{id}. */
function listFieldWire(field: SandboxField): JsonObject {
  return {
    id: field.id,
    name: field.name,
    value_type: field.valueType,
    allows_multiple: field.allowsMultiple,
    dropdown_options: dropdownOptionsWire(field),
  };
}

export function listWire(list: SandboxList, withFields = false): JsonObject {
  const wire: JsonObject = {
    id: list.id,
    type: list.type,
    name: list.name,
    public: list.public,
    owner_id: list.ownerId,
    list_size: list.listSize,
  };
  if (withFields) wire.fields = list.fields.map(listFieldWire);
  return wire;
}

export function relationshipStrengthWire(strength: SandboxRelationshipStrength): JsonObject {
  return { internal_id: strength.internalId, external_id: strength.externalId, strength: strength.strength };
}

export function noteWire(note: SandboxNote): JsonObject {
  return {
    id: note.id,
    creator_id: note.creatorId,
    person_ids: [...note.personIds],
    associated_person_ids: [...note.associatedPersonIds],
    interaction_person_ids: [...note.interactionPersonIds],
    interaction_id: note.interactionId,
    interaction_type: note.interactionType,
    is_meeting: note.isMeeting,
    mentioned_person_ids: [...note.mentionedPersonIds],
    organization_ids: [...note.organizationIds],
    opportunity_ids: [...note.opportunityIds],
    parent_id: null,
    content: note.content,
    type: note.type,
    created_at: note.createdAt,
    updated_at: note.updatedAt,
  };
}
