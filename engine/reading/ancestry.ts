// What a sweep asks of a text node's ancestors (its block, whether it is read at all), with
// the answers remembered for the sweep.
import { climb, parentOf, tagOf } from './dom';
import { isInline, type SkipRules } from './skip-rules';

export interface Ancestry {
  /** The block a node's text belongs to (blockOf in skip-rules.ts). */
  blockOf(node: Node): Node;
  /** No element from `node` up to the sweep's root is one the walk skips (script, field, code…). */
  readable(node: Node): boolean;
}

/**
 * blockOf and the readable check for one sweep, remembering every ancestor they pass, so a page
 * that nests thousands of blocks or inline tags costs one climb per element, not one per text.
 */
export function ancestryOf(root: Node, rules: SkipRules): Ancestry {
  const blocks = new Map<Node, Node>();
  const readable = new Map<Node, boolean>();
  return {
    blockOf(node) {
      const climbed: Node[] = [];
      let block: Node | undefined;
      const top = climb(parentOf(node), (p) => {
        if (p.nodeType !== Node.ELEMENT_NODE || !isInline(p as Element)) return true;
        block = blocks.get(p);
        if (block) return true;
        climbed.push(p);
        return false;
      }, parentOf);
      block ??= top ?? node;
      for (const c of climbed) blocks.set(c, block);
      return block;
    },
    readable(node) {
      const climbed: Node[] = [];
      let ok = true;
      climb(node, (n) => {
        if (n === root) return true;
        const known = readable.get(n);
        if (known !== undefined) {
          ok = known;
          return true;
        }
        climbed.push(n);
        if (n.nodeType === Node.ELEMENT_NODE && !rules.readsTag(tagOf(n as Element))) ok = false;
        return !ok;
      }, parentOf);
      for (const c of climbed) readable.set(c, ok);
      return ok;
    },
  };
}
