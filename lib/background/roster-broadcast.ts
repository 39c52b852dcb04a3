/**
 * Tells open tabs that the roster changed once a sync completes with a different number of people,
 * so that a page opened before the first sync gets its marks (signing out tells them too, and they
 * drop their marks). A sync that changes nothing (the usual periodic one) tells nobody: every tab
 * would rescan for nothing.
 */
import { browser } from 'wxt/browser';
import type { RosterStatus } from '../people/types';
import { rosterUpdatedEvent } from '../roster-event';

export interface RosterSource {
  status(): Promise<RosterStatus>;
  subscribe(listener: (status: RosterStatus) => void): () => void;
}

export function onRosterChanged(source: RosterSource, notify: () => void): () => void {
  let known: number | null = null;
  const ready = source.status().then((status) => {
    known ??= status.count;
  });
  return source.subscribe((status) => {
    void ready.then(() => {
      if (status.syncing) return;
      if (known !== null && status.count !== known && status.count > 0) notify();
      known = status.count;
    });
  });
}

/** Every frame of every tab; tabs without the content script (browser pages) just do not answer. */
export async function tellTabsRosterChanged(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, rosterUpdatedEvent).catch(() => undefined),
    ),
  );
}
