/**
 * Finds what the page shows as prose: runs of text and the elements that stand for an address
 * (`mailto:` links, web mail chips; see addresses.ts), in document order,
 * skipping whole subtrees that are code, form fields, editable or the extension's own UI.
 *
 * A run is the text nodes that flow together inside one block: "<em>Ada</em> Lovelace" is one
 * run, so a name split across inline elements is matched as one text. Most runs are a single text
 * node, yielded as the node itself (no allocation); longer ones as a TextRun.
 *
 * Open shadow roots (web components) are read where their host stands, before the host's own
 * children; a closed root cannot be reached and is left alone. A host ends the run before it.
 * Custom elements without a shadow root are reported too: one may attach a root later (see
 * late-shadows.ts).
 */
import { isCandidateText, isInsideSkipped, isSkippedElement } from './skip';
import { isAddressElement } from './addresses';

/** Text nodes that flow together, and their data when read (joined exactly, nothing added). */
export interface TextRun {
  readonly nodes: readonly Text[];
  readonly parts: readonly string[];
  readonly text: string;
}

/** A run of text, or an element standing for an address (a mailto link, a web mail chip). */
export type WalkItem = Text | TextRun | Element;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const FILTER_SKIP = 3;
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;

/**
 * A run ends before the node that would take it past these, so one huge inline run cannot make a
 * scan slice (or one match) overrun its time budget. A name across the cut is not found.
 */
export const RUN_MAX_CHARS = 20_000;
export const RUN_MAX_NODES = 1_000;

/**
 * Phrasing elements that keep their text in the line of the text around them, decided by tag
 * (reading computed styles would force a style recalculation per element). Any other element —
 * blocks, `br`, images, form controls, unknown tags — ends a run.
 */
const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

export function isInlineElement(element: Element): boolean {
  return INLINE_TAGS.has(element.localName);
}

/**
 * The nearest ancestor that is not inline: text under the same one can flow together. Inside a
 * shadow tree that may be the shadow root itself.
 */
function blockOf(node: Node): Node | null {
  let parent = node.parentNode;
  while (parent && parent.nodeType === ELEMENT_NODE && INLINE_TAGS.has((parent as Element).localName))
    parent = parent.parentNode;
  return parent;
}

/** The open shadow root an element hosts (a closed one reads as null). */
function openShadowOf(node: Node): ShadowRoot | null {
  return node.nodeType === ELEMENT_NODE ? (node as Element).shadowRoot : null;
}

/** The host of the shadow tree a node is in, or null in the document's own tree. */
export function shadowHostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root.nodeType === 11 ? ((root as Partial<ShadowRoot>).host ?? null) : null;
}

/** Whether a node, or a shadow host it is inside (at any depth), is skipped. */
function isInsideSkippedHost(node: Node): boolean {
  for (let at: Node | null = node; at; at = shadowHostOf(at)) {
    if (isInsideSkipped(at)) return true;
  }
  return false;
}

export function isTextRun(item: WalkItem): item is TextRun {
  return (item as Partial<TextRun>).parts !== undefined;
}

/**
 * Returns a function that yields the next item under `root` (root included) or null at the end.
 * Pulling one item at a time lets the caller stop at its time budget and resume after yielding.
 *
 * A root that is a text node or an inline element (a mutation handed it over) is read with the
 * whole run around it: the run's other nodes are read again too, so a name spanning the changed
 * part and its neighbours is found.
 */
export function createPageWalker(
  root: Node,
  onShadowRoot?: (shadowRoot: ShadowRoot) => void,
  onCustomElement?: (element: Element) => void,
): () => WalkItem | null {
  if (isInsideSkippedHost(root)) return () => null;
  const isText = root.nodeType === TEXT_NODE;
  const isElement = root.nodeType === ELEMENT_NODE;
  if (!isText && !isElement && root.nodeType !== 9 && root.nodeType !== 11) return () => null;
  const doc = root.ownerDocument ?? (root as Document);
  const inRun = isText || (isElement && isInlineElement(root as Element));
  const block = inRun ? blockOf(root) : null;
  const scope = block ?? root;

  // Set when the walk passes anything that ends a run (a block, a skipped element, a shadow host).
  let broken = false;
  /** What the walk does with an element: skip its subtree, hand it out, or pass through it. */
  const verdictOn = (element: Element): number => {
    if (isSkippedElement(element)) {
      broken = true;
      return FILTER_REJECT;
    }
    if (element.shadowRoot !== null) {
      broken = true;
      return FILTER_ACCEPT;
    }
    const tag = element.localName;
    if (!INLINE_TAGS.has(tag)) {
      broken = true;
      // A custom element (its name has a hyphen) may be upgraded, and attach a root, later.
      if (onCustomElement !== undefined && tag.includes('-')) onCustomElement(element);
    }
    return isAddressElement(element) ? FILTER_ACCEPT : FILTER_SKIP;
  };
  // Where to start: the root, or for a root inside a run, the first text node of that run.
  let first: Node = root;
  if (block) {
    // Looking back over a few nodes: a TreeWalker, whose filter calls cost little here. The walk
    // forward is done by hand (see advance).
    const walker = doc.createTreeWalker(scope, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
      acceptNode: (node: Node): number =>
        node.nodeType === TEXT_NODE ? FILTER_ACCEPT : verdictOn(node as Element),
    });
    walker.currentNode = root;
    let chars = 0;
    let count = 0;
    for (;;) {
      const previous = walker.previousNode();
      if (!previous || broken) break;
      if (previous.nodeType !== TEXT_NODE) continue;
      chars += (previous as Text).length;
      if (chars > RUN_MAX_CHARS || ++count >= RUN_MAX_NODES) break;
      first = previous;
    }
    broken = false;
  }
  /** Only for a root inside a run: the walk ends with the first run that starts after the root. */
  const after = (node: Node): boolean =>
    block !== null &&
    node !== root &&
    (root.compareDocumentPosition(node) & (DOCUMENT_POSITION_FOLLOWING | DOCUMENT_POSITION_CONTAINED_BY)) ===
      DOCUMENT_POSITION_FOLLOWING;

  // The run being gathered: its first node alone, and an array only once a second node joins.
  let head: Text | null = null;
  let headData = '';
  let nodes: Text[] | null = null;
  let parts: string[] | null = null;
  let chars = 0;
  let lastParent: Node | null = null;
  let headBlock: Node | null | undefined;
  /** Links met while a run is open wait for it (items come in document order), then are ready. */
  const held: Element[] = [];
  const ready: Element[] = [];
  let pendingFirst: Node | null = first;
  let done = false;
  /** The walk of a shadow root met on the way, read to its end before going on. */
  let inner: (() => WalkItem | null) | null = null;

  const finish = (): Text | TextRun | null => {
    const node = head;
    if (!node) return null;
    head = null;
    if (held.length > 0) ready.push(...held.splice(0));
    if (!nodes || !parts) return isCandidateText(headData) ? node : null;
    const run: TextRun = { nodes, parts, text: parts.join('') };
    nodes = null;
    parts = null;
    return isCandidateText(run.text) ? run : null;
  };

  const open = (node: Text, data: string) => {
    head = node;
    headData = data;
    chars = data.length;
    lastParent = node.parentNode;
    headBlock = undefined;
  };

  const continues = (node: Text, data: string): boolean => {
    if (broken || chars + data.length > RUN_MAX_CHARS) return false;
    if ((nodes?.length ?? 1) >= RUN_MAX_NODES) return false;
    if (node.parentNode === lastParent) return true;
    if (headBlock === undefined) headBlock = blockOf(head as Text);
    return blockOf(node) === headBlock;
  };

  const join = (node: Text, data: string) => {
    if (!nodes || !parts) {
      nodes = [head as Text];
      parts = [headData];
    }
    nodes.push(node);
    parts.push(data);
    chars += data.length;
    lastParent = node.parentNode;
  };

  /**
   * Where the walk stands: the last node handed out, and whether the walk goes into its children
   * next. A TreeWalker with a filter would do the same, but it calls the filter from native code
   * for every node, which costs more than reading the page's text does.
   */
  let current: Node = first;
  let intoChildren = true;

  /** The next text node or accepted element after `current` in document order, inside `scope`. */
  const advance = (): Node | null => {
    let node = current;
    let down = intoChildren;
    for (;;) {
      let next = down ? node.firstChild : null;
      for (let at: Node | null = node; next === null;) {
        if (at === scope || at === null) return null;
        next = at.nextSibling;
        at = at.parentNode;
      }
      node = next;
      if (node.nodeType === TEXT_NODE) {
        current = node;
        intoChildren = false;
        return node;
      }
      // Comments and the like have no children and are not handed out.
      if (node.nodeType !== ELEMENT_NODE) {
        down = false;
        continue;
      }
      const verdict = verdictOn(node as Element);
      if (verdict === FILTER_ACCEPT) {
        current = node;
        intoChildren = true;
        return node;
      }
      down = verdict === FILTER_SKIP;
    }
  };

  const nextNode = (): Node | null => {
    if (pendingFirst) {
      const node = pendingFirst;
      pendingFirst = null;
      // The starting node is where the walk stands: it was never given a verdict.
      if (node.nodeType === TEXT_NODE) return node;
      if (isAddressElement(node) || openShadowOf(node)) return node;
    }
    return advance();
  };

  return () => {
    for (;;) {
      if (ready.length > 0) return ready.shift() as Element;
      if (inner) {
        const item = inner();
        if (item) return item;
        inner = null;
      }
      if (done) {
        const last = finish();
        if (last) return last;
        if (ready.length > 0) continue;
        return null;
      }
      const node = nextNode();
      if (!node) {
        done = true;
        continue;
      }
      const shadowRoot = openShadowOf(node);
      if (shadowRoot) {
        // A host: the run before it ends, and its shadow tree is read before anything after it.
        if (after(node)) {
          done = true;
          continue;
        }
        broken = false;
        const ended = finish();
        if (isAddressElement(node)) ready.push(node as Element);
        onShadowRoot?.(shadowRoot);
        inner = createPageWalker(shadowRoot, onShadowRoot, onCustomElement);
        if (ended) return ended;
        continue;
      }
      if (node.nodeType !== TEXT_NODE) {
        // An address element: it does not end a run, but a boundary passed before it has.
        if (broken && after(node)) {
          done = true;
          continue;
        }
        const ended = broken ? finish() : null;
        if (head !== null) {
          held.push(node as Element);
          continue;
        }
        if (!ended) return node as Element;
        ready.push(node as Element);
        return ended;
      }
      const text = node as Text;
      const data = text.data;
      if (head !== null && continues(text, data)) {
        join(text, data);
        broken = false;
        continue;
      }
      broken = false;
      if (after(text)) {
        done = true;
        continue;
      }
      const finished = finish();
      open(text, data);
      if (finished) return finished;
    }
  };
}
