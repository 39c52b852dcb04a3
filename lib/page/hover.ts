/**
 * Hover and keyboard access to cards, by delegated listeners on the document: the pointer position
 * is hit-tested once per frame against the mark index and fed to the intent state machine, whose
 * effects drive the card. Synthetic events from page scripts are ignored, so a page cannot open
 * cards to learn who is in the user's Affinity.
 *
 * Events from inside an open shadow root reach the document retargeted to its host: the innermost
 * target is read from the event's composed path while it is dispatched (the path is empty after).
 */
import { HoverIntent, type IntentTimings, type OpenedBy } from './intent';
import { isOpenShortcut, keyboardTarget } from './keyboard';
import type { Mark, MarkIndex } from './mark-index';
import { markAtPoint } from './hit-test';

export interface CardPort {
  prefetch(mark: Mark): void;
  show(mark: Mark, openedBy: OpenedBy, point: { x: number; y: number } | null): void;
  hide(): void;
  owns(target: EventTarget | null): boolean;
  hasFocus(): boolean;
}

export interface HoverOptions {
  doc: Document;
  index: MarkIndex;
  signal: AbortSignal;
  timings: IntentTimings;
  /** Created on first use: pages nobody hovers never build the card. */
  card(): CardPort;
  /** Runs a callback before the next paint (requestAnimationFrame in browsers). */
  nextFrame?(callback: () => void): void;
  /** Finds the mark under a point; replaceable where there is no layout (tests). */
  hitTest?(x: number, y: number, target: Element | null): Mark | null;
  /** Whether an event comes from the user (page scripts' synthetic events do not count). */
  isTrusted?(event: Event): boolean;
}

export interface HoverFeature {
  intent: HoverIntent<Mark>;
  setTimings(timings: IntentTimings): void;
  /** Opens the card for a mark at once, as the keyboard shortcut does. */
  open(mark: Mark, openedBy?: OpenedBy): void;
}

export function startHover(options: HoverOptions): HoverFeature {
  const { doc, index, signal } = options;
  let card: CardPort | null = null;
  const getCard = () => (card ??= options.card());
  let lastPoint: { x: number; y: number } | null = null;

  const intent = new HoverIntent<Mark>(
    {
      prefetch: (mark, token) => {
        if (intent.isCurrent(token)) getCard().prefetch(mark);
      },
      show: (mark, token, openedBy) => {
        if (intent.isCurrent(token))
          getCard().show(mark, openedBy, openedBy === 'pointer' ? lastPoint : null);
      },
      hide: () => card?.hide(),
    },
    options.timings,
  );

  const hitTest =
    options.hitTest ??
    ((x: number, y: number, target: Element | null) => markAtPoint(index, doc, x, y, target));
  const nextFrame =
    options.nextFrame ?? ((callback: () => void) => doc.defaultView?.requestAnimationFrame(() => callback()));

  const trusted = options.isTrusted ?? ((event: Event) => event.isTrusted);
  let latest: PointerEvent | null = null;
  let latestTarget: EventTarget | null = null;
  let framePending = false;
  const process = () => {
    framePending = false;
    const event = latest;
    latest = null;
    if (!event || signal.aborted) return;
    if (card?.owns(event.target)) {
      intent.pointerOnCard();
      return;
    }
    lastPoint = { x: event.clientX, y: event.clientY };
    intent.pointerOn(hitTest(event.clientX, event.clientY, latestTarget as Element | null));
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, handler, { capture: true, passive: type !== 'keydown', signal });

  listen('pointermove', (event) => {
    if (!trusted(event) || event.pointerType === 'touch') return;
    latest = event;
    latestTarget = event.composedPath()[0] ?? event.target;
    if (!framePending) {
      framePending = true;
      nextFrame(process);
    }
  });

  // Leaving the window (or into a frame, whose document has its own listeners).
  listen('pointerout', (event) => {
    if (!trusted(event)) return;
    const to = event.relatedTarget as Element | null;
    if (to === null || to.localName === 'iframe' || to.localName === 'frame') {
      latest = null;
      intent.pointerOn(null);
    }
  });

  listen('pointerdown', (event) => {
    if (!trusted(event) || intent.shownTarget === null || card?.owns(event.target)) return;
    intent.close();
  });

  listen('keydown', (event) => {
    if (!trusted(event)) return;
    if (event.key === 'Escape' && intent.shownTarget !== null) {
      const focused = card?.hasFocus() ?? false;
      intent.close();
      // The page's own Escape handling is left alone unless the user was inside the card.
      if (focused) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (isOpenShortcut(event)) {
      const mark = keyboardTarget(doc, index);
      if (!mark) return;
      event.preventDefault();
      event.stopPropagation();
      intent.openNow(mark, 'keyboard');
    }
  });

  signal.addEventListener('abort', () => intent.close(), { once: true });

  return {
    intent,
    setTimings: (timings) => intent.setTimings(timings),
    open: (mark, openedBy = 'keyboard') => intent.openNow(mark, openedBy),
  };
}
