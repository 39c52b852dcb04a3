/** The next step a person can take after each kind of failure (the sentence itself comes from the error). */
import type { AffinityErrorKind, SerializedError } from '../affinity/errors';
import { formatClock } from './time';

/** "14:05", "2:05 PM", "9.30": a clock time in a sentence. */
const NAMES_A_TIME = /\b\d{1,2}[:.]\d{2}\b/;

export type NextAction = 'settings' | 'retry' | 'none';

export interface NextStep {
  /** A short extra sentence, or null when the error's own sentence says it all. */
  hint: string | null;
  action: NextAction;
}

export function nextStepFor(error: SerializedError, locale?: string): NextStep {
  switch (error.kind) {
    case 'no-key':
    case 'rejected':
      // The sentence already says to go to the settings: the button takes them there.
      return { hint: null, action: 'settings' };
    case 'forbidden':
      return { hint: 'Check that the key’s user has access, or use another key.', action: 'settings' };
    case 'rate-limited':
    case 'quota': {
      if (error.retryAt === undefined) return { hint: null, action: 'retry' };
      // The background's sentence may already name the time: do not say it twice.
      if (NAMES_A_TIME.test(error.message)) return { hint: null, action: 'retry' };
      return { hint: `Requests resume at ${formatClock(error.retryAt, locale)}.`, action: 'retry' };
    }
    case 'offline':
      return { hint: 'Check your connection, then try again.', action: 'retry' };
    case 'unavailable':
    case 'timeout':
    case 'unexpected':
      return { hint: null, action: 'retry' };
    case 'not-found':
    case 'merged':
    case 'invalid':
    case 'aborted':
      return { hint: null, action: 'none' };
  }
}

/**
 * The options page is the settings: there a key problem is fixed on the spot, so its sentence points
 * at the key field rather than to "Affinity Lens settings", and no step leads elsewhere.
 */
const ON_SETTINGS_PAGE: Partial<Record<AffinityErrorKind, string>> = {
  'no-key': 'Paste your Affinity API key in the API key field to start.',
  rejected: 'Your Affinity API key was rejected. Paste a new key in the API key field.',
};

export interface ErrorView extends NextStep {
  sentence: string;
}

export interface ErrorViewOptions {
  locale?: string;
  /** Shown on the options page itself. */
  onSettingsPage?: boolean;
}

/** The sentence to show for a failure, with its next step. */
export function errorView(error: SerializedError, options: ErrorViewOptions = {}): ErrorView {
  const here = options.onSettingsPage ? ON_SETTINGS_PAGE[error.kind] : undefined;
  if (here) return { sentence: here, hint: null, action: 'none' };
  return { sentence: error.message, ...nextStepFor(error, options.locale) };
}
