// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeDetails } from '../../components/test-fixtures';
import { AffinityError } from '../affinity/errors';
import type { LookupResult, ShowLookupMessage, ShowLookupReply } from '../lookup-protocol';
import type { MessageType } from '../messages';
import type { SearchHit } from '../people/types';
import { createCardHost, type CardHost } from './card/host';
import type { Send } from './lens';
import { startLookups } from './lookup';
import { cardUi } from './card-ui';
import { menuAnchor, selectionLookup } from './lookup-anchor';

const flush = () => new Promise((r) => setTimeout(r, 0));
const hit = (id: number, fullName: string, primaryEmail: string | null = null): SearchHit => ({
  id,
  fullName,
  primaryEmail,
  organization: null,
  type: 0,
});

type Listener = (message: unknown) => Promise<ShowLookupReply> | undefined;

describe('lookups in a page', () => {
  let listener: Listener | null;
  let host: CardHost | null;
  let controller: AbortController;
  let lookup: (text: string) => Promise<LookupResult>;
  let sent: { type: MessageType; payload: unknown }[];
  let onShow: ReturnType<typeof vi.fn>;

  const dialog = () => host?.mount.querySelector('[role="dialog"]') ?? null;
  const text = () => host?.mount.textContent ?? '';
  const button = (name: string) =>
    [...(host?.mount.querySelectorAll('button') ?? [])].find((b) => b.textContent?.includes(name));

  const send = (async (type: MessageType, payload: { text?: string; id?: number }) => {
    sent.push({ type, payload });
    if (type === 'lookup/run') return lookup(payload.text ?? '');
    if (type === 'people/get') {
      const id = payload.id ?? 0;
      return makeDetails({ id, fullName: id === 3 ? 'Daniel Kim' : 'Ada Lovelace' });
    }
    return null;
  }) as unknown as Send;

  const show = (payload: ShowLookupMessage['payload']) =>
    listener?.({ lens: 1, type: 'lookup/show', payload } satisfies ShowLookupMessage);

  function select(element: Element) {
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = document.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }

  beforeEach(() => {
    document.body.innerHTML = `
      <p id="p">Met <span id="name">Ada Lovelace</span> today.</p>
      <p><a id="mail" href="mailto:ada@engines.org">write</a></p>`;
    document.getSelection()?.removeAllRanges();
    listener = null;
    host = null;
    sent = [];
    onShow = vi.fn();
    lookup = async () => ({
      label: 'Ada Lovelace',
      hits: [hit(1, 'Ada Lovelace')],
      tooMany: false,
      message: null,
    });
    controller = new AbortController();
    startLookups({
      signal: controller.signal,
      send,
      preferences: async () => null,
      onShow,
      createHost: (doc, css) => (host = createCardHost(doc, css)),
      loadCardUi: async () => cardUi,
      messages: {
        addListener: (l) => {
          listener = l;
        },
        removeListener: (l) => {
          if (listener === l) listener = null;
        },
      },
    });
  });
  afterEach(() => controller.abort());

  it('shows the person’s card for a menu lookup, and tells the background it did', async () => {
    select(document.getElementById('name') as Element);
    const reply = show({ text: 'Ada Lovelace', source: 'selection' });
    await expect(reply).resolves.toEqual({ shown: true });
    expect(onShow).toHaveBeenCalled();
    await flush();
    await flush();
    expect(sent[0]).toEqual({ type: 'lookup/run', payload: { text: 'Ada Lovelace', source: 'selection' } });
    expect(dialog()?.getAttribute('aria-label')).toBe('Ada Lovelace');
    expect(text()).toContain('Open in Affinity');
  });

  it('lists everyone a name could be, named from the lookup’s own answer, and opens the one chosen', async () => {
    lookup = async () => ({
      label: 'Daniel Kim',
      hits: [hit(2, 'Daniel Kim', 'daniel@quill.io'), hit(3, 'Daniel Kim', 'dkim@hanbit.kr')],
      tooMany: false,
      message: null,
    });
    await show({ text: 'Daniel Kim', source: 'selection' });
    await flush();
    await flush();
    expect(dialog()?.getAttribute('aria-label')).toBe('People named Daniel Kim');
    expect(text()).toContain('daniel@quill.io');
    expect(text()).toContain('dkim@hanbit.kr');
    button('dkim@hanbit.kr')?.click();
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'people/get', payload: { id: 3 } });
    expect(dialog()?.getAttribute('aria-label')).toBe('Daniel Kim');
  });

  it('says when nobody matches, and offers the popup search with the tidied text filled in', async () => {
    lookup = async () => ({
      label: 'Elena Petrova',
      hits: [],
      tooMany: false,
      message: 'No one in your Affinity matches “Elena Petrova”.',
    });
    await show({ text: '(Elena Petrova),', source: 'selection' });
    await flush();
    expect(dialog()?.getAttribute('aria-label')).toBe('Elena Petrova');
    expect(text()).toContain('No one in your Affinity matches “Elena Petrova”.');
    button('Search in Affinity Lens')?.click();
    expect(sent.at(-1)).toEqual({ type: 'ui/open-search', payload: { term: 'Elena Petrova' } });
  });

  it('explains a failure with its next step: the settings for a missing key', async () => {
    lookup = async () => {
      throw new AffinityError({ kind: 'no-key', message: 'Add your Affinity API key first.' });
    };
    await show({ text: 'Ada Lovelace', source: 'selection' });
    await flush();
    expect(text()).toContain('Add your Affinity API key first.');
    button('Open settings')?.click();
    expect(sent.at(-1)).toEqual({ type: 'ui/open-settings', payload: {} });
  });

  it('tries a failed lookup again on request', async () => {
    let calls = 0;
    lookup = async () => {
      calls += 1;
      if (calls === 1) throw new AffinityError({ kind: 'offline', message: 'You appear to be offline.' });
      return { label: 'Ada Lovelace', hits: [hit(1, 'Ada Lovelace')], tooMany: false, message: null };
    };
    await show({ text: 'Ada Lovelace', source: 'selection' });
    await flush();
    button('Try again')?.click();
    await flush();
    await flush();
    expect(dialog()?.getAttribute('aria-label')).toBe('Ada Lovelace');
  });

  it('shortcut: looks up this frame’s selection, and stays silent without one', async () => {
    expect(show({ text: null, source: 'selection' })).toBeUndefined();
    select(document.getElementById('name') as Element);
    await expect(show({ text: null, source: 'selection' })).resolves.toEqual({ shown: true });
    expect(sent[0]).toEqual({ type: 'lookup/run', payload: { text: 'Ada Lovelace', source: 'selection' } });
  });

  it('shortcut: a frame without focus leaves a focused-frame request to the frame that has it', () => {
    select(document.getElementById('name') as Element);
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    expect(show({ text: null, source: 'selection', focusedOnly: true })).toBeUndefined();
    expect(sent).toEqual([]);
  });

  it('ignores messages that are not lookups', () => {
    expect(listener?.({ lens: 1, type: 'people/get', payload: { id: 1 } })).toBeUndefined();
    expect(listener?.({ type: 'lookup/show', payload: { text: 3 } })).toBeUndefined();
  });

  it('closes on Escape, and leaves the page as it was when stopped', async () => {
    await show({ text: 'Ada Lovelace', source: 'selection' });
    await flush();
    expect(host?.host.isConnected).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    // Synthetic events do not count: a page script cannot close (or probe) the card.
    expect(host?.host.isConnected).toBe(true);
    controller.abort();
    expect(host?.host.isConnected).toBe(false);
    expect(listener).toBeNull();
  });
});

describe('where the card goes', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <p><span id="name">Daniel Kim</span></p>
      <a id="first" href="mailto:other@x.org">other</a>
      <a id="ada" href="mailto:ada@engines.org">Ada</a>
      <textarea id="notes">call Zoë Lindgren</textarea>`;
    document.getSelection()?.removeAllRanges();
  });

  it('next to the mailto: link that was right-clicked, or the link with that address', () => {
    const ada = document.getElementById('ada') as Element;
    const clicked = menuAnchor(
      document,
      { text: 'mailto:ada@engines.org', source: 'link' },
      { target: ada.firstChild, x: 1, y: 1 },
    );
    expect(clicked.node).toBe(ada);
    const found = menuAnchor(document, { text: 'mailto:ada@engines.org', source: 'link' }, null);
    expect(found.node).toBe(ada);
  });

  it('next to the selection; at the right-click when the selection is gone', () => {
    const name = document.getElementById('name') as Element;
    const range = document.createRange();
    range.selectNodeContents(name);
    document.getSelection()?.addRange(range);
    const selected = menuAnchor(document, { text: 'Daniel Kim', source: 'selection' }, null);
    expect(name.contains(selected.node)).toBe(true);
    document.getSelection()?.removeAllRanges();
    const atClick = menuAnchor(
      document,
      { text: 'Daniel Kim', source: 'selection' },
      { target: null, x: 40, y: 90 },
    );
    expect(atClick.rects()).toEqual([{ left: 40, right: 40, top: 90, bottom: 90 }]);
  });

  it('reads a selection inside a text field', () => {
    const notes = document.getElementById('notes') as HTMLTextAreaElement;
    notes.focus();
    notes.setSelectionRange(5, 17);
    expect(selectionLookup(document)?.text).toBe('Zoë Lindgren');
    expect(selectionLookup(document)?.anchor.node).toBe(notes);
  });
});
