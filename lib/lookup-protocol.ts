/**
 * The lookup's shapes, shared by the background (which answers), the content script and the lookup
 * window (which show the answer). Free of zod and of the matching code, so the content script can
 * import it without growing.
 */
import type { SearchHit } from './people/types';

export type LookupSource = 'selection' | 'link';

export interface LookupQuery {
  /** The selected text, or the href of a mailto: link. */
  text: string;
  source: LookupSource;
}

export interface LookupResult {
  /** What was looked up, as a person would say it: the address, or the selection tidied. */
  label: string;
  /** None, one person, or a short list to choose from. */
  hits: SearchHit[];
  /** More people match than a short list holds (a first name alone): the popup search lists them. */
  tooMany: boolean;
  /** Without hits, the sentence that says so (nobody, or too many to list); null with hits. */
  message: string | null;
}

/** Longer selections are cut: nobody selects a longer name, and matching stays cheap. */
export const MAX_LOOKUP_TEXT = 2000;

/**
 * From the background to a tab's content script: show a lookup next to the selection (or the
 * mailto: link just right-clicked). `text: null` asks for the frame's own selection (the keyboard
 * shortcut), and only a frame that has one answers; `focusedOnly` keeps it to the focused frame.
 */
export interface ShowLookupMessage {
  lens: 1;
  type: 'lookup/show';
  payload: { text: string | null; source: LookupSource; focusedOnly?: boolean };
}

/** The content script's answer: whether the card is showing in that frame. */
export interface ShowLookupReply {
  shown: boolean;
}

export function isShowLookupMessage(value: unknown): value is ShowLookupMessage {
  const m = value as Partial<ShowLookupMessage> | null;
  const text = m?.payload?.text;
  return m?.lens === 1 && m.type === 'lookup/show' && (text === null || typeof text === 'string');
}
