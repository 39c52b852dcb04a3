/**
 * The background worker's wiring: one scheduler, one client, one people store, and the listeners.
 * Listeners are registered synchronously so that Chrome delivers the events that woke the worker.
 */
import { browser } from 'wxt/browser';
import { createAffinityClient } from '../affinity/client';
import type { PersonUpdatedEvent } from '../messages';
import { createPeopleStore } from '../people/store';
import { createScheduler, createSessionWindowStore } from '../scheduler';
import { accountItem, apiKeyItem, defaultPreferences, preferencesItem } from '../settings';
import { createAccountService } from './account';
import { ROSTER_ALARM, scheduleRosterAlarm } from './alarms';
import { API_BASE } from './config';
import { listenForLookups } from './commands';
import { createHandlers } from './handlers';
import { browserLookupPort, createLookupService, lookupSources } from './lookup';
import { onRosterChanged, tellTabsRosterChanged } from './roster-broadcast';
import { createRouter } from './router';
import { lockLocalStorageToTrustedContexts } from './storage-lock';

export function startBackground(): void {
  // Before anything else can run: content scripts must never read the key.
  void lockLocalStorageToTrustedContexts();

  let syncIntervalHours = defaultPreferences.syncIntervalHours;
  const scheduler = createScheduler({ store: createSessionWindowStore() });
  const client = createAffinityClient({ baseUrl: API_BASE, getKey: () => apiKeyItem.getValue(), scheduler });
  const people = createPeopleStore({
    client,
    getSubdomain: async () => (await accountItem.getValue())?.tenant.subdomain ?? null,
    syncIntervalMs: () => syncIntervalHours * 60 * 60 * 1000,
  });
  const account = createAccountService({
    client,
    onSignIn: () => {
      void people.sync.start();
      void people.warmCatalogs();
    },
    onSignOut: async () => {
      await people.wipe();
      await scheduler.reset();
      // Open pages drop their marks: there is nobody left to show.
      void tellTabsRosterChanged();
    },
  });

  // An open popup replaces a card when fresher details land in the background.
  people.onPersonUpdate((update) => {
    if (!('result' in update)) return;
    const event: PersonUpdatedEvent = {
      lens: 1,
      event: 'person/updated',
      id: update.id,
      result: update.result,
    };
    // With no extension page open nobody listens, and that is fine.
    browser.runtime.sendMessage(event).catch(() => undefined);
  });

  // Pages opened before the roster changed (the first sync after signing in) get their marks.
  onRosterChanged(people.sync, () => void tellTabsRosterChanged());

  const lookups = createLookupService(lookupSources(people, client), browserLookupPort());
  listenForLookups(lookups);

  const route = createRouter(createHandlers({ account, people, scheduler, apiBase: API_BASE, lookups }), {
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  const signedIn = async () => (await apiKeyItem.getValue()) !== null;
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ROSTER_ALARM) return;
    void signedIn().then((yes) => {
      if (yes) void people.sync.start();
    });
  });

  const applyPreferences = (hours: number) => {
    syncIntervalHours = hours;
    void scheduleRosterAlarm(hours);
  };
  void preferencesItem.getValue().then((p) => applyPreferences(p.syncIntervalHours));
  preferencesItem.watch((p) => applyPreferences(p.syncIntervalHours));

  // A sync the worker's last life was cut short in carries on.
  void signedIn().then((yes) => {
    if (!yes) return;
    // Load the roster index now so that the first search or page scan does not wait for it.
    void people.preload();
    void people.sync.resumeIfInterrupted();
  });
}
