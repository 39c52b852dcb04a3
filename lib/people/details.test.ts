import { afterEach, describe, expect, it } from 'vitest';
import { AffinityError } from '../affinity/errors';
import { createPersonDetails, type PersonUpdate } from './details';
import { createFakeAffinity, personRecord, type FakeMethod } from './fake-affinity';
import {
  CURRENT_ORG_ID,
  OTHER_ORG_ID,
  SUBJECT_ID,
  TEAM,
  UNKNOWN_FIELD_ID,
  fixtureWorld,
} from './fixture-world';
import { openRosterDb, type RosterDb } from './roster-db';
import { createRosterSync } from './sync';
import { createRosterView, type RosterView } from './roster-view';
import { fakeClock, plainIndex, uniqueDbName, waitUntil } from './test-helpers';

const MINUTE = 60_000;
const PER_PERSON: FakeMethod[] = ['getPerson', 'getFieldValues', 'getRelationshipStrengths', 'getNotes'];

const open: RosterDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setUp() {
  const world = fixtureWorld();
  const fake = createFakeAffinity(world);
  const clock = fakeClock();
  const db = await openRosterDb(uniqueDbName());
  open.push(db);
  await createRosterSync({ client: fake.client, db }).start();
  let view: RosterView = createRosterView(await db.loadRoster(), plainIndex);
  const updates: PersonUpdate[] = [];
  const removed: number[] = [];
  const details = createPersonDetails({
    client: fake.client,
    db,
    clock,
    roster: async () => view,
    getSubdomain: () => 'acme',
    onUpdate: (u) => updates.push(u),
    onRemoved: (id) => {
      removed.push(id);
      view.forget(id);
    },
  });
  fake.calls.length = 0;
  const perPersonCalls = () => fake.calls.filter((c) => PER_PERSON.includes(c.method)).length;
  const reload = async () => {
    view = createRosterView(await db.loadRoster(), plainIndex);
  };
  return { world, fake, clock, db, details, updates, removed, perPersonCalls, view: () => view, reload };
}

describe('getPerson assembles a card', () => {
  it('from four per-person calls in parallel, at interactive priority', async () => {
    const { fake, details, perPersonCalls } = await setUp();
    await details.getPerson(SUBJECT_ID);

    expect(perPersonCalls()).toBe(4);
    for (const method of PER_PERSON) expect(fake.count(method)).toBe(1);
    for (const call of fake.calls.filter((c) => PER_PERSON.includes(c.method))) {
      expect(call.priority).toBe('interactive');
    }
  });

  it('with names, e-mails, organizations, interactions, lists and the Affinity link', async () => {
    const { details } = await setUp();
    const { person, stale } = await details.getPerson(SUBJECT_ID);

    expect(stale).toBe(false);
    expect(person.fullName).toBe('Joscha Feth');
    expect(person.primaryEmail).toBe('j@p-a.com');
    expect(person.emails).toContain('jf@a.com');
    expect(person.currentOrganizations).toEqual([{ id: CURRENT_ORG_ID, name: 'Affinity' }]);
    expect(person.interactions.lastInteraction).toEqual({
      date: '2012-03-04T05:06:07.890-08:00',
      people: [
        { id: TEAM.tara.id, name: 'Tara Team' },
        { id: TEAM.ian.id, name: 'Ian Inside' },
      ],
    });
    expect(person.interactions.nextEvent?.date).toBe('2019-03-04T05:06:07.890-08:00');
    expect(person.lists.map((l) => l.name)).toEqual(['My List of People', 'My List of Opportunities']);
    expect(person.affinityUrl).toBe(`https://acme.affinity.co/persons/${SUBJECT_ID}`);
  });

  it('renders every field value type as labelled text, list values with their list', async () => {
    const { details } = await setUp();
    const { person } = await details.getPerson(SUBJECT_ID);
    const byLabel = Object.fromEntries(person.fields.map((f) => [f.label, f]));

    expect(byLabel.Location?.values).toEqual(['San Francisco, California, United States']);
    expect(byLabel['Job title']?.values).toEqual(['Software Engineer']);
    expect(byLabel.Referrers?.values).toEqual(['Tara Team', 'Ian Inside']);
    expect(byLabel['Invested via']?.values).toEqual(['Affinity']);
    expect(byLabel['Met on']?.values).toEqual(['2023-03-15']);
    expect(byLabel.Priority?.values).toEqual(['High']);
    expect(byLabel['[Companies] Description']?.values).toEqual(['Builds <b>things</b> & more']);
    expect(byLabel['Use Case']?.values).toEqual(['Sales', 'Partnerships']);
    expect(byLabel['Deal size']).toMatchObject({ values: ['1,500,000.5'], list: 'My List of People' });
    expect(byLabel['Unnamed field']?.values).toEqual(['from a field Affinity no longer lists']);
    expect(person.fields.every((f) => !/^\d+$/.test(f.label))).toBe(true);
    expect(byLabel.Location?.list).toBeNull();
  });

  it('refreshes the fields once for a field it does not know, then labels it "Unnamed field"', async () => {
    const { fake, details, world } = await setUp();
    await details.getPerson(SUBJECT_ID);
    expect(fake.count('getFields')).toBe(2); // cold, then once more for the unknown field

    // Another person with the same unknown field costs no further field refresh.
    const other = personRecord({
      id: 5,
      type: 0,
      firstName: 'Ola',
      lastName: 'Other',
      primaryEmail: null,
      emails: [],
    });
    world.persons.set(other.id, other);
    world.fieldValues.set(other.id, [
      { id: 77, fieldId: UNKNOWN_FIELD_ID, listEntryId: null, entityId: 5, value: 'x', updatedAt: null },
    ]);
    const { person } = await details.getPerson(other.id);
    expect(fake.count('getFields')).toBe(2);
    expect(person.fields).toEqual([
      { fieldId: UNKNOWN_FIELD_ID, label: 'Unnamed field', values: ['x'], list: null },
    ]);
  });

  it('ranks who knows them best and names teammates from the roster', async () => {
    const { details } = await setUp();
    const { person } = await details.getPerson(SUBJECT_ID);

    expect(person.relationships).toEqual([
      { person: { id: TEAM.tara.id, name: 'Tara Team' }, strength: 0.91 },
      { person: { id: TEAM.ian.id, name: 'Ian Inside' }, strength: 0.42 },
    ]);
  });

  it('shows the five latest notes as plain text, HTML stripped and entities decoded', async () => {
    const { details } = await setUp();
    const { person } = await details.getPerson(SUBJECT_ID);

    expect(person.notes).toHaveLength(5);
    const dates = person.notes.map((n) => Date.parse(n.createdAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const html = person.notes.find((n) => n.id === 1);
    expect(html).toMatchObject({
      author: 'Tara Team',
      text: 'Met at Web Summit & talked <pricing>\n\n• seed\n• Series A',
    });
    expect(person.notes.some((n) => n.text.includes('alert'))).toBe(false);
    expect(person.notes.map((n) => n.text)).not.toContain('Older note 2');
  });

  it('names other organizations in the background and reports the updated card', async () => {
    const { fake, details, updates } = await setUp();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fake.beforeCall = (call) => (call.priority === 'background' ? gate : undefined);
    const first = await details.getPerson(SUBJECT_ID);
    expect(first.person.otherOrganizations).toEqual([]);

    release();
    await details.idle();
    const background = fake.calls.filter(
      (c) => c.method === 'getOrganization' && c.priority === 'background',
    );
    expect(background.length).toBeGreaterThan(0);
    const update = updates.at(-1);
    expect(update && 'result' in update && update.result.person.otherOrganizations).toEqual([
      { id: OTHER_ORG_ID, name: 'Previous Employer' },
    ]);
  });
});

describe('the card cache', () => {
  it('answers within the fresh time with no call at all', async () => {
    const { fake, clock, details } = await setUp();
    await details.getPerson(SUBJECT_ID);
    await details.idle();
    fake.calls.length = 0;

    clock.advance(9 * MINUTE);
    const again = await details.getPerson(SUBJECT_ID);
    await details.idle();
    expect(fake.count()).toBe(0);
    expect(again.stale).toBe(false);
    expect(again.person.otherOrganizations.map((o) => o.name)).toEqual(['Previous Employer']);
  });

  it('costs four calls for the next uncached person once the long-lived caches are warm', async () => {
    const { fake, details, world, perPersonCalls } = await setUp();
    await details.getPerson(SUBJECT_ID);
    await details.idle();
    const colleague = personRecord({
      id: 6,
      type: 0,
      firstName: 'Col',
      lastName: 'League',
      primaryEmail: null,
      emails: [],
    });
    world.persons.set(6, {
      ...colleague,
      currentOrganizationIds: [CURRENT_ORG_ID],
      organizationIds: [CURRENT_ORG_ID],
    });
    fake.calls.length = 0;

    const { person } = await details.getPerson(6);
    expect(fake.count()).toBe(4);
    expect(perPersonCalls()).toBe(4);
    expect(person.currentOrganizations.map((o) => o.name)).toEqual(['Affinity']);
  });

  it('shows stale data at once, marked, and refreshes it in the background', async () => {
    const { fake, clock, details, updates, world } = await setUp();
    const first = await details.getPerson(SUBJECT_ID);
    await details.idle();
    fake.calls.length = 0;
    updates.length = 0;
    const subject = world.persons.get(SUBJECT_ID);
    if (subject) subject.lastName = 'Renamed';

    clock.advance(30 * MINUTE);
    const stale = await details.getPerson(SUBJECT_ID);
    expect(stale.stale).toBe(true);
    expect(stale.fetchedAt).toBe(first.fetchedAt);
    expect(stale.person.lastName).toBe('Feth');

    await details.idle();
    expect(fake.calls.filter((c) => PER_PERSON.includes(c.method))).toHaveLength(4);
    const update = updates.find((u) => u.id === SUBJECT_ID && 'result' in u);
    expect(update && 'result' in update && update.result).toMatchObject({
      stale: false,
      fetchedAt: clock.now(),
      person: { lastName: 'Renamed' },
    });
    expect((await details.getPerson(SUBJECT_ID)).person.lastName).toBe('Renamed');
  });

  it('fetches again, and waits for it, once the data is past the stale time', async () => {
    const { fake, clock, details, perPersonCalls } = await setUp();
    await details.getPerson(SUBJECT_ID);
    await details.idle();
    fake.calls.length = 0;

    clock.advance(25 * 60 * MINUTE);
    const result = await details.getPerson(SUBJECT_ID);
    expect(result.stale).toBe(false);
    expect(result.fetchedAt).toBe(clock.now());
    expect(perPersonCalls()).toBe(4);
  });

  it('fetches on refresh: true even when fresh', async () => {
    const { fake, details, perPersonCalls } = await setUp();
    await details.getPerson(SUBJECT_ID);
    await details.idle();
    fake.calls.length = 0;

    await details.getPerson(SUBJECT_ID, { refresh: true });
    expect(perPersonCalls()).toBe(4);
  });

  it('shares one fetch between callers asking at the same time', async () => {
    const { details, perPersonCalls } = await setUp();
    const [a, b] = await Promise.all([details.getPerson(SUBJECT_ID), details.getPerson(SUBJECT_ID)]);
    expect(perPersonCalls()).toBe(4);
    expect(a.person).toEqual(b.person);
  });
});

describe('callers who give up', () => {
  it('cancel the fetch only when nobody else waits for it', async () => {
    const { fake, db, details } = await setUp();
    let release: () => void = () => undefined;
    let gate = new Promise<void>((resolve) => (release = resolve));
    const signals: (AbortSignal | undefined)[] = [];
    const original = fake.client.getNotes;
    fake.client.getNotes = async (...args) => {
      signals.push(args[2]?.signal);
      await gate;
      return original(...args);
    };

    const leaving = new AbortController();
    const staying = details.getPerson(SUBJECT_ID);
    const left = details.getPerson(SUBJECT_ID, { signal: leaving.signal });
    await waitUntil(() => signals.length === 1);
    leaving.abort();
    await expect(left).rejects.toMatchObject({ kind: 'aborted' });
    expect(signals[0]?.aborted).toBe(false);
    release();
    expect((await staying).person.id).toBe(SUBJECT_ID);

    gate = new Promise<void>((resolve) => (release = resolve));
    const alone = new AbortController();
    const pending = details.getPerson(TEAM.tara.id, { signal: alone.signal });
    await waitUntil(() => signals.length === 2);
    alone.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
    expect(signals[1]?.aborted).toBe(true);
    release();
    await details.idle();
    expect(await db.getDetails(TEAM.tara.id)).toBeUndefined();
  });
});

describe('people Affinity no longer has', () => {
  it('removes a 404 person from the roster and the cache, and says so', async () => {
    const { world, db, details, removed, view, reload } = await setUp();
    world.persons.delete(TEAM.ian.id);

    await expect(details.getPerson(TEAM.ian.id)).rejects.toMatchObject({ kind: 'not-found' });
    expect(removed).toEqual([TEAM.ian.id]);
    expect(view().search('Ian Inside', 5)).toEqual([]);
    expect((await db.loadRoster()).map((p) => p.id)).not.toContain(TEAM.ian.id);
    await reload();
    expect(view().person(TEAM.ian.id)).toBeUndefined();
    expect(await db.getDetails(TEAM.ian.id)).toBeUndefined();
  });

  it('follows a merged person to the id they were merged into, and remembers it', async () => {
    const { world, fake, details, removed } = await setUp();
    world.merged.set(TEAM.noah.id, SUBJECT_ID);

    const merged = await details.getPerson(TEAM.noah.id);
    expect(merged.person.id).toBe(SUBJECT_ID);
    expect(merged.person.fullName).toBe('Joscha Feth');
    expect(removed).toEqual([TEAM.noah.id]);
    await details.idle();

    fake.calls.length = 0;
    const again = await details.getPerson(TEAM.noah.id);
    expect(again.person.id).toBe(SUBJECT_ID);
    expect(fake.count()).toBe(0);
  });

  it('keeps the card when a section is forbidden to this key', async () => {
    const { fake, details } = await setUp();
    fake.beforeCall = (call) => {
      if (call.method === 'getNotes')
        throw new AffinityError({ kind: 'forbidden', status: 403, message: 'No access.' });
    };
    const { person } = await details.getPerson(SUBJECT_ID);
    expect(person.notes).toEqual([]);
    expect(person.fullName).toBe('Joscha Feth');
  });

  it('fails with the sentence when the person call fails, caching nothing', async () => {
    const { fake, db, details } = await setUp();
    fake.beforeCall = (call) => {
      if (call.method === 'getPerson')
        throw new AffinityError({ kind: 'unavailable', message: 'Affinity is unavailable.' });
    };
    await expect(details.getPerson(SUBJECT_ID)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(await db.getDetails(SUBJECT_ID)).toBeUndefined();
  });
});
