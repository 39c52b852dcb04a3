// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TextMatch } from '../people/types';
import { MarkIndex } from './mark-index';
import { createHighlightPainter } from './painter';
import { Scanner, type ScannerOptions } from './scanner';

/** The background's matcher, as far as these tests need it: full names and addresses from a tiny roster. */
const roster: Record<string, number> = { 'Ada Lovelace': 1, 'Grace Hopper': 2, 'ada@example.com': 1 };
function matchTexts(texts: string[]): TextMatch[][] {
  return texts.map((text) => {
    const found: TextMatch[] = [];
    for (const [term, id] of Object.entries(roster)) {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
        found.push({
          start: at,
          end: at + term.length,
          kind: term.includes('@') ? 'email' : 'name',
          personIds: [id],
        });
      }
    }
    return found;
  });
}

function makeScanner(overrides: Partial<ScannerOptions> = {}) {
  const index = new MarkIndex(createHighlightPainter(window));
  const sent: string[][] = [];
  const match = vi.fn(async (texts: string[]) => {
    sent.push(texts);
    return matchTexts(texts);
  });
  const controller = new AbortController();
  const scanner = new Scanner({ match, index, signal: controller.signal, ...overrides });
  return { scanner, index, sent, match, controller };
}

const markedTexts = (index: MarkIndex) =>
  [...document.querySelectorAll('p, a, [email]')].flatMap((el) => {
    const node = el.firstChild;
    const link = index.linkMark(el);
    return [
      ...(link ? [`link:${link.text}`] : []),
      ...(node ? index.marksAt(node, 0).map((m) => m.text) : []),
    ];
  });

/** A scanner whose answers wait until `release()`: the page can change while texts are matched. */
function gatedScanner() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const made = makeScanner({
    match: async (texts) => {
      await gate;
      return matchTexts(texts);
    },
  });
  return { ...made, release: () => release() };
}

describe('Scanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('sends the page’s text to be matched and marks what comes back', async () => {
    document.body.innerHTML =
      '<p>Ada Lovelace wrote it</p><p>nobody here</p><textarea>Grace Hopper</textarea><a href="mailto:ada@example.com">write</a>';
    const { scanner, index, sent } = makeScanner();
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    // The link's lone word "write" names nobody and is not sent; its address is.
    expect(sent.flat()).toEqual(['Ada Lovelace wrote it', 'nobody here', 'ada@example.com']);
    expect(markedTexts(index)).toEqual(['Ada Lovelace', 'link:ada@example.com']);
  });

  it('marks a web mail chip whose address is in an attribute', async () => {
    document.body.innerHTML = '<p>From <span id="chip" email="ada@example.com" name="Ada">Ada</span></p>';
    const { scanner, index, sent } = makeScanner();
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(sent.flat()).toContain('ada@example.com');
    expect(markedTexts(index)).toEqual(['link:ada@example.com']);
  });

  it('keeps text that cannot name anyone in the tab: lone words, numbers', async () => {
    document.body.innerHTML =
      '<nav><a href="/">Home</a><button>Share</button><span>1,024</span></nav><p>山田太郎さん</p><p>ask ada@example.com</p>';
    const { scanner, sent } = makeScanner();
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(sent.flat()).toEqual(['山田太郎さん', 'ask ada@example.com']);
  });

  it('batches texts by size so no message carries too much', async () => {
    document.body.innerHTML = Array.from({ length: 10 }, (_, i) => `<p>Grace Hopper ${i}</p>`).join('');
    const { scanner, index, sent } = makeScanner({ batchChars: 30 });
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(sent.map((batch) => batch.length)).toEqual([3, 3, 3, 1]);
    expect(index.size).toBe(10);
  });

  it('works in slices and gives the thread back between them', async () => {
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p>Ada Lovelace ${i}</p>`).join('');
    const yields = vi.fn(() => Promise.resolve());
    let clock = 0;
    // Every clock read costs a millisecond: a 8 ms slice ends after a few checks.
    const { scanner, index } = makeScanner({
      now: () => (clock += 1),
      yieldToMain: yields,
      sliceMs: 2,
      batchItems: 50,
      maxInFlight: 10,
    });
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(yields.mock.calls.length).toBeGreaterThan(5);
    expect(index.size).toBe(1000);
  });

  it('pauses when it has used its share of the second', async () => {
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p>Ada Lovelace ${i}</p>`).join('');
    let clock = 0;
    const sleeps: number[] = [];
    const { scanner, index } = makeScanner({
      now: () => (clock += 1),
      yieldToMain: () => Promise.resolve(),
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
      dutyShare: 0.02,
      sliceMs: 2,
      batchItems: 50,
      maxInFlight: 10,
    });
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(sleeps.length).toBeGreaterThan(0);
    expect(sleeps.every((ms) => ms > 0)).toBe(true);
    expect(index.size).toBe(1000);
  });

  it('keeps at most two batches in flight', async () => {
    document.body.innerHTML = Array.from({ length: 8 }, (_, i) => `<p>Grace Hopper ${i}</p>`).join('');
    const pending: (() => void)[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const { scanner, index } = makeScanner({
      batchItems: 1,
      match: (texts) =>
        new Promise((resolve) => {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          pending.push(() => {
            inFlight -= 1;
            resolve(matchTexts(texts));
          });
        }),
    });
    scanner.enqueue(document.body);
    const idle = scanner.whenIdle();
    while (index.size < 8) {
      await new Promise((r) => setTimeout(r, 0));
      pending.shift()?.();
    }
    await idle;
    expect(maxInFlight).toBe(2);
  });

  it('drops answers for text that changed or left while it was being matched', async () => {
    document.body.innerHTML =
      '<p id="a">Ada Lovelace</p><p id="b">Grace Hopper</p><p id="c">Ada Lovelace again</p>';
    const { scanner, index, release } = gatedScanner();
    scanner.enqueue(document.body);
    await new Promise((r) => setTimeout(r, 0));
    (document.getElementById('a')?.firstChild as Text).data = 'Someone else entirely';
    document.getElementById('b')?.remove();
    release();
    await scanner.whenIdle();
    expect(index.size).toBe(1);
    expect(index.marksAt(document.getElementById('c')?.firstChild as Text, 0)[0]?.text).toBe('Ada Lovelace');
  });

  it('matches a name split across inline elements as one text and marks it as one', async () => {
    document.body.innerHTML = `
      <p id="a">Met <em>Ada</em> Lovelace</p>
      <p id="b"><span class="given">Grace</span> <span class="family">Hopper</span> and Ada Lovelace</p>
      <p id="c">Ada<br>Lovelace</p>`;
    const { scanner, index, sent } = makeScanner();
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    // A line break ends a run: "Ada" and "Lovelace" are lone words there, and not sent.
    expect(sent.flat()).toEqual(['Met Ada Lovelace', 'Grace Hopper and Ada Lovelace']);
    const em = document.querySelector('#a em')?.firstChild as Text;
    const [split] = index.marksAt(em, 1);
    expect(split?.text).toBe('Ada Lovelace');
    expect(index.marksAt(em.parentElement?.nextSibling as Text, 5)).toEqual([split]);
    const family = document.querySelector('#b .family')?.firstChild as Text;
    expect(index.marksAt(family, 3).map((m) => m.text)).toEqual(['Grace Hopper']);
    expect(index.size).toBe(3);
  });

  it('drops the answer for a run one of whose parts changed while it was being matched', async () => {
    document.body.innerHTML = '<p><b>Ada</b> Lovelace</p><p><b>Grace</b> Hopper</p>';
    const { scanner, index, release } = gatedScanner();
    scanner.enqueue(document.body);
    await new Promise((r) => setTimeout(r, 0));
    (document.querySelector('b')?.nextSibling as Text).data = ' Byron';
    release();
    await scanner.whenIdle();
    expect(index.size).toBe(1);
    expect(index.marksAt(document.querySelectorAll('b')[1]?.firstChild as Text, 0)[0]?.text).toBe(
      'Grace Hopper',
    );
  });

  it('reports a failed batch and carries on with the next', async () => {
    document.body.innerHTML = '<p>Ada Lovelace</p><p>Grace Hopper</p>';
    const onError = vi.fn();
    let calls = 0;
    const { scanner, index } = makeScanner({
      batchItems: 1,
      onError,
      match: async (texts) => {
        calls += 1;
        if (calls === 1) throw new Error('Extension context invalidated.');
        return matchTexts(texts);
      },
    });
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(index.size).toBe(1);
  });

  it('stops at once when aborted and ignores what was still in flight', async () => {
    document.body.innerHTML = Array.from({ length: 50 }, () => '<p>Ada Lovelace</p>').join('');
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { scanner, index, controller } = makeScanner({
      batchItems: 5,
      match: async (texts) => {
        await gate;
        return matchTexts(texts);
      },
    });
    scanner.enqueue(document.body);
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    release();
    await scanner.whenIdle();
    await new Promise((r) => setTimeout(r, 0));
    expect(index.size).toBe(0);
    scanner.enqueue(document.body);
    await scanner.whenIdle();
    expect(index.size).toBe(0);
  });
});
