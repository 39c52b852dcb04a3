/** "Cards on linkedin.com" with a one-click switch, for the tab the popup was opened over. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isSiteEnabled } from '../../lib/settings';
import { setSiteEnabled, siteOf } from '../../lib/ui/sites';
import { usePreferences } from '../use-preferences';

export function SiteSwitch() {
  const [host, setHost] = useState<string | null>(null);
  const { prefs, update } = usePreferences();

  useEffect(() => {
    // Opening the popup grants activeTab, so the active tab's URL is readable here.
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then((tabs) => setHost(siteOf(tabs[0]?.url)))
      .catch(() => setHost(null));
  }, []);

  if (!host || !prefs) return null;
  const enabled = isSiteEnabled(prefs, host);
  const display = host.replace(/^www\./, '');
  return (
    <div class="lens-site">
      <span class="lens-site__label" id="lens-site-label">
        Cards on <strong>{display}</strong>
      </span>
      <button
        type="button"
        role="switch"
        class="lens-switch"
        aria-checked={enabled}
        aria-labelledby="lens-site-label"
        onClick={() => void update((p) => ({ ...p, ...setSiteEnabled(p, host, !enabled) }))}
      >
        <span class="lens-switch__text" aria-hidden="true">
          {enabled ? 'On' : 'Off'}
        </span>
      </button>
    </div>
  );
}
