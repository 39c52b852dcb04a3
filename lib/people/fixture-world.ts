/**
 * A fake Affinity world built from the recorded fixtures, parsed by the client's own schemas, and
 * completed (in the same wire shapes) where the fixtures are silent: a field of every value type,
 * list-specific values, HTML notes, teammates in interactions and relationship strengths.
 */
import fieldValuesFixture from '../affinity/fixtures/field_values_get_all.json';
import fieldsFixture from '../affinity/fixtures/fields_all.json';
import listsFixture from '../affinity/fixtures/lists_all.json';
import notesFixture from '../affinity/fixtures/notes_all.json';
import organizationFixture from '../affinity/fixtures/organizations_get.json';
import personFieldsFixture from '../affinity/fixtures/persons_get_fields.json';
import personFixture from '../affinity/fixtures/persons_get.json';
import {
  fieldsSchema,
  fieldValuesSchema,
  listsSchema,
  notesSchema,
  organizationSchema,
  personRecordSchema,
  relationshipStrengthsSchema,
} from '../affinity/schemas';
import type { PersonRecord } from '../affinity/types';
import { emptyWorld, personRecord, type FakeWorld } from './fake-affinity';
import type { RosterPerson } from './types';

/** The external person every card test looks at (the fixture person, made external). */
export const SUBJECT_ID = 54576635;
/** Teammates (internal, type 1) who appear in interactions, strengths and as note authors. */
export const TEAM = {
  tara: { id: 123, firstName: 'Tara', lastName: 'Team' },
  ian: { id: 111, firstName: 'Ian', lastName: 'Inside' },
  noah: { id: 54530389, firstName: 'Noah', lastName: 'Author' },
} as const;
export const CURRENT_ORG_ID = organizationFixture.id; // "Affinity"
export const OTHER_ORG_ID = 3584837;
export const LIST_OF_PEOPLE = listsFixture[0]?.id ?? 450; // "My List of People"
export const ENTRY_ON_PEOPLE_LIST = 133527223;
export const UNKNOWN_FIELD_ID = 999_001;

const teammate = (t: { id: number; firstName: string; lastName: string }): PersonRecord =>
  personRecord({
    id: t.id,
    type: 1,
    firstName: t.firstName,
    lastName: t.lastName,
    primaryEmail: `${t.firstName.toLowerCase()}@acme.com`,
    emails: [`${t.firstName.toLowerCase()}@acme.com`],
  });

/** Extra fields (wire shape) so that every value type has one. */
const extraFields = [
  { id: 337, name: 'Location', list_id: null, value_type: 5, allows_multiple: false },
  { id: 768101, name: 'Job title', list_id: null, value_type: 2, allows_multiple: false },
  { id: 900, name: 'Met on', list_id: null, value_type: 4, allows_multiple: false },
  { id: 901, name: 'Priority', list_id: null, value_type: 7, allows_multiple: false },
  { id: 902, name: 'Invested via', list_id: null, value_type: 1, allows_multiple: false },
  { id: 903, name: 'Deal size', list_id: LIST_OF_PEOPLE, value_type: 3, allows_multiple: false },
];

const value = (id: number, fieldId: number, v: unknown, listEntryId: number | null = null) => ({
  id,
  field_id: fieldId,
  list_entry_id: listEntryId,
  entity_id: SUBJECT_ID,
  created_at: '2023-01-01T00:00:00.000Z',
  updated_at: null,
  value: v,
});

/** Field values of the subject: the fixture's two (location, dropdown text) plus one per other type. */
const subjectValues = [
  ...fieldValuesFixture.map((v) => ({ ...v, entity_id: SUBJECT_ID })),
  value(1, 198, TEAM.tara.id), // person (Referrers)
  value(2, 198, TEAM.ian.id), // a second value of the same multi-valued field
  value(3, 902, CURRENT_ORG_ID), // organization
  value(4, 900, '2023-03-15T00:00:00.000-08:00'), // date
  value(5, 901, { id: 3, text: 'High', rank: 1, color: 2 }), // ranked dropdown
  value(6, 4321, 'Builds <b>things</b> & more'), // text (shown as text, never markup)
  value(7, 125, 'Sales'), // dropdown, multiple
  value(8, 125, 'Partnerships'),
  value(9, 903, 1500000.5, ENTRY_ON_PEOPLE_LIST), // number, on a list entry
  value(10, UNKNOWN_FIELD_ID, 'from a field Affinity no longer lists'),
];

const subjectWire = {
  ...personFixture,
  type: 0,
  current_organization_ids: [CURRENT_ORG_ID],
  organization_ids: [CURRENT_ORG_ID, ...personFixture.organization_ids],
  opportunity_ids: [],
  list_entries: personFixture.list_entries.map((e, i) => ({ ...e, list_id: i === 0 ? LIST_OF_PEOPLE : 384 })),
  interaction_dates: organizationFixture.interaction_dates,
  interactions: organizationFixture.interactions,
};

const notesWire = [
  ...notesFixture.notes,
  {
    id: 1,
    creator_id: TEAM.tara.id,
    person_ids: [SUBJECT_ID],
    content:
      '<p>Met at <b>Web&nbsp;Summit</b> &amp; talked &lt;pricing&gt;</p><ul><li>seed</li><li>Series&#160;A</li></ul><script>alert(1)</script>',
    type: 2,
    created_at: '2025-01-10T10:00:00.000Z',
  },
  ...[2, 3, 4, 5, 6].map((n) => ({
    id: 100 + n,
    creator_id: TEAM.noah.id,
    person_ids: [SUBJECT_ID],
    content: `Older note ${n}`,
    type: 0,
    created_at: `2020-0${n}-01T00:00:00.000Z`,
  })),
];

export function fixtureWorld(): FakeWorld {
  const world = emptyWorld();
  const subject = personRecordSchema.parse(subjectWire);
  world.persons.set(subject.id, subject);
  for (const t of Object.values(TEAM)) world.persons.set(t.id, teammate(t));

  world.organizations.set(CURRENT_ORG_ID, organizationSchema.parse(organizationFixture));
  world.organizations.set(OTHER_ORG_ID, {
    id: OTHER_ORG_ID,
    name: 'Previous Employer',
    domain: null,
    domains: [],
  });

  world.fields = fieldsSchema.parse([...fieldsFixture, ...personFieldsFixture, ...extraFields]);
  world.lists = listsSchema.parse(listsFixture);
  world.fieldValues.set(subject.id, fieldValuesSchema.parse(subjectValues));
  world.strengths.set(
    subject.id,
    relationshipStrengthsSchema.parse([
      { internal_id: TEAM.ian.id, external_id: SUBJECT_ID, strength: 0.42 },
      { internal_id: TEAM.tara.id, external_id: SUBJECT_ID, strength: 0.91 },
    ]),
  );
  world.notes.set(subject.id, notesSchema.parse(notesWire));
  return world;
}

/** The roster the background would hold for this world (the directory's view of everyone). */
export function rosterOf(world: FakeWorld): RosterPerson[] {
  return [...world.persons.values()].map((p) => ({
    id: p.id,
    type: p.type,
    firstName: p.firstName,
    lastName: p.lastName,
    primaryEmail: p.primaryEmail,
    emails: p.emails,
  }));
}
