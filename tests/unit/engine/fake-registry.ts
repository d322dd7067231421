// The mark registry's bookkeeping without CSS.highlights (happy-dom has none), for annotator tests.
import type { Mark, MarkRegistry } from '../../../engine/marks/marks';

/** The registry's bookkeeping without CSS.highlights (happy-dom has none). */
export function fakeRegistry(): MarkRegistry & { texts(): string[]; dropped: Node[] } {
  const byBlock = new Map<Node, Mark[]>();
  const dropped: Node[] = [];
  const all = () => [...byBlock.values()].flat();
  return {
    add: (m) => void byBlock.set(m.block, [...(byBlock.get(m.block) ?? []), m]),
    dropBlock(b) {
      dropped.push(b);
      byBlock.delete(b);
    },
    dropWhere(pick) {
      for (const [b, list] of byBlock) byBlock.set(b, list.filter((m) => !pick(m)));
    },
    blocks: () => byBlock.keys(),
    hasBlock: (b) => byBlock.has(b),
    at: (node) => all().filter((m) => m.nodes.includes(node)),
    counts: () => ({}),
    get size() {
      return all().length;
    },
    paint() {},
    show() {},
    repair() {},
    clear: () => byBlock.clear(),
    onChange() {},
    setChanged() {},
    texts: () => all().map((m) => m.range.toString()),
    dropped,
  };
}
