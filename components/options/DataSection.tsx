/** Roster status and "Clear caches". */
import { useState } from 'preact/hooks';
import type { SerializedError } from '../../lib/affinity/errors';
import type { Status } from '../../lib/messages';
import { sendToBackground } from '../../lib/messaging';
import { rosterText } from '../../lib/ui/status-view';
import { ErrorMessage } from '../ErrorMessage';
import { toSerialized } from '../use-status';

export function DataSection(props: { status: Status | null; onChange: () => void }) {
  const [outcome, setOutcome] = useState<'idle' | 'working' | 'cleared' | SerializedError>('idle');
  const [syncError, setSyncError] = useState<SerializedError | null>(null);
  const { status } = props;
  const rosterError = status?.roster.error ?? syncError;

  const clear = () => {
    setOutcome('working');
    sendToBackground('caches/clear', {})
      .then(() => setOutcome('cleared'))
      .catch((e: unknown) => setOutcome(toSerialized(e)))
      .finally(props.onChange);
  };

  const sync = () => {
    setSyncError(null);
    sendToBackground('roster/sync', {})
      .catch((e: unknown) => setSyncError(toSerialized(e)))
      .finally(props.onChange);
  };

  return (
    <section class="lens-panel" id="data">
      <h2 class="lens-panel__title">Data on this device</h2>
      {status?.signedIn && (
        <div class="lens-data-row">
          <p>{rosterText(status.roster, Date.now())}</p>
          <button
            type="button"
            class="lens-button lens-button--secondary lens-button--small"
            disabled={status.roster.syncing}
            onClick={sync}
          >
            {status.roster.syncing ? 'Syncing…' : 'Sync now'}
          </button>
        </div>
      )}
      {rosterError && <ErrorMessage error={rosterError} inline onSettingsPage />}
      <div class="lens-data-row">
        <p class="lens-help">
          Cached details are fetched again when next needed. Your key and preferences stay.
        </p>
        <button
          type="button"
          class="lens-button lens-button--secondary"
          aria-disabled={outcome === 'working' ? 'true' : undefined}
          onClick={() => outcome !== 'working' && clear()}
        >
          Clear caches
        </button>
      </div>
      <div role="status">
        {outcome === 'cleared' && <p class="lens-outcome lens-outcome--ok">Caches cleared.</p>}
      </div>
      {typeof outcome === 'object' && <ErrorMessage error={outcome} onRetry={clear} onSettingsPage />}
    </section>
  );
}
