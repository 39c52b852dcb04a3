/**
 * The typed protocol between the popup, the options page, the content script and the background.
 * Requests are validated in the background (shape, sender, read-only intent for content scripts);
 * answers travel as { ok, value } or { ok: false, error } so that an error keeps its kind and sentence.
 */
import { z } from 'zod';
import { AffinityError } from './affinity/errors';
import type { SchedulerState } from './scheduler/types';
import type { PersonDetailsResult, RosterStatus, SearchResult, TextMatch } from './people/types';
import type { LookupResult } from './lookup-protocol';

export { unwrapReply, type Reply } from './reply';

export interface Account {
  user: { id: number; firstName: string; lastName: string; email: string };
  tenant: { id: number; name: string; subdomain: string };
}

export interface Status {
  signedIn: boolean;
  account: Account | null;
  /** The key, masked (e.g. "••••••••3f9a"), never the key itself. */
  maskedKey: string | null;
  roster: RosterStatus;
  rate: SchedulerState;
  apiBase: string;
}

const id = z.number().int().positive();

/** Request schemas by message type. */
export const requestSchemas = {
  'status/get': z.object({}).strict(),
  'key/save': z
    .object({ key: z.string().trim().min(1, 'Paste your Affinity API key first.').max(500) })
    .strict(),
  'auth/sign-out': z.object({}).strict(),
  'roster/sync': z.object({}).strict(),
  // local: answer from the roster only (instant); otherwise the roster refined by Affinity's search.
  'people/search': z
    .object({
      term: z.string().max(200),
      limit: z.number().int().min(1).max(100).optional(),
      local: z.boolean().optional(),
    })
    .strict(),
  'people/get': z.object({ id, refresh: z.boolean().optional() }).strict(),
  // The popup opened: a search is coming, so the roster's search index is built now.
  'people/prepare-search': z.object({}).strict(),
  // Whether there is anyone to match a page against: until there is, a page's text stays in its tab.
  'page/ready': z.object({}).strict(),
  'page/match': z.object({ texts: z.array(z.string().max(2_000_000)).max(10_000) }).strict(),
  'caches/clear': z.object({}).strict(),
  // The context menu and the lookup shortcut: who a selection or a mailto: link names. A long
  // selection is cut by the lookup itself (MAX_LOOKUP_TEXT); this only bounds the message.
  'lookup/run': z.object({ text: z.string().max(1_000_000), source: z.enum(['selection', 'link']) }).strict(),
  // A lookup's next steps: the popup search with the text filled in, or the settings.
  'ui/open-search': z.object({ term: z.string().max(200) }).strict(),
  'ui/open-settings': z.object({}).strict(),
} as const;

export type MessageType = keyof typeof requestSchemas;
export type RequestOf<T extends MessageType> = z.infer<(typeof requestSchemas)[T]>;

export interface Responses {
  'status/get': Status;
  'key/save': Account;
  'auth/sign-out': null;
  'roster/sync': null;
  'people/search': SearchResult;
  'people/get': PersonDetailsResult;
  'people/prepare-search': null;
  'page/ready': { matching: boolean };
  'page/match': TextMatch[][];
  'caches/clear': null;
  'lookup/run': LookupResult;
  'ui/open-search': null;
  'ui/open-settings': null;
}

/**
 * Content scripts run in pages: they may only read, and open the extension's own search or
 * settings from a lookup card (which shows nothing to the page and changes nothing).
 */
export const contentScriptMessages: ReadonlySet<MessageType> = new Set<MessageType>([
  'people/search',
  'people/get',
  'page/ready',
  'page/match',
  'lookup/run',
  'ui/open-search',
  'ui/open-settings',
]);

/**
 * What the background tells its own pages without being asked: a person's card changed (a refresh
 * landed in the background, or their other organizations were named). A page showing that person
 * replaces the card. Sent with runtime.sendMessage, so content scripts never receive it.
 */
export interface PersonUpdatedEvent {
  lens: 1;
  event: 'person/updated';
  /** The id the card was asked for (a merged person's old id, say). */
  id: number;
  result: PersonDetailsResult;
}

export function isPersonUpdatedEvent(value: unknown): value is PersonUpdatedEvent {
  const event = value as PersonUpdatedEvent | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    event.lens === 1 &&
    event.event === 'person/updated' &&
    typeof event.id === 'number' &&
    typeof event.result === 'object' &&
    event.result !== null
  );
}

export interface Envelope<T extends MessageType = MessageType> {
  lens: 1;
  type: T;
  payload: RequestOf<T>;
}

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Envelope).lens === 1 &&
    typeof (value as Envelope).type === 'string' &&
    Object.hasOwn(requestSchemas, (value as Envelope).type)
  );
}

/** Validates a payload; throws an AffinityError('invalid') with the first problem as its sentence. */
export function parseRequest<T extends MessageType>(type: T, payload: unknown): RequestOf<T> {
  const result = requestSchemas[type].safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AffinityError({ kind: 'invalid', message: issue?.message ?? 'That request is not valid.' });
  }
  return result.data as RequestOf<T>;
}
