// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PersonCard, PersonCardSkeleton } from './PersonCard';
import { cardStyles } from './styles';
import { NOW, makeDetails } from './test-fixtures';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function section(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

describe('PersonCard', () => {
  it('shows every item of the card contract', () => {
    render(<PersonCard details={makeDetails()} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Zoë Hartmann' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'zoe@northwind.vc' }).getAttribute('href')).toBe(
      'mailto:zoe@northwind.vc',
    );
    expect(screen.getByRole('button', { name: 'Copy e-mail address' })).toBeTruthy();
    expect(screen.getByText('Northwind Ventures')).toBeTruthy();

    const interactions = section('Interactions');
    expect(interactions.textContent).toContain('Last met');
    expect(interactions.textContent).toContain('3 weeks ago (12 Mar 2026)');
    expect(interactions.textContent).toContain('with Ann Lee and Ben Ode');
    expect(interactions.textContent).toContain('Next meeting');
    expect(interactions.textContent).toContain('in 1 week (9 Apr 2026)');

    const people = within(section('Who knows them best')).getAllByRole('listitem');
    expect(people.map((li) => li.textContent)).toEqual(['Ann LeeStrong', 'Ben OdeWeak']);
    const meter = within(section('Who knows them best')).getAllByRole('meter')[0];
    expect(meter).toBeTruthy();
    expect(meter?.getAttribute('aria-valuenow')).toBe('82');

    const lists = within(section('Lists')).getAllByRole('listitem');
    expect(lists.map((li) => li.textContent)).toEqual(['Founders 2026', 'LP prospects']);

    const fields = section('Fields');
    expect(fields.textContent).toContain('Seniority');
    expect(fields.textContent).toContain('Partner');
    // A list-specific field sits under its list's name.
    const group = within(fields).getByRole('heading', { name: 'LP prospects' });
    expect(group.parentElement?.textContent).toContain('StageDiligence');

    const notes = within(section('Latest notes')).getAllByRole('listitem');
    expect(notes[0]?.textContent).toContain('Met at the LP summit.');
    expect(notes[0]?.textContent).toContain('Ann Lee');

    const open = screen.getByRole('link', { name: /Open in Affinity/ });
    expect(open.getAttribute('href')).toBe('https://acme.affinity.co/persons/101');
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders API text as text, never as markup', () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const { container } = render(
      <PersonCard
        details={makeDetails({
          fullName: evil,
          notes: [{ id: 1, createdAt: '2026-03-30T10:00:00Z', text: evil, author: evil }],
          fields: [{ fieldId: 1, label: evil, values: [evil], list: evil }],
          lists: [{ id: 1, name: evil }],
        })}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(evil);
    expect(within(section('Latest notes')).getByText(evil)).toBeTruthy();
  });

  it('marks stale data with its age and calls refresh', () => {
    const onRefresh = vi.fn();
    const { rerender } = render(
      <PersonCard
        details={makeDetails({}, { stale: true, fetchedAt: NOW - 3 * 3600_000 })}
        onRefresh={onRefresh}
      />,
    );
    expect(screen.getByText('Updated 3 h ago', { exact: false }).textContent).toBe('Updated 3 h ago');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);

    rerender(
      <PersonCard
        details={makeDetails({}, { stale: true, fetchedAt: NOW - 3 * 3600_000 })}
        onRefresh={onRefresh}
        refreshing
      />,
    );
    expect(screen.getByText(/^Updated 3 h ago/).textContent).toBe('Updated 3 h ago · refreshing…');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('shows no age marker for fresh data', () => {
    render(<PersonCard details={makeDetails()} />);
    expect(screen.queryByText(/^Updated/)).toBeNull();
  });

  it('collapses many lists and fields behind "+N more"', () => {
    const lists = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, name: `List ${i + 1}` }));
    const fields = Array.from({ length: 10 }, (_, i) => ({
      fieldId: i + 1,
      label: `Field ${i + 1}`,
      values: [`Value ${i + 1}`],
      list: null,
    }));
    render(<PersonCard details={makeDetails({ lists, fields })} />);

    const listSection = section('Lists');
    expect(within(listSection).getAllByRole('listitem')).toHaveLength(6);
    fireEvent.click(within(listSection).getByRole('button', { name: '+4 more lists' }));
    expect(within(listSection).getAllByRole('listitem')).toHaveLength(10);
    expect(within(listSection).getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe(
      'true',
    );

    const fieldSection = section('Fields');
    expect(fieldSection.textContent).not.toContain('Field 7');
    fireEvent.click(within(fieldSection).getByRole('button', { name: '+4 more fields' }));
    expect(fieldSection.textContent).toContain('Field 10');
  });

  it('cuts long values with "Show more"', () => {
    const long = 'word '.repeat(80).trim();
    render(
      <PersonCard
        details={makeDetails({ fields: [{ fieldId: 1, label: 'Bio', values: [long], list: null }] })}
      />,
    );
    const fields = section('Fields');
    expect(fields.textContent).not.toContain(long);
    fireEvent.click(within(fields).getByRole('button', { name: 'Show more' }));
    expect(fields.textContent).toContain(long);
  });

  it('keeps other organizations collapsed until asked', () => {
    render(<PersonCard details={makeDetails()} />);
    expect(screen.queryByText('Contoso Capital, Fabrikam')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '+2 other organizations' }));
    expect(screen.getByText('Contoso Capital, Fabrikam')).toBeTruthy();
  });

  it('hides the sections the preferences turn off', () => {
    render(
      <PersonCard
        details={makeDetails()}
        sections={{ interactions: true, relationships: false, lists: true, fields: false, notes: false }}
        headingLevel={3}
      />,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Zoë Hartmann' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Interactions' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Who knows them best' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Fields' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Latest notes' })).toBeNull();
  });

  it('says so when a person has no e-mail, interactions or lists', () => {
    render(
      <PersonCard
        details={makeDetails({
          primaryEmail: null,
          emails: [],
          lists: [],
          interactions: {
            firstEmail: null,
            lastEmail: null,
            lastEvent: null,
            nextEvent: null,
            lastInteraction: null,
          },
        })}
      />,
    );
    expect(screen.getByText('No e-mail address')).toBeTruthy();
    expect(screen.getByText('No interactions recorded yet.')).toBeTruthy();
    expect(screen.getByText('Not on any list.')).toBeTruthy();
  });

  it('copies the e-mail address', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<PersonCard details={makeDetails()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy e-mail address' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('zoe@northwind.vc');
  });
});

describe('PersonCardSkeleton', () => {
  it('announces loading and shares the card frame', () => {
    const { container } = render(<PersonCardSkeleton />);
    expect(screen.getByRole('status').textContent).toContain('Loading details');
    expect(container.firstElementChild?.classList.contains('lens-card')).toBe(true);
  });
});

describe('card CSS', () => {
  // Vitest hands ?inline CSS over as an empty string, so the files are read from disk.
  const files = ['tokens.css', 'PersonCard.css', 'ErrorMessage.css'];
  const css = files
    .map((f) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), f), 'utf8'))
    .join('\n');

  it('is scoped to .lens so it neither leaks into nor depends on the host page', () => {
    const blocks =
      css
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/@keyframes[^{]+\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '')
        .match(/[^{}]+(?=\{)/g) ?? [];
    const selectors = blocks
      .flatMap((group) => group.split(/,(?![^(]*\))/))
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('@'));
    expect(selectors.length).toBeGreaterThan(20);
    expect(selectors.filter((s) => !s.startsWith('.lens'))).toEqual([]);
  });

  it('follows the system theme and sizes text in px, not rem', () => {
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    // rem would follow the host page's root font size.
    expect(css).not.toMatch(/\drem\b/);
  });

  it('is what cardStyles combines', () => {
    expect(typeof cardStyles).toBe('string');
  });
});
