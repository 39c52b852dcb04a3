/**
 * The hover card's shell: a non-modal dialog named by the person, holding the shared PersonCard,
 * its skeleton, an error sentence, or a short list of candidates when a name is ambiguous.
 * Every string from the page or the API is rendered as text.
 */
import type { JSX } from 'preact';
import { ErrorMessage, type ErrorAction } from '../../../components/ErrorMessage';
import { PersonCard, PersonCardSkeleton } from '../../../components/PersonCard';
import type { SerializedError } from '../../affinity/errors';
import type { PersonDetailsResult } from '../../people/types';
import type { Preferences } from '../../settings';
import type { Candidate } from './details';

export type CardState =
  | { kind: 'loading'; label: string }
  | { kind: 'person'; details: PersonDetailsResult; refreshing: boolean }
  // `action` replaces the default next step (a lookup's "Search in Affinity Lens").
  | { kind: 'error'; label: string; error: SerializedError; action?: ErrorAction }
  | { kind: 'choose'; label: string; candidates: Candidate[] | null };

export interface HoverCardProps {
  state: CardState;
  sections: Preferences['sections'];
  /** Set after choosing among candidates: goes back to the list. */
  onBack?: () => void;
  onChoose(id: number): void;
  onRefresh(): void;
  onRetry(): void;
  onClose(): void;
}

export function cardLabel(state: CardState): string {
  switch (state.kind) {
    case 'person':
      return state.details.person.fullName;
    case 'choose':
      return `People named ${state.label}`;
    default:
      return state.label;
  }
}

export function HoverCard(props: HoverCardProps): JSX.Element {
  const { state } = props;
  return (
    <div class="lens alens-card" role="dialog" aria-modal="false" aria-label={cardLabel(state)} tabIndex={-1}>
      <div class="alens-bar">
        {props.onBack && (
          <button type="button" class="alens-bar__button" onClick={props.onBack}>
            ‹ All matches
          </button>
        )}
        <button
          type="button"
          class="alens-bar__button alens-close"
          aria-label="Close"
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      <Body {...props} />
    </div>
  );
}

function Body(props: HoverCardProps): JSX.Element {
  const { state } = props;
  switch (state.kind) {
    case 'loading':
      return <PersonCardSkeleton />;
    case 'person':
      return (
        <PersonCard
          details={state.details}
          sections={props.sections}
          refreshing={state.refreshing}
          onRefresh={props.onRefresh}
        />
      );
    case 'error':
      return <ErrorMessage error={state.error} onRetry={props.onRetry} action={state.action} />;
    case 'choose':
      return state.candidates ? (
        <Chooser label={state.label} candidates={state.candidates} onChoose={props.onChoose} />
      ) : (
        <PersonCardSkeleton />
      );
  }
}

function Chooser(props: { label: string; candidates: Candidate[]; onChoose(id: number): void }) {
  return (
    <div class="alens-choose">
      <p class="alens-choose__title">
        {props.candidates.length} people in Affinity match “{props.label}”
      </p>
      <ul class="alens-choose__list">
        {props.candidates.map((c) => (
          <li key={c.id}>
            <button type="button" class="alens-choose__option" onClick={() => props.onChoose(c.id)}>
              <span class="alens-choose__name">{c.name}</span>
              {c.detail && <span class="alens-choose__detail">{c.detail}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
