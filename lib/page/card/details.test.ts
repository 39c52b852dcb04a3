import { describe, expect, it, vi } from 'vitest';
import type { PersonDetailsResult, SearchResult } from '../../people/types';
import { DetailsLoader, type DetailsBackend } from './details';

const result = (id: number, fullName = `Person ${id}`): PersonDetailsResult =>
  ({ person: { id, fullName }, fetchedAt: 0, stale: false }) as unknown as PersonDetailsResult;

function backend(overrides: Partial<DetailsBackend> = {}) {
  return {
    getPerson: vi.fn(async (id: number) => result(id)),
    searchLocal: vi.fn(async (term: string): Promise<SearchResult> => ({
      term,
      source: 'roster',
      hits: [
        {
          id: 3,
          fullName: 'Alan Turing',
          primaryEmail: 'alan@example.com',
          organization: 'Bletchley',
          type: 0,
        },
        { id: 4, fullName: 'Alan Turing', primaryEmail: null, organization: null, type: 0 },
        { id: 9, fullName: 'Alan Turing-Smith', primaryEmail: null, organization: null, type: 0 },
      ],
    })),
    ...overrides,
  };
}

describe('DetailsLoader', () => {
  it('shares one request between prefetch and show, and remembers the answer', async () => {
    const api = backend();
    const loader = new DetailsLoader(api);
    const first = loader.get(1);
    const second = loader.get(1);
    expect(await first).toBe(await second);
    expect(api.getPerson).toHaveBeenCalledTimes(1);
    expect(loader.peek(1)?.person.id).toBe(1);
  });

  it('asks again once its short memory has expired', async () => {
    const api = backend();
    let now = 0;
    const loader = new DetailsLoader(api, 60_000, 20, () => now);
    await loader.get(1);
    now = 61_000;
    expect(loader.peek(1)).toBeUndefined();
    await loader.get(1);
    expect(api.getPerson).toHaveBeenCalledTimes(2);
  });

  it('does not remember failures', async () => {
    const api = backend({
      getPerson: vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(result(1)),
    });
    const loader = new DetailsLoader(api);
    await expect(loader.get(1)).rejects.toThrow('offline');
    expect((await loader.get(1)).person.id).toBe(1);
  });

  it('keeps only the most recent people', async () => {
    const api = backend();
    const loader = new DetailsLoader(api, 60_000, 2);
    await loader.get(1);
    await loader.get(2);
    await loader.get(3);
    expect(loader.peek(1)).toBeUndefined();
    expect(loader.peek(3)).toBeDefined();
  });

  it('refresh asks past every cache', async () => {
    const api = backend();
    const loader = new DetailsLoader(api);
    await loader.get(1);
    await loader.refresh(1);
    expect(api.getPerson).toHaveBeenLastCalledWith(1, true);
  });

  it('lists candidates from the local roster, in the order of the match, with e-mail and organization', async () => {
    const loader = new DetailsLoader(backend());
    expect(await loader.candidates('Alan Turing', [4, 3, 5])).toEqual([
      { id: 4, name: 'Alan Turing', detail: null },
      { id: 3, name: 'Alan Turing', detail: 'alan@example.com · Bletchley' },
      { id: 5, name: 'Alan Turing', detail: null },
    ]);
  });

  it('still lists every candidate when the roster search fails', async () => {
    const loader = new DetailsLoader(backend({ searchLocal: vi.fn().mockRejectedValue(new Error('gone')) }));
    expect((await loader.candidates('Alan Turing', [3, 4])).map((c) => c.id)).toEqual([3, 4]);
  });
});
