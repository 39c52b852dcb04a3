/**
 * The content script seen from outside, for the E2E tests and the benchmark: the marks painted in
 * view, every mark it holds, where a text is on screen, and the real mouse resting on it.
 *
 * Only marks near the viewport are in the page's CSS highlight (and only they have a range), so
 * the number of marks found on a whole page is read from the content script's isolated world: its
 * objects shaped like a mark, a page node with the people it names and the element it is painted
 * in (CDP Runtime.queryObjects, which collects garbage first).
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';

/** The CSS highlight the content script paints marks with. */
export const HIGHLIGHT = 'affinity-lens-person';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/** The number of marks the content script holds in the page's main frame. */
export async function heldMarks(
  context: BrowserContext,
  page: Page,
  extensionName = 'Affinity Lens',
): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c as ExecutionContext));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.name === extensionName &&
        c.auxData.frameId === frameTree.frame.id,
    );
    if (!world) throw new Error(`no isolated world named ${extensionName} in the main frame`);
    const prototype = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: 'Object.prototype',
    });
    const objects = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.result.objectId as string,
    });
    const count = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objects.objectId as string,
      functionDeclaration: `function () {
        const isMark = (o) =>
          o !== null && typeof o === 'object' && Object.hasOwn(o, 'personIds') && Object.hasOwn(o, 'holder') &&
          o.node instanceof Node && o.holder instanceof Element;
        return this.filter(isMark).length;
      }`,
      returnByValue: true,
    });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'console' }).catch(() => undefined);
    return count.result.value as number;
  } finally {
    await cdp.detach();
  }
}

export interface InView {
  /** Occurrences of the given names in the text nodes wholly inside the viewport. */
  written: number;
  /** Texts of the marks painted in those text nodes. */
  marked: string[];
}

/** What the user sees right now: the given names written in the viewport, and the marks painted there. */
export function marksInView(frame: Page | Frame, names: readonly string[]): Promise<InView> {
  return frame.evaluate(
    ([highlightName, wanted]) => {
      const inView = new Set<Node>();
      let written = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const rect = range.getBoundingClientRect();
        if (rect.height === 0 || rect.top < 0 || rect.bottom > window.innerHeight) continue;
        inView.add(node);
        for (const name of wanted) {
          for (let at = node.data.indexOf(name); at >= 0; at = node.data.indexOf(name, at + name.length))
            written++;
        }
      }
      const marked: string[] = [];
      CSS.highlights.get(highlightName)?.forEach((r) => {
        const range = r as AbstractRange;
        if (inView.has(range.startContainer))
          marked.push((range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
      });
      return { written, marked };
    },
    [HIGHLIGHT, names] as const,
  );
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The middle of the first occurrence of `text` inside the element `selector` matches, in the
 * top page's coordinates (a frame's offset in its parent is added).
 */
export async function textPoint(frame: Page | Frame, selector: string, text?: string): Promise<Point> {
  const box = await textBox(frame, selector, text);
  return addFrameOffset(frame, { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });
}

/** The first line box of the first occurrence of `text` (or the first text) inside `selector`. */
export function textBox(frame: Page | Frame, selector: string, text?: string): Promise<Box> {
  return frame.evaluate(
    ([sel, wanted]) => {
      const el = document.querySelector(sel);
      if (!el) throw new Error(`no element ${sel}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = wanted ? node.data.indexOf(wanted) : node.data.search(/\S/);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, wanted ? at + wanted.length : node.data.trimEnd().length);
        const rect = range.getClientRects()[0];
        if (rect) return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
      }
      throw new Error(`no "${wanted ?? 'text'}" in ${sel}`);
    },
    [selector, text ?? null] as const,
  );
}

async function addFrameOffset(frame: Page | Frame, point: Point): Promise<Point> {
  if (!('parentFrame' in frame)) return point;
  const parent = frame.parentFrame();
  if (!parent) return point;
  const element = await frame.frameElement();
  const offset = await element.evaluate((node) => {
    const iframe = node as Element;
    const rect = iframe.getBoundingClientRect();
    return { x: rect.left + iframe.clientLeft, y: rect.top + iframe.clientTop };
  });
  return addFrameOffset(parent, { x: point.x + offset.x, y: point.y + offset.y });
}

/** Rests the real mouse on a point, coming from a little to its left as a hand does. */
export async function hoverAt(page: Page, point: Point): Promise<void> {
  await page.mouse.move(point.x - 40, point.y + 30);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** Moves the pointer to an empty corner of the page. */
export async function moveAway(page: Page): Promise<void> {
  await page.mouse.move(3, 3, { steps: 2 });
}
