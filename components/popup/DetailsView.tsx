/**
 * One person in the popup: the card at once from the cache, refreshed when stale, with a way back.
 * A merged person is followed to the person it was merged into.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SerializedError } from '../../lib/affinity/errors';
import type { PersonDetailsResult, SearchHit } from '../../lib/people/types';
import type { Preferences } from '../../lib/settings';
import { sendToBackground } from '../../lib/messaging';
import { ErrorMessage } from '../ErrorMessage';
import { BackIcon } from '../icons';
import { PersonCard, PersonCardSkeleton } from '../PersonCard';
import { usePersonUpdates } from '../use-person-updates';
import { toSerialized } from '../use-status';

export interface DetailsViewProps {
  hit: SearchHit;
  sections?: Preferences['sections'];
  onBack: () => void;
  onOpenSettings: () => void;
}

export function DetailsView(props: DetailsViewProps) {
  const [details, setDetails] = useState<PersonDetailsResult | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const token = useRef(0);
  const backRef = useRef<HTMLButtonElement>(null);

  const load = (id: number, refresh: boolean) => {
    const mine = ++token.current;
    setError(null);
    if (refresh) setRefreshing(true);
    sendToBackground('people/get', refresh ? { id, refresh: true } : { id })
      .then((result) => {
        if (mine !== token.current) return;
        setDetails(result);
        setRefreshing(false);
        // Stale data shows at once; fresher data replaces it when it lands.
        if (result.stale && !refresh) load(result.person.id, true);
      })
      .catch((e: unknown) => {
        if (mine !== token.current) return;
        const err = toSerialized(e);
        setRefreshing(false);
        if (err.kind === 'merged' && err.mergedInto !== undefined && !refresh) {
          load(err.mergedInto, false);
          return;
        }
        setError(err);
      });
  };

  // Fresher details the background fetched on its own (other organizations named, say).
  usePersonUpdates((event) => {
    const shown = details?.person.id ?? props.hit.id;
    if (event.id !== shown && event.result.person.id !== shown) return;
    if (details && event.result.fetchedAt < details.fetchedAt) return;
    setDetails(event.result);
  });

  useEffect(() => {
    setDetails(null);
    load(props.hit.id, false);
    backRef.current?.focus();
    return () => {
      token.current++;
    };
    // Loads again only when another person is chosen.
  }, [props.hit.id]);

  return (
    <div class="lens-details">
      <div class="lens-details__bar">
        <button type="button" ref={backRef} class="lens-back" onClick={props.onBack}>
          <BackIcon />
          Back to results
        </button>
      </div>
      {error && (
        <div class="lens-details__error">
          <ErrorMessage
            error={error}
            onRetry={() => {
              // The button goes away with the error: keep the keyboard in the view.
              backRef.current?.focus();
              load(details?.person.id ?? props.hit.id, details !== null);
            }}
            onOpenSettings={props.onOpenSettings}
          />
        </div>
      )}
      {details ? (
        <PersonCard
          details={details}
          sections={props.sections}
          refreshing={refreshing}
          onRefresh={() => load(details.person.id, true)}
          headingLevel={2}
        />
      ) : (
        !error && <PersonCardSkeleton />
      )}
    </div>
  );
}
