/**
 * Finds what the page shows as prose: text nodes worth matching and `mailto:` links, in document
 * order, skipping whole subtrees that are code, form fields, editable or the extension's own UI.
 */
import { isCandidateText, isInsideSkipped, isSkippedElement } from './skip';

export type WalkItem = Text | HTMLAnchorElement;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The first address of a mailto: URL ("mailto:a@b.co,c@d.co?subject=hi" gives "a@b.co"). */
export function mailtoAddress(href: string): string | null {
  if (!/^mailto:/i.test(href)) return null;
  const list = href.slice('mailto:'.length).split('?')[0] ?? '';
  const first = list.split(',')[0]?.trim() ?? '';
  let address: string;
  try {
    address = decodeURIComponent(first);
  } catch {
    address = first;
  }
  return /^[^@\s]+@[^@\s]+$/.test(address) ? address : null;
}

export function isMailtoLink(node: Node): node is HTMLAnchorElement {
  return (
    node.nodeType === ELEMENT_NODE &&
    (node as Element).localName === 'a' &&
    mailtoAddress((node as Element).getAttribute('href') ?? '') !== null
  );
}

/**
 * Returns a function that yields the next item under `root` (root included) or null at the end.
 * Pulling one item at a time lets the caller stop at its time budget and resume after yielding.
 */
export function createPageWalker(root: Node): () => WalkItem | null {
  const doc = root.ownerDocument ?? (root as Document);
  if (isInsideSkipped(root)) return () => null;
  if (root.nodeType === TEXT_NODE) {
    let done = false;
    return () => {
      if (done) return null;
      done = true;
      return isCandidateText((root as Text).data) ? (root as Text) : null;
    };
  }
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node: Node): number {
      if (node.nodeType === TEXT_NODE) return isCandidateText((node as Text).data) ? 1 : 3;
      if (isSkippedElement(node as Element)) return 2; // FILTER_REJECT: the whole subtree
      return isMailtoLink(node) ? 1 : 3; // FILTER_ACCEPT : FILTER_SKIP
    },
  });
  let rootPending = isMailtoLink(root);
  return () => {
    if (rootPending) {
      rootPending = false;
      return root as HTMLAnchorElement;
    }
    return walker.nextNode() as WalkItem | null;
  };
}
