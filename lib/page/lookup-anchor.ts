/**
 * Where a lookup's card goes in a page: next to the selection (in a form field too), next to the
 * mailto: link that was right-clicked, or at the point of the right-click when neither is there
 * any more; and what the shortcut looks up (the selection).
 */
import type { LookupQuery } from '../lookup-protocol';
import type { RectLike } from './hit-test';
import type { LookupAnchor } from './lookup-view';

/** The last right-click in this document, remembered for the menu's click that follows it. */
export interface ContextClick {
  target: EventTarget | null;
  x: number;
  y: number;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(element: Element | null): element is TextField {
  return (
    element !== null &&
    (element.localName === 'textarea' || element.localName === 'input') &&
    typeof (element as TextField).selectionStart === 'number'
  );
}

function elementAnchor(element: Element): LookupAnchor {
  return { node: element, rects: () => [...element.getClientRects()] };
}

function rangeAnchor(range: Range): LookupAnchor {
  return {
    node: range.startContainer,
    rects: () => {
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
      return rects.length > 0 ? rects : [range.getBoundingClientRect()];
    },
  };
}

function pointAnchor(doc: Document, x: number, y: number): LookupAnchor {
  return { node: doc.documentElement, rects: () => [{ left: x, right: x, top: y, bottom: y }] };
}

/** Top centre of the viewport: the card has to go somewhere. */
function viewportAnchor(doc: Document): LookupAnchor {
  return {
    node: doc.documentElement,
    rects: (): RectLike[] => {
      const x = Math.max(0, (doc.documentElement.clientWidth - 360) / 2);
      return [{ left: x, right: x, top: 8, bottom: 8 }];
    },
  };
}

/** The text selected in this document and where it is, or null when nothing is selected. */
export function selectionLookup(doc: Document): { query: LookupQuery; anchor: LookupAnchor } | null {
  const field = doc.activeElement;
  if (isTextField(field)) {
    const text = field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
    if (text.trim() !== '') return { query: { text, source: 'selection' }, anchor: elementAnchor(field) };
  }
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const text = selection.toString();
  if (text.trim() === '') return null;
  // A copy: the card stays next to this text even when the selection changes.
  const range = selection.getRangeAt(0).cloneRange();
  return { query: { text, source: 'selection' }, anchor: rangeAnchor(range) };
}

const sameHref = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Where the card for the menu's lookup goes. */
export function menuAnchor(doc: Document, query: LookupQuery, click: ContextClick | null): LookupAnchor {
  if (query.source === 'link') {
    const target = click?.target instanceof Element ? click.target : null;
    const clicked = target?.closest('a[href]') as HTMLAnchorElement | null;
    if (clicked && sameHref(clicked.href, query.text)) return elementAnchor(clicked);
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[href^="mailto:" i]')];
    const link = links.find((a) => sameHref(a.href, query.text));
    if (link) return elementAnchor(link);
  } else {
    const selected = selectionLookup(doc);
    if (selected) return selected.anchor;
  }
  return click ? pointAnchor(doc, click.x, click.y) : viewportAnchor(doc);
}
