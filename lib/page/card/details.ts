/**
 * What the hover card asks the background for, with a small tab-local memory so that reopening a
 * card is instant and prefetch and show share one request. The background keeps the real cache.
 */
import type { PersonDetailsResult, SearchResult } from '../../people/types';

export interface Candidate {
  id: number;
  name: string;
  /** "ada@example.com · Analytical Engines", or null when the roster knows neither. */
  detail: string | null;
}

export interface DetailsBackend {
  getPerson(id: number, refresh: boolean): Promise<PersonDetailsResult>;
  searchLocal(term: string): Promise<SearchResult>;
}

interface Entry {
  promise: Promise<PersonDetailsResult>;
  value?: PersonDetailsResult;
  at: number;
}

export class DetailsLoader {
  private readonly entries = new Map<number, Entry>();

  constructor(
    private readonly backend: DetailsBackend,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 20,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The details if already here, for showing within the same frame. */
  peek(id: number): PersonDetailsResult | undefined {
    return this.live(id)?.value;
  }

  get(id: number): Promise<PersonDetailsResult> {
    const live = this.live(id);
    if (live) return live.promise;
    return this.fetch(id, false);
  }

  /**
   * Fetches ahead the details a card for these people will show: only for one person (a name
   * several people share shows a chooser first). Failures wait for the card to say them.
   */
  prefetch(personIds: readonly number[]): void {
    const [id] = personIds;
    if (personIds.length === 1 && id !== undefined) this.get(id).catch(() => undefined);
  }

  /** Asks again past every cache; a stale answer's background refresh is joined, not repeated. */
  refresh(id: number): Promise<PersonDetailsResult> {
    return this.fetch(id, true);
  }

  async candidates(term: string, ids: readonly number[]): Promise<Candidate[]> {
    let hits: SearchResult['hits'] = [];
    try {
      hits = (await this.backend.searchLocal(term)).hits;
    } catch {
      // The chooser still lists every id; details appear once one is chosen.
    }
    return ids.map((id) => {
      const hit = hits.find((h) => h.id === id);
      if (!hit) return { id, name: term, detail: null };
      const detail = [hit.primaryEmail, hit.organization].filter(Boolean).join(' · ');
      return { id, name: hit.fullName, detail: detail || null };
    });
  }

  clear(): void {
    this.entries.clear();
  }

  private live(id: number): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    return entry;
  }

  private fetch(id: number, refresh: boolean): Promise<PersonDetailsResult> {
    const entry: Entry = { promise: this.backend.getPerson(id, refresh), at: this.now() };
    this.entries.delete(id);
    this.entries.set(id, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as number;
      this.entries.delete(oldest);
    }
    entry.promise.then(
      (value) => {
        entry.value = value;
      },
      () => {
        // A failure is shown once and asked again next time.
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    return entry.promise;
  }
}
