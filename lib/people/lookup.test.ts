import { describe, expect, it, vi } from 'vitest';
import { AffinityError } from '../affinity/errors';
import type { PersonSummary } from '../affinity/types';
import { addressesOf, lookUp, MAX_CHOICES, sameName, tidyName, type LookupSources } from './lookup';
import type { SearchHit, SearchResult } from './types';

const hit = (id: number, fullName: string, primaryEmail: string | null = null): SearchHit => ({
  id,
  fullName,
  primaryEmail,
  organization: null,
  type: 0,
});

const summary = (id: number, first: string, last: string, ...emails: string[]): PersonSummary => ({
  id,
  type: 0,
  firstName: first,
  lastName: last,
  primaryEmail: emails[0] ?? null,
  emails,
});

const ada = hit(1, 'Ada Lovelace', 'ada@engines.org');
const danielQuill = hit(2, 'Daniel Kim', 'daniel@quill.io');
const danielHanbit = hit(3, 'Daniel Kim', 'dkim@hanbit.kr');
const danielKimball = hit(4, 'Daniel Kimball', 'dk@kimball.com');

/** Sources over a small roster; Affinity's search answers from `affinity` (and is counted). */
function sources(
  options: {
    roster?: SearchHit[];
    owners?: Record<string, SearchHit[]>;
    affinity?: PersonSummary[];
    affinityFails?: AffinityError;
    refineError?: AffinityError;
  } = {},
) {
  const roster = options.roster ?? [];
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
  const rosterSearch = (term: string) =>
    roster.filter((p) =>
      words(term).every((w) => words(p.fullName).some((n) => n.startsWith(w)) || p.primaryEmail === term),
    );
  const s = {
    rosterOwners: vi.fn(async (address: string) => options.owners?.[address] ?? []),
    searchAffinity: vi.fn(async (term: string) => {
      if (options.affinityFails) throw options.affinityFails;
      const t = term.toLowerCase();
      return (options.affinity ?? []).filter(
        (p) =>
          p.emails.some((e) => e.toLowerCase().startsWith(t)) ||
          words(t).every((w) => words(`${p.firstName} ${p.lastName}`).some((n) => n.startsWith(w))),
      );
    }),
    searchPeople: vi.fn(async (term: string, limit: number): Promise<SearchResult> => {
      const local = rosterSearch(term).slice(0, limit);
      if (local.length > 0) return { term, hits: local, source: 'roster' };
      if (options.refineError)
        return { term, hits: [], source: 'roster', error: options.refineError.toJSON() };
      const remote = await s.searchAffinity(term);
      return {
        term,
        hits: remote.map((p) => hit(p.id, `${p.firstName} ${p.lastName}`, p.primaryEmail)),
        source: 'api',
      };
    }),
    namesIn: vi.fn(async (text: string) => roster.filter((p) => text.includes(p.fullName))),
  } satisfies LookupSources;
  return s;
}

describe('lookUp: e-mail addresses first', () => {
  it('answers an address from the roster’s exact owners, without asking Affinity', async () => {
    const s = sources({ owners: { 'ada@engines.org': [ada] } });
    const result = await lookUp({ text: '  Ada@Engines.org ', source: 'selection' }, s);
    expect(result).toEqual({ label: 'ada@engines.org', hits: [ada], tooMany: false, message: null });
    expect(s.rosterOwners).toHaveBeenCalledWith('ada@engines.org');
    expect(s.searchAffinity).not.toHaveBeenCalled();
    expect(s.searchPeople).not.toHaveBeenCalled();
  });

  it('finds the address inside a longer selection before reading it as names', async () => {
    const s = sources({ roster: [danielQuill], owners: { 'ada@engines.org': [ada] } });
    const result = await lookUp({ text: 'Daniel Kim <ada@engines.org>', source: 'selection' }, s);
    expect(result.hits).toEqual([ada]);
    expect(s.searchPeople).not.toHaveBeenCalled();
  });

  it('keeps only people Affinity lists with exactly that address when the roster has none', async () => {
    const s = sources({
      affinity: [
        summary(7, 'Grace', 'Hopper', 'grace@navy.mil', 'g.hopper@yale.edu'),
        summary(8, 'Grace', 'Navy', 'grace@navy.mil.example'),
      ],
    });
    const result = await lookUp({ text: 'mailto:G.Hopper@yale.edu?subject=Hello', source: 'link' }, s);
    expect(result.hits.map((h) => h.id)).toEqual([7]);
    expect(result.hits[0]).toMatchObject({ fullName: 'Grace Hopper', primaryEmail: 'grace@navy.mil' });
    expect(result.label).toBe('g.hopper@yale.edu');
    expect(s.searchAffinity).toHaveBeenCalledWith('g.hopper@yale.edu');
  });

  it('says nobody has an address rather than guessing by name', async () => {
    const s = sources({ roster: [ada], affinity: [summary(9, 'Ada', 'Byron', 'ada@byron.uk')] });
    const result = await lookUp({ text: 'mailto:ada@nowhere.example', source: 'link' }, s);
    expect(result).toEqual({
      label: 'ada@nowhere.example',
      hits: [],
      tooMany: false,
      message: 'No one in your Affinity has the address ada@nowhere.example.',
    });
    expect(s.searchPeople).not.toHaveBeenCalled();
  });

  it('reports why when Affinity could not be asked about an unknown address', async () => {
    const offline = new AffinityError({ kind: 'offline', message: 'You are offline.' });
    const s = sources({ affinityFails: offline });
    await expect(lookUp({ text: 'who@unknown.example', source: 'selection' }, s)).rejects.toMatchObject({
      kind: 'offline',
    });
  });

  it('reads every recipient of a mailto: link, percent-encoded or not', () => {
    expect(
      addressesOf({ text: 'mailto:ada%40engines.org,Bob@Example.com?cc=eve@x.org', source: 'link' }),
    ).toEqual(['ada@engines.org', 'bob@example.com']);
  });
});

describe('lookUp: names', () => {
  it('opens the one person named exactly, ahead of near names', async () => {
    const s = sources({ roster: [danielKimball, ada] });
    const result = await lookUp({ text: 'Ada Lovelace', source: 'selection' }, s);
    expect(result).toEqual({ label: 'Ada Lovelace', hits: [ada], tooMany: false, message: null });
  });

  it('lists both people who share a name, and not the near ones', async () => {
    const s = sources({ roster: [danielKimball, danielQuill, danielHanbit] });
    const result = await lookUp({ text: 'Daniel Kim', source: 'selection' }, s);
    expect(result.hits.map((h) => h.id)).toEqual([2, 3]);
    expect(result.tooMany).toBe(false);
  });

  it('tidies the selection: punctuation, a possessive, line breaks and accents do not matter', async () => {
    const jose = hit(5, 'José Álvarez');
    const s = sources({ roster: [jose] });
    expect(tidyName(' (José\n Álvarez’s), ')).toBe('José Álvarez');
    expect(sameName('Jose ALVAREZ', 'José Álvarez')).toBe(true);
    expect(sameName('Kim, Daniel', 'Daniel Kim')).toBe(true);
    expect(sameName('Daniel Kimball', 'Daniel Kim')).toBe(false);
    const result = await lookUp({ text: ' (José\n Álvarez’s), ', source: 'selection' }, s);
    expect(result.hits).toEqual([jose]);
  });

  it('asks Affinity for the exact name when the roster knows only near ones', async () => {
    const s = sources({ roster: [danielKimball], affinity: [summary(11, 'Dan', 'Kim', 'dan@new.example')] });
    const result = await lookUp({ text: 'Dan Kim', source: 'selection' }, s);
    expect(result.hits).toEqual([hit(11, 'Dan Kim', 'dan@new.example')]);
  });

  it('shows near names when no one has the exact name', async () => {
    const s = sources({ roster: [danielKimball] });
    const result = await lookUp({ text: 'Dan Kim', source: 'selection' }, s);
    expect(result.hits).toEqual([danielKimball]);
  });

  it('finds people only Affinity knows (the roster is not synced yet)', async () => {
    const s = sources({ affinity: [summary(12, 'Grace', 'Hopper', 'grace@navy.mil')] });
    const result = await lookUp({ text: 'Grace Hopper', source: 'selection' }, s);
    expect(result.hits.map((h) => h.id)).toEqual([12]);
  });

  it('says so when nobody matches', async () => {
    const s = sources({ roster: [ada] });
    const result = await lookUp({ text: 'Elena Petrova', source: 'selection' }, s);
    expect(result).toEqual({
      label: 'Elena Petrova',
      hits: [],
      tooMany: false,
      message: 'No one in your Affinity matches “Elena Petrova”.',
    });
  });

  it('sends the popup search a name that matches more people than a short list holds', async () => {
    const many = Array.from({ length: MAX_CHOICES + 1 }, (_, i) => hit(100 + i, `Maria Example${i}`));
    const s = sources({ roster: many });
    const result = await lookUp({ text: 'Maria', source: 'selection' }, s);
    expect(result).toEqual({
      label: 'Maria',
      hits: [],
      tooMany: true,
      message: 'Many people in your Affinity match “Maria”.',
    });
  });

  it('finds roster names inside a sentence when the whole of it names nobody', async () => {
    const s = sources({ roster: [ada] });
    const result = await lookUp({ text: 'Met Ada Lovelace today', source: 'selection' }, s);
    expect(result.hits).toEqual([ada]);
  });

  it('never sends a paragraph to Affinity: only roster names inside it are found', async () => {
    const paragraph = `${'The fund closed its second vehicle this week. '.repeat(3)}Ada Lovelace led it.`;
    const s = sources({ roster: [ada] });
    const result = await lookUp({ text: paragraph, source: 'selection' }, s);
    expect(result.hits).toEqual([ada]);
    expect(result.label.length).toBeLessThanOrEqual(60);
    expect(s.searchPeople).not.toHaveBeenCalled();
    expect(s.searchAffinity).not.toHaveBeenCalled();
  });

  it('reports a failure instead of “nobody” when Affinity could not refine an empty answer', async () => {
    const limited = new AffinityError({
      kind: 'rate-limited',
      message: 'Affinity’s rate limit was reached.',
    });
    const s = sources({ refineError: limited });
    await expect(lookUp({ text: 'Grace Hopper', source: 'selection' }, s)).rejects.toMatchObject({
      kind: 'rate-limited',
    });
  });

  it('answers an empty selection with nobody, asking no one', async () => {
    const s = sources({ roster: [ada] });
    expect(await lookUp({ text: '  \n ', source: 'selection' }, s)).toEqual({
      label: '',
      hits: [],
      tooMany: false,
      message: 'Select a name or an e-mail address to look up.',
    });
    expect(s.searchPeople).not.toHaveBeenCalled();
  });
});
