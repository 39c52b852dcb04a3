/** Hover delay, marks on pages, card sections and the sync interval. */
import { useState } from 'preact/hooks';
import type { Preferences } from '../../lib/settings';
import { HOVER_DELAY, SYNC_INTERVALS_HOURS } from '../../lib/ui/preferences';

const SECTION_LABELS: { key: keyof Preferences['sections']; label: string }[] = [
  { key: 'interactions', label: 'Interactions (last and next meetings, e-mails)' },
  { key: 'relationships', label: 'Who knows them best' },
  { key: 'lists', label: 'Lists' },
  { key: 'fields', label: 'Fields' },
  { key: 'notes', label: 'Latest notes' },
];

export function BehaviourSection(props: {
  prefs: Preferences;
  update: (change: Partial<Preferences>) => void;
}) {
  const { prefs, update } = props;
  // The slider shows its value while dragging and saves on release (storage.sync limits writes).
  const [dragging, setDragging] = useState<number | null>(null);
  const delay = dragging ?? prefs.hoverDelayMs;
  const intervals: readonly number[] = SYNC_INTERVALS_HOURS.includes(
    prefs.syncIntervalHours as (typeof SYNC_INTERVALS_HOURS)[number],
  )
    ? SYNC_INTERVALS_HOURS
    : [...SYNC_INTERVALS_HOURS, prefs.syncIntervalHours].sort((a, b) => a - b);

  return (
    <>
      <section class="lens-panel" id="cards">
        <h2 class="lens-panel__title">Names and cards on pages</h2>
        <label class="lens-choice">
          <input
            type="checkbox"
            checked={prefs.showMarks}
            onChange={(e) => update({ showMarks: e.currentTarget.checked })}
          />
          Underline names on pages
        </label>
        <p class="lens-help">
          Turned off, cards still open when you rest the pointer on a name or press the shortcut.
        </p>

        <div class="lens-range">
          <label class="lens-label" for="lens-hover-delay">
            Hover delay
          </label>
          <input
            id="lens-hover-delay"
            type="range"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={HOVER_DELAY.step}
            value={delay}
            aria-valuetext={`${delay} ms`}
            aria-describedby="lens-hover-delay-value"
            onInput={(e) => setDragging(Number(e.currentTarget.value))}
            onChange={(e) => {
              update({ hoverDelayMs: Number(e.currentTarget.value) });
              setDragging(null);
            }}
          />
          <output id="lens-hover-delay-value" for="lens-hover-delay" class="lens-range__value">
            {delay} ms
          </output>
        </div>
        <p class="lens-help">How long the pointer rests on a name before its card opens.</p>

        <fieldset class="lens-fieldset">
          <legend class="lens-label">Card sections</legend>
          {SECTION_LABELS.map(({ key, label }) => (
            <label class="lens-choice" key={key}>
              <input
                type="checkbox"
                checked={prefs.sections[key]}
                onChange={(e) => update({ sections: { ...prefs.sections, [key]: e.currentTarget.checked } })}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </section>

      <section class="lens-panel" id="sync">
        <h2 class="lens-panel__title">Roster sync</h2>
        <label class="lens-label" for="lens-sync-interval">
          Sync the roster every
        </label>
        <select
          id="lens-sync-interval"
          class="lens-input lens-select"
          value={String(prefs.syncIntervalHours)}
          onChange={(e) => update({ syncIntervalHours: Number(e.currentTarget.value) })}
        >
          {intervals.map((hours) => (
            <option key={hours} value={String(hours)}>
              {hours === 1 ? '1 hour' : `${hours} hours`}
            </option>
          ))}
        </select>
        <p class="lens-help">
          Names on pages are matched against this local copy of your people, so pages never cost an API call.
        </p>
      </section>
    </>
  );
}
