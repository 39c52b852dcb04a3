import { describe, expect, it } from 'vitest';
import { defaultPreferences } from '../settings';
import { withDefaults } from './preferences';

describe('withDefaults', () => {
  it('fills what an older version did not store', () => {
    const prefs = withDefaults({ hoverDelayMs: 300, sections: { notes: false } } as never);
    expect(prefs.hoverDelayMs).toBe(300);
    expect(prefs.sections).toEqual({ ...defaultPreferences.sections, notes: false });
    expect(prefs.siteMode).toBe('all-except');
  });

  it('keeps values in range', () => {
    expect(withDefaults({ hoverDelayMs: 5 }).hoverDelayMs).toBe(150);
    expect(withDefaults({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(500);
    expect(withDefaults({ syncIntervalHours: 0 }).syncIntervalHours).toBe(1);
  });

  it('gives the defaults for nothing', () => {
    expect(withDefaults(null)).toEqual(defaultPreferences);
  });
});
