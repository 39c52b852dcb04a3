// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { UI_HOST_TAG, isCandidateText, isInsideSkipped, mayNamePerson } from './skip';
import { createPageWalker, isTextRun, RUN_MAX_CHARS, RUN_MAX_NODES, type WalkItem } from './walker';

function walkAll(root: Node): WalkItem[] {
  const next = createPageWalker(root);
  const items: WalkItem[] = [];
  for (let item = next(); item; item = next()) items.push(item);
  return items;
}

/** A text node's text trimmed, a run's parts between bars ("Met |Ada| Lovelace"), a link's href. */
const describeItem = (item: WalkItem) => {
  if (isTextRun(item)) return item.parts.join('|');
  if (item.nodeType === 3) return (item as Text).data.trim();
  const element = item as Element;
  return `<${element.localName} ${element.getAttribute('href') ?? element.getAttribute('email') ?? element.getAttribute('data-hovercard-id')}>`;
};

describe('page walker', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads prose and skips code, fields, editable regions, hidden elements and its own UI', () => {
    document.body.innerHTML = `
      <p>Met Ada Lovelace today</p>
      <script>const name = "Grace Hopper";</script>
      <style>.x::before { content: "Grace Hopper" }</style>
      <noscript>Grace Hopper</noscript>
      <textarea>Grace Hopper</textarea>
      <select><option>Grace Hopper</option></select>
      <pre>Grace Hopper</pre>
      <p>Run <code>Grace Hopper</code> now</p>
      <div contenteditable="true"><p>Grace Hopper</p></div>
      <div contenteditable="false"><p>Alan Turing</p></div>
      <div role="textbox">Grace Hopper</div>
      <div hidden><span>Grace Hopper</span></div>
      <svg><text>Grace Hopper</text></svg>
      <template><p>Grace Hopper</p></template>
      <${UI_HOST_TAG}><p>Grace Hopper</p></${UI_HOST_TAG}>
      <ul><li><b>Edsger Dijkstra</b></li></ul>`;
    expect(walkAll(document.body).map(describeItem)).toEqual([
      'Met Ada Lovelace today',
      'Run',
      'now',
      'Alan Turing',
      'Edsger Dijkstra',
    ]);
  });

  it('ignores whitespace and text too short or without letters to be a name', () => {
    document.body.innerHTML = '<p>  </p><p>42</p><p>--- 1999 ---</p><p>Al</p><p>Ada King</p>';
    expect(walkAll(document.body).map(describeItem)).toEqual(['Ada King']);
  });

  it('yields mailto links as targets, in document order with the text', () => {
    document.body.innerHTML =
      '<p>Write to <a href="mailto:ada@example.com">the founder</a>.</p><a href="https://x.test">Ada Lovelace</a>';
    // The link's text flows with the sentence around it: one run, which starts before the link.
    expect(walkAll(document.body).map(describeItem)).toEqual([
      'Write to |the founder|.',
      '<a mailto:ada@example.com>',
      'Ada Lovelace',
    ]);
    document.body.innerHTML =
      '<p>Write <b>now</b></p><div><a href="mailto:g@h.io">Grace</a> <i>Hopper</i></div><p>Done here</p>';
    expect(walkAll(document.body).map(describeItem)).toEqual([
      'Write |now',
      '<a mailto:g@h.io>',
      'Grace| |Hopper',
      'Done here',
    ]);
  });

  it('yields web mail chips, which keep the address in an attribute, as targets too', () => {
    document.body.innerHTML =
      '<div role="row"><span email="ada@example.com" name="Ada">Ada</span>, <span data-hovercard-id="g@h.io">me</span> <span data-hovercard-id="1172635">Bob</span></div>';
    expect(walkAll(document.body).map(describeItem)).toEqual([
      '<span ada@example.com>',
      'Ada|, |me| |Bob',
      // Met inside the run, given once the run is.
      '<span g@h.io>',
    ]);
  });

  it('walks from a root handed over by a mutation: the root itself, a text node, or nothing when inside a skipped element', () => {
    document.body.innerHTML =
      '<div id="feed"><a id="m" href="mailto:grace@example.com">Grace Hopper</a></div><pre><span id="in-pre">Ada Lovelace</span></pre>';
    const link = document.getElementById('m') as HTMLAnchorElement;
    expect(walkAll(link).map(describeItem)).toEqual(['<a mailto:grace@example.com>', 'Grace Hopper']);
    expect(walkAll(link.firstChild as Text).map(describeItem)).toEqual(['Grace Hopper']);
    const inPre = document.getElementById('in-pre') as HTMLElement;
    expect(isInsideSkipped(inPre)).toBe(true);
    expect(walkAll(inPre)).toEqual([]);
    expect(walkAll(inPre.firstChild as Text)).toEqual([]);
  });

  it('reads a block root handed over by a mutation to its end and nothing of the page around it', () => {
    document.body.innerHTML =
      '<p>Before Ada Lovelace</p><section><div id="added"><p>Grace <b>Hopper</b></p><ul><li>Alan Turing</li></ul></div><p>Next to it</p></section><p>After Edsger Dijkstra</p>';
    const added = document.getElementById('added') as HTMLElement;
    expect(walkAll(added).map(describeItem)).toEqual(['Grace |Hopper', 'Alan Turing']);
    // The last text of the root, handed over alone, is read alone too.
    expect(walkAll(added.querySelector('li') as HTMLElement).map(describeItem)).toEqual(['Alan Turing']);
  });

  it('can stop after any item and resume where it left off', () => {
    document.body.innerHTML = '<p>Ada Lovelace</p><p>Grace Hopper</p><p>Alan Turing</p>';
    const next = createPageWalker(document.body);
    const first = next();
    const rest = [next(), next(), next()];
    expect(describeItem(first as WalkItem)).toBe('Ada Lovelace');
    expect(rest.map((i) => (i ? describeItem(i) : null))).toEqual(['Grace Hopper', 'Alan Turing', null]);
  });
});

describe('page walker: text that flows across inline elements', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reads a name split across inline elements as one run, its parts joined exactly', () => {
    document.body.innerHTML = `
      <p><em>Ada</em> Lovelace</p>
      <p><b>Grace</b> Hopper</p>
      <p><span class="given">Alan</span> <span class="family">Turing</span></p>
      <p>Edsger <a href="https://example.com/ed">Dijkstra</a></p>
      <p>ada@exam<wbr>ple.com</p>`;
    const items = walkAll(document.body);
    expect(items.map(describeItem)).toEqual([
      'Ada| Lovelace',
      'Grace| Hopper',
      'Alan| |Turing',
      'Edsger |Dijkstra',
      'ada@exam|ple.com',
    ]);
    // Nothing is added between the parts: offsets in the run are offsets in its nodes.
    for (const item of items) {
      if (!isTextRun(item)) continue;
      expect(item.text).toBe(item.nodes.map((n) => n.data).join(''));
      expect(item.parts).toEqual(item.nodes.map((n) => n.data));
    }
  });

  it('joins text nodes nested in several inline levels and separated only by comments', () => {
    document.body.innerHTML = '<p>Met <b><i>Ada</i></b><!-- x --> <u>Love</u>lace today</p>';
    expect(walkAll(document.body).map(describeItem)).toEqual(['Met |Ada| |Love|lace today']);
  });

  it('ends a run at blocks, line breaks, skipped and hidden elements, images and unknown tags', () => {
    document.body.innerHTML = `
      <p>Ada<br>Lovelace</p>
      <div>Grace <div>Hopper</div> tail</div>
      <div><p>Alan</p> Turing</div>
      <p>Barbara <code>x</code> Liskov</p>
      <p>Donald <span hidden>x</span> Knuth</p>
      <p>Edsger<img alt="">Dijkstra</p>
      <p>John <x-name>Backus</x-name></p>
      <ul><li>Frances</li><li>Allen</li></ul>`;
    expect(walkAll(document.body).map(describeItem)).toEqual([
      'Ada',
      'Lovelace',
      'Grace',
      'Hopper',
      'tail',
      'Alan',
      'Turing',
      'Barbara',
      'Liskov',
      'Donald',
      'Knuth',
      'Edsger',
      'Dijkstra',
      'John',
      'Backus',
      'Frances',
      'Allen',
    ]);
    expect(walkAll(document.body).some(isTextRun)).toBe(false);
  });

  it('keeps runs bounded in characters and nodes, losing and repeating nothing', () => {
    const word = 'abcdefghij';
    const long = Array.from(
      { length: Math.ceil((RUN_MAX_CHARS * 2.5) / word.length) },
      () => `<b>${word}</b>`,
    );
    const many = Array.from({ length: RUN_MAX_NODES * 2 + 7 }, () => '<i>xyz</i>');
    document.body.innerHTML = `<p id="long">${long.join('')}</p><p id="many">${many.join('')}</p>`;
    const items = walkAll(document.body).filter(isTextRun);
    for (const run of items) {
      expect(run.text.length).toBeLessThanOrEqual(RUN_MAX_CHARS);
      expect(run.nodes.length).toBeLessThanOrEqual(RUN_MAX_NODES);
    }
    const read = (id: string) =>
      items
        .filter((run) => document.getElementById(id)?.contains(run.nodes[0] as Text))
        .map((run) => run.text)
        .join('');
    expect(read('long')).toBe(document.getElementById('long')?.textContent);
    expect(read('many')).toBe(document.getElementById('many')?.textContent);
  });

  it('reads the whole run around a text node or inline element handed over by a mutation, and no more', () => {
    document.body.innerHTML = `
      <p>Before</p>
      <p id="p">Met <em id="em">Ada</em> <a id="link" href="mailto:ada@example.com">Lovelace</a> today<br>After</p>
      <p>Other</p>`;
    const em = document.getElementById('em') as HTMLElement;
    const link = document.getElementById('link') as HTMLAnchorElement;
    const whole = ['Met |Ada| |Lovelace| today', '<a mailto:ada@example.com>'];
    expect(walkAll(em).map(describeItem)).toEqual(whole);
    expect(walkAll(em.firstChild as Text).map(describeItem)).toEqual(whole);
    expect(walkAll(link.firstChild as Text).map(describeItem)).toEqual(whole);
    expect(walkAll(link.nextSibling as Text).map(describeItem)).toEqual(whole);
    // A text node alone in its run is read alone, as before.
    const after = (document.getElementById('p') as HTMLElement).lastChild as Text;
    expect(walkAll(after).map(describeItem)).toEqual(['After']);
  });

  it('reads all of an inline root that holds blocks, then stops at the end of its last run', () => {
    document.body.innerHTML =
      '<div>Lead <a id="r" href="/x"><div>Ada Lovelace</div>tail</a> after<p>Not this</p></div>';
    const root = document.getElementById('r') as HTMLElement;
    expect(walkAll(root).map(describeItem)).toEqual(['Lead', 'Ada Lovelace', 'tail| after']);
  });
});

describe('page walker: open shadow roots (web components)', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  /** A host element with a shadow root of the given mode holding `html`. */
  function host(id: string, html: string, mode: ShadowRootMode = 'open', tag = 'x-card'): ShadowRoot {
    const element = document.createElement(tag);
    element.id = id;
    const root = element.attachShadow({ mode });
    root.innerHTML = html;
    document.body.append(element);
    return root;
  }

  it('reads open shadow roots where their host stands, nested ones too, and never a closed root', () => {
    document.body.innerHTML = '<p>Before Ada Lovelace</p>';
    const open = host('open', '<p>Owner: <b>Grace</b> Hopper</p><x-inner></x-inner>');
    (open.querySelector('x-inner') as Element).attachShadow({ mode: 'open' }).append('Alan Turing');
    host('closed', '<p>Edsger Dijkstra</p>', 'closed');
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'After Barbara Liskov' }));
    expect(walkAll(document.body).map(describeItem)).toEqual([
      'Before Ada Lovelace',
      'Owner: |Grace| Hopper',
      'Alan Turing',
      'After Barbara Liskov',
    ]);
  });

  it('applies the skip rules inside shadow roots, and to hosts', () => {
    host('a', '<pre>Grace Hopper</pre><div contenteditable="true">Grace Hopper</div><p>Ada Lovelace</p>');
    const hidden = host('b', '<p>Grace Hopper</p>');
    hidden.host.setAttribute('hidden', '');
    expect(walkAll(document.body).map(describeItem)).toEqual(['Ada Lovelace']);
    // A root handed over from inside a skipped host is not read either.
    expect(walkAll(hidden.querySelector('p') as Element)).toEqual([]);
  });

  it('reads the shadow tree before the host’s own (slotted) children, which are read as light text', () => {
    document.body.innerHTML = '<p id="p">Met <span id="chip">Ada Lovelace</span> today</p>';
    const chip = document.getElementById('chip') as HTMLElement;
    chip.attachShadow({ mode: 'open' }).innerHTML = '<b>Card:</b> <slot></slot>';
    // The run before the host ends there; the host's children flow on with the text after it, as without a shadow root.
    expect(walkAll(document.body).map(describeItem)).toEqual(['Met', 'Card:| ', 'Ada Lovelace| today']);
  });

  it('tells of every open shadow root it enters, also from a root inside or at a host', () => {
    const outer = host('outer', '<p>Grace Hopper</p><x-inner></x-inner>');
    const inner = (outer.querySelector('x-inner') as Element).attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Alan Turing</p>';
    const met: ShadowRoot[] = [];
    const walk = (root: Node) => {
      const next = createPageWalker(root, (r) => met.push(r));
      const items: WalkItem[] = [];
      for (let item = next(); item; item = next()) items.push(item);
      return items.map(describeItem);
    };
    expect(walk(document.body)).toEqual(['Grace Hopper', 'Alan Turing']);
    expect(met).toEqual([outer, inner]);
    met.length = 0;
    // A host added later (a mutation hands it over) is entered; text directly in a root is read with its run.
    expect(walk(outer.host)).toEqual(['Grace Hopper', 'Alan Turing']);
    expect(walk(inner.querySelector('p')?.firstChild as Text)).toEqual(['Alan Turing']);
    expect(met).toEqual([outer, inner]);
    const bare = host('bare', '');
    bare.append('Ada ', Object.assign(document.createElement('em'), { textContent: 'Lovelace' }));
    expect(walk(bare.lastChild as Element)).toEqual(['Ada |Lovelace']);
  });
});

describe('mayNamePerson', () => {
  it('lets through two words, an address, or a script written without spaces', () => {
    expect(mayNamePerson('Ada Lovelace')).toBe(true);
    expect(mayNamePerson('Smith, John')).toBe(true);
    expect(mayNamePerson('J.R. Smith')).toBe(true);
    expect(mayNamePerson('Jean-Pierre')).toBe(true); // two words to the matcher
    expect(mayNamePerson('ada@example.com')).toBe(true);
    expect(mayNamePerson('山田太郎')).toBe(true);
    expect(mayNamePerson('김민준')).toBe(true);
  });

  it('keeps back what no name can be: one word, or no word at all', () => {
    expect(mayNamePerson('Share')).toBe(false);
    expect(mayNamePerson('john_smith')).toBe(false);
    expect(mayNamePerson('  Lovelace.  ')).toBe(false);
    expect(mayNamePerson('—')).toBe(false);
  });
});

describe('the quick checks agree with their definitions', () => {
  // The checks read ASCII without a regex; these are the rules they stand for.
  const twoWords = (t: string) =>
    /[\p{L}\p{N}][^\p{L}\p{M}\p{N}_]+[\p{L}\p{N}]/u.test(t) ||
    t.includes('@') ||
    /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}]/u.test(t);
  const candidate = (t: string) => t.length >= 3 && /\p{L}/u.test(t);
  const alphabet = [
    'a',
    'Z',
    '0',
    '9',
    ' ',
    '_',
    '-',
    '.',
    '@',
    '`',
    '{',
    '[',
    '\n',
    'é',
    '山',
    '\u0301',
    '—',
  ];
  it('on every short text over a mixed alphabet, and on random longer ones', () => {
    // Every text of up to three characters...
    let shorter = [''];
    const texts: string[] = [''];
    for (let length = 1; length <= 3; length++) {
      shorter = shorter.flatMap((t) => alphabet.map((c) => t + c));
      texts.push(...shorter);
    }
    // ...and random ones of twelve.
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let t = '';
      for (let k = 0; k < 12; k++)
        t += alphabet[(seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length];
      texts.push(t);
    }
    for (const t of texts) {
      expect(mayNamePerson(t), JSON.stringify(t)).toBe(twoWords(t));
      expect(isCandidateText(t), JSON.stringify(t)).toBe(candidate(t));
    }
  });
});

describe('isCandidateText', () => {
  it('needs three characters and a letter, in any script', () => {
    expect(isCandidateText('Ada')).toBe(true);
    expect(isCandidateText('李小龍')).toBe(true);
    expect(isCandidateText('12345')).toBe(false);
    expect(isCandidateText('A.')).toBe(false);
  });
});
