/**
 * What the page walker never reads: code and markup that is not prose, form fields and editable
 * regions (the user's own typing), embedded documents, and the extension's own UI.
 */

const ELEMENT_NODE = 1;

/** The card's host element; the walker and the mutation observer ignore it. */
export const UI_HOST_TAG = 'affinity-lens-card';

const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  'datalist',
  'code',
  'pre',
  'kbd',
  'samp',
  // SVG and MathML text is positioned glyph by glyph; highlights there are unreliable and rarely names.
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  UI_HOST_TAG,
]);

/**
 * True when an element's whole subtree is skipped. Only attributes and the tag are read: anything
 * computed (styles, isContentEditable) would force a style recalculation per element.
 */
export function isSkippedElement(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.localName)) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return element.getAttribute('role') === 'textbox';
}

/** True when the node or one of its ancestors is skipped (for roots handed over by mutations). */
export function isInsideSkipped(node: Node): boolean {
  const start = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
  for (let el: Element | null = start; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

const LETTER = /\p{L}/u;

/** A-Z or a-z (setting the 0x20 bit lower-cases them, and moves nothing else into a-z). */
function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 97 && lower <= 122;
}

/** Text worth matching: a name or an address needs at least a few characters and a letter. */
export function isCandidateText(text: string): boolean {
  if (text.length < 3) return false;
  // Every text node of a page comes through here: ASCII is looked at without a regex.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return LETTER.test(text);
    if (isAsciiLetter(c)) return true;
  }
  return false;
}

/** Two words: a word character, something between, a word character (as lib/matching cuts words). */
const TWO_WORDS = /[\p{L}\p{N}][^\p{L}\p{M}\p{N}_]+[\p{L}\p{N}]/u;
/** Scripts written without spaces, where a whole name is one unbroken run of letters. */
const UNSPACED_SCRIPT =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/**
 * Whether a text could name someone at all: a first and a last name are two words, an address has
 * an "@", and names in scripts without spaces are one run. A lone word ("Share", "Ada") cannot, and
 * stays in the tab: menus and buttons are full of them.
 */
export function mayNamePerson(text: string): boolean {
  // TWO_WORDS and '@' over ASCII, without a regex: a letter or digit, then separators (not '_'),
  // then a letter or digit. The first character outside ASCII hands the text to the regexes.
  let state = BEFORE_WORD;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return TWO_WORDS.test(text) || text.includes('@') || UNSPACED_SCRIPT.test(text);
    if (c === 64) return true; // '@'
    const wordChar = isAsciiLetter(c) || (c >= 48 && c <= 57);
    if (wordChar) {
      if (state === AFTER_WORD) return true;
      state = IN_WORD;
    } else if (c === 95) {
      state = BEFORE_WORD; // '_' joins words ("john_smith")
    } else if (state === IN_WORD) {
      state = AFTER_WORD;
    }
  }
  return false;
}

const BEFORE_WORD = 0;
const IN_WORD = 1;
const AFTER_WORD = 2;
