/**
 * The popup search: a combobox over a listbox of people. Typing answers from the local roster at
 * once, then refines from Affinity; arrows move the active option, Enter opens it, Escape clears.
 */
import type { RefObject } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../../lib/people/types';
import { sendToBackground } from '../../lib/messaging';
import { isNavKey, keepActive, moveActive } from '../../lib/ui/list-nav';
import {
  applyFailure,
  applyResult,
  initialSearch,
  searchMessage,
  startSearch,
  type SearchState,
} from '../../lib/ui/search-state';
import { ErrorMessage } from '../ErrorMessage';
import { toSerialized } from '../use-status';

const RESULT_LIMIT = 20;
/** How long a first answer may take before the wait is said (a warm roster answers in a few ms). */
const SLOW_ANSWER_MS = 300;

export interface SearchViewProps {
  term: string;
  onTermChange: (term: string) => void;
  /** Shown as the only option while the field is empty. */
  lastPerson: SearchHit | null;
  onOpen: (hit: SearchHit) => void;
  onOpenSettings: () => void;
  inputRef: RefObject<HTMLInputElement>;
  /** Pause after the local answer before asking Affinity (saves the rate limit while typing). */
  refineDelayMs: number;
}

export function SearchView(props: SearchViewProps) {
  const [search, setSearch] = useState<SearchState>(initialSearch);
  const [active, setActive] = useState(-1);
  const state = useRef(search);
  const refineTimer = useRef<ReturnType<typeof setTimeout>>();
  const listId = useId();
  const optionPrefix = useId();

  const showingLast = search.phase === 'idle' && props.lastPerson !== null;
  const options: SearchHit[] = showingLast && props.lastPerson ? [props.lastPerson] : search.hits;

  const commit = (next: SearchState) => {
    const previous = state.current;
    state.current = next;
    setSearch(next);
    if (next.hits !== previous.hits) setActive((a) => keepActive(previous.hits, a, next.hits));
  };

  const run = (term: string) => {
    clearTimeout(refineTimer.current);
    const next = startSearch(state.current, term);
    commit(next);
    if (next.phase === 'idle') {
      setActive(-1);
      return;
    }
    const { token } = next;
    const fail = (e: unknown) => commit(applyFailure(state.current, token, toSerialized(e)));
    sendToBackground('people/search', { term: next.term, limit: RESULT_LIMIT, local: true })
      .then((local) => {
        commit(applyResult(state.current, token, local));
        if (local.needsRefine === false || state.current.token !== token) return;
        refineTimer.current = setTimeout(() => {
          if (state.current.token !== token) return;
          sendToBackground('people/search', { term: next.term, limit: RESULT_LIMIT })
            .then((refined) => commit(applyResult(state.current, token, refined)))
            .catch(fail);
        }, props.refineDelayMs);
      })
      .catch(fail);
  };

  // The remembered term searches again when the popup opens.
  useEffect(() => {
    // Unless the person already typed before this effect ran.
    if (props.term && state.current.token === 0) run(props.term);
    return () => clearTimeout(refineTimer.current);
  }, []);

  const onInput = (value: string) => {
    props.onTermChange(value);
    run(value);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isNavKey(event.key)) {
      if (options.length === 0) return;
      event.preventDefault();
      setActive((a) => moveActive(a, options.length, event.key as Parameters<typeof moveActive>[2]));
    } else if (event.key === 'Escape' && props.term !== '') {
      // Clears the field; with the field empty, Escape reaches the popup and closes it.
      event.preventDefault();
      event.stopPropagation();
      onInput('');
    } else if (event.key === 'Enter') {
      const hit = options[active] ?? options[0];
      if (hit) {
        event.preventDefault();
        props.onOpen(hit);
      }
    }
  };

  // Keep the active option in view as the arrows move it.
  useEffect(() => {
    if (active < 0) return;
    document.getElementById(`${optionPrefix}-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, optionPrefix]);

  // The search whose first answer has been awaited for SLOW_ANSWER_MS.
  const [slowToken, setSlowToken] = useState(0);
  useEffect(() => {
    if (search.phase !== 'pending') return;
    const token = search.token;
    const timer = setTimeout(() => setSlowToken(token), SLOW_ANSWER_MS);
    return () => clearTimeout(timer);
  }, [search.phase, search.token]);

  const message = searchMessage(search, search.phase === 'pending' && slowToken === search.token);
  const expanded = options.length > 0;
  const activeId = active >= 0 && active < options.length ? `${optionPrefix}-${active}` : undefined;

  return (
    <div class="lens-search">
      <div class="lens-search__field">
        <label class="lens-visually-hidden" for={`${listId}-input`}>
          Search people
        </label>
        <input
          id={`${listId}-input`}
          ref={props.inputRef}
          class="lens-input lens-search__input"
          type="search"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          placeholder="Search people by name or e-mail"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          value={props.term}
          onInput={(e) => onInput(e.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
      </div>

      {search.error ? (
        <div class="lens-search__state">
          <ErrorMessage
            error={search.error}
            onRetry={() => {
              // The button goes away with the error: keep the keyboard in the field.
              props.inputRef.current?.focus();
              run(props.term);
            }}
            onOpenSettings={props.onOpenSettings}
          />
        </div>
      ) : (
        message &&
        !showingLast && (
          <p class="lens-search__state lens-muted" role="status">
            {message}
          </p>
        )
      )}

      {showingLast && <p class="lens-search__group lens-muted">Last viewed</p>}
      <ul
        id={listId}
        role="listbox"
        aria-label={showingLast ? 'Last viewed' : 'People'}
        class="lens-results"
        aria-busy={search.phase === 'pending' || search.phase === 'local'}
        data-updating={search.phase === 'pending' ? '' : undefined}
      >
        {options.map((hit, index) => (
          <ResultOption
            key={hit.id}
            id={`${optionPrefix}-${index}`}
            hit={hit}
            active={index === active}
            onPointer={() => setActive(index)}
            onChoose={() => props.onOpen(hit)}
          />
        ))}
      </ul>

      {search.refineError && search.hits.length > 0 && (
        <p class="lens-search__note lens-muted">
          {search.refineError.message} Showing people from your synced roster.
        </p>
      )}
      <p class="lens-visually-hidden" role="status" aria-live="polite">
        {search.phase === 'done' && search.hits.length > 0
          ? `${search.hits.length} ${search.hits.length === 1 ? 'person' : 'people'} found`
          : ''}
      </p>
    </div>
  );
}

function ResultOption(props: {
  id: string;
  hit: SearchHit;
  active: boolean;
  onPointer: () => void;
  onChoose: () => void;
}) {
  const { hit } = props;
  const secondary = [hit.primaryEmail, hit.organization].filter(Boolean).join(' · ');
  const badge = hit.type === 1 ? 'Team' : null;
  const description = [badge && 'Your team', secondary].filter(Boolean).join(', ');
  // The option is named by the full name alone (aria-labelledby). The e-mail and organization are
  // drawn by CSS from data-text, so they are not part of the option's text content (which would
  // differ from its name: WCAG 2.5.3), and are read through aria-describedby instead.
  return (
    <li
      id={props.id}
      role="option"
      class="lens-result"
      aria-selected={props.active}
      aria-labelledby={`${props.id}-name`}
      aria-describedby={description ? `${props.id}-description` : undefined}
      onMouseMove={props.onPointer}
      onMouseDown={(e) => e.preventDefault() /* keep focus in the field */}
      onClick={props.onChoose}
    >
      <span class="lens-result__name" id={`${props.id}-name`}>
        {hit.fullName}
      </span>
      {badge && <span class="lens-result__badge" data-text={badge} />}
      {secondary && <span class="lens-result__secondary" data-text={secondary} />}
      {description && (
        <span id={`${props.id}-description`} hidden>
          {description}
        </span>
      )}
    </li>
  );
}
