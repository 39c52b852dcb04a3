/** The options page: the key, where cards appear, how they behave, and the data kept on this device. */
import { useRef, useState } from 'preact/hooks';
import type { Preferences } from '../../lib/settings';
import { ErrorMessage } from '../ErrorMessage';
import { usePreferences } from '../use-preferences';
import { useStatus } from '../use-status';
import { BehaviourSection } from './BehaviourSection';
import { DataSection } from './DataSection';
import { KeySection } from './KeySection';
import { SitesSection } from './SitesSection';

export function OptionsApp(props: { pollMs?: number }) {
  const { status, error, refresh } = useStatus(props.pollMs ?? 1000);
  const { prefs, update } = usePreferences();
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');
  const hideTimer = useRef<ReturnType<typeof setTimeout>>();

  // Preferences save as they change; "Saved" confirms each change for a moment.
  const change = (partial: Partial<Preferences>) => {
    update((p) => ({ ...p, ...partial }))
      .then(() => setSaved('saved'))
      .catch(() => setSaved('failed'))
      .finally(() => {
        clearTimeout(hideTimer.current);
        hideTimer.current = setTimeout(() => setSaved('idle'), 2500);
      });
  };

  return (
    <div class="lens-options">
      <header class="lens-options__header">
        <h1 class="lens-options__title">Affinity Lens settings</h1>
        <p class="lens-saved" role="status" data-state={saved}>
          {saved === 'saved' ? 'Saved' : saved === 'failed' ? 'Could not save. Try again.' : ''}
        </p>
      </header>
      <main class="lens-options__main">
        {error && !status && <ErrorMessage error={error} onRetry={refresh} onSettingsPage />}
        <KeySection status={status} onChange={refresh} />
        {prefs && (
          <>
            <SitesSection prefs={prefs} update={change} />
            <BehaviourSection prefs={prefs} update={change} />
          </>
        )}
        <DataSection status={status} onChange={refresh} />
      </main>
    </div>
  );
}
