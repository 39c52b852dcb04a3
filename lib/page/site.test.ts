import { describe, expect, it } from 'vitest';
import { siteHostname } from './site';

const origins = (...list: string[]) =>
  ({
    length: list.length,
    item: (i: number) => list[i] ?? null,
    contains: (s: string) => list.includes(s),
  }) as unknown as DOMStringList;

describe('siteHostname', () => {
  it('is the page’s own host for a top-level page', () => {
    expect(siteHostname({ hostname: 'news.example.com', ancestorOrigins: origins() })).toBe(
      'news.example.com',
    );
    expect(siteHostname({ hostname: 'news.example.com' })).toBe('news.example.com');
  });

  it('is the tab’s top-level site for frames, so one switch covers every frame', () => {
    expect(
      siteHostname({
        hostname: 'ads.example.net',
        ancestorOrigins: origins('https://mid.example.org', 'https://mail.example.com'),
      }),
    ).toBe('mail.example.com');
  });

  it('falls back to the frame’s host when the top is opaque', () => {
    expect(siteHostname({ hostname: 'frame.example.com', ancestorOrigins: origins('null') })).toBe(
      'frame.example.com',
    );
  });
});
