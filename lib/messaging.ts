/** Sending side of the protocol in lib/messages.ts, for the popup, options and content script. */
import { browser } from 'wxt/browser';
import type { Envelope, MessageType, RequestOf, Responses } from './messages';
import { unwrapReply } from './reply';

export async function sendToBackground<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<Responses[T]> {
  const envelope: Envelope<T> = { lens: 1, type, payload };
  const reply: unknown = await browser.runtime.sendMessage(envelope);
  return unwrapReply<Responses[T]>(reply);
}
