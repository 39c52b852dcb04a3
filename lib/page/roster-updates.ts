/** Reads the page again when the background says the roster changed (see lib/roster-event.ts). */
import { browser } from 'wxt/browser';
import { isRosterUpdatedEvent } from '../roster-event';

interface MessageEvents {
  addListener(listener: (message: unknown) => undefined): void;
  removeListener(listener: (message: unknown) => undefined): void;
}

export function rescanOnRosterUpdates(
  signal: AbortSignal,
  rescan: () => void,
  messages: MessageEvents = browser.runtime.onMessage as unknown as MessageEvents,
): void {
  // Answers nothing, so that other listeners (lookups) keep their replies.
  const listener = (message: unknown): undefined => {
    if (isRosterUpdatedEvent(message)) rescan();
    return undefined;
  };
  messages.addListener(listener);
  signal.addEventListener(
    'abort',
    () => {
      try {
        messages.removeListener(listener);
      } catch {
        // A dead extension context has nothing left to unsubscribe from.
      }
    },
    { once: true },
  );
}
