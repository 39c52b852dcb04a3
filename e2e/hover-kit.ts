/**
 * What the hover-card suites share: people from the sandbox to put on the test pages, reading the
 * marks (the page-visible CSS highlight) and the card (from the accessibility tree: it lives in a
 * closed shadow root), and hovering names with the real mouse.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { createSandboxData, DEMO_KEY, DEMO_TENANT, type SandboxData } from '../sandbox/data';
import type { LoadedExtension } from './browser';
import { HIGHLIGHT, type Box, type Point } from './lens-probe';
import { launch, sandboxControl, sendFromPage, status, until } from './harness';

/** The directory size global-setup gives the sandbox. */
const SANDBOX_PEOPLE = 10_000;

let data: SandboxData | undefined;

/** The sandbox's data, built here as the server builds it: what the cards are checked against. */
export function sandbox(): SandboxData {
  data ??= createSandboxData({ people: SANDBOX_PEOPLE });
  return data;
}

export interface Person {
  id: number;
  fullName: string;
  /** The address a card shows first. */
  email: string;
  /** The name of the first current organization. */
  organization: string;
  affinityUrl: string;
}

export function person(id: number): Person {
  const p = sandbox().person(id);
  if (!p) throw new Error(`no sandbox person ${id}`);
  const orgId = p.currentOrganizationIds[0];
  const organization = orgId === undefined ? undefined : sandbox().organization(orgId)?.name;
  const email = p.primaryEmail ?? p.emails[0];
  if (!email || !organization) throw new Error(`person ${id} lacks an e-mail or an organization`);
  return {
    id,
    fullName: `${p.firstName} ${p.lastName}`,
    email,
    organization,
    affinityUrl: `https://${DEMO_TENANT.subdomain}.affinity.co/persons/${id}`,
  };
}

/**
 * `count` generated people (not the team, not the featured ones) whose full name is theirs alone,
 * who have an e-mail and a current organization, and whose names and addresses share no word, so
 * that each mark on a page belongs to exactly one of them.
 */
export function distinctPeople(count: number, from = 500): Person[] {
  const found: Person[] = [];
  const words = new Set<string>();
  for (let index = from; found.length < count; index += 37) {
    const p = sandbox().personAt(index);
    if (p.type !== 0 || !p.primaryEmail || p.currentOrganizationIds.length === 0) continue;
    if (!/^[A-Za-z]+ [A-Za-z]+$/.test(`${p.firstName} ${p.lastName}`)) continue;
    if (sandbox().findByName(`${p.firstName} ${p.lastName}`).length !== 1) continue;
    const own = [p.firstName.toLowerCase(), p.lastName.toLowerCase()];
    if (own.some((w) => words.has(w))) continue;
    own.forEach((w) => words.add(w));
    found.push(person(p.id));
  }
  return found;
}

/** A test page's address with its people in the query string (see e2e/pages/README.md). */
export function pageUrl(
  base: string,
  file: string,
  people: { n?: string[]; e?: string[]; o?: string[] },
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams(extra);
  for (const key of ['n', 'e', 'o'] as const) for (const v of people[key] ?? []) query.append(key, v);
  return `${base}${file}?${query}`;
}

// ---- the browser ---------------------------------------------------------------------------------

export interface Session {
  ext: LoadedExtension;
  /** An extension page: the protocol, storage and status are reached from here. */
  options: Page;
}

/** A fresh browser with the extension, signed in with the demo key and the roster synced. */
export async function signedInBrowser(): Promise<Session> {
  await sandboxControl('reset');
  const ext = await launch();
  const options = await ext.openPage('options.html');
  const saved = await sendFromPage<{ ok: boolean }>(options, 'key/save', { key: DEMO_KEY });
  if (!saved.ok) throw new Error('the demo key was not accepted');
  await until(
    () => status(options),
    (s) => !s.roster.syncing && s.roster.count === SANDBOX_PEOPLE,
    { timeoutMs: 60_000 },
  );
  return { ext, options };
}

/** Writes the preferences as the options page does (storage.sync), over the defaults. */
export async function setPreferences(options: Page, prefs: Record<string, unknown>): Promise<void> {
  await options.evaluate(async (patch) => {
    const sync = (
      globalThis as unknown as {
        chrome: {
          storage: {
            sync: {
              get(key: string): Promise<Record<string, unknown>>;
              set(items: Record<string, unknown>): Promise<void>;
            };
          };
        };
      }
    ).chrome.storage.sync;
    const defaults = {
      siteMode: 'all-except',
      sites: [],
      hoverDelayMs: 500,
      showMarks: true,
      sections: { interactions: true, relationships: true, lists: true, fields: true, notes: true },
      syncIntervalHours: 6,
    };
    const current = ((await sync.get('preferences')).preferences as object | undefined) ?? defaults;
    await sync.set({ preferences: { ...defaults, ...current, ...patch } });
  }, prefs);
}

// ---- marks -------------------------------------------------------------------------------------

/** The text of every mark in a document, in no particular order ("" for none). */
export function markTexts(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    const texts: string[] = [];
    highlight.forEach((range) => {
      const r = range as AbstractRange;
      const start = r.startContainer;
      if (start !== r.endContainer) {
        // A name split across inline elements: one range over several text nodes.
        const live = document.createRange();
        live.setStart(start, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        texts.push(live.toString());
      } else {
        texts.push(
          start.nodeType === Node.TEXT_NODE
            ? (start as Text).data.slice(r.startOffset, r.endOffset)
            : (start.textContent ?? ''),
        );
      }
    });
    return texts;
  }, HIGHLIGHT);
}

/** Whether the marks are painted at all (the highlight is registered). */
export function highlightRegistered(frame: Page | Frame): Promise<boolean> {
  return frame.evaluate((name) => CSS.highlights.has(name), HIGHLIGHT);
}

export interface Expectation {
  /** The data-expect token ("n0", "e2", "none"). */
  token: string;
  /** The element's text, for messages. */
  text: string;
  /** Texts of the marks inside the element, white space collapsed. */
  marked: string[];
}

export interface PageMarks {
  elements: Expectation[];
  /** Marks outside every data-expect element: people the page did not mean to mention. */
  stray: string[];
}

/** Every element with data-expect on the page with the marks inside it, and the marks elsewhere. */
export function expectations(frame: Page | Frame): Promise<PageMarks> {
  return frame.evaluate((name) => {
    const ranges: AbstractRange[] = [];
    CSS.highlights.get(name)?.forEach((r) => void ranges.push(r as AbstractRange));
    const textOf = (r: AbstractRange) => {
      // A name split across inline elements: one range over several text nodes.
      if (r.startContainer !== r.endContainer) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString().replace(/\s+/g, ' ');
      }
      return (
        r.startContainer.nodeType === Node.TEXT_NODE
          ? (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)
          : (r.startContainer.textContent ?? '')
      ).replace(/\s+/g, ' ');
    };
    const elements = [...document.querySelectorAll<HTMLElement>('[data-expect]')];
    const inside = (el: Element, r: AbstractRange) =>
      el === r.startContainer || el.contains(r.startContainer);
    return {
      elements: elements.map((el) => ({
        token: el.dataset.expect ?? '',
        text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
        marked: ranges.filter((r) => inside(el, r)).map(textOf),
      })),
      stray: ranges.filter((r) => !elements.some((el) => inside(el, r))).map(textOf),
    };
  }, HIGHLIGHT);
}

// ---- the pointer and the card ----------------------------------------------------------------------

export {
  hoverAt,
  marksInView,
  moveAway,
  textBox,
  textPoint,
  type Box,
  type InView,
  type Point,
} from './lens-probe';

interface AxValue {
  value?: unknown;
}

interface AxNode {
  nodeId: string;
  parentId?: string;
  childIds?: string[];
  ignored?: boolean;
  role?: AxValue;
  name?: AxValue;
  properties?: { name: string; value: AxValue }[];
  backendDOMNodeId?: number;
}

export interface CardView {
  /** The dialog's accessible name. */
  name: string;
  /** Every name in the dialog's subtree (texts, links, buttons), in tree order, one per line. */
  text: string;
  links: { name: string; url: string }[];
  buttons: { name: string; backendNodeId: number }[];
  /** Whether focus is inside the card. */
  focused: boolean;
  /** Where the dialog is, in the viewport of its document. */
  box: Box;
}

async function frameIdOf(context: BrowserContext, page: Page, frame: Frame): Promise<string | undefined> {
  if (frame === page.mainFrame()) return undefined;
  const cdp = await context.newCDPSession(page);
  try {
    interface Tree {
      frame: { id: string; url: string; name?: string };
      childFrames?: Tree[];
    }
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
    const all: Tree[] = [];
    const visit = (t: Tree) => {
      all.push(t);
      t.childFrames?.forEach(visit);
    };
    visit(frameTree);
    return all.find((t) => t.frame.url === frame.url())?.frame.id;
  } finally {
    await cdp.detach();
  }
}

/** A card that is in the tree but not on screen yet: it satisfies no wait but "there is a card". */
const UNPLACED: CardView = {
  name: '',
  text: '',
  links: [],
  buttons: [],
  focused: false,
  box: { left: 0, top: 0, right: 0, bottom: 0 },
};

/** Whether the card is right beside the name (above or below it, a small gap between). */
export function besideName(card: Box, name: Box): boolean {
  const below = card.top >= name.bottom && card.top - name.bottom < 24;
  const above = card.bottom <= name.top && name.top - card.bottom < 24;
  return below || above;
}

/** The open card as assistive technology sees it, or null when none shows. */
export async function readCard(session: Session, page: Page, frame?: Frame): Promise<CardView | null> {
  const frameId = frame ? await frameIdOf(session.ext.context, page, frame) : undefined;
  const cdp = await session.ext.context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree', frameId ? { frameId } : {})) as {
      nodes: AxNode[];
    };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const dialog = nodes.find((n) => !n.ignored && n.role?.value === 'dialog');
    if (!dialog) return null;
    const lines: string[] = [];
    const links: CardView['links'] = [];
    const buttons: CardView['buttons'] = [];
    let focused = false;
    const visit = (node: AxNode) => {
      const prop = (name: string) => node.properties?.find((p) => p.name === name)?.value.value;
      if (prop('focused') === true) focused = true;
      if (!node.ignored) {
        const role = String(node.role?.value ?? '');
        const name = String(node.name?.value ?? '');
        if (role === 'StaticText' && name.trim()) lines.push(name.trim());
        if (role === 'link') links.push({ name, url: String(prop('url') ?? '') });
        if (role === 'button') buttons.push({ name, backendNodeId: node.backendDOMNodeId ?? 0 });
      }
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (child) visit(child);
      }
    };
    visit(dialog);
    // A dialog inserted this very moment may not be laid out yet: read again on the next poll.
    const box = await cdp
      .send('DOM.getBoxModel', { backendNodeId: dialog.backendDOMNodeId })
      .then(({ model }) => {
        const [left, top, , , right, bottom] = model.border as [
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        return { left, top, right, bottom };
      })
      .catch(() => null);
    if (!box) return { ...UNPLACED };
    return {
      name: String(dialog.name?.value ?? ''),
      text: lines.join('\n'),
      links,
      buttons,
      focused,
      box,
    };
  } finally {
    await cdp.detach();
  }
}

/** Waits for a card whose content satisfies `done` (by default: any card with content loaded). */
export function waitForCard(
  session: Session,
  page: Page,
  done: (card: CardView) => boolean,
  options: { frame?: Frame; timeoutMs?: number } = {},
): Promise<CardView> {
  return until(
    () => readCard(session, page, options.frame),
    (card): card is CardView => card !== null && done(card),
    { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 100 },
  ) as Promise<CardView>;
}

/** A person's card with its details loaded (not the skeleton). */
export function showsPerson(p: Person) {
  return (card: CardView): boolean =>
    card.name === p.fullName && card.links.some((l) => l.name.startsWith('Open in Affinity'));
}

export async function waitForNoCard(session: Session, page: Page, frame?: Frame): Promise<void> {
  await until(
    () => readCard(session, page, frame),
    (card) => card === null,
    { timeoutMs: 10_000 },
  );
}

/** Clicks a control inside the card (closed shadow root) where it is on screen, with the mouse. */
export async function clickInCard(session: Session, page: Page, backendNodeId: number): Promise<void> {
  const cdp = await session.ext.context.newCDPSession(page);
  let point: Point;
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId })) as {
      model: { border: number[] };
    };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    point = { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await cdp.detach();
  }
  await page.mouse.move(point.x, point.y, { steps: 3 });
  await page.mouse.click(point.x, point.y);
}
