/**
 * Assembles what a card shows from the raw answers about one person and the local lookups
 * (roster names, organization names, fields, lists). Pure: the same bundle is re-assembled on
 * every read, so names that arrive later (an organization, a renamed field) show up without a fetch.
 */
import type { AffinityList, Field, Interaction, InteractionKind, PersonRecord } from '../affinity/types';
import { fieldLabel, fieldValueText, type NameLookup } from './field-text';
import { noteText } from './note-text';
import type { PersonBundle } from './roster-db';
import type { InteractionSummary, LabelledValue, PersonDetails, PersonRef } from './types';

export const MAX_NOTES = 5;
export const UNKNOWN_TEAMMATE = 'Unknown teammate';
export const UNNAMED_LIST = 'Unnamed list';

export interface AssemblyContext extends NameLookup {
  fields: ReadonlyMap<number, Field>;
  lists: ReadonlyMap<number, AffinityList>;
  subdomain: string | null;
}

export const fullName = (first: string, last: string): string =>
  `${first} ${last}`.replace(/\s+/g, ' ').trim();

/** Subdomains are DNS labels; anything else would build a link to somewhere unexpected. */
export function affinityPersonUrl(subdomain: string | null, id: number): string {
  const label = subdomain && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(subdomain) ? subdomain : 'app';
  return `https://${label.toLowerCase()}.affinity.co/persons/${id}`;
}

const DATE_KEYS: Record<InteractionKind, keyof NonNullable<PersonRecord['interactionDates']>> = {
  firstEmail: 'firstEmailDate',
  lastEmail: 'lastEmailDate',
  firstEvent: 'firstEventDate',
  lastEvent: 'lastEventDate',
  nextEvent: 'nextEventDate',
  lastChatMessage: 'lastChatMessageDate',
  lastInteraction: 'lastInteractionDate',
};

function teammate(id: number, ctx: AssemblyContext): PersonRef {
  return { id, name: ctx.personName(id) ?? UNKNOWN_TEAMMATE };
}

function interaction(
  record: PersonRecord,
  kind: InteractionKind,
  ctx: AssemblyContext,
): InteractionSummary | null {
  const detailed: Interaction | null | undefined = record.interactions[kind];
  if (detailed?.date) {
    return { date: detailed.date, people: [...new Set(detailed.personIds)].map((id) => teammate(id, ctx)) };
  }
  const date = record.interactionDates?.[DATE_KEYS[kind]];
  return date ? { date, people: [] } : null;
}

function organizations(ids: number[], ctx: AssemblyContext): { id: number; name: string }[] {
  const out: { id: number; name: string }[] = [];
  for (const id of new Set(ids)) {
    const name = ctx.organizationName(id);
    // An organization whose name is not known yet is left out rather than shown as a number.
    if (name) out.push({ id, name });
  }
  return out;
}

function labelledFields(bundle: PersonBundle, ctx: AssemblyContext): LabelledValue[] {
  const listOfEntry = new Map(bundle.record.listEntries.map((e) => [e.id, e.listId]));
  const groups = new Map<string, LabelledValue>();
  for (const fv of bundle.fieldValues) {
    const field = ctx.fields.get(fv.fieldId);
    const text = fieldValueText(fv.value, field?.valueType ?? null, ctx);
    if (text === null) continue;
    const listId =
      fv.listEntryId === null ? null : (listOfEntry.get(fv.listEntryId) ?? field?.listId ?? null);
    const list = listId === null ? null : (ctx.lists.get(listId)?.name ?? UNNAMED_LIST);
    const key = `${fv.fieldId}:${listId ?? fv.listEntryId ?? 'global'}`;
    let group = groups.get(key);
    if (!group) {
      group = { fieldId: fv.fieldId, label: fieldLabel(field), values: [], list };
      groups.set(key, group);
    }
    if (!group.values.includes(text)) group.values.push(text);
  }
  // Global fields first (they describe the person), then each list's fields together.
  const all = [...groups.values()];
  return [...all.filter((g) => g.list === null), ...all.filter((g) => g.list !== null)];
}

export function assemblePerson(bundle: PersonBundle, ctx: AssemblyContext): PersonDetails {
  const { record } = bundle;
  const current = new Set(record.currentOrganizationIds);
  const listIds = [...new Set(record.listEntries.map((e) => e.listId))];
  return {
    id: record.id,
    type: record.type,
    firstName: record.firstName,
    lastName: record.lastName,
    fullName: fullName(record.firstName, record.lastName),
    primaryEmail: record.primaryEmail ?? record.emails[0] ?? null,
    emails: [...new Set(record.emails)],
    currentOrganizations: organizations(record.currentOrganizationIds, ctx),
    otherOrganizations: organizations(
      record.organizationIds.filter((id) => !current.has(id)),
      ctx,
    ),
    interactions: {
      firstEmail: interaction(record, 'firstEmail', ctx),
      lastEmail: interaction(record, 'lastEmail', ctx),
      lastEvent: interaction(record, 'lastEvent', ctx),
      nextEvent: interaction(record, 'nextEvent', ctx),
      lastInteraction: interaction(record, 'lastInteraction', ctx),
    },
    lists: listIds.map((id) => ({ id, name: ctx.lists.get(id)?.name ?? UNNAMED_LIST })),
    fields: labelledFields(bundle, ctx),
    relationships: [...bundle.strengths]
      .filter((s) => s.internalId !== record.id)
      .sort((a, b) => b.strength - a.strength)
      .map((s) => ({ person: teammate(s.internalId, ctx), strength: s.strength })),
    notes: latestNotes(bundle)
      .map((n) => ({
        id: n.id,
        createdAt: n.createdAt,
        text: noteText(n.content, n.type),
        author: n.creatorId === null ? null : ctx.personName(n.creatorId),
      }))
      .filter((n) => n.text !== ''),
    affinityUrl: affinityPersonUrl(ctx.subdomain, record.id),
  };
}

/** Latest first, at most MAX_NOTES. */
export function latestNotes(bundle: Pick<PersonBundle, 'notes'>): PersonBundle['notes'] {
  return [...bundle.notes]
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id)
    .slice(0, MAX_NOTES);
}

/** Organization ids whose names the card (and its field values) can show. */
export function organizationIdsOf(
  bundle: PersonBundle,
  fields: ReadonlyMap<number, Field>,
): {
  current: number[];
  other: number[];
} {
  const current = [...new Set(bundle.record.currentOrganizationIds)];
  const other = new Set(bundle.record.organizationIds.filter((id) => !current.includes(id)));
  for (const fv of bundle.fieldValues) {
    if (fields.get(fv.fieldId)?.valueType === 1 && typeof fv.value === 'number') other.add(fv.value);
  }
  return { current, other: [...other].filter((id) => !current.includes(id)) };
}
