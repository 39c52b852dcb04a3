import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxData, FEATURED_PEOPLE, MIN_PEOPLE, SAME_NAME_PAIR, type SandboxData } from './data';
import {
  DEMO_PAGE_MENTIONS,
  DEMO_PAGE_NOT_IN_ROSTER,
  DEMO_PAGE_PEOPLE,
  DEMO_PAGE_UNMARKABLE,
} from './demo-page';
import { startSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let html: string;
let page: Document;

beforeAll(async () => {
  sandbox = await startSandbox();
  const response = await fetch(sandbox.demoUrl);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/html');
  html = await response.text();
  // A DOM only for parsing: the test itself runs in Node, whose fetch has no same-origin rules.
  const window = new Window();
  page = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
});
afterAll(() => sandbox.close());

/** Text a reader sees: the body without the form fields and scripts. */
const visibleText = (): string => {
  const body = page.body.cloneNode(true) as HTMLElement;
  for (const element of body.querySelectorAll('script, input')) element.remove();
  return (body.textContent ?? '').replace(/\s+/g, ' ');
};

const fullName = (data: SandboxData, id: number): string => {
  const person = data.person(id);
  return person ? `${person.firstName} ${person.lastName}` : '';
};

describe('the demo page', () => {
  it('is served without a key and not counted as API traffic', () => {
    expect(sandbox.stats().requests).toBe(0);
    expect(page.title).toBe("Who's who at the Fintech Forum 2026");
  });

  it('mentions about fifteen roster people, both people who share a name among them', () => {
    expect(DEMO_PAGE_PEOPLE.length).toBeGreaterThanOrEqual(14);
    expect(DEMO_PAGE_PEOPLE.length).toBeLessThanOrEqual(18);
    const ids = DEMO_PAGE_PEOPLE.map((key) => FEATURED_PEOPLE[key].id);
    expect(ids).toEqual(expect.arrayContaining([...SAME_NAME_PAIR.ids]));
    expect(ids.some((id) => sandbox.data.person(id)?.type === 1)).toBe(true);
  });

  it('shows every listed mention, in the form it is listed in', () => {
    const text = visibleText();
    const mailtos = [...page.querySelectorAll('a[href^="mailto:"]')].map((a) => a.getAttribute('href'));
    const linkTexts = [...page.querySelectorAll('a:not([href^="mailto:"])')].map((a) => a.textContent);
    const headings = [...page.querySelectorAll('h1, h2, h3')].map((h) => h.textContent ?? '');
    for (const mention of DEMO_PAGE_MENTIONS) {
      if (mention.form === 'mailto') expect(mailtos).toContain(`mailto:${mention.text}`);
      else expect(text).toContain(mention.text);
      if (mention.form === 'link-text') expect(linkTexts).toContain(mention.text);
      if (mention.form === 'heading')
        expect(headings.some((heading) => heading.includes(mention.text))).toBe(true);
    }
    expect(text.split('Daniel Kim').length - 1).toBeGreaterThanOrEqual(2);
  });

  it('refers to people who exist under those names and addresses, whatever the seed and size', () => {
    for (const data of [sandbox.data, createSandboxData({ seed: 42, people: MIN_PEOPLE })]) {
      for (const mention of DEMO_PAGE_MENTIONS) {
        const ids = mention.keys.map((key) => FEATURED_PEOPLE[key].id);
        if (mention.form === 'mailto' || mention.form === 'bare-email') {
          expect(ids).toContain(data.findByEmail(mention.text)?.id);
        } else if (mention.form === 'middle-initial') {
          expect(data.findByName(mention.text.replace(/ [A-Z]\. /, ' ')).map((p) => p.id)).toEqual(ids);
        } else if (mention.form === 'possessive') {
          expect(fullName(data, ids[0] ?? 0)).toBe(mention.text.replace(/'s$/, ''));
        } else {
          expect(data.findByName(mention.text).map((p) => p.id)).toEqual(ids);
        }
      }
    }
  });

  it('also names people who are not in the roster', () => {
    const text = visibleText();
    for (const name of DEMO_PAGE_NOT_IN_ROSTER) {
      expect(text).toContain(name);
      expect(name.includes('@') ? sandbox.data.findByEmail(name) : sandbox.data.findByName(name)).toEqual(
        name.includes('@') ? undefined : [],
      );
    }
  });

  it('puts some roster names where marks do not belong: a form field and structured data', () => {
    const fieldValues = [...page.querySelectorAll('input')].map((input) => input.getAttribute('value'));
    const structured = page.querySelector('script[type="application/ld+json"]')?.textContent ?? '';
    for (const name of DEMO_PAGE_UNMARKABLE)
      expect(fieldValues.includes(name) || structured.includes(name)).toBe(true);
  });

  it('is the same for every seed', async () => {
    const other = await startSandbox({ seed: 7, people: 500 });
    try {
      expect(await (await fetch(other.demoUrl)).text()).toBe(html);
    } finally {
      await other.close();
    }
  });
});
