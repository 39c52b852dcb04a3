/**
 * Shows one card at a time next to its mark: loads through the DetailsLoader, renders HoverCard
 * with Preact inside the closed-shadow host, keeps it next to the name while the page scrolls, and
 * handles focus for keyboard users. A session counter drops answers for a card no longer shown.
 */
import { h, render } from 'preact';
import type { ErrorAction } from '../../../components/ErrorMessage';
import { AffinityError, type SerializedError } from '../../affinity/errors';
import type { PersonDetailsResult } from '../../people/types';
import type { Preferences } from '../../settings';
import { markRects, nearestRect, type RectLike } from '../hit-test';
import type { OpenedBy } from '../intent';
import type { Mark } from '../mark-index';
import type { DetailsLoader, Candidate } from './details';
import { createCardHost, type CardHost } from './host';
import { HoverCard, type CardState } from './HoverCard';
import { follow } from './place';

export interface CardControllerOptions {
  doc: Document;
  loader: DetailsLoader;
  css: string;
  sections(): Preferences['sections'];
  /** The card wants to close: its close button, its name left the page, or focus left it. */
  onDismiss(): void;
  /** Where a mark is on screen; replaceable where there is no layout (tests). */
  measure?(mark: Mark): RectLike[];
  createHost?(doc: Document, css: string): CardHost;
}

export interface Point {
  x: number;
  y: number;
}

/** A sentence in place of a card (a lookup that found nobody, or failed), with one next step. */
export interface CardNotice {
  error: SerializedError;
  action?: ErrorAction;
}

export class CardController {
  private host: CardHost | null = null;
  private session = 0;
  private mark: Mark | null = null;
  private state: CardState | null = null;
  private candidates: Candidate[] | null = null;
  private chosen = false;
  private openedBy: OpenedBy = 'pointer';
  private rectIndex = 0;
  private returnFocus: HTMLElement | null = null;
  private stopPositioning: (() => void) | null = null;

  constructor(private readonly options: CardControllerOptions) {}

  private measure(mark: Mark): RectLike[] {
    return (this.options.measure ?? markRects)(mark);
  }

  get visible(): boolean {
    return this.mark !== null;
  }

  /** Starts loading what `show` will need (only one request per person, shared). */
  prefetch(mark: Mark): void {
    this.options.loader.prefetch(mark.personIds);
  }

  /**
   * Shows the card for `mark`'s people, or, given a `notice`, something else next to it (any anchor
   * `measure` knows, such as a selection): a lookup still running (null), or its sentence.
   */
  show(mark: Mark, openedBy: OpenedBy, point: Point | null, notice?: CardNotice | null): void {
    const session = ++this.session;
    const { doc } = this.options;
    if (openedBy === 'keyboard' && !this.host?.hasFocus()) {
      this.returnFocus = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
    }
    this.mark = mark;
    this.openedBy = openedBy;
    this.candidates = null;
    this.chosen = false;
    const rects = this.measure(mark);
    const nearest = point ? nearestRect(rects, point.x, point.y) : undefined;
    this.rectIndex = nearest ? rects.indexOf(nearest) : 0;

    if (notice !== undefined) {
      this.setState(
        notice
          ? { kind: 'error', label: mark.text, error: notice.error, action: notice.action }
          : { kind: 'loading', label: mark.text },
      );
    } else if (mark.personIds.length > 1) {
      this.setState({ kind: 'choose', label: mark.text, candidates: null });
      void this.options.loader.candidates(mark.text, mark.personIds).then((candidates) => {
        if (session !== this.session) return;
        this.candidates = candidates;
        this.setState({ kind: 'choose', label: mark.text, candidates });
      });
    } else {
      this.openPerson(mark.personIds[0] as number, session);
    }
    const host = this.ensureHost();
    host.setVisible(true);
    this.startPositioning(host);
    if (openedBy === 'keyboard') this.dialog()?.focus();
  }

  hide(): void {
    this.session += 1;
    this.mark = null;
    this.state = null;
    this.stopPositioning?.();
    this.stopPositioning = null;
    const host = this.host;
    if (!host) return;
    const hadFocus = host.hasFocus();
    render(null, host.mount);
    host.setVisible(false);
    // Without scrolling: a card closed because its name was scrolled away must not pull the page back.
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  owns(target: EventTarget | null): boolean {
    return this.host?.owns(target) ?? false;
  }

  hasFocus(): boolean {
    return this.host?.hasFocus() ?? false;
  }

  destroy(): void {
    this.hide();
    if (this.host) render(null, this.host.mount);
    this.host?.remove();
    this.host = null;
  }

  private openPerson(id: number, session: number): void {
    const { loader } = this.options;
    const label = this.mark?.text ?? '';
    const cached = loader.peek(id);
    if (cached) {
      this.showDetails(id, cached, session);
      return;
    }
    this.setState({ kind: 'loading', label });
    loader.get(id).then(
      (details) => {
        if (session === this.session) this.showDetails(id, details, session);
      },
      (error: unknown) => {
        if (session !== this.session) return;
        this.setState({ kind: 'error', label, error: AffinityError.from(error).toJSON() });
      },
    );
  }

  /** Shows details at once; stale ones are refreshed in place (the background shares the fetch). */
  private showDetails(id: number, details: PersonDetailsResult, session: number): void {
    this.setState({ kind: 'person', details, refreshing: details.stale });
    if (details.stale) this.refresh(id, details, session);
  }

  private refresh(id: number, current: PersonDetailsResult, session: number): void {
    this.setState({ kind: 'person', details: current, refreshing: true });
    this.options.loader.refresh(id).then(
      (details) => {
        if (session === this.session) this.setState({ kind: 'person', details, refreshing: false });
      },
      () => {
        // The stale details stay, with their age; the refresh button offers another try.
        if (session === this.session) this.setState({ kind: 'person', details: current, refreshing: false });
      },
    );
  }

  private choose(id: number): void {
    const session = ++this.session;
    this.chosen = true;
    this.keepFocus();
    this.openPerson(id, session);
  }

  /**
   * The focused button is about to be re-rendered away: focus moves to the dialog first, or it
   * would fall to the page and close a card opened from the keyboard.
   */
  private keepFocus(): void {
    if (this.host?.hasFocus()) this.dialog()?.focus();
  }

  private back(): void {
    const mark = this.mark;
    if (!mark || !this.candidates) return;
    this.session += 1;
    this.chosen = false;
    this.keepFocus();
    this.setState({ kind: 'choose', label: mark.text, candidates: this.candidates });
  }

  private setState(state: CardState): void {
    this.state = state;
    const host = this.ensureHost();
    const current = this.state;
    render(
      h(HoverCard, {
        state: current,
        sections: this.options.sections(),
        onBack: this.chosen && this.candidates ? () => this.back() : undefined,
        onChoose: (id: number) => this.choose(id),
        onRefresh: () => {
          if (current.kind === 'person')
            this.refresh(current.details.person.id, current.details, this.session);
        },
        onRetry: () => this.retry(),
        onClose: () => this.options.onDismiss(),
      }),
      host.mount,
    );
  }

  private retry(): void {
    const mark = this.mark;
    if (mark) this.show(mark, this.openedBy, null);
  }

  private dialog(): HTMLElement | null {
    return this.host?.mount.querySelector<HTMLElement>('[role="dialog"]') ?? null;
  }

  private ensureHost(): CardHost {
    if (this.host) return this.host;
    const host = (this.options.createHost ?? createCardHost)(this.options.doc, this.options.css);
    // A keyboard user who tabs out of the card is done with it.
    host.mount.addEventListener('focusout', () => {
      setTimeout(() => {
        if (this.openedBy === 'keyboard' && this.visible && this.options.doc.hasFocus() && !host.hasFocus()) {
          this.options.onDismiss();
        }
      }, 0);
    });
    this.host = host;
    return host;
  }

  private startPositioning(host: CardHost): void {
    this.stopPositioning?.();
    const mark = this.mark;
    const win = this.options.doc.defaultView;
    if (!mark || !win) return;
    const reference = () => {
      if (!mark.node.isConnected) return null;
      const rects = this.measure(mark);
      return rects[this.rectIndex] ?? rects[0] ?? null;
    };
    this.stopPositioning = follow(win, host.mount, reference, () => this.options.onDismiss());
  }
}
