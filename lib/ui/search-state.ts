/**
 * The popup's search as a small state machine. Each keystroke starts a search with a new token; the
 * instant local answer and the refined API answer for that token are merged without flicker (the old
 * list stays until the new one lands, known people keep their place), and answers for older tokens
 * are ignored.
 */
import type { SerializedError } from '../affinity/errors';
import type { SearchHit, SearchResult } from '../people/types';

export interface SearchState {
  term: string;
  token: number;
  hits: SearchHit[];
  /** 'pending': waiting for the first answer (the previous hits stay on screen meanwhile). */
  phase: 'idle' | 'pending' | 'local' | 'done';
  /** The search failed and there is nothing to show for it. */
  error: SerializedError | null;
  /** Affinity's refinement failed; local hits are still shown. */
  refineError: SerializedError | null;
}

export const initialSearch: SearchState = {
  term: '',
  token: 0,
  hits: [],
  phase: 'idle',
  error: null,
  refineError: null,
};

export function startSearch(state: SearchState, rawTerm: string): SearchState {
  const term = rawTerm.trim();
  const token = state.token + 1;
  if (term === '') return { ...initialSearch, token };
  return { ...state, term, token, phase: 'pending', error: null, refineError: null };
}

export function applyResult(state: SearchState, token: number, result: SearchResult): SearchState {
  if (token !== state.token || state.phase === 'idle') return state;
  const first = state.phase === 'pending';
  const hits = first ? result.hits : mergeHits(state.hits, result.hits);
  // Only a refinement carries an error, and a failed refinement is as final as a successful one.
  const done = result.source === 'api' || result.needsRefine === false || result.error !== undefined;
  if (result.error && hits.length === 0) {
    // Nothing to show: the failure is the answer ("no one matches" would be untrue).
    return { ...state, hits, phase: 'done', error: result.error, refineError: null };
  }
  return {
    ...state,
    hits,
    phase: done ? 'done' : 'local',
    error: null,
    refineError: result.error ?? state.refineError,
  };
}

export function applyFailure(state: SearchState, token: number, error: SerializedError): SearchState {
  if (token !== state.token || state.phase === 'idle') return state;
  if (state.phase === 'pending') return { ...state, hits: [], phase: 'done', error };
  // Local hits are on screen: keep them and say the refinement failed.
  return { ...state, phase: 'done', refineError: error };
}

/**
 * People already shown keep their place (with any fresher details); new people join at the end in
 * the order they came. Nobody disappears between the two answers for one term.
 */
export function mergeHits(current: readonly SearchHit[], incoming: readonly SearchHit[]): SearchHit[] {
  const incomingById = new Map(incoming.map((hit) => [hit.id, hit]));
  const merged = current.map((hit) => {
    const fresher = incomingById.get(hit.id);
    return fresher ? { ...hit, ...withoutNulls(fresher) } : hit;
  });
  const known = new Set(current.map((hit) => hit.id));
  for (const hit of incoming) {
    if (!known.has(hit.id)) {
      merged.push(hit);
      known.add(hit.id);
    }
  }
  return merged;
}

/** A null from the API ("no organization known") must not erase what the roster knew. */
function withoutNulls(hit: SearchHit): Partial<SearchHit> {
  return Object.fromEntries(Object.entries(hit).filter(([, value]) => value !== null)) as Partial<SearchHit>;
}

/**
 * What the listbox area says instead of (or beside) results. `slow`: the first answer is taking a
 * while (the background is waking up and loading the roster), so the wait is said rather than left
 * blank; a quick answer shows no message at all, not a flash of one.
 */
export function searchMessage(state: SearchState, slow = false): string | null {
  if (state.phase === 'idle') return 'Type a name or an e-mail address to search your Affinity.';
  if (state.error) return null; // shown by ErrorMessage
  if (state.hits.length > 0) return null;
  if (state.phase === 'done') return `No one in your Affinity matches “${state.term}”.`;
  if (state.phase === 'local') return 'Searching Affinity…';
  return slow ? 'Searching…' : null;
}
