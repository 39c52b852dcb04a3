/**
 * One person's Affinity details, laid out for scanning: who, where they work, when you last and next
 * meet, who knows them, lists, fields, latest notes. The same component in the popup, the hover card
 * and the lookup card. Everything from the API is rendered as text (never as markup).
 */
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import type {
  InteractionSummary,
  LabelledValue,
  PersonDetails,
  PersonDetailsResult,
} from '../lib/people/types';
import type { Preferences } from '../lib/settings';
import { splitGroups, splitVisible, type Group } from '../lib/ui/collapse';
import { strengthWord } from '../lib/ui/strength';
import { formatDate, formatRelative, formatWhen } from '../lib/ui/time';
import { copyText } from './clipboard';
import { ClampedText, MoreButton } from './Collapse';
import { CheckIcon, CopyIcon, ExternalIcon, RefreshIcon } from './icons';

export interface PersonCardProps {
  details: PersonDetailsResult;
  sections?: Preferences['sections'];
  onRefresh?: () => void;
  refreshing?: boolean;
  headingLevel?: 2 | 3;
}

/** Every section shown (the defaults), without importing the storage layer into the card bundle. */
const ALL_SECTIONS: Preferences['sections'] = {
  interactions: true,
  relationships: true,
  lists: true,
  fields: true,
  notes: true,
};

type Heading = 'h2' | 'h3' | 'h4' | 'h5';

export function PersonCard(props: PersonCardProps): JSX.Element {
  const { person } = props.details;
  const sections = props.sections ?? ALL_SECTIONS;
  const level = props.headingLevel ?? 2;
  const Name = `h${level}` as Heading;
  const Sub = `h${level + 1}` as Heading;
  const Group = `h${level + 2}` as Heading;
  const nameId = useId();
  const now = Date.now();

  return (
    <article class="lens lens-card" aria-labelledby={nameId}>
      <header class="lens-card__head">
        <Name id={nameId} class="lens-card__name">
          {person.fullName}
        </Name>
        <Organizations person={person} />
        <Emails person={person} />
        <div class="lens-card__actions">
          <a class="lens-link-button" href={person.affinityUrl} target="_blank" rel="noopener noreferrer">
            Open in Affinity
            <ExternalIcon />
          </a>
          {props.onRefresh && (
            <button
              type="button"
              class="lens-icon-button"
              aria-label="Refresh"
              title="Refresh from Affinity"
              aria-busy={props.refreshing ? 'true' : undefined}
              aria-disabled={props.refreshing ? 'true' : undefined}
              data-spinning={props.refreshing ? '' : undefined}
              onClick={() => {
                if (!props.refreshing) props.onRefresh?.();
              }}
            >
              <RefreshIcon />
            </button>
          )}
          <AgeMarker details={props.details} refreshing={props.refreshing === true} now={now} />
        </div>
      </header>

      {sections.interactions && (
        <Section title="Interactions" heading={Sub} name="interactions">
          <Interactions interactions={person.interactions} now={now} />
        </Section>
      )}
      {sections.relationships && (
        <Section title="Who knows them best" heading={Sub} name="relationships">
          <Relationships relationships={person.relationships} />
        </Section>
      )}
      {sections.lists && (
        <Section title="Lists" heading={Sub} name="lists">
          <Lists lists={person.lists} />
        </Section>
      )}
      {sections.fields && (
        <Section title="Fields" heading={Sub} name="fields">
          <Fields fields={person.fields} heading={Group} />
        </Section>
      )}
      {sections.notes && (
        <Section title="Latest notes" heading={Sub} name="notes">
          <Notes notes={person.notes} now={now} />
        </Section>
      )}
    </article>
  );
}

/** Same footprint as a card, so nothing jumps when the details land. */
export function PersonCardSkeleton(): JSX.Element {
  return (
    <div class="lens lens-card lens-card--skeleton" role="status" aria-busy="true">
      <span class="lens-visually-hidden">Loading details…</span>
      <div class="lens-card__head" aria-hidden="true">
        <span class="lens-bone lens-bone--title" />
        <span class="lens-bone lens-bone--line" style={{ width: '55%' }} />
        <span class="lens-bone lens-bone--line" style={{ width: '70%' }} />
        <span class="lens-bone lens-bone--button" />
      </div>
      {[0, 1, 2].map((i) => (
        <div class="lens-section" aria-hidden="true" key={i}>
          <span class="lens-bone lens-bone--heading" />
          <span class="lens-bone lens-bone--line" style={{ width: `${80 - i * 15}%` }} />
          <span class="lens-bone lens-bone--line" style={{ width: `${60 - i * 10}%` }} />
        </div>
      ))}
    </div>
  );
}

function Section(props: { title: string; heading: Heading; name: string; children: JSX.Element }) {
  const id = useId();
  const H = props.heading;
  return (
    <section class={`lens-section lens-section--${props.name}`} aria-labelledby={id}>
      <H id={id} class="lens-section__title">
        {props.title}
      </H>
      {props.children}
    </section>
  );
}

function Organizations({ person }: { person: PersonDetails }) {
  const [open, setOpen] = useState(false);
  const current = person.currentOrganizations;
  const other = person.otherOrganizations;
  if (current.length === 0 && other.length === 0) return null;
  const shown = splitVisible(current, 3, open);
  return (
    <div class="lens-card__orgs">
      {current.length > 0 ? (
        <span class="lens-card__org">{shown.visible.map((o) => o.name).join(', ')}</span>
      ) : (
        <span class="lens-muted">No current organization</span>
      )}
      {(other.length > 0 || shown.hidden > 0) && (
        <>
          {' '}
          <button type="button" class="lens-more" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open
              ? 'Show less'
              : `+${other.length + shown.hidden} other organization${other.length + shown.hidden === 1 ? '' : 's'}`}
          </button>
        </>
      )}
      {open && other.length > 0 && (
        <p class="lens-card__other-orgs">
          <span class="lens-muted">Also: </span>
          {other.map((o) => o.name).join(', ')}
        </p>
      )}
    </div>
  );
}

function Emails({ person }: { person: PersonDetails }) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const primary = person.primaryEmail ?? person.emails[0] ?? null;
  if (!primary) return <p class="lens-card__email lens-muted">No e-mail address</p>;
  const others = person.emails.filter((e) => e !== primary);
  return (
    <div class="lens-card__email">
      <a href={`mailto:${primary}`} class="lens-email">
        {primary}
      </a>
      <button
        type="button"
        class="lens-icon-button lens-icon-button--small"
        aria-label={copied === 'copied' ? 'Copied' : 'Copy e-mail address'}
        title="Copy e-mail address"
        onClick={async (event) => {
          const ok = await copyText(primary, event.currentTarget);
          setCopied(ok ? 'copied' : 'failed');
          setTimeout(() => setCopied('idle'), 1500);
        }}
      >
        {copied === 'copied' ? <CheckIcon /> : <CopyIcon />}
      </button>
      <span class="lens-visually-hidden" role="status">
        {copied === 'copied' ? 'E-mail address copied' : copied === 'failed' ? 'Could not copy' : ''}
      </span>
      {others.length > 0 && (
        <>
          <MoreButton
            hidden={others.length}
            expanded={open}
            onToggle={() => setOpen(!open)}
            noun="e-mail addresses"
          />
          {open && <p class="lens-card__other-emails">{others.join(', ')}</p>}
        </>
      )}
    </div>
  );
}

function AgeMarker(props: { details: PersonDetailsResult; refreshing: boolean; now: number }) {
  if (!props.details.stale && !props.refreshing) return null;
  const age = formatRelative(props.details.fetchedAt, props.now, 'short');
  return (
    <span class="lens-age" data-stale={props.details.stale ? '' : undefined}>
      Updated {age}
      {props.refreshing && <span class="lens-visually-hidden"> · refreshing…</span>}
    </span>
  );
}

const INTERACTION_ROWS: { key: keyof PersonDetails['interactions']; label: string }[] = [
  { key: 'lastEvent', label: 'Last met' },
  { key: 'nextEvent', label: 'Next meeting' },
  { key: 'lastEmail', label: 'Last e-mail' },
  { key: 'lastInteraction', label: 'Last interaction' },
  { key: 'firstEmail', label: 'First e-mail' },
];

function Interactions(props: { interactions: PersonDetails['interactions']; now: number }) {
  const { interactions } = props;
  const rows = INTERACTION_ROWS.flatMap(({ key, label }) => {
    const summary = interactions[key];
    if (!summary) return [];
    // "Last interaction" repeats the last meeting or e-mail; show it only when neither is known.
    if (key === 'lastInteraction' && (interactions.lastEvent || interactions.lastEmail)) return [];
    return [{ key, label, summary }];
  });
  if (rows.length === 0) return <p class="lens-muted">No interactions recorded yet.</p>;
  return (
    <dl class="lens-rows">
      {rows.map(({ key, label, summary }) => (
        <InteractionRow key={key} label={label} summary={summary} now={props.now} />
      ))}
    </dl>
  );
}

function InteractionRow(props: { label: string; summary: InteractionSummary; now: number }) {
  const { summary } = props;
  return (
    <div class="lens-row">
      <dt>{props.label}</dt>
      <dd>
        <time dateTime={summary.date}>{formatWhen(summary.date, props.now)}</time>
        {summary.people.length > 0 && (
          <span class="lens-muted">
            {' '}
            with{' '}
            {joinNames(
              summary.people.map((p) => p.name),
              3,
            )}
          </span>
        )}
      </dd>
    </div>
  );
}

/** "Ann, Bob and Cy"; "Ann, Bob, Cy and 2 others". */
function joinNames(names: string[], max: number): string {
  if (names.length <= 1) return names.join('');
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - max;
  return `${names.slice(0, max).join(', ')} and ${rest} other${rest === 1 ? '' : 's'}`;
}

function Relationships(props: { relationships: PersonDetails['relationships'] }) {
  const [open, setOpen] = useState(false);
  if (props.relationships.length === 0) {
    return <p class="lens-muted">No one on your team has a relationship score with them yet.</p>;
  }
  const sorted = [...props.relationships].sort((a, b) => b.strength - a.strength);
  const shown = splitVisible(sorted, 3, open);
  return (
    <>
      <ul class="lens-people">
        {shown.visible.map(({ person, strength }) => {
          const percent = Math.round(Math.min(1, Math.max(0, strength)) * 100);
          return (
            <li key={person.id} class="lens-person">
              <span
                class="lens-meter"
                role="meter"
                aria-label={`Relationship strength of ${person.name}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={`${strengthWord(strength)} (${percent}%)`}
                title={`${strengthWord(strength)} (${percent}%)`}
              >
                <span class="lens-meter__fill" style={{ width: `${percent}%` }} />
              </span>
              <span class="lens-person__name">{person.name}</span>
              <span class="lens-muted lens-person__strength">{strengthWord(strength)}</span>
            </li>
          );
        })}
      </ul>
      <MoreButton hidden={shown.hidden} expanded={open} onToggle={() => setOpen(!open)} noun="people" />
    </>
  );
}

function Lists(props: { lists: PersonDetails['lists'] }) {
  const [open, setOpen] = useState(false);
  if (props.lists.length === 0) return <p class="lens-muted">Not on any list.</p>;
  const shown = splitVisible(props.lists, 6, open);
  return (
    <div class="lens-chips-wrap">
      <ul class="lens-chips">
        {shown.visible.map((list) => (
          <li key={list.id} class="lens-chip" title={list.name}>
            {list.name}
          </li>
        ))}
      </ul>
      <MoreButton hidden={shown.hidden} expanded={open} onToggle={() => setOpen(!open)} noun="lists" />
    </div>
  );
}

function Fields(props: { fields: LabelledValue[]; heading: Heading }) {
  const [open, setOpen] = useState(false);
  const withValues = props.fields.filter((f) => f.values.some((v) => v.trim() !== ''));
  if (withValues.length === 0) return <p class="lens-muted">No field values.</p>;
  const groups = groupFields(withValues);
  const shown = splitGroups(groups, 6, open);
  const H = props.heading;
  return (
    <>
      {shown.visible.map((group) => (
        <div key={group.key} class="lens-field-group">
          {group.title !== null && <H class="lens-field-group__title">{group.title}</H>}
          <dl class="lens-rows">
            {group.items.map((field) => (
              <div class="lens-row" key={`${field.list ?? ''}:${field.fieldId}`}>
                <dt>{field.label}</dt>
                <dd>
                  <ClampedText text={field.values.filter((v) => v.trim() !== '').join(', ')} max={140} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <MoreButton hidden={shown.hidden} expanded={open} onToggle={() => setOpen(!open)} noun="fields" />
    </>
  );
}

/** Global fields first, then one group per list in first-seen order. */
function groupFields(fields: LabelledValue[]): Group<LabelledValue>[] {
  const global: Group<LabelledValue> = { key: '', title: null, items: [] };
  const byList = new Map<string, Group<LabelledValue>>();
  for (const field of fields) {
    if (field.list === null) {
      global.items.push(field);
      continue;
    }
    let group = byList.get(field.list);
    if (!group) {
      group = { key: `list:${field.list}`, title: field.list, items: [] };
      byList.set(field.list, group);
    }
    group.items.push(field);
  }
  return [global, ...byList.values()];
}

function Notes(props: { notes: PersonDetails['notes']; now: number }) {
  const [open, setOpen] = useState(false);
  const withText = props.notes.filter((n) => n.text.trim() !== '');
  if (withText.length === 0) return <p class="lens-muted">No notes yet.</p>;
  const sorted = [...withText].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  const shown = splitVisible(sorted, 2, open);
  return (
    <>
      <ul class="lens-notes">
        {shown.visible.map((note) => {
          const created = Date.parse(note.createdAt);
          return (
            <li key={note.id} class="lens-note">
              <p class="lens-note__meta lens-muted">
                {note.author && <span>{note.author} · </span>}
                <time dateTime={note.createdAt} title={formatDate(created)}>
                  {formatRelative(created, props.now)}
                </time>
              </p>
              <ClampedText class="lens-note__text" text={note.text.trim()} max={280} />
            </li>
          );
        })}
      </ul>
      <MoreButton hidden={shown.hidden} expanded={open} onToggle={() => setOpen(!open)} noun="notes" />
    </>
  );
}
