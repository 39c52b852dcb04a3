import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../people/types';
import {
  applyFailure,
  applyResult,
  initialSearch,
  mergeHits,
  searchMessage,
  startSearch,
} from './search-state';

const hit = (id: number, name: string, extra: Partial<SearchHit> = {}): SearchHit => ({
  id,
  fullName: name,
  primaryEmail: `${name.toLowerCase().replace(/ /g, '.')}@example.com`,
  organization: null,
  type: 0,
  ...extra,
});

const ann = hit(1, 'Ann Lee');
const bob = hit(2, 'Bob Roy');
const cy = hit(3, 'Cy Ode');

const result = (term: string, source: 'roster' | 'api', hits: SearchHit[]): SearchResult => ({
  term,
  source,
  hits,
});

describe('search state', () => {
  it('keeps the previous list while the next answer is on its way', () => {
    let state = startSearch(initialSearch, 'an');
    state = applyResult(state, state.token, result('an', 'roster', [ann]));
    state = startSearch(state, 'ann');
    expect(state.hits).toEqual([ann]);
    expect(state.phase).toBe('pending');
  });

  it('merges the refined answer without moving people already shown', () => {
    let state = startSearch(initialSearch, 'o');
    const token = state.token;
    state = applyResult(state, token, result('o', 'roster', [bob, cy]));
    state = applyResult(state, token, result('o', 'api', [cy, ann, bob]));
    expect(state.hits.map((h) => h.id)).toEqual([2, 3, 1]);
    expect(state.phase).toBe('done');
  });

  it('ignores answers to an older search', () => {
    let state = startSearch(initialSearch, 'a');
    const old = state.token;
    state = startSearch(state, 'bo');
    state = applyResult(state, state.token, result('bo', 'roster', [bob]));
    state = applyResult(state, old, result('a', 'api', [ann]));
    expect(state.hits).toEqual([bob]);
  });

  it('an API answer that lands first is not replaced by the later local one', () => {
    let state = startSearch(initialSearch, 'o');
    const token = state.token;
    state = applyResult(state, token, result('o', 'api', [cy, bob]));
    state = applyResult(state, token, result('o', 'roster', [bob]));
    expect(state.hits.map((h) => h.id)).toEqual([3, 2]);
  });

  it('clears for an empty term and invites typing', () => {
    let state = startSearch(initialSearch, 'a');
    state = applyResult(state, state.token, result('a', 'roster', [ann]));
    state = startSearch(state, '   ');
    expect(state.hits).toEqual([]);
    expect(searchMessage(state)).toMatch(/Type a name/);
  });

  it('says when nobody matches, only after the refined answer', () => {
    let state = startSearch(initialSearch, 'zzz');
    state = applyResult(state, state.token, result('zzz', 'roster', []));
    expect(searchMessage(state)).toBe('Searching Affinity…');
    state = applyResult(state, state.token, result('zzz', 'api', []));
    expect(searchMessage(state)).toBe('No one in your Affinity matches “zzz”.');
  });

  it('says nothing while the first answer comes quickly, and that it is searching when it does not', () => {
    const state = startSearch(initialSearch, 'ada');
    expect(searchMessage(state)).toBeNull();
    expect(searchMessage(state, true)).toBe('Searching…');
  });

  it('does not wait for a refinement the background says cannot differ', () => {
    let state = startSearch(initialSearch, 'zzz');
    state = applyResult(state, state.token, { ...result('zzz', 'roster', []), needsRefine: false });
    expect(state.phase).toBe('done');
  });

  it('keeps local hits when the refinement fails', () => {
    let state = startSearch(initialSearch, 'a');
    state = applyResult(state, state.token, result('a', 'roster', [ann]));
    state = applyFailure(state, state.token, { kind: 'offline', message: 'You are offline.' });
    expect(state.hits).toEqual([ann]);
    expect(state.refineError?.kind).toBe('offline');
    expect(state.error).toBeNull();
  });

  it('stops searching when the refinement fails, keeping the local hits', () => {
    const offline = { kind: 'offline', message: 'You are offline.' } as const;
    let state = startSearch(initialSearch, 'a');
    state = applyResult(state, state.token, { ...result('a', 'roster', [ann]), needsRefine: true });
    state = applyResult(state, state.token, { ...result('a', 'roster', [ann]), error: offline });
    expect(state.phase).toBe('done');
    expect(state.hits).toEqual([ann]);
    expect(state.refineError).toEqual(offline);
    expect(state.error).toBeNull();
  });

  it('says why when the refinement fails and nobody was found locally', () => {
    const limited = { kind: 'rate-limited', message: 'Affinity’s rate limit was reached.' } as const;
    let state = startSearch(initialSearch, 'zzz');
    state = applyResult(state, state.token, { ...result('zzz', 'roster', []), needsRefine: true });
    state = applyResult(state, state.token, { ...result('zzz', 'roster', []), error: limited });
    expect(state.phase).toBe('done');
    expect(state.error).toEqual(limited);
    // The error is shown instead: neither "searching" nor "no one matches".
    expect(searchMessage(state)).toBeNull();
  });

  it('reports a failed search that has nothing to show', () => {
    let state = startSearch(initialSearch, 'a');
    state = applyFailure(state, state.token, { kind: 'no-key', message: 'Add your key.' });
    expect(state.error?.kind).toBe('no-key');
    expect(state.hits).toEqual([]);
  });
});

describe('mergeHits', () => {
  it('takes fresher details without erasing known ones', () => {
    const local = hit(1, 'Ann Lee', { organization: 'Acme' });
    const remote = hit(1, 'Ann Lee', { organization: null, primaryEmail: 'ann@new.example' });
    expect(mergeHits([local], [remote])).toEqual([{ ...local, primaryEmail: 'ann@new.example' }]);
  });
});
