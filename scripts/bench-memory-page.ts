// The memory benchmark's huge page (scripts/bench-memory.ts): a given number of text nodes, in
// one of three shapes, with a chip name now and then. Deterministic.

/** In short paragraphs (5 text nodes each), all in one block (one run), or one per <div>. */
export type PageShape = 'paragraphs' | 'one-block' | 'divs';

/** `textNodes` text nodes in the given shape; one piece in `nameEvery` names a chip. */
export function hugePage(textNodes: number, shape: PageShape = 'paragraphs', nameEvery = 400): string {
  const parts: string[] = [];
  const name = (i: number) => (i % nameEvery === 7 % nameEvery ? 'the H20 ' : '');
  if (shape === 'paragraphs') {
    for (let i = 0; i < textNodes / 5; i++) parts.push(`<p>Shipments ${name(i)}rose <b>again</b> in the quarter <i>said</i> analysts ${i}</p>`);
  } else if (shape === 'one-block') {
    parts.push('<div>');
    for (let i = 0; i < textNodes / 2; i++) parts.push(`shipments ${name(i)}rose <b>${i}</b> `);
    parts.push('</div>');
  } else {
    for (let i = 0; i < textNodes; i++) parts.push(`<div>shipments ${name(i)}rose ${i}</div>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge page</title></head><body><article>${parts.join('\n')}</article></body></html>`;
}
