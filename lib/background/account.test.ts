import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAffinityClient } from '../affinity/client';
import { FakeAffinity, PassThroughScheduler, ok, readFixture } from '../affinity/testing';
import { accountItem, apiKeyItem } from '../settings';
import { createAccountService } from './account';

const whoami = readFixture('auth_whoami.json');

function setup(status: number) {
  const fake = new FakeAffinity().on(
    '/auth/whoami',
    status === 200 ? ok(whoami) : { status, headers: {}, body: { message: 'Unauthorized' } },
  );
  const client = createAffinityClient({
    baseUrl: 'https://api.affinity.co',
    getKey: () => apiKeyItem.getValue(),
    scheduler: new PassThroughScheduler(),
    send: fake.send,
  });
  const onSignIn = vi.fn();
  const onSignOut = vi.fn(() => Promise.resolve());
  return { fake, service: createAccountService({ client, onSignIn, onSignOut }), onSignIn, onSignOut };
}

describe('the account service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('checks a new key with whoami, then keeps it and the account', async () => {
    const { fake, service, onSignIn } = setup(200);
    const account = await service.saveKey('  new-key  ');
    expect(fake.last().path).toBe('/auth/whoami');
    expect(fake.last().key).toBe('new-key');
    expect(await apiKeyItem.getValue()).toBe('new-key');
    expect(await accountItem.getValue()).toEqual(account);
    expect(account.user.email).toMatch(/@/);
    expect(onSignIn).toHaveBeenCalledOnce();
  });

  it('never lets a rejected key replace a working one', async () => {
    await apiKeyItem.setValue('working-key');
    const { service, onSignIn } = setup(401);
    await expect(service.saveKey('wrong-key')).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('rejected'),
    });
    expect(await apiKeyItem.getValue()).toBe('working-key');
    expect(onSignIn).not.toHaveBeenCalled();
  });

  it('forgets the key, the account and every cache on sign out', async () => {
    const { service, onSignOut } = setup(200);
    await service.saveKey('k');
    await service.signOut();
    expect(await apiKeyItem.getValue()).toBeNull();
    expect(await accountItem.getValue()).toBeNull();
    expect(onSignOut).toHaveBeenCalledOnce();
  });

  it('wipes the previous user’s data when a key of another user is saved', async () => {
    await accountItem.setValue({
      user: { id: 999, firstName: 'Old', lastName: 'User', email: 'old@example.com' },
      tenant: { id: 999, name: 'Old', subdomain: 'old' },
    });
    const { service, onSignOut } = setup(200);
    await service.saveKey('k');
    expect(onSignOut).toHaveBeenCalledOnce();
  });
});
