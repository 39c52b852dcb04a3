/** Cards the background refreshed on its own (see PersonUpdatedEvent), for pages that show a person. */
import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isPersonUpdatedEvent, type PersonUpdatedEvent } from '../lib/messages';

export function usePersonUpdates(listener: (event: PersonUpdatedEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;

  useEffect(() => {
    const onMessage = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      // Only the extension's own worker announces updates; content scripts (which have a tab) cannot.
      if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
      if (isPersonUpdatedEvent(message)) latest.current(message);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
}
