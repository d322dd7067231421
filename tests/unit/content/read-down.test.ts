// @vitest-environment happy-dom
// Reading a long page down from the top: what the first read leaves for later (its rests) plus
// what each rest's read finds must be exactly what a full walk finds; the first read stops a
// little past the view; a box written after a long column is still read at once.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Rest } from '../../../entrypoints/content/read-down';
import { createSkipRules } from '../../../entrypoints/content/skip-rules';
import { blocksOfParents, sweep, sweepRest, type SweepHooks } from '../../../entrypoints/content/sweep';
import { blockRuns, textRuns, type TextRun } from '../../../entrypoints/content/text-runs';
import { createWaitingRests } from '../../../entrypoints/content/waiting-rests';
import { compileMatcher } from '../../../rules/matcher';
import { pageArbitrary } from '../../e2e/property/page-arbitrary';
import { FIXTURE_INDEX } from '../matcher/fixture-index';
import { collect, mentionsOf } from './walk-helpers';

const matcher = compileMatcher(FIXTURE_INDEX);
const mentions = mentionsOf(matcher);
const NAMES = FIXTURE_INDEX.chips.flatMap((c) => c.names.filter((n) => !c.needsContext.includes(n)));
const rules = createSkipRules({ markInCode: false, isHidden: () => false });
const PX = 100; // each element a line this tall, one under the other, in document order
const VIEW = 800; // innerHeight in these tests: far is below 3 × 800 px

/** happy-dom has no layout: elements stand in document order, `scrolled` px scrolled down; `hidden` ones have no box. */
function layOut(scrolled = 0, hidden: (el: Element) => boolean = () => false) {
  const order = new Map([...document.querySelectorAll('*')].map((el, i) => [el, i] as const));
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const top = (order.get(this) ?? 0) * PX - scrolled;
    return hidden(this) ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, top, 500, PX);
  });
}

/** Whether text node `n` lies at or after the boundary point (node, offset). */
function atOrAfter(n: Text, node: Node, offset: number): boolean {
  const follows = (a: Node) => (a.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (node.nodeType === Node.TEXT_NODE) return n === node || follows(node);
  const child = node.childNodes[offset];
  return child ? n === child || child.contains(n) || follows(child) : follows(node) && !node.contains(n);
}

/**
 * Range.toString as the DOM standard and browsers have it: the data of every Text node from the
 * start to the end, in tree order (read-down.ts's ranges start at a text node's start or after
 * an element). happy-dom's returns only the start node's text.
 */
function standardRangeText(this: Range): string {
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!atOrAfter(n, this.startContainer, this.startOffset) || atOrAfter(n, this.endContainer, this.endOffset)) continue;
    if (n === this.startContainer && this.startOffset) throw new Error('not a range read-down.ts makes');
    text += n.data;
  }
  return text;
}

beforeEach(() => {
  vi.spyOn(Range.prototype, 'toString').mockImplementation(standardRangeText);
  vi.stubGlobal('innerHeight', VIEW);
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Reads the page down, then every rest (and the rests those leave) until none is left. */
function readEverything(readDownFrom = 0) {
  const parents: Node[] = [];
  const rests: Rest[] = [];
  const hooks: SweepHooks = { rules, onShadowRoot() {}, defer: (p) => void parents.push(...p), later: (r) => void rests.push(...r) };
  const now: TextRun[] = collect(sweep(document.body, matcher, hooks, undefined, { readDownFrom }));
  const firstRests = [...rests];
  const firstParents = [...parents];
  for (let rounds = 0; rests.length; rounds++) {
    if (rounds > 10_000) throw new Error('the rests never end');
    const rest = rests.shift()!;
    now.push(...collect(sweepRest(rest, matcher, hooks)));
  }
  const later = blocksOfParents(parents, rules).flatMap((b) => [...blockRuns(b, rules)]);
  return { runs: [...now, ...later], firstRests, firstParents };
}

const paragraphs = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => `<p id="p${i}">${text(i)}</p>`).join('');

describe('reading a long page down', () => {
  test('the first read stops a little past the view and leaves the rest of the column for later', () => {
    document.body.innerHTML = `<article>${paragraphs(200, (i) => `Item ${i}: the H20 ships.`)}</article>`;
    layOut();
    const { firstParents, firstRests } = readEverything();
    // 3 × 800 px is 24 lines: the article and about 24 paragraphs, one more to be sure it is far.
    expect(firstParents.length).toBeGreaterThan(20);
    expect(firstParents.length).toBeLessThan(30);
    expect(firstRests).toHaveLength(1);
    expect(firstRests[0]!.container).toBe(document.querySelector('article'));
    expect(firstRests[0]!.sentinel.id).toBe(`p${firstParents.length}`);
  });

  test('a page opened scrolled down is read from the top to past the view', () => {
    document.body.innerHTML = `<article>${paragraphs(200, () => 'the H20 ships.')}</article>`;
    layOut(100 * PX);
    const { firstParents } = readEverything();
    expect(firstParents.length).toBeGreaterThan(120);
    expect(firstParents.length).toBeLessThan(130);
  });

  test('a sidebar written after a long column is read at once; the column waits', () => {
    document.body.innerHTML = `<main><article>${paragraphs(200, () => 'Prose without names.')}</article><aside><h2>Most read</h2><p id="side">B30A export plan</p></aside></main>`;
    layOut();
    const { firstParents, firstRests } = readEverything();
    expect(firstParents.map((p) => (p as Element).id)).toEqual(['side']);
    expect(firstRests.map((r) => (r.container as Element).localName)).toEqual(['article']);
  });

  test('hidden text never stops the read (it has no place on the page)', () => {
    document.body.innerHTML = `<article>${paragraphs(200, () => 'the H20 ships.')}</article>`;
    layOut(0, (el) => el.localName === 'p');
    const { firstParents, firstRests } = readEverything();
    expect(firstParents).toHaveLength(200);
    expect(firstRests).toEqual([]);
  });

  test('a wrapper per paragraph is not a column: the column above it is', () => {
    document.body.innerHTML = `<div id="river">${Array.from({ length: 100 }, (_, i) => `<div class="w"><p>H200 ${i}</p></div>`).join('')}</div>`;
    layOut();
    const { firstRests } = readEverything();
    expect(firstRests).toHaveLength(1);
    expect((firstRests[0]!.container as Element).id).toBe('river');
  });

  test('on random pages read down a few lines at a time, the reads together find exactly what a full walk finds', () => {
    fc.assert(
      fc.property(pageArbitrary({ names: NAMES, cutByProtected: true }), fc.integer({ min: 0, max: 30 }), (html, scrolledLines) => {
        vi.mocked(Element.prototype.getBoundingClientRect).mockRestore?.();
        document.body.innerHTML = `<div>${html}</div><section>${paragraphs(30, (i) => (i % 3 ? 'prose' : `H20 ${i}`))}</section>${html}`;
        layOut(scrolledLines * PX);
        const full = mentions(collect(textRuns(document.body, { rules, onShadowRoot() {} })));
        expect(mentions(readEverything().runs)).toEqual(full);
      }),
      { numRuns: 120, seed: 20261129 },
    );
  });
});

describe('waiting rests', () => {
  test('a rest keeps the marks of blocks after its start, in its container, until it is read', () => {
    document.body.innerHTML = `<article><p id="a">H20</p><p id="b">H200</p><p id="c">B30A</p></article><p id="after">GB300</p>`;
    const waiting = createWaitingRests(() => {});
    const from = document.querySelector('#b')!.firstChild as Text;
    waiting.wait([{ from, container: document.querySelector('article')!, sentinel: document.querySelector('#b')! }]);
    const covered = ['a', 'b', 'c', 'after'].filter((id) => waiting.covers(document.getElementById(id)!));
    expect(covered).toEqual(['b', 'c']);
    waiting.stop();
  });

  test('scrolling near a rest, or jumping past it, hands it over to be read', async () => {
    document.body.innerHTML = `<article>${paragraphs(100, () => 'x')}</article>`;
    layOut();
    const near: Rest[][] = [];
    const waiting = createWaitingRests((rests) => near.push(rests));
    const sentinel = document.querySelector('#p60')!;
    waiting.wait([{ from: sentinel.firstChild as Text, container: sentinel.parentNode!, sentinel }]);
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(r));
    expect(near).toEqual([]); // 6,000 px down: still far
    layOut(90 * PX); // the reader jumped past it (End key): it never crossed the view
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 50));
    expect(near).toHaveLength(1);
    expect(waiting.size).toBe(0);
  });
});
