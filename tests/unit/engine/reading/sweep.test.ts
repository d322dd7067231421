// @vitest-environment happy-dom
// The sweep reads only the blocks where the one regex over textContent says a name may stand
// (or, on a page dense with names, walks everything). Whichever way it reads, the names it finds
// must be exactly the names a full walk finds, node for node and offset for offset.
import fc from 'fast-check';
import { beforeEach, describe, expect, test } from 'vitest';
import { createSkipRules } from '../../../../engine/reading/skip-rules';
import { blocksOfParents, sweep } from '../../../../engine/reading/sweep';
import { blockRuns, textRuns } from '../../../../engine/reading/text-runs';
import { compileMatcher } from '../../../../matching/matcher';
import { pageArbitrary } from '../../../e2e/property/page-arbitrary';
import { FIXTURE_INDEX } from '../../matching/fixture-index';
import { collect, mentionsOf } from './walk-helpers';

const matcher = compileMatcher(FIXTURE_INDEX);
const mentions = mentionsOf(matcher);
const NAMES = FIXTURE_INDEX.chips.flatMap((c) => c.names.filter((n) => !c.needsContext.includes(n)));
/** happy-dom has no layout; the sweep never asks about visibility anyway (the annotator does). */
const rules = createSkipRules({ markInCode: false, isHidden: () => false });

function hooksFor(shadows: ShadowRoot[] = []) {
  return { rules, onShadowRoot: (root: ShadowRoot) => void shadows.push(root) };
}

const FILLER = `<p>${'Officials said the new rules would be reviewed later this year, with conditions on end use. '.repeat(30)}</p>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('blockRuns', () => {
  test("a block's own text: inline tags joined, nested blocks and boxes split, silent elements not", () => {
    document.body.innerHTML =
      '<div id="b">The <b>H2</b>00 ships<p>inner H20</p>after H<script>x</script>20 <textarea>t</textarea> end <code>H100</code>.</div>';
    const runs = [...blockRuns(document.querySelector('#b')!, rules)];
    expect(runs.map((r) => r.text)).toEqual(['The H200 ships', 'after H20 ', ' end ', '.']);
    expect(runs.every((r) => r.block === document.querySelector('#b'))).toBe(true);
  });

  test('each run is built when asked for; a block changed under the read is read again', () => {
    document.body.innerHTML = '<div id="b">price<br>H20 demand<img id="ph">GB300 <b>racks</b><br>B30A</div>';
    const block = document.querySelector('#b')!;
    const reads = blockRuns(block, rules);
    expect(reads.next().value?.text).toBe('price');
    (block.childNodes[2] as Text).data = 'H200 demand'; // changed after the first run was taken
    expect(reads.next().value?.text).toBe('H200 demand');
    // A lazy loader swaps the image the read stopped at: the read starts the block again.
    document.querySelector('#ph')!.replaceWith(document.createElement('img'));
    expect([...reads].map((r) => r.text)).toEqual(['price', 'H200 demand', 'GB300 racks', 'B30A']);
  });

  test('a block the page keeps changing under the read is given up after a few tries', () => {
    document.body.innerHTML = '<div id="b">one<br>two<br>three</div>';
    const block = document.querySelector('#b')!;
    const texts: string[] = [];
    for (const run of blockRuns(block, rules)) {
      texts.push(run.text);
      block.replaceChildren('one', document.createElement('br'), 'two'); // every read loses its place
    }
    expect(texts.length).toBeLessThan(10);
  });

  test('deeply nested inline tags do not overflow the stack', () => {
    const depth = 20_000;
    const b = document.createElement('p');
    let at: Element = b;
    for (let i = 0; i < depth; i++) at = at.appendChild(document.createElement('span'));
    at.append('H200');
    expect([...blockRuns(b, rules)].map((r) => r.text)).toEqual(['H200']);
  });
});

describe('sweep', () => {
  test('a page without names yields nothing', () => {
    document.body.innerHTML = `<h1>Export rules</h1>${FILLER}<p>No chip here: H2O, SH200, GB3000.</p>`;
    expect(mentions(collect(sweep(document.body, matcher, hooksFor())))).toEqual([]);
  });

  test('reads only blocks that may hold a name, and finds names split across inline tags', () => {
    document.body.innerHTML = `${FILLER}<p id="a">The <b>H2</b>00 and <em>MI308</em>X.</p>${FILLER}<div>x<p id="b">B30A</p></div>`;
    const runs = collect(sweep(document.body, matcher, hooksFor(), undefined, { dense: Infinity }));
    expect(runs.map((r) => r.text)).toEqual(['The H200 and MI308X.', 'B30A']);
  });

  test('a possible name that runs across two blocks marks both for reading', () => {
    // textContent joins "…G" and "B300" into GB300; the real name is B300 in the second block.
    document.body.innerHTML = `${FILLER}<p>Section G</p><p>B300 shipments</p>`;
    const runs = collect(sweep(document.body, matcher, hooksFor(), undefined, { dense: Infinity }));
    expect(runs.map((r) => r.text)).toContain('B300 shipments');
    expect(mentions(runs)).toHaveLength(1);
  });

  test('a name around a script (which renders nothing) is found though textContent splits it', () => {
    document.body.innerHTML = `${FILLER}<p>the H<script>var x = 1;</script>200 ships</p>`;
    const runs = collect(sweep(document.body, matcher, hooksFor(), undefined, { dense: Infinity }));
    expect(mentions(runs)).toHaveLength(1);
  });

  test('a name around a script-built template (which renders nothing) is found', () => {
    document.body.innerHTML = `${FILLER}<p id="p">the H</p>`;
    const template = document.createElement('template');
    template.append('filler text'); // children of its own, as a script can give it
    document.querySelector('#p')!.append(template, '200 ships');
    expect(mentions(collect(sweep(document.body, matcher, hooksFor(), undefined, { dense: Infinity })))).toHaveLength(1);
  });

  test('skipped elements stay skipped: code, textarea, button, svg', () => {
    document.body.innerHTML = `${FILLER}<pre>H200</pre><p><code>H20</code></p><textarea>H100</textarea><button>B30A</button><svg><text>GB300</text></svg>`;
    expect(mentions(collect(sweep(document.body, matcher, hooksFor(), undefined, { dense: Infinity })))).toEqual([]);
  });

  test('enters open shadow roots and announces them', () => {
    document.body.innerHTML = `${FILLER}<div id="host"></div><p>H20 outside</p>`;
    const shadow = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside: <b>GB300</b></p>';
    const shadows: ShadowRoot[] = [];
    const runs = collect(sweep(document.body, matcher, hooksFor(shadows), undefined, { dense: Infinity }));
    expect(runs.map((r) => r.text)).toEqual(['H20 outside', 'inside: GB300']);
    expect(shadows).toEqual([shadow]);
  });

  test('reads the blocks in view first, then the ones above the viewport', () => {
    document.body.innerHTML = `<p id="one">H20 one</p>${FILLER}<p id="two">H200 two</p><p id="three">B30A three</p>`;
    // happy-dom has no layout: give each block the box it would have with the page scrolled down.
    const bottoms: Record<string, number> = { one: -300, two: 40, three: 400 };
    for (const [id, bottom] of Object.entries(bottoms)) {
      document.getElementById(id)!.getBoundingClientRect = () => ({ bottom }) as DOMRect;
    }
    const runs = collect(sweep(document.body, matcher, hooksFor(), () => undefined, { dense: Infinity }));
    expect(runs.map((r) => r.text)).toEqual(['H200 two', 'B30A three', 'H20 one']);
  });

  test.each([
    ['sparse pages (only the blocks that may hold a name)', { dense: Infinity }],
    ['dense pages (one walk over everything)', { dense: 0 }],
    // Judged by the start of the text: dense there or not, the names found are the same.
    ['pages judged dense or sparse by their start', { denseSample: 40 }],
    ['pages judged dense by their start', { denseSample: 40, dense: 0 }],
  ])('on random pages finds exactly what a full walk finds: %s', (_, tuning) => {
    fc.assert(
      fc.property(pageArbitrary({ names: NAMES, cutByProtected: true }), fc.boolean(), (html, padded) => {
        document.body.innerHTML = padded ? `${FILLER}${html}${FILLER}` : html;
        const full = mentions(collect(textRuns(document.body, hooksFor())));
        const swept = mentions(collect(sweep(document.body, matcher, hooksFor(), undefined, tuning)));
        expect(swept).toEqual(full);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  test('on random pages, the text left for later (by its parents) holds exactly what a full walk finds', () => {
    fc.assert(
      fc.property(pageArbitrary({ names: NAMES, cutByProtected: true }), fc.boolean(), (html, padded) => {
        document.body.innerHTML = padded ? `${FILLER}${html}${FILLER}` : html;
        const full = mentions(collect(textRuns(document.body, hooksFor())));
        const parents: Node[] = [];
        const hooks = { ...hooksFor(), defer: (nodes: Node[]) => void parents.push(...nodes) };
        const now = collect(sweep(document.body, matcher, hooks, undefined, { nearViewFrom: 0 }));
        // What the annotator does when they come near the view: their blocks' own text.
        const later = blocksOfParents(parents, rules).flatMap((b) => [...blockRuns(b, rules)]);
        expect(mentions([...now, ...later])).toEqual(full);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  test('text under a skipped element (code, a field) is not left for later', () => {
    document.body.innerHTML = `<p id="a">The H20 ships.</p><pre id="pre"><code>H100 job</code></pre><textarea>H200</textarea>`;
    const parents: Node[] = [];
    const hooks = { ...hooksFor(), defer: (nodes: Node[]) => void parents.push(...nodes) };
    collect(sweep(document.body, matcher, hooks, undefined, { nearViewFrom: 0 }));
    expect(parents.map((p) => (p as Element).id)).toEqual(['a']);
  });
});
