import { describe, expect, it } from 'vitest';
import { NO_KEY_MESSAGE, REJECTED_MESSAGE } from '../affinity/client';
import { errorView, nextStepFor } from './error-steps';

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

describe('errorView', () => {
  const rejected = { kind: 'rejected', message: REJECTED_MESSAGE, status: 401 } as const;
  const noKey = { kind: 'no-key', message: NO_KEY_MESSAGE } as const;

  it('points key problems to the settings everywhere but the settings page, saying it once', () => {
    expect(errorView(rejected)).toEqual({ sentence: REJECTED_MESSAGE, hint: null, action: 'settings' });
    expect(errorView(noKey).sentence).toMatch(/in Affinity Lens settings\.$/);
  });

  it('on the settings page, says to use the key field there', () => {
    expect(errorView(rejected, { onSettingsPage: true })).toEqual({
      sentence: 'Your Affinity API key was rejected. Paste a new key in the API key field.',
      hint: null,
      action: 'none',
    });
    expect(errorView(noKey, { onSettingsPage: true }).sentence).toBe(
      'Paste your Affinity API key in the API key field to start.',
    );
  });

  it('keeps other sentences on the settings page', () => {
    const offline = { kind: 'offline', message: 'You seem to be offline.' } as const;
    expect(errorView(offline, { onSettingsPage: true })).toEqual({
      sentence: 'You seem to be offline.',
      hint: 'Check your connection, then try again.',
      action: 'retry',
    });
  });
});
