// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { REJECTED_MESSAGE } from '../../lib/affinity/client';
import { sendToBackground } from '../../lib/messaging';
import { defaultPreferences, popupMemoryItem, preferencesItem } from '../../lib/settings';
import { answerWith, fail, signedInStatus, signedOutStatus, type Handlers } from '../test-background';
import { OptionsApp } from './OptionsApp';

vi.mock('../../lib/messaging', () => ({ sendToBackground: vi.fn() }));
const send = vi.mocked(sendToBackground);

const account = {
  user: { id: 1, firstName: 'Jane', lastName: 'Doe', email: 'jane@acme.example' },
  tenant: { id: 9, name: 'Acme Capital', subdomain: 'acme' },
};

function renderOptions(handlers: Handlers = {}) {
  answerWith(send, { 'status/get': () => signedInStatus(), ...handlers });
  return render(<OptionsApp pollMs={60_000} />);
}

const keyField = () => screen.getByLabelText('API key') as HTMLInputElement;

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});
afterEach(cleanup);

describe('options: API key', () => {
  it('saves a good key and shows the signed-in user', async () => {
    const save = vi.fn(() => account);
    answerWith(send, { 'status/get': () => signedOutStatus(), 'key/save': save });
    render(<OptionsApp pollMs={60_000} />);
    expect(await screen.findByText(/No key saved yet/)).toBeTruthy();
    expect(keyField().type).toBe('password');
    fireEvent.input(keyField(), { target: { value: 'demo-key-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Signed in as jane@acme\.example \(Acme Capital\)/)).toBeTruthy();
    expect(save).toHaveBeenCalledWith({ key: 'demo-key-1234' });
    expect(keyField().value).toBe('');
  });

  it('shows a rejected key and keeps what was typed', async () => {
    renderOptions({
      'key/save': () => fail({ kind: 'rejected', message: REJECTED_MESSAGE, status: 401 }),
    });
    await screen.findByText(/Current key/);
    fireEvent.input(keyField(), { target: { value: 'wrong-key' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    // This page is the settings: the sentence points at its key field, not to "Affinity Lens settings".
    expect(alert.textContent).toContain(
      'Your Affinity API key was rejected. Paste a new key in the API key field.',
    );
    expect(alert.textContent).not.toContain('settings');
    expect(keyField().value).toBe('wrong-key');
    // The stored key is the background's business; the page still shows the current one.
    expect(screen.getByText('••••••••3f9a')).toBeTruthy();
  });

  it('shows the key when asked', async () => {
    renderOptions();
    const toggle = await screen.findByRole('button', { name: 'Show' });
    fireEvent.click(toggle);
    expect(keyField().type).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('signs out only after confirmation and forgets the popup memory', async () => {
    await popupMemoryItem.setValue({ term: 'ann', lastPerson: null });
    const signOut = vi.fn(() => null);
    renderOptions({ 'auth/sign-out': signOut });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(signOut).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out' }));
    expect(await screen.findByText(/Signed out\./)).toBeTruthy();
    expect(signOut).toHaveBeenCalled();
    expect((await popupMemoryItem.getValue()).term).toBe('');
  });

  it('says where to get a key', async () => {
    renderOptions();
    expect((await screen.findByText('Where do I get a key?')).closest('details')?.textContent).toMatch(
      /Settings.*Manage Apps.*plan/s,
    );
  });
});

describe('options: preferences', () => {
  it('saves each change at once and says "Saved"', async () => {
    renderOptions();
    const marks = await screen.findByRole('checkbox', { name: 'Underline names on pages' });
    fireEvent.click(marks);
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect((await preferencesItem.getValue()).showMarks).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Latest notes' }));
    await waitFor(async () => expect((await preferencesItem.getValue()).sections.notes).toBe(false));

    fireEvent.change(screen.getByLabelText('Sync the roster every'), { target: { value: '12' } });
    await waitFor(async () => expect((await preferencesItem.getValue()).syncIntervalHours).toBe(12));
  });

  it('sets the hover delay within its range', async () => {
    renderOptions();
    const slider = (await screen.findByRole('slider', { name: 'Hover delay' })) as HTMLInputElement;
    expect(slider.min).toBe('150');
    expect(slider.max).toBe('1500');
    fireEvent.input(slider, { target: { value: '800' } });
    expect(screen.getByText('800 ms')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '800' } });
    await waitFor(async () => expect((await preferencesItem.getValue()).hoverDelayMs).toBe(800));
  });

  it('edits the site list and the site mode', async () => {
    renderOptions();
    const input = await screen.findByLabelText('Add a site');
    fireEvent.input(input, { target: { value: 'https://www.LinkedIn.com/in/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const list = await screen.findByRole('list', { name: 'Sites' });
    expect(within(list).getByText('linkedin.com')).toBeTruthy();

    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('does not look like a site');

    fireEvent.click(screen.getByRole('radio', { name: 'Only on these sites' }));
    await waitFor(async () =>
      expect(await preferencesItem.getValue()).toMatchObject({ siteMode: 'only', sites: ['linkedin.com'] }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Remove linkedin.com' }));
    await waitFor(async () => expect((await preferencesItem.getValue()).sites).toEqual([]));
  });

  it('follows changes made elsewhere (the popup switch)', async () => {
    renderOptions();
    await screen.findByLabelText('Add a site');
    await preferencesItem.setValue({ ...defaultPreferences, sites: ['example.com'] });
    expect(await screen.findByText('example.com')).toBeTruthy();
  });
});

describe('options: background trouble', () => {
  it('says so when the background does not answer, and still takes a key', async () => {
    answerWith(send, {
      'status/get': () =>
        fail({ kind: 'unexpected', message: 'Affinity Lens did not answer. Reopen this page.' }),
    });
    render(<OptionsApp pollMs={60_000} />);
    expect((await screen.findByRole('alert')).textContent).toContain('did not answer');
    expect(keyField()).toBeTruthy();
  });
});

describe('options: data', () => {
  it('clears caches', async () => {
    const clear = vi.fn(() => null);
    renderOptions({ 'caches/clear': clear });
    fireEvent.click(await screen.findByRole('button', { name: 'Clear caches' }));
    expect(await screen.findByText('Caches cleared.')).toBeTruthy();
    expect(clear).toHaveBeenCalled();
  });

  it('says a sync failed on a rejected key in words that fit this page', async () => {
    const status = signedInStatus();
    const rejected = { kind: 'rejected', message: REJECTED_MESSAGE, status: 401 } as const;
    renderOptions({ 'status/get': () => ({ ...status, roster: { ...status.roster, error: rejected } }) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Your Affinity API key was rejected. Paste a new key in the API key field.',
    );
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});
