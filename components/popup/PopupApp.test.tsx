// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground } from '../../lib/messaging';
import type { SearchHit, SearchResult } from '../../lib/people/types';
import { popupMemoryItem, preferencesItem } from '../../lib/settings';
import {
  answerWith,
  fail,
  rateState,
  signedInStatus,
  signedOutStatus,
  type Handlers,
} from '../test-background';
import { makeDetails } from '../test-fixtures';
import { PopupApp } from './PopupApp';

vi.mock('../../lib/messaging', () => ({ sendToBackground: vi.fn() }));
const send = vi.mocked(sendToBackground);

const hit = (id: number, fullName: string, organization: string | null = null): SearchHit => ({
  id,
  fullName,
  primaryEmail: `${fullName.split(' ')[0]?.toLowerCase()}@example.com`,
  organization,
  type: 0,
});
const ann = hit(1, 'Ann Lee', 'Acme');
const anna = hit(2, 'Anna Bell', 'Globex');
const annika = hit(3, 'Annika Roy');

function searchWith(local: SearchHit[], api: SearchHit[]): Handlers['people/search'] {
  return ({ term, local: isLocal }): SearchResult => ({
    term,
    source: isLocal ? 'roster' : 'api',
    hits: (isLocal ? local : api).filter((h) => h.fullName.toLowerCase().includes(term.toLowerCase())),
  });
}

function renderPopup(handlers: Handlers) {
  answerWith(send, { 'status/get': () => signedInStatus(), ...handlers });
  return render(<PopupApp pollMs={60_000} refineDelayMs={0} />);
}

const field = () => screen.findByRole('combobox', { name: 'Search people' });
/** Each option's accessible name: the element its aria-labelledby points at. */
const optionNames = () =>
  screen
    .queryAllByRole('option')
    .map((o) => document.getElementById(o.getAttribute('aria-labelledby') ?? '')?.textContent);

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});
afterEach(cleanup);

describe('popup: first run', () => {
  it('explains what is needed and opens the settings', async () => {
    const openOptionsPage = vi.fn().mockResolvedValue(undefined);
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    answerWith(send, { 'status/get': () => signedOutStatus() });
    render(<PopupApp pollMs={60_000} />);
    expect(await screen.findByText(/needs your Affinity API key/)).toBeTruthy();
    expect(screen.queryByRole('combobox')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add your API key' }));
    expect(openOptionsPage).toHaveBeenCalled();
    // Nothing to search yet: no search index is built for it.
    expect(send.mock.calls.map(([type]) => type)).not.toContain('people/prepare-search');
  });
});

describe('popup: search', () => {
  it('has the background build its search index as it opens, before anything is typed', async () => {
    renderPopup({ 'people/prepare-search': () => null });
    await field();
    await waitFor(() => expect(send).toHaveBeenCalledWith('people/prepare-search', {}));
    expect(send.mock.calls.map(([type]) => type)).not.toContain('people/search');
  });

  it('focuses the field and lists people named by their full name', async () => {
    renderPopup({ 'people/search': searchWith([ann, anna], [ann, anna]) });
    const input = await field();
    await waitFor(() => expect(document.activeElement).toBe(input));
    fireEvent.input(input, { target: { value: 'ann' } });
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(2));
    expect(screen.getByRole('option', { name: 'Ann Lee' })).toBeTruthy();
    // Named by the full name alone; e-mail and organization are shown and read as its description.
    const option = screen.getByRole('option', {
      name: 'Anna Bell',
      description: 'anna@example.com · Globex',
    });
    expect(option.querySelector('[data-text]')?.getAttribute('data-text')).toBe('anna@example.com · Globex');
  });

  it('shows local results at once and adds the refined ones without reordering', async () => {
    renderPopup({ 'people/search': searchWith([anna, ann], [ann, annika, anna]) });
    fireEvent.input(await field(), { target: { value: 'ann' } });
    await waitFor(() => expect(optionNames()).toEqual(['Anna Bell', 'Ann Lee', 'Annika Roy']));
    const calls = send.mock.calls.filter(([type]) => type === 'people/search').map(([, p]) => p);
    expect(calls).toEqual([
      { term: 'ann', limit: 20, local: true },
      { term: 'ann', limit: 20 },
    ]);
  });

  it('ignores a late answer to an older search', async () => {
    let releaseOld: (r: SearchResult) => void = () => {};
    renderPopup({
      'people/search': ({ term, local }) => {
        if (term === 'a' && local) return new Promise<SearchResult>((resolve) => (releaseOld = resolve));
        return { term, source: local ? 'roster' : 'api', hits: term === 'bo' ? [hit(5, 'Bob Roy')] : [] };
      },
    });
    const input = await field();
    fireEvent.input(input, { target: { value: 'a' } });
    fireEvent.input(input, { target: { value: 'bo' } });
    await screen.findByRole('option', { name: 'Bob Roy' });
    await act(async () => releaseOld({ term: 'a', source: 'roster', hits: [ann] }));
    expect(optionNames()).toEqual(['Bob Roy']);
  });

  it('says it is searching when the first answer is slow (the background waking up)', async () => {
    renderPopup({ 'people/search': () => new Promise<SearchResult>(() => undefined) });
    fireEvent.input(await field(), { target: { value: 'ada' } });
    expect(screen.queryByText('Searching…')).toBeNull();
    expect(await screen.findByText('Searching…')).toBeTruthy();
  });

  it('has a sentence for the empty field, no match and a failure', async () => {
    renderPopup({
      'people/search': ({ term, local }) =>
        term === 'boom'
          ? fail({ kind: 'offline', message: 'You seem to be offline.' })
          : { term, source: local ? 'roster' : 'api', hits: [] },
    });
    const input = await field();
    expect(screen.getByText('Type a name or an e-mail address to search your Affinity.')).toBeTruthy();
    fireEvent.input(input, { target: { value: 'zzz' } });
    expect(await screen.findByText('No one in your Affinity matches “zzz”.')).toBeTruthy();
    fireEvent.input(input, { target: { value: 'boom' } });
    expect((await screen.findByRole('alert')).textContent).toContain('You seem to be offline.');
  });

  it('searches again from a failure with the keyboard back in the field', async () => {
    let offline = true;
    renderPopup({
      'people/search': ({ term, local }) =>
        offline
          ? fail({ kind: 'offline', message: 'You seem to be offline.' })
          : { term, source: local ? 'roster' : 'api', hits: [ann] },
    });
    const input = await field();
    fireEvent.input(input, { target: { value: 'ann' } });
    const alert = await screen.findByRole('alert');
    offline = false;
    const retry = within(alert).getByRole('button', { name: 'Try again' });
    retry.focus();
    fireEvent.click(retry);
    await screen.findByRole('option', { name: 'Ann Lee' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(input);
  });

  it('moves with the arrow keys, opens with Enter and goes back with Escape', async () => {
    renderPopup({
      'people/search': searchWith([ann, anna, annika], [ann, anna, annika]),
      'people/get': ({ id }) => makeDetails({ id, fullName: id === 2 ? 'Anna Bell' : 'Someone' }),
    });
    const input = await field();
    fireEvent.input(input, { target: { value: 'ann' } });
    await waitFor(() => expect(optionNames()).toHaveLength(3));
    const activeName = () => {
      const id = input.getAttribute('aria-activedescendant');
      return id ? document.getElementById(id)?.querySelector('[id$="-name"]')?.textContent : null;
    };
    expect(activeName()).toBe('Ann Lee');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(activeName()).toBe('Anna Bell');
    expect(screen.getByRole('option', { name: 'Anna Bell' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });

    expect(await screen.findByRole('heading', { level: 2, name: 'Anna Bell' })).toBeTruthy();
    expect(send).toHaveBeenCalledWith('people/get', { id: 2 });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Anna Bell' })).toBeNull());
    expect(screen.getByRole('option', { name: 'Anna Bell' })).toBeTruthy();
  });

  it('clears the field with Escape', async () => {
    renderPopup({ 'people/search': searchWith([ann], [ann]) });
    const input = (await field()) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'ann' } });
    await screen.findByRole('option', { name: 'Ann Lee' });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
    await waitFor(() => expect(screen.queryByRole('option', { name: 'Ann Lee' })).toBeNull());
  });

  it('remembers the last search and the last person viewed', async () => {
    await popupMemoryItem.setValue({ term: 'ann', lastPerson: null });
    renderPopup({
      'people/search': searchWith([ann], [ann]),
      'people/get': () => makeDetails({ id: 1, fullName: 'Ann Lee' }),
    });
    const input = (await field()) as HTMLInputElement;
    expect(input.value).toBe('ann');
    fireEvent.click(await screen.findByRole('option', { name: 'Ann Lee' }));
    await screen.findByRole('heading', { level: 2, name: 'Ann Lee' });
    await waitFor(async () => expect((await popupMemoryItem.getValue()).lastPerson?.id).toBe(1));

    cleanup();
    await popupMemoryItem.setValue({ term: '', lastPerson: ann });
    renderPopup({});
    await field();
    expect(screen.getByRole('listbox', { name: 'Last viewed' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Ann Lee' })).toBeTruthy();
  });
});

describe('popup: details', () => {
  it('shows stale details at once and replaces them with the refreshed ones', async () => {
    let releaseFresh: () => void = () => {};
    renderPopup({
      'people/search': searchWith([ann], [ann]),
      'people/get': ({ refresh }) =>
        refresh
          ? new Promise((resolve) => {
              releaseFresh = () => resolve(makeDetails({ fullName: 'Ann Lee', notes: [] }));
            })
          : makeDetails({ fullName: 'Ann Lee' }, { stale: true, fetchedAt: Date.now() - 3 * 3_600_000 }),
    });
    fireEvent.input(await field(), { target: { value: 'ann' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Ann Lee' }));
    expect(await screen.findByText(/Updated 3 h ago/)).toBeTruthy();
    expect(send).toHaveBeenCalledWith('people/get', { id: 101, refresh: true });
    await act(async () => releaseFresh());
    await waitFor(() => expect(screen.queryByText(/Updated 3 h ago/)).toBeNull());
    expect(screen.getByText('No notes yet.')).toBeTruthy();
  });

  it('says why details could not be loaded', async () => {
    renderPopup({
      'people/search': searchWith([ann], [ann]),
      'people/get': () => fail({ kind: 'not-found', message: 'This person is no longer in your Affinity.' }),
    });
    fireEvent.input(await field(), { target: { value: 'ann' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Ann Lee' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no longer in your Affinity');
  });

  it('takes the fresher card the background announces for the person shown, and only that', async () => {
    const first = makeDetails({ id: 1, otherOrganizations: [] });
    renderPopup({ 'people/search': searchWith([ann], [ann]), 'people/get': () => first });
    fireEvent.input(await field(), { target: { value: 'ann' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Ann Lee' }));
    await screen.findByRole('link', { name: /Open in Affinity/ });
    expect(screen.queryByRole('button', { name: /other organization/ })).toBeNull();

    const named = makeDetails(
      { id: 1, otherOrganizations: [{ id: 8, name: 'Contoso Capital' }] },
      { fetchedAt: first.fetchedAt },
    );
    const event = (id: number, result = named) => ({ lens: 1, event: 'person/updated', id, result });
    const fromWorker = { id: fakeBrowser.runtime.id };
    const fromPage = { id: fakeBrowser.runtime.id, tab: { id: 3 } } as unknown as Parameters<
      typeof fakeBrowser.runtime.onMessage.trigger
    >[1];
    await act(async () => {
      // Someone else's card, and a content script pretending to be the worker: both ignored.
      await fakeBrowser.runtime.onMessage.trigger(
        event(2, makeDetails({ id: 2 })),
        fromWorker,
        () => undefined,
      );
      await fakeBrowser.runtime.onMessage.trigger(event(1), fromPage, () => undefined);
    });
    expect(screen.queryByRole('button', { name: /other organization/ })).toBeNull();
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger(event(1), fromWorker, () => undefined);
    });
    expect(screen.getByRole('button', { name: '+1 other organization' })).toBeTruthy();
  });

  it('loads the details again from a failure with the keyboard still in the view', async () => {
    let offline = true;
    renderPopup({
      'people/search': searchWith([ann], [ann]),
      'people/get': () =>
        offline ? fail({ kind: 'offline', message: 'You seem to be offline.' }) : makeDetails({ id: 1 }),
    });
    fireEvent.input(await field(), { target: { value: 'ann' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Ann Lee' }));
    const retry = within(await screen.findByRole('alert')).getByRole('button', { name: 'Try again' });
    offline = false;
    retry.focus();
    fireEvent.click(retry);
    await screen.findByRole('link', { name: /Open in Affinity/ });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back to results' }));
  });
});

describe('popup: footer', () => {
  it('shows the account, roster and rate meter, and syncs on demand', async () => {
    const sync = vi.fn(() => null);
    renderPopup({ 'roster/sync': sync });
    await field();
    expect(screen.getByText(/Signed in as/).textContent).toContain('Jane Doe (Acme Capital)');
    expect(screen.getByText('2,000 people · synced 5 minutes ago')).toBeTruthy();
    const meter = screen.getByRole('meter', { name: 'API requests used this minute' });
    expect(meter.getAttribute('aria-valuetext')).toBe('120 used · 780 left this minute');
    expect(screen.getByText(/39,000 left this month/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(sync).toHaveBeenCalled();
  });

  it('names the rate limit when paused by one', async () => {
    answerWith(send, {
      'status/get': () =>
        signedInStatus({
          rate: rateState({
            used: 900,
            remaining: 0,
            pausedUntil: Date.now() + 60_000,
            pauseReason: 'rate-limit',
          }),
        }),
    });
    render(<PopupApp pollMs={60_000} />);
    expect((await screen.findByText(/Paused by/)).textContent).toMatch(/rate limit\. Requests resume at/);
  });

  it('does not claim "0 left" while Affinity asks to wait after 429s', async () => {
    answerWith(send, {
      'status/get': () =>
        signedInStatus({
          rate: rateState({
            used: 900,
            remaining: 0,
            pausedUntil: Date.now() + 60_000,
            pauseReason: 'too-many-requests',
            rateLimitedCount: 3,
          }),
        }),
    });
    render(<PopupApp pollMs={60_000} />);
    const footer = await screen.findByRole('contentinfo');
    const meter = await within(footer).findByRole('meter', { name: 'API requests used this minute' });
    expect(meter.getAttribute('aria-valuetext')).toBe('Waiting for Affinity');
    expect(footer.textContent).not.toMatch(/left this minute/);
    // The resume time is said once, in the pause line.
    expect(within(footer).getAllByText(/Requests resume at/)).toHaveLength(1);
  });
});

describe('popup: site switch', () => {
  it('shows whether the current site is on and switches it in one click', async () => {
    const query = vi.fn().mockResolvedValue([{ id: 1, url: 'https://www.linkedin.com/in/someone' }]);
    fakeBrowser.tabs.query = query as unknown as typeof fakeBrowser.tabs.query;
    renderPopup({});
    const toggle = await screen.findByRole('switch', { name: 'Cards on linkedin.com' });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(async () => expect((await preferencesItem.getValue()).sites).toEqual(['linkedin.com']));
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });
});
