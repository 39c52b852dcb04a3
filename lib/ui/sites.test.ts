import { describe, expect, it } from 'vitest';
import { isSiteEnabled } from '../settings';
import { normalizeSite, setSiteEnabled, siteOf } from './sites';

describe('siteOf', () => {
  it('reads web pages only', () => {
    expect(siteOf('https://News.Example.com/a?b')).toBe('news.example.com');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });
});

describe('normalizeSite', () => {
  it('turns what people paste into a host name', () => {
    expect(normalizeSite(' https://www.LinkedIn.com/in/someone ')).toBe('linkedin.com');
    expect(normalizeSite('mail.google.com')).toBe('mail.google.com');
    expect(normalizeSite('localhost:3000')).toBe('localhost');
  });

  it('refuses what is not a host name', () => {
    expect(normalizeSite('')).toBeNull();
    expect(normalizeSite('not a site')).toBeNull();
    expect(normalizeSite('intranet')).toBeNull();
  });
});

describe('setSiteEnabled', () => {
  it('turns a site off and on again everywhere-except', () => {
    const off = setSiteEnabled({ siteMode: 'all-except', sites: [] }, 'www.linkedin.com', false);
    expect(off.sites).toEqual(['linkedin.com']);
    expect(isSiteEnabled(off, 'www.linkedin.com')).toBe(false);
    const on = setSiteEnabled(off, 'www.linkedin.com', true);
    expect(isSiteEnabled(on, 'www.linkedin.com')).toBe(true);
    expect(on.sites).toEqual([]);
  });

  it('turns a site on and off in only-on mode', () => {
    const on = setSiteEnabled({ siteMode: 'only', sites: ['a.com'] }, 'mail.google.com', true);
    expect(on.sites).toEqual(['a.com', 'mail.google.com']);
    const off = setSiteEnabled(on, 'mail.google.com', false);
    expect(off.sites).toEqual(['a.com']);
  });

  it('removes a parent entry that covers the host', () => {
    const on = setSiteEnabled(
      { siteMode: 'all-except', sites: ['example.com', 'b.com'] },
      'news.example.com',
      true,
    );
    expect(on.sites).toEqual(['b.com']);
  });

  it('leaves the list alone when the site is already as asked', () => {
    const prefs = { siteMode: 'all-except' as const, sites: ['b.com'] };
    expect(setSiteEnabled(prefs, 'a.com', true)).toBe(prefs);
  });
});
