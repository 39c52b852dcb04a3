/** Who is signed in, the roster's size and age, the rate-limit meter and a pause, with "Sync now". */
import { useState } from 'preact/hooks';
import type { SerializedError } from '../../lib/affinity/errors';
import type { Status } from '../../lib/messages';
import { sendToBackground } from '../../lib/messaging';
import { pauseText, rateMeter, rosterText } from '../../lib/ui/status-view';
import { ErrorMessage } from '../ErrorMessage';
import { toSerialized } from '../use-status';

export function StatusFooter(props: { status: Status; onChange: () => void }) {
  const { status } = props;
  const [syncError, setSyncError] = useState<SerializedError | null>(null);
  const [starting, setStarting] = useState(false);
  const now = Date.now();
  const meter = rateMeter(status.rate, now);
  const pause = pauseText(status.rate, now);
  const account = status.account;
  const rosterError = status.roster.error ?? syncError;

  const syncNow = () => {
    setStarting(true);
    setSyncError(null);
    sendToBackground('roster/sync', {})
      .catch((e: unknown) => setSyncError(toSerialized(e)))
      .finally(() => {
        setStarting(false);
        props.onChange();
      });
  };

  return (
    <footer class="lens-footer">
      {account && (
        <p class="lens-footer__account">
          Signed in as{' '}
          <strong>
            {account.user.firstName} {account.user.lastName}
          </strong>{' '}
          <span class="lens-muted">({account.tenant.name})</span>
        </p>
      )}
      <div class="lens-footer__roster">
        <span>{rosterText(status.roster, now)}</span>
        <button
          type="button"
          class="lens-button lens-button--secondary lens-button--small"
          onClick={syncNow}
          disabled={status.roster.syncing || starting}
        >
          {status.roster.syncing ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {rosterError && <ErrorMessage error={rosterError} inline />}
      <div class="lens-footer__rate">
        <span
          class="lens-rate"
          role="meter"
          aria-label="API requests used this minute"
          aria-valuemin={0}
          aria-valuemax={meter.limit}
          aria-valuenow={meter.used}
          aria-valuetext={meter.minuteText}
          data-level={meter.level}
        >
          <span class="lens-rate__fill" style={{ width: `${Math.round(meter.fraction * 100)}%` }} />
        </span>
        <span class="lens-footer__rate-text">
          {meter.minuteText}
          {meter.monthlyText && <span class="lens-muted"> · {meter.monthlyText}</span>}
        </span>
      </div>
      {pause && (
        <p class="lens-footer__pause" role="status">
          {pause}
        </p>
      )}
    </footer>
  );
}
