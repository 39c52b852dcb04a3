import { describe, expect, it } from 'vitest';
import { nextStepFor } from './error-steps';

describe('nextStepFor', () => {
  it('sends key problems to the settings', () => {
    expect(nextStepFor({ kind: 'no-key', message: 'x' }).action).toBe('settings');
    expect(nextStepFor({ kind: 'rejected', message: 'x' }).action).toBe('settings');
  });

  it('says when a rate limit lifts', () => {
    const retryAt = new Date(2026, 3, 2, 14, 5).getTime();
    const step = nextStepFor({ kind: 'rate-limited', message: 'Rate limit reached.', retryAt }, 'en-GB');
    expect(step).toEqual({ hint: 'Requests resume at 14:05.', action: 'retry' });
  });

  it('does not repeat a time the sentence already gives', () => {
    const retryAt = new Date(2026, 3, 2, 14, 5).getTime();
    const step = nextStepFor(
      { kind: 'rate-limited', message: 'Rate limit reached; resumes at 14:05.', retryAt },
      'en-GB',
    );
    expect(step.hint).toBeNull();
  });

  it('does not repeat the time when the sentence gives it in another clock style', () => {
    const retryAt = new Date(2026, 3, 2, 14, 5).getTime();
    const step = nextStepFor(
      {
        kind: 'rate-limited',
        message: 'Affinity’s rate limit was reached; requests resume at 14:05.',
        retryAt,
      },
      'en-US',
    );
    expect(step).toEqual({ hint: null, action: 'retry' });
  });

  it('offers nothing to retry for a missing person', () => {
    expect(nextStepFor({ kind: 'not-found', message: 'x' }).action).toBe('none');
  });
});
