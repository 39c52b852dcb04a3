/**
 * The context-menu and shortcut lookup in Chromium, driven through the extension's own listeners:
 * the worker dispatches the menu's click and the command as the browser would, after the test
 * selects text (or right-clicks a mailto: link) on a served page. The card is read from the
 * accessibility tree (it lives in a closed shadow root).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DECOY_NAMES, FEATURED_PEOPLE, SAME_NAME_PAIR } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import { launch, sandboxControl, signIn, until } from './harness';
import { servePages, type PagesServer } from './pages/server';

const ONE = FEATURED_PEOPLE.jose;
const LINKED = FEATURED_PEOPLE.zoe;
const NOBODY = DECOY_NAMES[0];

interface AxNode {
  nodeId: string;
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
  backendDOMNodeId?: number;
  childIds?: string[];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface ChromeInWorker {
  tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  commands: { onCommand: { dispatch(command: string, tab: object): void } };
}

describe('looking people up from the context menu and the shortcut', () => {
  let ext: LoadedExtension;
  let pages: PagesServer;

  beforeAll(async () => {
    await sandboxControl('reset');
    ext = await launch();
    pages = await servePages();
    const options = await ext.openPage('options.html');
    await signIn(options);
    await options.close();
  });
  afterAll(async () => {
    await ext?.close();
    await pages?.close();
  });

  async function lookupPage(): Promise<Page> {
    const query = new URLSearchParams();
    query.append('n', ONE.fullName);
    query.append('n', SAME_NAME_PAIR.fullName);
    query.append('e', LINKED.emails[0] as string);
    query.append('e', ONE.emails[0] as string);
    query.append('o', NOBODY);
    const page = await ext.context.newPage();
    await page.goto(`${pages.url}lookup.html?${query.toString()}`);
    // The content script has run once the page's roster names are marked.
    await page.waitForFunction(() => (CSS.highlights.get('affinity-lens-person')?.size ?? 0) > 0);
    return page;
  }

  /** Selects an element's text as a person would, and says where it is. */
  function select(page: Page, selector: string): Promise<Box> {
    return page.evaluate((sel) => {
      const element = document.querySelector(sel) as Element;
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }, selector);
  }

  /** Runs in the worker what the browser runs when the menu item is clicked or the shortcut pressed. */
  async function dispatch(page: Page, event: { menu: object } | { command: string }): Promise<void> {
    await page.bringToFront();
    const worker = await ext.currentWorker();
    await worker.evaluate(async (e) => {
      const c = (globalThis as unknown as { chrome: ChromeInWorker }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      if (!tab) throw new Error('no active tab');
      if ('menu' in e) c.contextMenus.onClicked.dispatch({ editable: false, frameId: 0, ...e.menu }, tab);
      else c.commands.onCommand.dispatch(e.command, tab);
    }, event);
  }

  async function tree(page: Page): Promise<AxNode[]> {
    const cdp = await ext.context.newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    await cdp.detach();
    return nodes;
  }

  const isDialog = (n: AxNode) => n.role?.value === 'dialog' && !n.ignored;

  /** Waits for a dialog with this name whose content includes `contains` (past its loading state). */
  async function dialogNamed(
    page: Page,
    name: string,
    contains: string,
  ): Promise<{ dialog: AxNode; nodes: AxNode[] }> {
    const find = (all: AxNode[]) =>
      all.find((n) => isDialog(n) && n.name?.value === name && textOf(within(all, n)).includes(contains));
    const nodes = await until(
      () => tree(page),
      (all) => find(all) !== undefined,
      { timeoutMs: 20_000 },
    );
    return { dialog: find(nodes) as AxNode, nodes };
  }

  function within(nodes: AxNode[], root: AxNode): AxNode[] {
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const out: AxNode[] = [];
    const walk = (n: AxNode) => {
      for (const id of n.childIds ?? []) {
        const child = byId.get(id);
        if (child) {
          out.push(child);
          walk(child);
        }
      }
    };
    walk(root);
    return out;
  }

  const textOf = (nodes: AxNode[]) => nodes.map((n) => n.name?.value ?? '').join(' ');

  async function boxOf(page: Page, node: AxNode): Promise<Box> {
    const cdp = await ext.context.newCDPSession(page);
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendDOMNodeId })) as {
      model: { border: number[] };
    };
    await cdp.detach();
    const xs = model.border.filter((_, i) => i % 2 === 0);
    const ys = model.border.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  }

  /**
   * Next to: starting at the text's left edge, just below or above it (a card taller than the room
   * on either side is kept inside the viewport and may cover a little of the text).
   */
  function expectNextTo(card: Box, text: Box): void {
    const gap = Math.max(card.top - text.bottom, text.top - card.bottom, 0);
    expect(gap).toBeLessThan(24);
    expect(Math.abs(card.left - Math.max(8, text.left))).toBeLessThan(2);
  }

  async function noDialog(page: Page): Promise<void> {
    await until(
      () => tree(page),
      (all) => !all.some(isDialog),
    );
  }

  it('menu on a name: that person’s card, next to the selection', async () => {
    const page = await lookupPage();
    const selected = await select(page, '#one');
    await dispatch(page, { menu: { menuItemId: 'lookup-selection', selectionText: ONE.fullName } });
    const { dialog, nodes } = await dialogNamed(page, ONE.fullName, 'Open in Affinity');
    expect(textOf(within(nodes, dialog))).toContain('Quill Payments');
    expectNextTo(await boxOf(page, dialog), selected);
    // Escape closes it, as it closes a hover card.
    await page.keyboard.press('Escape');
    await noDialog(page);
    await page.close();
  });

  it('menu on a name two people share: a short list of both, then the one chosen', async () => {
    const page = await lookupPage();
    const selected = await select(page, '#several');
    await dispatch(page, {
      menu: { menuItemId: 'lookup-selection', selectionText: SAME_NAME_PAIR.fullName },
    });
    const { dialog, nodes } = await dialogNamed(
      page,
      `People named ${SAME_NAME_PAIR.fullName}`,
      FEATURED_PEOPLE.danielHanbit.emails[0] as string,
    );
    const options = within(nodes, dialog).filter(
      (n) => n.role?.value === 'button' && n.name?.value?.startsWith(SAME_NAME_PAIR.fullName),
    );
    expect(options).toHaveLength(2);
    // Told apart by their addresses.
    expect(textOf(options)).toContain(FEATURED_PEOPLE.danielQuill.emails[0]);
    expect(textOf(options)).toContain(FEATURED_PEOPLE.danielHanbit.emails[0]);
    expectNextTo(await boxOf(page, dialog), selected);

    // Focus is in the card: past the close button to the first person, and open them.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const chosen = await dialogNamed(page, SAME_NAME_PAIR.fullName, 'Open in Affinity');
    const inside = within(chosen.nodes, chosen.dialog);
    expect(inside.some((n) => n.role?.value === 'button' && n.name?.value?.includes('All matches'))).toBe(
      true,
    );
    await page.close();
  });

  it('menu on a name nobody has: says so, and opens the popup search with the name filled in', async () => {
    const page = await lookupPage();
    await select(page, '#none');
    await dispatch(page, { menu: { menuItemId: 'lookup-selection', selectionText: NOBODY } });
    const { dialog, nodes } = await dialogNamed(page, NOBODY, `No one in your Affinity matches “${NOBODY}”.`);
    const inside = within(nodes, dialog);
    expect(
      inside.some((n) => n.role?.value === 'button' && n.name?.value === 'Search in Affinity Lens'),
    ).toBe(true);

    // An extension page, opened first (the popup closes when another page takes the focus), reads
    // the popup's own document, which Playwright does not list as a page.
    const observer = await ext.openPage('options.html');
    await page.bringToFront();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const searchInPopup = () =>
      observer.evaluate(() => {
        const views = (
          globalThis as unknown as { chrome: { extension: { getViews(o: object): Window[] } } }
        ).chrome.extension.getViews({ type: 'popup' });
        const field = views[0]?.document.querySelector<HTMLInputElement>('input[role="combobox"]');
        return field ? field.value : null;
      });
    await expect.poll(searchInPopup, { timeout: 15_000 }).toBe(NOBODY);
    await observer.close();
    await page.close();
  });

  it('menu on a mailto: link: the card of the person with that address, next to the link', async () => {
    const page = await lookupPage();
    const link = page.locator('#mailto');
    await link.click({ button: 'right' });
    // Away from the link, so that no hover card opens beside the lookup's.
    await page.mouse.move(0, 0);
    const box = (await link.boundingBox()) as { x: number; y: number; width: number; height: number };
    const href = (await link.getAttribute('href')) as string;
    await dispatch(page, { menu: { menuItemId: 'lookup-mailto', linkUrl: href } });
    const { dialog } = await dialogNamed(page, LINKED.fullName, 'Open in Affinity');
    expectNextTo(await boxOf(page, dialog), {
      left: box.x,
      top: box.y,
      right: box.x + box.width,
      bottom: box.y + box.height,
    });
    await page.close();
  });

  it('menu on a selected address: the card of the person who has it', async () => {
    const page = await lookupPage();
    await select(page, '#address');
    await dispatch(page, { menu: { menuItemId: 'lookup-selection', selectionText: ONE.emails[0] } });
    await dialogNamed(page, ONE.fullName, 'Open in Affinity');
    await page.close();
  });

  it('shortcut: looks up the current selection the same way', async () => {
    const page = await lookupPage();
    const selected = await select(page, '#one');
    await dispatch(page, { command: 'lookup-selection' });
    const { dialog } = await dialogNamed(page, ONE.fullName, 'Open in Affinity');
    expectNextTo(await boxOf(page, dialog), selected);
    await page.close();
  });

  it('shortcut: a selection inside a text field works too', async () => {
    const page = await lookupPage();
    await page.evaluate((name) => {
      const notes = document.getElementById('notes') as HTMLTextAreaElement;
      notes.focus();
      const start = notes.value.indexOf(name);
      notes.setSelectionRange(start, start + name.length);
    }, ONE.fullName);
    await dispatch(page, { command: 'lookup-selection' });
    await dialogNamed(page, ONE.fullName, 'Open in Affinity');
    await page.close();
  });

  it('a page that cannot host the card: the same card opens in a small extension window', async () => {
    const blank = await ext.context.newPage();
    const opened = ext.context.waitForEvent('page', { timeout: 20_000 });
    await dispatch(blank, { menu: { menuItemId: 'lookup-selection', selectionText: ONE.fullName } });
    const window = await opened;
    await window.waitForLoadState();
    expect(new URL(window.url()).pathname).toBe('/lookup.html');
    const card = window.getByRole('dialog', { name: ONE.fullName });
    await card.waitFor({ timeout: 20_000 });
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('Open in Affinity');
    await window.close();
    await blank.close();
  });
});
