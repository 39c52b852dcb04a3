import { describe, expect, it, vi } from 'vitest';
import { AffinityError } from '../affinity/errors';
import type { Handlers } from './router';
import { createRouter } from './router';

const options = { runtimeId: 'lens-id', extensionOrigin: 'chrome-extension://lens-id/' };
const popup = { id: 'lens-id', url: 'chrome-extension://lens-id/popup.html' };
const contentScript = { id: 'lens-id', url: 'https://news.example/article', tab: { id: 3 } };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const fail = () => Promise.reject(new Error('not expected in this test'));
  return {
    'status/get': fail,
    'key/save': fail,
    'auth/sign-out': vi.fn(() => Promise.resolve(null)),
    'roster/sync': fail,
    'people/search': vi.fn((p: { term: string }) =>
      Promise.resolve({ term: p.term, hits: [], source: 'roster' as const }),
    ),
    'people/get': fail,
    'page/match': fail,
    'caches/clear': fail,
    ...overrides,
  } as Handlers;
}

const envelope = (type: string, payload: unknown) => ({ lens: 1, type, payload });

describe('the background message router', () => {
  it('answers an extension page with the handler’s value', async () => {
    const route = createRouter(handlers(), options);
    await expect(route(envelope('people/search', { term: 'ada' }), popup)).resolves.toEqual({
      ok: true,
      value: { term: 'ada', hits: [], source: 'roster' },
    });
  });

  it('lets content scripts read but not sign out', async () => {
    const h = handlers();
    const route = createRouter(h, options);
    await expect(route(envelope('people/search', { term: 'ada' }), contentScript)).resolves.toMatchObject({
      ok: true,
    });
    const reply = await route(envelope('auth/sign-out', {}), contentScript);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(h['auth/sign-out']).not.toHaveBeenCalled();
  });

  it('refuses messages from other extensions', async () => {
    const route = createRouter(handlers(), options);
    const reply = await route(envelope('people/search', { term: 'x' }), { ...popup, id: 'someone-else' });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('rejects a malformed payload with a sentence, without calling the handler', async () => {
    const h = handlers();
    const route = createRouter(h, options);
    const reply = await route(envelope('people/search', { term: 42 }), popup);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(h['people/search']).not.toHaveBeenCalled();
    const extra = await route(envelope('people/search', { term: 'a', sneaky: true }), popup);
    expect(extra).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('ignores messages that are not part of the protocol', () => {
    const route = createRouter(handlers(), options);
    expect(route({ hello: 'world' }, popup)).toBeUndefined();
    expect(route(envelope('not/a-type', {}), popup)).toBeUndefined();
  });

  it('carries an AffinityError’s kind and sentence to the caller', async () => {
    const route = createRouter(
      handlers({
        'people/get': () =>
          Promise.reject(new AffinityError({ kind: 'not-found', message: 'No such person in Affinity.' })),
      }),
      options,
    );
    await expect(route(envelope('people/get', { id: 7 }), popup)).resolves.toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'No such person in Affinity.' },
    });
  });

  it('never leaks an unexpected error’s own text', async () => {
    const route = createRouter(
      handlers({ 'people/get': () => Promise.reject(new Error('secret detail about key abc123')) }),
      options,
    );
    const reply = await route(envelope('people/get', { id: 7 }), popup);
    expect(JSON.stringify(reply)).not.toContain('abc123');
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unexpected' } });
  });
});
