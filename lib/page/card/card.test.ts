// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeDetails } from '../../../components/test-fixtures';
import { AffinityError } from '../../affinity/errors';
import type { PersonDetailsResult, SearchResult } from '../../people/types';
import { defaultPreferences } from '../../settings';
import { MarkIndex, type Mark } from '../mark-index';
import { createHighlightPainter } from '../painter';
import { CardController } from './card';
import { DetailsLoader, type DetailsBackend } from './details';
import { createCardHost, type CardHost } from './host';

const zoe = makeDetails();
const flush = () => new Promise((r) => setTimeout(r, 0));

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('CardController', () => {
  let marks: { zoe: Mark; alan: Mark };
  let host: CardHost | null;
  let backend: { getPerson: ReturnType<typeof vi.fn>; searchLocal: ReturnType<typeof vi.fn> };
  let onDismiss: ReturnType<typeof vi.fn>;
  let card: CardController;

  const dialog = () => host?.mount.querySelector('[role="dialog"]') ?? null;
  const text = () => host?.mount.textContent ?? '';

  beforeEach(() => {
    document.body.innerHTML =
      '<p><button id="before">before</button></p><p id="p">Zoë Hartmann met Alan Turing</p>';
    const node = document.getElementById('p')?.firstChild as Text;
    const index = new MarkIndex(createHighlightPainter(window));
    index.setTextMarks(node, node.data, [
      { start: 0, end: 12, kind: 'name', personIds: [101] },
      { start: 17, end: 28, kind: 'name', personIds: [3, 4] },
    ]);
    const [z, a] = [index.marksAt(node, 1)[0], index.marksAt(node, 20)[0]] as Mark[];
    marks = { zoe: z as Mark, alan: a as Mark };
    host = null;
    backend = {
      getPerson: vi.fn(async (id: number): Promise<PersonDetailsResult> =>
        makeDetails({ id, fullName: `Person ${id}` }),
      ),
      searchLocal: vi.fn(async (term: string): Promise<SearchResult> => ({
        term,
        source: 'roster',
        hits: [
          {
            id: 3,
            fullName: 'Alan Turing',
            primaryEmail: 'alan@bletchley.uk',
            organization: 'Bletchley',
            type: 0,
          },
          {
            id: 4,
            fullName: 'Alan Turing',
            primaryEmail: 'turing@manchester.ac.uk',
            organization: null,
            type: 0,
          },
        ],
      })),
    };
    onDismiss = vi.fn();
    card = new CardController({
      doc: document,
      loader: new DetailsLoader(backend as DetailsBackend),
      css: '',
      sections: () => defaultPreferences.sections,
      onDismiss,
      measure: () => [{ left: 10, top: 10, right: 110, bottom: 30 }],
      createHost: (doc, css) => (host = createCardHost(doc, css)),
    });
  });

  afterEach(() => card.destroy());

  it('shows a skeleton, then the person, in a dialog named by their full name', async () => {
    const answer = deferred<PersonDetailsResult>();
    backend.getPerson.mockReturnValueOnce(answer.promise);
    card.show(marks.zoe, 'pointer', { x: 20, y: 20 });
    expect(dialog()?.getAttribute('aria-label')).toBe('Zoë Hartmann');
    expect(host?.mount.querySelector('[aria-busy="true"]')).not.toBeNull();
    answer.resolve(zoe);
    await flush();
    expect(dialog()?.getAttribute('aria-label')).toBe('Zoë Hartmann');
    expect(dialog()?.getAttribute('aria-modal')).toBe('false');
    expect(text()).toContain('Northwind Ventures');
    expect(text()).toContain('Open in Affinity');
  });

  it('keeps its content out of the page’s reach: a closed shadow root, in the page only while shown', async () => {
    card.show(marks.zoe, 'pointer', null);
    await flush();
    expect(host?.host.isConnected).toBe(true);
    expect(host?.host.shadowRoot).toBeNull();
    expect(document.documentElement.textContent).not.toContain('Northwind Ventures');
    card.hide();
    expect(host?.host.isConnected).toBe(false);
  });

  it('renders what Affinity says as text, never as markup', async () => {
    backend.getPerson.mockResolvedValueOnce(
      makeDetails({
        fullName: '<img src=x onerror="alert(1)">',
        fields: [
          { fieldId: 1, label: 'Stage', values: ['<b>Seed</b><script>alert(2)</script>'], list: null },
        ],
      }),
    );
    card.show(marks.zoe, 'pointer', null);
    await flush();
    expect(host?.mount.querySelector('img, script, b')).toBeNull();
    expect(text()).toContain('<b>Seed</b><script>alert(2)</script>');
    expect(dialog()?.getAttribute('aria-label')).toBe('<img src=x onerror="alert(1)">');
  });

  it('shows cached details in the same frame it opens', async () => {
    backend.getPerson.mockResolvedValueOnce(zoe);
    card.prefetch(marks.zoe);
    await flush();
    card.show(marks.zoe, 'pointer', null);
    expect(text()).toContain('Northwind Ventures');
    expect(backend.getPerson).toHaveBeenCalledTimes(1);
  });

  it('says what went wrong in a sentence, and tries again on request', async () => {
    backend.getPerson.mockRejectedValueOnce(
      new AffinityError({
        kind: 'rate-limited',
        message: 'Affinity’s rate limit is reached. Cards resume at 14:05.',
      }),
    );
    card.show(marks.zoe, 'pointer', null);
    await flush();
    expect(host?.mount.querySelector('[role="alert"]')?.textContent).toContain('rate limit');
    backend.getPerson.mockResolvedValueOnce(zoe);
    (host?.mount.querySelector('.lens-error button') as HTMLButtonElement).click();
    await flush();
    expect(text()).toContain('Northwind Ventures');
  });

  it('lets the user choose among several people with one name, and go back', async () => {
    card.show(marks.alan, 'pointer', null);
    await flush();
    expect(dialog()?.getAttribute('aria-label')).toBe('People named Alan Turing');
    const options = [...(host?.mount.querySelectorAll('.alens-choose__option') ?? [])] as HTMLButtonElement[];
    expect(options.map((o) => o.textContent)).toEqual([
      'Alan Turingalan@bletchley.uk · Bletchley',
      'Alan Turingturing@manchester.ac.uk',
    ]);
    expect(backend.getPerson).not.toHaveBeenCalled();
    options[1]?.click();
    await flush();
    expect(backend.getPerson).toHaveBeenCalledWith(4, false);
    expect(dialog()?.getAttribute('aria-label')).toBe('Person 4');
    const back = [...(host?.mount.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.includes('All matches'),
    );
    back?.click();
    await flush();
    expect(dialog()?.getAttribute('aria-label')).toBe('People named Alan Turing');
  });

  it('refreshes stale details in place', async () => {
    backend.getPerson
      .mockResolvedValueOnce(
        makeDetails({ currentOrganizations: [{ id: 1, name: 'Old Co' }] }, { stale: true }),
      )
      .mockResolvedValueOnce(makeDetails({ currentOrganizations: [{ id: 2, name: 'New Co' }] }));
    card.show(marks.zoe, 'pointer', null);
    await flush();
    await flush();
    expect(backend.getPerson).toHaveBeenLastCalledWith(101, true);
    expect(text()).toContain('New Co');
  });

  it('drops an answer that arrives after its card was closed', async () => {
    const answer = deferred<PersonDetailsResult>();
    backend.getPerson.mockReturnValueOnce(answer.promise);
    card.show(marks.zoe, 'pointer', null);
    card.hide();
    answer.resolve(zoe);
    await flush();
    expect(host?.host.isConnected).toBe(false);
    expect(text()).toBe('');
  });

  it('moves focus into a keyboard-opened card and gives it back on close', async () => {
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    card.show(marks.zoe, 'keyboard', null);
    await flush();
    expect(document.activeElement).toBe(host?.host);
    const focus = vi.spyOn(before, 'focus');
    card.hide();
    expect(document.activeElement).toBe(before);
    // The page stays where it is (the card may have closed because its name was scrolled away).
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
  });

  it('asks to close when its close button is pressed', async () => {
    card.show(marks.zoe, 'pointer', null);
    await flush();
    (host?.mount.querySelector('[aria-label="Close"]') as HTMLButtonElement).click();
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('destroy removes the card from the page', async () => {
    card.show(marks.zoe, 'pointer', null);
    await flush();
    card.destroy();
    expect(document.querySelector('affinity-lens-card')).toBeNull();
  });
});
