/**
 * The key and the signed-in account. A new key is checked with GET /auth/whoami before it replaces
 * the old one, so a rejected key never overwrites a working one. Signing out forgets the key and,
 * through onSignOut, every cache.
 */
import type { RootAffinityClient } from '../affinity/client';
import type { WhoAmI } from '../affinity/types';
import type { Account } from '../messages';
import { accountItem, apiKeyItem } from '../settings';

export interface AccountService {
  saveKey(key: string): Promise<Account>;
  signOut(): Promise<void>;
}

export interface AccountOptions {
  client: RootAffinityClient;
  /** Runs after a key was saved (starts the roster sync). */
  onSignIn(account: Account, previous: Account | null): void;
  /** Forgets every cache, the roster and the scheduler's queue. */
  onSignOut(): Promise<void>;
}

export function toAccount(whoAmI: WhoAmI): Account {
  return { user: { ...whoAmI.user }, tenant: { ...whoAmI.tenant } };
}

export function createAccountService(options: AccountOptions): AccountService {
  return {
    async saveKey(rawKey) {
      const key = rawKey.trim();
      // Throws AffinityError('rejected' | 'offline' | …) and leaves the stored key untouched.
      const account = toAccount(await options.client.withKey(key).whoAmI());
      const previous = await accountItem.getValue();
      // A different user or tenant must not see the previous one's cached people.
      if (previous && (previous.user.id !== account.user.id || previous.tenant.id !== account.tenant.id)) {
        await options.onSignOut();
      }
      await apiKeyItem.setValue(key);
      await accountItem.setValue(account);
      options.onSignIn(account, previous);
      return account;
    },
    async signOut() {
      await apiKeyItem.removeValue();
      await accountItem.removeValue();
      await options.onSignOut();
    },
  };
}
