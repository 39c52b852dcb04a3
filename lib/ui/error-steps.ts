/** The next step a person can take after each kind of failure (the sentence itself comes from the error). */
import type { SerializedError } from '../affinity/errors';
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
      return { hint: 'Add your Affinity API key in the settings.', action: 'settings' };
    case 'rejected':
      return { hint: 'Paste a new API key in the settings.', action: 'settings' };
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
