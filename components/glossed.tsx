// Terms a reader may not know (TPP, PD, D:5, presumption of denial…) explain themselves where the
// card first uses them: an <abbr> whose title is the gloss, once per card, in reading order.
import type { ComponentChildren } from 'preact';

export type Glosser = (text: string) => ComponentChildren;

/** A glosser for one render of one card: each term is explained at its first appearance only. */
export function glosser(glossary: readonly { term: string; gloss: string }[]): Glosser {
  const todo = [...glossary];
  return (text) => {
    const out: ComponentChildren[] = [];
    for (;;) {
      let at = -1;
      let hit = 0;
      todo.forEach((g, i) => {
        const j = text.indexOf(g.term);
        if (j >= 0 && (at < 0 || j < at)) [at, hit] = [j, i];
      });
      if (at < 0) break;
      const { term, gloss } = todo.splice(hit, 1)[0]!;
      out.push(
        text.slice(0, at),
        <abbr class="cl-term" title={gloss}>
          {term}
        </abbr>,
      );
      text = text.slice(at + term.length);
    }
    out.push(text);
    return out;
  };
}
