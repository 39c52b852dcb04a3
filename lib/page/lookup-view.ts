/**
 * A lookup's answer as the card: loading at once next to its anchor, then one person's card, a short
 * list to choose from, or a sentence with a next step (nobody, too many, or a failure). Shared by
 * the content script (the card next to the selection) and the lookup window (the same card where a
 * page cannot host one).
 */
import { AffinityError, type SerializedError } from '../affinity/errors';
import type { LookupQuery, LookupResult } from '../lookup-protocol';
import type { SearchHit } from '../people/types';
import type { Preferences } from '../preferences';
import { CardController } from './card/card';
import { DetailsLoader } from './card/details';
import type { CardHost } from './card/host';
import type { RectLike } from './hit-test';
import type { OpenedBy } from './intent';
import type { Send } from './lens';
import type { Mark } from './mark-index';

/** Where the card points: a selection, a link, or a fixed place. */
export interface LookupAnchor {
  /** The card closes when this node leaves the document. */
  node: Node;
  rects(): RectLike[];
}

export interface LookupViewOptions {
  doc: Document;
  send: Send;
  css: string;
  sections(): Preferences['sections'];
  /** The popup search with the text filled in. */
  openSearch(term: string): void;
  openSettings(): void;
  /** The card was closed (its close button, its anchor left, or focus left it). */
  onDismiss(): void;
  /** 'keyboard' moves focus into the card (and closes it when focus leaves). */
  openedBy?: OpenedBy;
  createHost?(doc: Document, css: string): CardHost;
}

export interface LookupView {
  present(query: LookupQuery, anchor: LookupAnchor): Promise<void>;
  hide(): void;
  readonly visible: boolean;
  hasFocus(): boolean;
  destroy(): void;
}

const KEY_PROBLEMS = new Set<SerializedError['kind']>(['no-key', 'rejected', 'forbidden']);

/** What the card is named while the lookup runs: the text, or a link's address. */
function loadingLabel(query: LookupQuery): string {
  const text =
    query.source === 'link' ? (query.text.replace(/^mailto:/i, '').split('?')[0] ?? '') : query.text;
  return text.replace(/\s+/g, ' ').trim().slice(0, 60);
}

export function createLookupView(options: LookupViewOptions): LookupView {
  const openedBy = options.openedBy ?? 'keyboard';
  let anchor: LookupAnchor | null = null;
  let hits: SearchHit[] = [];
  let session = 0;

  // The chooser names people from the lookup's own answer (it may hold people the roster lacks).
  const loader = new DetailsLoader({
    getPerson: (id, refresh) => options.send('people/get', refresh ? { id, refresh } : { id }),
    searchLocal: async (term) => ({ term, hits, source: 'roster' }),
  });
  const card = new CardController({
    doc: options.doc,
    loader,
    css: options.css,
    sections: () => options.sections(),
    onDismiss: () => {
      view.hide();
      options.onDismiss();
    },
    measure: () => anchor?.rects() ?? [],
    createHost: options.createHost,
  });

  const markAt = (at: LookupAnchor, text: string, personIds: number[] = []): Mark => ({
    // The card reads only node.isConnected, text and personIds; measure() above places it.
    node: at.node as Mark['node'],
    start: 0,
    end: 0,
    kind: 'name',
    personIds,
    text,
    // Never painted: the lookup's anchor is not a mark on the page.
    holder: null,
  });

  const view: LookupView = {
    async present(query, at) {
      const mine = ++session;
      anchor = at;
      const loading = markAt(at, loadingLabel(query));
      card.show(loading, openedBy, null, null);
      let result: LookupResult;
      try {
        result = await options.send('lookup/run', query);
      } catch (error) {
        if (mine !== session) return;
        const failure = AffinityError.from(error).toJSON();
        const action = KEY_PROBLEMS.has(failure.kind)
          ? { label: 'Open settings', onClick: () => options.openSettings() }
          : { label: 'Try again', onClick: () => void view.present(query, at) };
        card.show(loading, openedBy, null, { error: failure, action });
        return;
      }
      if (mine !== session) return;
      hits = result.hits;
      if (hits.length === 0) {
        // Nobody, or too many to list: the sentence comes with the background's answer.
        const search = { label: 'Search in Affinity Lens', onClick: () => options.openSearch(result.label) };
        const error = { kind: 'not-found' as const, message: result.message ?? '' };
        card.show(markAt(at, result.label), openedBy, null, { error, action: search });
        return;
      }
      card.show(
        markAt(
          at,
          result.label,
          hits.map((h) => h.id),
        ),
        openedBy,
        null,
      );
    },
    hide() {
      session += 1;
      anchor = null;
      card.hide();
    },
    get visible() {
      return card.visible;
    },
    hasFocus: () => card.hasFocus(),
    destroy() {
      session += 1;
      card.destroy();
      loader.clear();
    },
  };
  return view;
}
