// @vitest-environment happy-dom
// Reading a long page down from the top: what the first read leaves for later (its rests) plus
// what each rest's read finds must be exactly what a full walk finds; the first read stops a
// little past the view; a box written after a long column is still read at once.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Rest } from '../../../../engine/reading/read-down';
import { createSkipRules } from '../../../../engine/reading/skip-rules';
import { blocksOfParents, sweep, sweepRest, type SweepHooks } from '../../../../engine/reading/sweep';
import { blockRuns, textRuns, type TextRun } from '../../../../engine/reading/text-runs';
import { createWaitingRests } from '../../../../engine/reading/waiting-rests';
import { compileMatcher } from '../../../../matching/matcher';
import { pageArbitrary } from '../../../e2e/property/page-arbitrary';
import { FIXTURE_INDEX } from '../../matching/fixture-index';
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

beforeEach(() => {
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
    // 3 × 800 px is 24 lines; it looks every 16 text nodes and stops at the second far look.
    expect(firstParents.length).toBeGreaterThan(24);
    expect(firstParents.length).toBeLessThanOrEqual(24 + 2 * 16);
    expect(firstRests).toHaveLength(1);
    expect(firstRests[0]!.container).toBe(document.querySelector('article'));
    expect(firstRests[0]!.sentinel.id).toBe(`p${firstParents.length}`);
  });

  test('only a root with more than readDownFrom characters is read down; a shorter one is read whole, to the same text', () => {
    document.body.innerHTML = `<article>${paragraphs(200, (i) => `Item ${i}: the H20 ships.`)}</article>`;
    layOut();
    const length = document.body.textContent!.length;
    const whole = readEverything(length);
    const down = readEverything(length - 1);
    expect(whole.firstRests).toEqual([]);
    expect(down.firstRests).toHaveLength(1);
    const text = (runs: TextRun[]) => runs.map((r) => r.text).sort();
    expect(text(down.runs)).toEqual(text(whole.runs));
  });

  test('a page opened scrolled down is read from the top to past the view', () => {
    document.body.innerHTML = `<article>${paragraphs(200, () => 'the H20 ships.')}</article>`;
    layOut(100 * PX);
    const { firstParents } = readEverything();
    expect(firstParents.length).toBeGreaterThan(124);
    expect(firstParents.length).toBeLessThanOrEqual(124 + 2 * 16);
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

  test('a name running from the text read into the text where reading stops is found (its block is read whole)', () => {
    // Text nodes 1–31 near, then far; looks come every 16th, so reading stops at the 48th:
    // "200 ships", whose paragraph began the name with "the H" (the 47th).
    document.body.innerHTML = `<article>${paragraphs(100, () => 'prose')}</article>`;
    const p = document.querySelector('#p46')!;
    p.replaceChildren('the H', document.createTextNode('200 ships'));
    const order = [...document.querySelectorAll('p')];
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      return new DOMRect(0, order.indexOf(this as HTMLParagraphElement) < 31 ? 0 : 10_000, 500, 100);
    });
    const parents: Node[] = [];
    const rests: Rest[] = [];
    const hooks: SweepHooks = { rules, onShadowRoot() {}, defer: (x) => void parents.push(...x), later: (r) => void rests.push(...r) };
    collect(sweep(document.body, matcher, hooks, undefined, { readDownFrom: 0 }));
    expect(rests[0]?.from.data).toBe('200 ships');
    expect(parents).toContain(p);
  });

  test('a wrapper per paragraph is not a column: the column above it is', () => {
    document.body.innerHTML = `<div id="river">${Array.from({ length: 100 }, (_, i) => `<div class="w"><p>H200 ${i}</p></div>`).join('')}</div>`;
    layOut();
    const { firstRests } = readEverything();
    expect(firstRests).toHaveLength(1);
    expect((firstRests[0]!.container as Element).id).toBe('river');
  });

  test('a table row or a paragraph of links is not a column: the table body and the article are', () => {
    const row = (i: number) => `<tr>${Array.from({ length: 8 }, (_, c) => `<td>${c ? 'x' : `H20 ${i}`}</td>`).join('')}</tr>`;
    const links = Array.from({ length: 9 }, (_, i) => `<a href="#${i}">link ${i}</a>`).join(' ');
    document.body.innerHTML = `<table><tbody>${Array.from({ length: 300 }, (_, i) => row(i)).join('')}</tbody></table><article>${paragraphs(300, (i) => `${links} H200 ${i}`)}</article>`;
    layOut();
    const { firstRests } = readEverything();
    expect(firstRests.map((r) => (r.container as Element).localName)).toEqual(['tbody', 'article']);
  });

  test('a page opened near the end of a huge archive is handed back to be read whole (in slices)', () => {
    document.body.innerHTML = `<article>${paragraphs(30_000, () => 'x')}</article>`;
    layOut(29_000 * PX);
    const parents: Node[] = [];
    const later = vi.fn();
    const hooks: SweepHooks = { rules, onShadowRoot() {}, defer: (p) => void parents.push(...p), later };
    const runs = collect(sweep(document.body, matcher, hooks, undefined, { readDownFrom: 0 }));
    expect(later.mock.calls.flatMap(([rests]) => rests)).toEqual([]); // none left: its old ones go
    expect(runs.length).toBe(30_000); // the full walk, which yields run by run
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
  test('a root read again from its top replaces the rests it left before', () => {
    document.body.innerHTML = `<article>${paragraphs(100, () => 'x')}</article>`;
    const waiting = createWaitingRests(() => {});
    const article = document.querySelector('article')!;
    const rest = (i: number) => ({ from: document.querySelector(`#p${i}`)!.firstChild as Text, container: article, sentinel: document.querySelector(`#p${i}`)! });
    for (let i = 0; i < 20; i++) waiting.wait([rest(50)], document.body);
    expect(waiting.size).toBe(1);
    waiting.wait([rest(70)], null); // a rest's own read adds, replaces nothing
    expect(waiting.size).toBe(2);
    waiting.stop();
  });

  test("a block in a shadow tree after a rest's start is covered by it", () => {
    document.body.innerHTML = `<article><p id="a">H20</p><p id="b">H200</p><div id="host"></div></article>`;
    const shadowP = Object.assign(document.createElement('p'), { textContent: 'B30A' });
    document.querySelector('#host')!.attachShadow({ mode: 'open' }).append(shadowP);
    const waiting = createWaitingRests(() => {});
    waiting.wait([{ from: document.querySelector('#b')!.firstChild as Text, container: document.querySelector('article')!, sentinel: document.querySelector('#b')! }]);
    expect(waiting.covers(shadowP)).toBe(true);
    expect(waiting.covers(document.querySelector('#a')!)).toBe(false);
    waiting.stop();
  });

  test('a rest whose sentinel was hidden since is read at the next look (it would wait for ever)', async () => {
    document.body.innerHTML = `<article>${paragraphs(100, () => 'x')}</article>`;
    layOut(0, (el) => el.id === 'p60');
    const near: Rest[][] = [];
    const waiting = createWaitingRests((rests) => near.push(rests));
    const sentinel = document.querySelector('#p60')!;
    waiting.wait([{ from: sentinel.firstChild as Text, container: sentinel.parentNode!, sentinel }]);
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 50));
    expect(near).toHaveLength(1);
  });

  test('once its session ends, a scroll looks for nothing (the listeners went with the session)', () => {
    document.body.innerHTML = `<article>${paragraphs(100, () => 'x')}</article>`;
    layOut(0, (el) => el.id === 'p60');
    const session = new AbortController();
    const waiting = createWaitingRests(() => {}, session.signal);
    const sentinel = document.querySelector('#p60')!;
    waiting.wait([{ from: sentinel.firstChild as Text, container: sentinel.parentNode!, sentinel }]);
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    session.abort();
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(frames).not.toHaveBeenCalled();
    frames.mockRestore();
  });

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
