/** Where cards appear: everywhere except listed sites, or only on them, with the list editor. */
import { useState } from 'preact/hooks';
import type { Preferences, SiteMode } from '../../lib/settings';
import { addSite, normalizeSite } from '../../lib/ui/sites';

export function SitesSection(props: { prefs: Preferences; update: (change: Partial<Preferences>) => void }) {
  const { prefs, update } = props;
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(draft);
    if (!site) {
      setProblem('That does not look like a site. Type a host name such as linkedin.com.');
      return;
    }
    setProblem(null);
    setDraft('');
    update({ sites: addSite(prefs.sites, site) });
  };

  const modes: { value: SiteMode; label: string }[] = [
    { value: 'all-except', label: 'Everywhere except these sites' },
    { value: 'only', label: 'Only on these sites' },
  ];

  return (
    <section class="lens-panel" id="sites">
      <h2 class="lens-panel__title">Sites</h2>
      <fieldset class="lens-fieldset">
        <legend class="lens-label">Show names and cards</legend>
        {modes.map((mode) => (
          <label class="lens-choice" key={mode.value}>
            <input
              type="radio"
              name="lens-site-mode"
              value={mode.value}
              checked={prefs.siteMode === mode.value}
              onChange={() => update({ siteMode: mode.value })}
            />
            {mode.label}
          </label>
        ))}
      </fieldset>

      <form class="lens-site-form" onSubmit={add}>
        <label class="lens-label" for="lens-site-input">
          Add a site
        </label>
        <div class="lens-key-row">
          <input
            id="lens-site-input"
            class="lens-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="linkedin.com"
            value={draft}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'lens-site-problem' : 'lens-site-help'}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit" class="lens-button lens-button--secondary">
            Add
          </button>
        </div>
        {problem ? (
          <p id="lens-site-problem" class="lens-help lens-help--problem" role="alert">
            {problem}
          </p>
        ) : (
          <p id="lens-site-help" class="lens-help">
            A site covers its subdomains: linkedin.com includes www.linkedin.com.
          </p>
        )}
      </form>

      {prefs.sites.length === 0 ? (
        <p class="lens-muted">
          {prefs.siteMode === 'only'
            ? 'No sites yet: cards appear nowhere until you add one.'
            : 'No sites yet: cards appear on every site.'}
        </p>
      ) : (
        <ul class="lens-site-list" aria-label="Sites">
          {prefs.sites.map((site) => (
            <li key={site} class="lens-site-item">
              <span>{site}</span>
              <button
                type="button"
                class="lens-button lens-button--secondary lens-button--small"
                aria-label={`Remove ${site}`}
                onClick={() => update({ sites: prefs.sites.filter((s) => s !== site) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
