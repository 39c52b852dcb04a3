/**
 * Where a lookup's card goes in a page: next to the selection (in a form field too), next to the
 * mailto: link that was right-clicked, or at the point of the right-click when neither is there
 * any more; and what the shortcut looks up (the selection).
 */
import type { LookupQuery } from '../lookup-protocol';
import type { LookupAnchor } from './lookup-view';

/** The last right-click in this document, remembered for the menu's click that follows it. */
export interface ContextClick {
  target: EventTarget | null;
  x: number;
  y: number;
}

type TextField = HTMLInputElement | HTMLTextAreaElement;

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

/** The text selected in this document and where it is, or null when nothing is selected. */
export function selectionLookup(doc: Document): { text: string; anchor: LookupAnchor } | null {
  // Inputs and text areas keep their selection to themselves: getSelection() does not see it.
  const field = doc.activeElement as TextField | null;
  if (typeof field?.selectionStart === 'number') {
    const text = field.value.slice(field.selectionStart, field.selectionEnd ?? 0);
    if (text.trim() !== '') return { text, anchor: elementAnchor(field) };
  }
  const selection = doc.getSelection();
  const text = selection?.toString() ?? '';
  if (!selection || selection.rangeCount === 0 || text.trim() === '') return null;
  // A copy: the card stays next to this text even when the selection changes.
  return { text, anchor: rangeAnchor(selection.getRangeAt(0).cloneRange()) };
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
  // The card has to go somewhere: where the menu was opened, else the top left corner.
  return click ? pointAnchor(doc, click.x, click.y) : pointAnchor(doc, 16, 16);
}
