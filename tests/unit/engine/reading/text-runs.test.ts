// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createSkipRules } from '../../../../engine/reading/skip-rules';
import { blockRuns, textRuns, type TextRun } from '../../../../engine/reading/text-runs';

/** happy-dom has no layout: "hidden" here means an inline display:none or visibility:hidden. */
const isHidden = (el: Element) => /display:\s*none|visibility:\s*hidden/.test(el.getAttribute('style') ?? '');

function runs(html: string, markInCode = false) {
  document.body.innerHTML = html;
  const shadows: ShadowRoot[] = [];
  const hooks = {
    rules: createSkipRules({ markInCode, isHidden }),
    onShadowRoot: (root: ShadowRoot) => void shadows.push(root),
  };
  const out: TextRun[] = [];
  const walk = textRuns(document.body, hooks);
  for (let step = walk.next(); !step.done; step = walk.next()) out.push(step.value);
  return { texts: out.map((r) => r.text), runs: out, shadows };
}

describe('textRuns', () => {
  test('custom elements flow in the line; a box that touches a word splits it (both walks)', () => {
    // happy-dom has no layout: class "box" stands for a badge or a line styled as a block.
    const flowsInline = (el: Element) => !el.classList.contains('box');
    document.body.innerHTML =
      '<p id="p"><span class="box">NEW</span>H200 from <stock-tag>英偉達</stock-tag>面向L20 and <x-em>H</x-em>200; <b>H</b>200<sup>1</sup></p>';
    const rules = createSkipRules({ markInCode: false, isHidden, flowsInline });
    const walked: string[] = [];
    const walk = textRuns(document.body, { rules, onShadowRoot() {} });
    for (let step = walk.next(); !step.done; step = walk.next()) walked.push(step.value.text);
    expect(walked).toEqual(['NEW', 'H200 from 英偉達面向L20 and H200; H200', '1']);
    // A block's own text: the footnote (<sup> breaks a name) is a block of its own.
    expect([...blockRuns(document.getElementById('p')!, rules)].map((r) => r.text)).toEqual(['NEW', 'H200 from 英偉達面向L20 and H200; H200']);
  });


  test('inline tags keep one run; blocks and line breaks split runs', () => {
    const { texts } = runs('<p>The <b>H2</b>00 and <a href="#">H20</a>.</p><div>Before<p>inside</p>after</div><p>H20<br>GPU</p>');
    expect(texts).toEqual(['The H200 and H20.', 'Before', 'inside', 'after', 'H20', 'GPU']);
  });

  test('each node\'s start offset in the joined text', () => {
    const { runs: [run] } = runs('<p>The <b>H2</b>00</p>');
    expect(run!.nodes.map((n) => n.data)).toEqual(['The ', 'H2', '00']);
    expect(run!.starts).toEqual([0, 4, 6]);
    expect(run!.block).toBe(document.querySelector('p'));
  });

  test('skips fields, scripts, styles, templates, SVG and the card', () => {
    const { texts } = runs(
      '<p>kept</p><textarea>t</textarea><input value="i"><select><option>o</option></select>' +
        '<script>s</script><style>x{}</style><noscript>n</noscript><template>t</template><svg><text>v</text></svg><chiplens-card>c</chiplens-card><button>b</button>',
    );
    expect(texts).toEqual(['kept']);
  });

  test('code and pre only when asked', () => {
    const html = '<p>a <code>H20</code></p><pre>H200</pre>';
    expect(runs(html).texts).toEqual(['a ']);
    expect(runs(html, true).texts).toEqual(['a H20', 'H200']);
  });

  test('a skipped element does not split the run around it', () => {
    expect(runs('<p>H<script>x</script>20 and <b>more</b></p><p>next</p>').texts).toEqual(['H20 and more', 'next']);
  });

  test('hidden and editable text is left to the caller: the rules name the element that hides it', () => {
    const { runs: found } = runs(
      '<p>shown <b>too</b></p><p id="a" hidden>x</p><p id="b" style="display:none">y</p><p id="c" style="visibility:hidden">z</p>' +
        '<div id="d" contenteditable="true">e<span>e2</span></div>',
    );
    const rules = createSkipRules({ markInCode: false, isHidden });
    const hiders = found.flatMap((r) => r.nodes).map((n) => {
      const hider = rules.hides(n);
      return hider ? hider.id || hider.localName : 'shows';
    });
    expect(hiders).toEqual(['shows', 'shows', 'a', 'b', 'c', 'd', 'span']);
  });

  test('white-space-only runs are not yielded', () => {
    expect(runs('<div>\n  <p>one</p>\n  <p>two</p>\n</div>').texts).toEqual(['one', 'two']);
  });

  test('walks into open shadow roots', () => {
    document.body.innerHTML = '<p>light</p><div id="host"></div><p>after</p>';
    const root = document.querySelector('#host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>in <b>shadow</b></p>';
    const hooks = { rules: createSkipRules({ markInCode: false, isHidden }), onHidden() {}, onShadowRoot() {} };
    const texts = [...iterate(textRuns(document.body, hooks))].map((r) => r.text);
    expect(texts).toEqual(['light', 'in shadow', 'after']);
  });

  test('starting in the middle reads from there to the end, then the beginning', () => {
    document.body.innerHTML = '<p>one</p><p id="start">two <i>2</i></p><p>three</p>';
    const hooks = { rules: createSkipRules({ markInCode: false, isHidden }), onHidden() {}, onShadowRoot() {} };
    const texts = [...iterate(textRuns(document.body, hooks, document.querySelector('#start')!))].map((r) => r.text);
    expect(texts).toEqual(['two 2', 'three', 'one']);
  });
});

function* iterate<T>(gen: Generator<T, unknown>): Generator<T> {
  for (let step = gen.next(); !step.done; step = gen.next()) yield step.value;
}
