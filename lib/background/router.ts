/**
 * The background's single entry for messages: checks who is asking (this extension only; content
 * scripts may only read), validates the payload, runs the handler and wraps the answer so that an
 * error keeps its kind and sentence across contexts.
 */
import { AffinityError } from '../affinity/errors';
import {
  contentScriptMessages,
  isEnvelope,
  parseRequest,
  type MessageType,
  type Reply,
  type RequestOf,
  type Responses,
} from '../messages';

export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
}

export type Handlers = {
  [T in MessageType]: (payload: RequestOf<T>, sender: Sender) => Promise<Responses[T]>;
};

export interface RouterOptions {
  runtimeId: string;
  /** e.g. "chrome-extension://ID/": pages of this origin are trusted contexts. */
  extensionOrigin: string;
}

function isExtensionPage(sender: Sender, options: RouterOptions): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(options.extensionOrigin);
}

/**
 * Returns a reply promise for our messages, undefined for anything else (so other listeners, if
 * any, may answer).
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return (message: unknown, sender: Sender): Promise<Reply<unknown>> | undefined => {
    if (!isEnvelope(message)) return undefined;
    return (async (): Promise<Reply<unknown>> => {
      try {
        if (sender.id !== options.runtimeId) {
          throw new AffinityError({ kind: 'forbidden', message: 'Only Affinity Lens may ask this.' });
        }
        const type = message.type;
        if (!isExtensionPage(sender, options) && !contentScriptMessages.has(type)) {
          throw new AffinityError({ kind: 'forbidden', message: 'Pages may only look people up.' });
        }
        const payload = parseRequest(type, message.payload);
        const handler = handlers[type] as (p: typeof payload, s: Sender) => Promise<unknown>;
        return { ok: true, value: await handler(payload, sender) };
      } catch (error) {
        return { ok: false, error: AffinityError.from(error).toJSON() };
      }
    })();
  };
}
