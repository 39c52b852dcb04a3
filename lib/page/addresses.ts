/**
 * Elements that stand for an e-mail address without showing it: `mailto:` links, and the people
 * chips of web mail and calendars, which keep the address in an attribute and show only a name —
 * often a first name alone, which is never matched as text ("Ada", "me, Ada" in an inbox).
 */

const ELEMENT_NODE = 1;

/** One address and nothing else: what an attribute holding a person's address looks like. */
const ADDRESS = /^[^@\s<>()",;:]+@[^@\s<>()",;:]+\.[^@\s<>()",;:]+$/;

/**
 * Attributes that carry the address of the person an element shows, as web mail writes them:
 * Gmail's sender and recipient chips (`email`), Google's hover cards (`data-hovercard-id`).
 */
const ADDRESS_ATTRIBUTES = ['email', 'data-hovercard-id'] as const;

/** Elements that may stand for an address (addressOf says whether one does). */
export const ADDRESS_SELECTOR = 'a[href], [email], [data-hovercard-id]';

/** Attributes whose change may make an element stand for another address, or none. */
export const ADDRESS_ATTRIBUTE_NAMES: readonly string[] = ['href', ...ADDRESS_ATTRIBUTES];

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

/** The address an element stands for, or null: a mailto link's, or one an attribute holds. */
export function addressOf(element: Element): string | null {
  if (element.localName === 'a') {
    const fromLink = mailtoAddress(element.getAttribute('href') ?? '');
    if (fromLink) return fromLink;
  }
  for (const name of ADDRESS_ATTRIBUTES) {
    const value = element.getAttribute(name)?.trim();
    if (value && ADDRESS.test(value)) return value;
  }
  return null;
}

/** Whether a node is an element standing for an address (see addressOf). */
export function isAddressElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE && addressOf(node as Element) !== null;
}
