// Reads a subtree without visiting text that cannot hold a name. One `textContent` read and one
// regex over it (matcher.regions) find the few places a name may stand; a walk over the text
// nodes, adding up their lengths, maps those places back to their blocks; only those blocks are
// read run by run (text-runs.ts). Nearly all of a page is prose without names, so a page costs
// about one regex pass over its text, and a page without names nothing more.
import type { Matcher } from '../../rules/matcher';
import { blockOf } from './skip-rules';
import { blockRuns, textRuns, type TextRun, type WalkHooks } from './text-runs';

/**
 * Past this much text, the one regex pass could hold the page for tens of ms: read it with the
 * full walk instead, which yields between runs.
 */
const MAX_SWEEP_CHARS = 4_000_000;

/**
 * Past this many possible names per 1,000 characters of text, a full walk is cheaper than
 * finding each one's block (measured with `npm run bench`: the chip page has about 2.6).
 */
const DENSE_REGIONS_PER_1000_CHARS = 2;

/** Text and CDATA nodes: together, exactly the nodes `textContent` joins. */
const TEXT_NODES = NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION;

/**
 * Elements that render nothing and do not split a run (text-runs.ts), but whose text sits in
 * `textContent`: `H<script>…</script>200` reads as H200 but joins as `H…200`.
 */
const SILENT = 'script, style, noscript';

/**
 * Yields the runs under `root` that may hold a name, blocks at or after `from` first, then open
 * shadow roots (each announced through hooks.onShadowRoot). Returns false only when the full-walk
 * fallback lost its place; a block that left the page meanwhile is skipped (its removal reaches
 * the annotator through the page watcher). `dense` is the threshold above (tests move it to
 * exercise both ways of reading).
 */
export function* sweep(
  start: Node,
  matcher: Matcher,
  hooks: WalkHooks,
  from?: Element,
  dense = DENSE_REGIONS_PER_1000_CHARS,
): Generator<TextRun, boolean> {
  const root = start.nodeType === Node.DOCUMENT_NODE ? ((start as Document).body ?? (start as Document).documentElement) : start;
  if (!root) return true;
  const text = root.textContent ?? '';
  if (text.length > MAX_SWEEP_CHARS) return yield* textRuns(root, hooks, from);
  const regions = matcher.regions(text);
  // Names everywhere (a page of chip news): most blocks need reading anyway, and one walk over
  // all of them costs less than mapping every region back to its block first.
  if (regions.length / 2 > (text.length / 1000) * dense) return yield* textRuns(root, hooks, from);

  const blocks = candidateBlocks(root, regions, hooks);
  for (const block of from ? startingAt(blocks, from) : blocks) {
    if (block.isConnected) yield* blockRuns(block, hooks.rules);
  }
  // An indexed loop: iterating the NodeList with for…of costs several times more per element.
  const elements = (root as ParentNode).querySelectorAll?.('*') ?? [];
  for (let i = 0, n = elements.length; i < n; i++) {
    const host = elements[i]!;
    const shadow = host.shadowRoot;
    if (!shadow || !readsAllTags(host, root, hooks)) continue;
    hooks.onShadowRoot(shadow);
    yield* sweep(shadow, matcher, hooks, undefined, dense);
  }
  return true;
}

/** The blocks whose own text overlaps a region where a name may stand, in document order. */
function candidateBlocks(root: Node, regions: number[], hooks: WalkHooks): Node[] {
  const found = new Set<Node>();
  const add = (block: Node) => {
    if (!found.has(block) && readsAllTags(block, root, hooks)) found.add(block);
  };
  if (regions.length) {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, TEXT_NODES);
    let node = walker.nextNode() as CharacterData | null;
    let offset = 0; // where `node` starts in `text`
    for (let i = 0; i < regions.length && node; i += 2) {
      const [from, to] = [regions[i]!, regions[i + 1]!];
      while (node && offset + node.length <= from) {
        offset += node.length;
        node = walker.nextNode() as CharacterData | null;
      }
      // Every node the region overlaps; the last one stays current (the next region may start in it).
      while (node) {
        add(blockOf(node));
        if (offset + node.length >= to) break;
        offset += node.length;
        node = walker.nextNode() as CharacterData | null;
      }
    }
  }
  for (const el of (root as ParentNode).querySelectorAll?.(SILENT) ?? []) {
    if (el.firstChild) add(blockOf(el));
  }
  return [...found];
}

/** No element from `node` up to `root` is one the walk skips (script, field, code…). */
function readsAllTags(node: Node, root: Node, hooks: WalkHooks): boolean {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
    if (n.nodeType === Node.ELEMENT_NODE && !hooks.rules.readsTag((n as Element).localName)) return false;
  }
  return true;
}

/** `blocks` from the first one at or after `from` to the end, then the ones before it. */
function startingAt(blocks: Node[], from: Element): Node[] {
  const atOrAfter = (b: Node) => b === from || (from.compareDocumentPosition(b) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY)) !== 0;
  const i = blocks.findIndex(atOrAfter);
  return i <= 0 ? blocks : [...blocks.slice(i), ...blocks.slice(0, i)];
}
