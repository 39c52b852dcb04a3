import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { indexedDbItem } from './private-store';

let databases = 0;
const freshDb = () => `private-store-test-${++databases}`;

describe('indexedDbItem (where Firefox keeps the key)', () => {
  it('gives the fallback until a value is saved, then the value, and the fallback again once removed', async () => {
    const item = indexedDbItem<string | null>('apiKey', null, freshDb());
    expect(await item.getValue()).toBeNull();
    await item.setValue('secret-key');
    expect(await item.getValue()).toBe('secret-key');
    await item.removeValue();
    expect(await item.getValue()).toBeNull();
  });

  it('keeps values apart by key and keeps objects whole', async () => {
    const db = freshDb();
    const key = indexedDbItem<string | null>('apiKey', null, db);
    const account = indexedDbItem<{ user: { email: string } } | null>('account', null, db);
    await key.setValue('k');
    await account.setValue({ user: { email: 'maya@lumenvc.com' } });
    await key.removeValue();
    expect(await account.getValue()).toEqual({ user: { email: 'maya@lumenvc.com' } });
  });

  it('survives a new connection: the value is on disk, not in memory', async () => {
    const db = freshDb();
    await indexedDbItem<string | null>('apiKey', null, db).setValue('persisted');
    const raw = await openDB(db, 1);
    expect(await raw.get('values', 'apiKey')).toBe('persisted');
    raw.close();
  });
});
