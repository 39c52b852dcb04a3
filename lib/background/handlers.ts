/** What each message does, in terms of the background's services. */
import type { RequestScheduler } from '../scheduler/types';
import type { PeopleStore } from '../people/store';
import { accountItem, apiKeyItem, maskKey } from '../settings';
import type { AccountService } from './account';
import type { LookupService } from './lookup';
import type { Handlers } from './router';

export interface Services {
  account: AccountService;
  people: PeopleStore;
  scheduler: RequestScheduler;
  apiBase: string;
  lookups: LookupService;
}

export function createHandlers({ account, people, scheduler, apiBase, lookups }: Services): Handlers {
  return {
    'status/get': async () => {
      const [key, acc, roster] = await Promise.all([
        apiKeyItem.getValue(),
        accountItem.getValue(),
        people.sync.status(),
      ]);
      return {
        signedIn: key !== null && acc !== null,
        account: acc,
        maskedKey: key === null ? null : maskKey(key),
        roster,
        rate: scheduler.state(),
        apiBase,
      };
    },
    'key/save': ({ key }) => account.saveKey(key),
    'auth/sign-out': async () => {
      await account.signOut();
      return null;
    },
    'roster/sync': async () => {
      // The sync runs on in the background; progress is read through status/get.
      void people.sync.start();
      return null;
    },
    'people/search': ({ term, limit, local }) => people.search(term, { limit, local }),
    'people/get': ({ id, refresh }) => people.getPerson(id, { refresh }),
    'people/prepare-search': async () => {
      // Answered at once: the popup does not wait, its first search does.
      void people.prepareSearch().catch(() => undefined);
      return null;
    },
    'page/ready': async () => {
      const [key, roster] = await Promise.all([apiKeyItem.getValue(), people.sync.status()]);
      return { matching: key !== null && roster.count > 0 };
    },
    'page/match': async ({ texts }) =>
      (await apiKeyItem.getValue()) ? people.matchTexts(texts) : texts.map(() => []),
    'caches/clear': async () => {
      await people.clearCaches();
      return null;
    },
    'lookup/run': (query) => lookups.run(query),
    'ui/open-search': async ({ term }) => {
      await lookups.openSearch(term);
      return null;
    },
    'ui/open-settings': async () => {
      await lookups.openSettings();
      return null;
    },
  };
}
