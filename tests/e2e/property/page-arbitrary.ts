// Random article-like pages for the engine property test: nested blocks holding inline markup
// and text made of words, punctuation, CJK, digits and chip names (some split across inline
// tags, as in <b>H</b>200), plus protected elements whose text must never be marked.
// Generates HTML source; the expectation is computed from the DOM the browser parses from it.
import fc from 'fast-check';

/** Escapes text for an HTML text or attribute position. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const WORDS = [
  'the', 'new', 'export', 'rules', 'on', 'sales', 'of', 'chip', 'chips', 'GPU', 'AI', 'Nvidia', 'licence', 'model',
  'H', 'GB', 'MI', 'RTX', 'class', 'based', 'series', 'x', 'S', 'pdf', 'example.com',
];
const PUNCT = [',', '.', ';', ':', '(', ')', '/', '“', '”', '"', "'s", '-', '—', '、', '，', '。', '（', '）', '!', '?'];
const CJK = ['英伟达的', '芯片', '中国', '出口', '管制', '销售', '美国', '华为', '的', '和', '算力'];
const DIGITS = ['0', '2', '20', '200', '2025', '300', '4090', '910', '1234'];
const SEPARATORS = ['', ' ', ' ', ' ', '\u00a0', '-'];

export interface PageOptions {
  /** Chip names safe to drop anywhere (none needs context). */
  names: readonly string[];
  /**
   * Let protected elements that show a box (textarea, input, code, pre) touch the text around
   * them and cut names (H<textarea>…</textarea>200). Off: they stand between spaces, so whether
   * they end a run of text changes nothing that is marked.
   */
  cutByProtected?: boolean;
}

type Html = string;

export function pageArbitrary({ names, cutByProtected = false }: PageOptions): fc.Arbitrary<Html> {
  const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
    { weight: 2, arbitrary: fc.constantFrom(...CJK) },
    { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
    { weight: 3, arbitrary: fc.constantFrom(...names) },
  );
  const text = fc
    .array(fc.tuple(fc.constantFrom(...SEPARATORS), token), { minLength: 1, maxLength: 6 })
    .map((parts) => esc(parts.map(([sep, t]) => sep + t).join('')));
  const inlineTag = fc.constantFrom('a', 'b', 'em', 'span', 'strong', 'sup');

  // A name split across inline tags: <b>H</b>200, H<em>20</em>0, <span>H2</span><b>00</b>.
  const splitName = fc
    .tuple(fc.constantFrom(...names.filter((n) => n.length >= 2)), fc.nat(), inlineTag, fc.constantFrom('head', 'tail', 'both'))
    .map(([name, at, tag, wrap]) => {
      const cut = 1 + (at % (name.length - 1));
      const [head, tail] = [esc(name.slice(0, cut)), esc(name.slice(cut))];
      if (wrap === 'head') return `<${tag}>${head}</${tag}>${tail}`;
      if (wrap === 'tail') return `${head}<${tag}>${tail}</${tag}>`;
      return `<${tag}>${head}</${tag}><b>${tail}</b>`;
    });

  // A name cut by a protected element: marked only where the element renders nothing.
  const nameAroundProtected = fc
    .tuple(
      fc.constantFrom(...names.filter((n) => n.length >= 2)),
      fc.nat(),
      fc.constantFrom('<script>/* x */</script>', '<style>/* x */</style>', '<template>x</template>', '<code>x</code>', '<textarea>x</textarea>', '<input value="x">', '<pre>x</pre>'),
    )
    .map(([name, at, element]) => {
      const cut = 1 + (at % (name.length - 1));
      return `${esc(name.slice(0, cut))}${element}${esc(name.slice(cut))}`;
    });

  const boxed = (html: Html) => (cutByProtected ? html : ` ${html} `);

  // Inline-positioned protected content: its text (often a name) must never be marked.
  const protectedInline = fc.tuple(fc.constantFrom(...names), text).chain(([name, words]) =>
    fc.constantFrom(
      `<script>/* ${name} */</script>`,
      `<style>/* ${name} */</style>`,
      boxed(`<textarea>${esc(name)} ${words}</textarea>`),
      boxed(`<input value="${esc(name)}">`),
      boxed(`<code>${esc(name)}</code>`),
      `<template><b>${esc(name)}</b></template>`,
      `<span hidden>${esc(name)} ${words}</span>`,
      `<span contenteditable>${esc(name)}</span>`,
    ),
  );

  const { inline } = fc.letrec<{ inline: Html }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: text },
      { weight: 2, arbitrary: splitName },
      { weight: 2, arbitrary: protectedInline },
      { weight: cutByProtected ? 2 : 0, arbitrary: nameAroundProtected },
      {
        weight: 2,
        arbitrary: fc
          .tuple(inlineTag, fc.array(tie('inline'), { minLength: 1, maxLength: 3 }))
          .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
      },
    ),
  }));
  const inlines = fc.array(inline, { minLength: 1, maxLength: 4 }).map((kids) => kids.join(''));

  const { block } = fc.letrec<{ block: Html }>((tie) => {
    const content = fc.array(fc.oneof({ weight: 3, arbitrary: inline }, { weight: 2, arbitrary: tie('block') }), { minLength: 1, maxLength: 4 }).map((k) => k.join(''));
    return {
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        // Leaves first: the recursion needs a way out.
        { weight: 3, arbitrary: fc.constantFrom('p', 'h2').chain((tag) => inlines.map((k) => `<${tag}>${k}</${tag}>`)) },
        { weight: 1, arbitrary: inlines.map((k) => boxed(`<pre>${k}</pre>`)) },
        { weight: 1, arbitrary: inlines.map((k) => `<div hidden>${k}</div>`) },
        { weight: 1, arbitrary: inlines.map((k) => `<div contenteditable="true">${k}</div>`) },
        { weight: 2, arbitrary: fc.constantFrom('div', 'section').chain((tag) => content.map((k) => `<${tag}>${k}</${tag}>`)) },
        { weight: 1, arbitrary: fc.array(content, { minLength: 1, maxLength: 3 }).map((items) => `<ul>${items.map((k) => `<li>${k}</li>`).join('')}</ul>`) },
        { weight: 1, arbitrary: fc.array(content, { minLength: 1, maxLength: 3 }).map((cells) => `<table><tr>${cells.map((k) => `<td>${k}</td>`).join('')}</tr></table>`) },
      ),
    };
  });

  return fc.array(block, { minLength: 1, maxLength: 5 }).map((blocks) => blocks.join('\n'));
}

/** Prose without a chip name or a digit: pads a page so its names are sparse. */
const FILLER = `<p>${'Officials said the new rules would be reviewed later this year, with conditions on end use. '.repeat(40)}</p>`;

/**
 * A full page around generated body HTML; the sentinel tells the test the content script ran.
 * `sparse` pads it with name-free prose, so the engine reads only the blocks that may hold a
 * name (engine/reading/sweep.ts) instead of walking the whole page.
 */
export function pageHtml(body: Html, sparse = false): Html {
  const pad = sparse ? FILLER.repeat(3) : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>generated page</title></head><body>${pad}${body}${pad}\n<p data-sentinel>sentinel H200 mark</p></body></html>`;
}
