// What a sweep asks of a text node's ancestors (its block, whether it is read at all), with
// the answers remembered for the sweep.
import { parentOf, tagOf } from './dom';
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
      let p: Node | null = parentOf(node);
      while (p && p.nodeType === Node.ELEMENT_NODE && isInline(p as Element)) {
        const known = blocks.get(p);
        if (known) {
          p = known;
          break;
        }
        climbed.push(p);
        p = parentOf(p);
      }
      const block = p ?? node;
      for (const c of climbed) blocks.set(c, block);
      return block;
    },
    readable(node) {
      const climbed: Node[] = [];
      let ok = true;
      for (let n: Node | null = node; n && n !== root; n = parentOf(n)) {
        const known = readable.get(n);
        if (known !== undefined) {
          ok = known;
          break;
        }
        climbed.push(n);
        if (n.nodeType === Node.ELEMENT_NODE && !rules.readsTag(tagOf(n as Element))) {
          ok = false;
          break;
        }
      }
      for (const c of climbed) readable.set(c, ok);
      return ok;
    },
  };
}
