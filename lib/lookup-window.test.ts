// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeDetails } from '../components/test-fixtures';
import type { LookupResult } from './lookup-protocol';
import { lookupQueryFromUrl, startLookupWindow } from './lookup-window';
import type { Send } from './page/lens';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the lookup window', () => {
  let result: LookupResult;
  let close: ReturnType<typeof vi.fn>;
  let openSearch: ReturnType<typeof vi.fn>;
  const send = (async (type: string) => {
    if (type === 'lookup/run') return result;
    if (type === 'people/get') return makeDetails({ id: 1, fullName: 'Ada Lovelace' });
    return null;
  }) as unknown as Send;

  const start = (search: string) =>
    startLookupWindow({
      doc: document,
      query: lookupQueryFromUrl(search),
      send,
      preferences: async () => null,
      close,
      openSearch,
      openSettings: vi.fn(),
    });

  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<div id="anchor"></div><div id="app"></div>';
    close = vi.fn();
    openSearch = vi.fn();
    result = {
      label: 'Ada Lovelace',
      hits: [{ id: 1, fullName: 'Ada Lovelace', primaryEmail: null, organization: null, type: 0 }],
      tooMany: false,
      message: null,
    };
  });

  it('reads the lookup from its address', () => {
    expect(lookupQueryFromUrl('?q=mailto%3Aada%40engines.org&source=link')).toEqual({
      text: 'mailto:ada@engines.org',
      source: 'link',
    });
    expect(lookupQueryFromUrl('?q=Ada&source=anything')).toEqual({ text: 'Ada', source: 'selection' });
  });

  it('shows the same card, named by the person, in its own page', async () => {
    start('?q=Ada+Lovelace&source=selection');
    await flush();
    await flush();
    const dialog = document.querySelector('#app [role="dialog"]');
    expect(dialog?.getAttribute('aria-label')).toBe('Ada Lovelace');
    expect(dialog?.textContent).toContain('Open in Affinity');
  });

  it('offers the popup search when nobody matches', async () => {
    result = {
      label: 'Elena Petrova',
      hits: [],
      tooMany: false,
      message: 'No one in your Affinity matches “Elena Petrova”.',
    };
    start('?q=Elena+Petrova');
    await flush();
    expect(document.body.textContent).toContain('No one in your Affinity matches “Elena Petrova”.');
    const button = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Search in Affinity Lens',
    );
    button?.click();
    expect(openSearch).toHaveBeenCalledWith('Elena Petrova');
  });

  it('closes with Escape or its close button', async () => {
    start('?q=Ada+Lovelace');
    await flush();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(close).toHaveBeenCalledTimes(1);
    document.querySelector<HTMLButtonElement>('button[aria-label="Close"]')?.click();
    expect(close).toHaveBeenCalledTimes(2);
  });

  it('goes straight to the search when there is nothing to look up', () => {
    start('?q=%20');
    expect(openSearch).toHaveBeenCalledWith('');
  });
});
