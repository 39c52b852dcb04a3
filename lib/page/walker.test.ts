// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { UI_HOST_TAG, isCandidateText, isInsideSkipped } from './skip';
import { createPageWalker, mailtoAddress, type WalkItem } from './walker';

function walkAll(root: Node): WalkItem[] {
  const next = createPageWalker(root);
  const items: WalkItem[] = [];
  for (let item = next(); item; item = next()) items.push(item);
  return items;
}

const describeItem = (item: WalkItem) =>
  item.nodeType === 3
    ? (item as Text).data.trim()
    : `<a ${(item as HTMLAnchorElement).getAttribute('href')}>`;

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
    expect(walkAll(document.body).map(describeItem)).toEqual([
      'Write to',
      '<a mailto:ada@example.com>',
      'the founder',
      'Ada Lovelace',
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

  it('can stop after any item and resume where it left off', () => {
    document.body.innerHTML = '<p>Ada Lovelace</p><p>Grace Hopper</p><p>Alan Turing</p>';
    const next = createPageWalker(document.body);
    const first = next();
    const rest = [next(), next(), next()];
    expect(describeItem(first as WalkItem)).toBe('Ada Lovelace');
    expect(rest.map((i) => (i ? describeItem(i) : null))).toEqual(['Grace Hopper', 'Alan Turing', null]);
  });
});

describe('mailtoAddress', () => {
  it('takes the first address, decoded, without the query', () => {
    expect(mailtoAddress('mailto:ada@example.com')).toBe('ada@example.com');
    expect(mailtoAddress('MAILTO:ada@example.com?subject=Hi')).toBe('ada@example.com');
    expect(mailtoAddress('mailto:ada%40example.com,grace@example.com')).toBe('ada@example.com');
  });

  it('refuses what is not an address', () => {
    expect(mailtoAddress('https://example.com')).toBeNull();
    expect(mailtoAddress('mailto:')).toBeNull();
    expect(mailtoAddress('mailto:?subject=hi')).toBeNull();
    expect(mailtoAddress('mailto:%E0%A4%A')).toBeNull();
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
