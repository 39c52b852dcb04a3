/**
 * The API key: masked current key, signed-in user, replace (validated by the background before it
 * replaces the old one), show toggle, and sign out with an inline confirmation.
 */
import { useState } from 'preact/hooks';
import type { SerializedError } from '../../lib/affinity/errors';
import type { Account, Status } from '../../lib/messages';
import { sendToBackground } from '../../lib/messaging';
import { popupMemoryItem } from '../../lib/settings';
import { errorView } from '../../lib/ui/error-steps';
import { toSerialized } from '../use-status';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; account: Account }
  | { kind: 'failed'; error: SerializedError }
  | { kind: 'signed-out' };

export function KeySection(props: { status: Status | null; onChange: () => void }) {
  const [key, setKey] = useState('');
  const [shown, setShown] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const { status } = props;

  const save = (event: Event) => {
    event.preventDefault();
    if (outcome.kind === 'saving') return;
    setOutcome({ kind: 'saving' });
    sendToBackground('key/save', { key })
      .then((account) => {
        setOutcome({ kind: 'saved', account });
        // The key is stored; it does not stay in the page.
        setKey('');
        setShown(false);
      })
      // On failure the typed key stays in the field to be corrected; the stored key is untouched.
      .catch((e: unknown) => setOutcome({ kind: 'failed', error: toSerialized(e) }))
      .finally(props.onChange);
  };

  const signOut = () => {
    setConfirming(false);
    sendToBackground('auth/sign-out', {})
      .then(async () => {
        await popupMemoryItem.removeValue();
        setOutcome({ kind: 'signed-out' });
      })
      .catch((e: unknown) => setOutcome({ kind: 'failed', error: toSerialized(e) }))
      .finally(props.onChange);
  };

  const account = status?.account ?? null;

  return (
    <section class="lens-panel" id="key">
      <h2 class="lens-panel__title">Affinity account</h2>

      {status?.signedIn && account ? (
        <div class="lens-account">
          <p>
            Signed in as <strong>{account.user.email}</strong>{' '}
            <span class="lens-muted">
              ({account.user.firstName} {account.user.lastName}, {account.tenant.name})
            </span>
          </p>
          {status.maskedKey && (
            <p class="lens-muted">
              Current key: <code class="lens-code">{status.maskedKey}</code>
            </p>
          )}
        </div>
      ) : (
        status && <p class="lens-muted">No key saved yet. Paste your Affinity API key below to start.</p>
      )}

      <form class="lens-key-form" onSubmit={save}>
        <label class="lens-label" for="lens-api-key">
          API key
        </label>
        <div class="lens-key-row">
          <input
            id="lens-api-key"
            class="lens-input"
            type={shown ? 'text' : 'password'}
            autoComplete="off"
            spellcheck={false}
            value={key}
            placeholder={status?.signedIn ? 'Paste a new key to replace the current one' : 'Paste your key'}
            aria-describedby="lens-key-help"
            aria-invalid={outcome.kind === 'failed' ? 'true' : undefined}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
          <button
            type="button"
            class="lens-button lens-button--secondary"
            aria-pressed={shown}
            onClick={() => setShown(!shown)}
          >
            {shown ? 'Hide' : 'Show'}
          </button>
          <button
            type="submit"
            class="lens-button"
            aria-disabled={outcome.kind === 'saving' ? 'true' : undefined}
          >
            Save
          </button>
        </div>
        <p id="lens-key-help" class="lens-help">
          The key is checked with Affinity before it replaces the current one. It stays in this browser and is
          sent only to Affinity.
        </p>
      </form>

      <KeyOutcome outcome={outcome} />

      <details class="lens-where">
        <summary>Where do I get a key?</summary>
        <p>
          In the Affinity web app, open <strong>Settings</strong> and then <strong>API</strong> (on newer
          accounts: <strong>Settings → Manage Apps</strong>), and generate an API key. API access depends on
          your Affinity plan (Scale, Advanced or Enterprise); if you do not see the option, ask your Affinity
          admin.
        </p>
      </details>

      {status?.signedIn && (
        <div class="lens-signout">
          {confirming ? (
            <div class="lens-confirm" role="group" aria-label="Confirm sign out">
              <p>This forgets the key and every cached person on this device.</p>
              <button type="button" class="lens-button lens-button--danger" onClick={signOut}>
                Yes, sign out
              </button>
              <button
                type="button"
                class="lens-button lens-button--secondary"
                onClick={() => setConfirming(false)}
              >
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" class="lens-button lens-button--danger" onClick={() => setConfirming(true)}>
              Sign out
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function KeyOutcome({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'idle':
      return <p class="lens-outcome" role="status" />;
    case 'saving':
      return (
        <p class="lens-outcome lens-muted" role="status">
          Checking the key with Affinity…
        </p>
      );
    case 'saved':
      return (
        <p class="lens-outcome lens-outcome--ok" role="status">
          Key saved. Signed in as {outcome.account.user.email} ({outcome.account.tenant.name}). Your people
          are syncing now.
        </p>
      );
    case 'signed-out':
      return (
        <p class="lens-outcome lens-outcome--ok" role="status">
          Signed out. The key and every cached person are forgotten.
        </p>
      );
    case 'failed':
      return (
        <div class="lens-outcome lens-error" role="alert">
          <p class="lens-error__sentence">{errorView(outcome.error, { onSettingsPage: true }).sentence}</p>
          {outcome.error.kind === 'rejected' && (
            <p class="lens-error__hint">
              Check that you copied the whole key, or create a new one in Affinity. Your previous key, if any,
              is still in use.
            </p>
          )}
        </div>
      );
  }
}
