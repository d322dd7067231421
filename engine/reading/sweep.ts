// Reads a subtree without visiting text that cannot hold a name. One `textContent` read and one
// regex over it (matcher.regions) find the few places a name may stand; a walk over the text
// nodes, adding up their lengths, maps those places back to their blocks; only those blocks are
// read run by run (text-runs.ts). Nearly all of a page is prose without names, so a page costs
// about one regex pass over its text, and a page without names nothing more. A long subtree is
// read down from its top instead, only as far as the reader is (read-down.ts).
import type { Matcher } from '../../matching/matcher';
import { ancestryOf, type Ancestry } from './ancestry';
import { isWithin } from './dom';
import { farLine, readDown, READ_DOWN_FROM_CHARS, type Rest } from './read-down';
import { blockAround, SHOWS_NOTHING, type SkipRules } from './skip-rules';
import { blockRuns, textRuns, type TextRun, type WalkHooks } from './text-runs';

/**
 * Past this much text or this many elements, the sweep's one-piece steps (copying the text,
 * the regex over it, the loop over every element) could hold the page for tens of ms: read it
 * with the full walk instead, which yields between runs. The bench page has 0.6 M characters
 * and 5,300 elements.
 */
const MAX_SWEEP_CHARS = 1_500_000;
const MAX_SWEEP_ELEMENTS = 25_000;

/**
 * Past this many possible names per 1,000 characters of text, a full walk is cheaper than
 * finding each one's block (measured with `npm run bench`: the chip page has about 2.6).
 */
const DENSE_REGIONS_PER_1000_CHARS = 2;

/**
 * When everything is read at once (no `defer`: the popup asked), a root with more text than this
 * is judged dense by this much of its start, read from its first text nodes: dense there, it is
 * walked whole without copying its text or searching the rest (on the bench page, read all, the
 * copy of its 0.6 M characters and the regex over a quarter of them were a quarter of the work).
 * Either way finds the same names; only the cost of a misjudged page changes.
 */
const DENSE_SAMPLE_CHARS = 50_000;

/**
 * Past this many possible names under one root, blocks are read as the reader comes near them
 * (`SweepHooks.defer`), not all at once: a news article has tens, a page past this is a list or
 * an archive whose far end nobody may ever scroll to.
 */
export const READ_NEAR_VIEW_FROM_NAMES = 400;

/** Text and CDATA nodes: together, exactly the nodes `textContent` joins. */
const TEXT_NODES = NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION;

/**
 * Elements that show nothing and do not split a run (skip-rules.ts), but whose text sits in
 * `textContent`: `H<script>…</script>200` reads as H200 but joins as `H…200`.
 */
const SILENT = [...SHOWS_NOTHING].join(', ');

export interface SweepHooks extends WalkHooks {
  /**
   * Takes what a root with more than READ_NEAR_VIEW_FROM_NAMES possible names would read, to be
   * read later (when near the view): the parents of its candidate text (their blocks and
   * readability are not checked yet). Without this hook it is read now.
   */
  defer?(parents: Node[]): void;
  /**
   * Takes what a root with more than READ_DOWN_FROM_CHARS of text leaves for later: the rests
   * read-down.ts did not reach (each read with sweepRest once near the view). Only with `defer`.
   * `readFrom`: the root read (down from its top, or whole: then no rests), whose older rests
   * these replace; null for a rest's own read.
   */
  later?(rests: Rest[], readFrom: Node | null): void;
}

type Tuning = { dense?: number; nearViewFrom?: number; readDownFrom?: number; denseSample?: number };

/**
 * Yields the runs under `root` that may hold a name: the part in view first (`inView` names the
 * element at the top of the viewport; only a full walk asks), then open shadow roots (each
 * announced through hooks.onShadowRoot). Returns false only when a full walk lost its place; a
 * block that left the page meanwhile is skipped (the page watcher reports its removal).
 * `tuning` moves the thresholds above (tests use it to exercise every way of reading).
 */
export function* sweep(
  start: Node,
  matcher: Matcher,
  hooks: SweepHooks,
  inView?: () => Element | undefined,
  tuning: Tuning = {},
): Generator<TextRun, boolean> {
  const root = start.nodeType === Node.DOCUMENT_NODE ? ((start as Document).body ?? (start as Document).documentElement) : start;
  if (!root) return true;
  if (!(yield* sweepTree(root, matcher, hooks, inView, tuning))) return false;
  // Both ways of reading enter the shadow roots of elements below where they start; a root that
  // is itself a host (an element added with its shadow root, one found late) has its own read.
  const own = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (own) {
    hooks.onShadowRoot(own);
    return yield* sweep(own, matcher, hooks, undefined, tuning);
  }
  return true;
}

function* sweepTree(
  root: Node,
  matcher: Matcher,
  hooks: SweepHooks,
  inView: (() => Element | undefined) | undefined,
  tuning: Tuning,
): Generator<TextRun, boolean> {
  const {
    dense = DENSE_REGIONS_PER_1000_CHARS,
    nearViewFrom = READ_NEAR_VIEW_FROM_NAMES,
    readDownFrom = READ_DOWN_FROM_CHARS,
    denseSample = DENSE_SAMPLE_CHARS,
  } = tuning;
  const ancestry = ancestryOf(root, hooks.rules);
  const { defer, later } = hooks;
  if (!defer) {
    const start = textStart(root, denseSample);
    if (start.length >= denseSample && matcher.regions(start).length / 2 > (start.length / 1000) * dense) return yield* textRuns(root, hooks, inView?.());
  }
  // Open shadow roots are found first, though read last: the loop touches every element, and
  // run after the page's text has been copied and searched it measured three times slower.
  // Where a long root may be read down instead, its length decides first: that walk finds them.
  let shadows = later ? [] : openShadowRoots(root, ancestry);
  if (!shadows) return yield* textRuns(root, hooks, inView?.());
  // Where a long root may be read down, its text nodes' lengths, added up from its first, say
  // whether it is long: reading down copies none of its text, and copying all of it only to learn
  // its length was the largest cost of a long page as loaded (15 ms of 54 on the bench page,
  // Chromium 156). Read down, a root has no one-piece step over its whole text, so
  // MAX_SWEEP_CHARS does not apply (read-down.ts hands back a root it walked too far in).
  if (defer && later && longerThan(root, readDownFrom)) {
    const read = readDown(root, null, matcher, ancestry, farLine(root));
    // Gone on too long before far text (a page opened near the end of a huge archive).
    if (!read) {
      later([], root);
      return yield* textRuns(root, hooks, inView?.());
    }
    defer(read.parents);
    later(read.rests, root);
    return yield* sweepShadows(read.shadows, matcher, hooks, tuning);
  }
  // Read whole this time: rests it left before are read with it, not again later.
  later?.([], root);
  const text = root.textContent ?? '';
  if (text.length > MAX_SWEEP_CHARS) return yield* textRuns(root, hooks, inView?.());
  if (later) shadows = openShadowRoots(root, ancestry);
  if (!shadows) return yield* textRuns(root, hooks, inView?.());
  const regions = matcher.regions(text);
  const names = regions.length / 2;
  if (defer && names > nearViewFrom) {
    defer(candidateParents(root, regions, ancestry));
  } else if (names > (text.length / 1000) * dense) {
    // Names everywhere (a page of chip news): most blocks need reading anyway, and one walk over
    // all of them (shadow roots included) costs less than finding each name's block first.
    return yield* textRuns(root, hooks, inView?.());
  } else {
    const blocks = candidateBlocks(root, regions, ancestry);
    for (const block of inView ? inViewFirst(blocks) : blocks) {
      if (block.isConnected) yield* blockRuns(block, hooks.rules);
    }
  }
  return yield* sweepShadows(shadows, matcher, hooks, tuning);
}

function* sweepShadows(shadows: ShadowRoot[], matcher: Matcher, hooks: SweepHooks, tuning: Tuning): Generator<TextRun, boolean> {
  for (const shadow of shadows) {
    if (!shadow.host.isConnected) continue;
    hooks.onShadowRoot(shadow);
    yield* sweep(shadow, matcher, hooks, undefined, tuning);
  }
  return true;
}

/**
 * Reads a rest read-down.ts left for later (see there), leaving for later again what is still
 * far. A rest whose first text left its container is read as the container's own sweep.
 */
export function* sweepRest(rest: Rest, matcher: Matcher, hooks: SweepHooks): Generator<TextRun, boolean> {
  const { container, from } = rest;
  if (!container.isConnected || !hooks.rules.readsTags(container)) return true;
  if (!hooks.defer || !hooks.later || !isWithin(container, from)) return yield* sweep(container, matcher, hooks);
  const read = readDown(container, rest, matcher, ancestryOf(container, hooks.rules), farLine(container));
  if (!read) return yield* textRuns(container, hooks);
  hooks.defer(read.parents);
  hooks.later(read.rests, null);
  return yield* sweepShadows(read.shadows, matcher, hooks, {});
}

/** The open shadow roots of elements under `root` that the walk would enter; null for too many elements. */
function openShadowRoots(root: Node, ancestry: Ancestry): ShadowRoot[] | null {
  const found: ShadowRoot[] = [];
  // An indexed loop: iterating the NodeList with for…of costs several times more per element.
  const elements = (root as ParentNode).querySelectorAll?.('*') ?? [];
  if (elements.length > MAX_SWEEP_ELEMENTS) return null;
  for (let i = 0, n = elements.length; i < n; i++) {
    const shadow = elements[i]!.shadowRoot;
    if (shadow && ancestry.readable(shadow.host)) found.push(shadow);
  }
  return found;
}

/** The blocks whose own text overlaps a region where a name may stand, in document order. */
function candidateBlocks(root: Node, regions: number[], ancestry: Ancestry): Node[] {
  const found = new Set<Node>();
  const add = (block: Node) => {
    if (!found.has(block) && ancestry.readable(block)) found.add(block);
  };
  for (const node of textAt(root, regions)) add(ancestry.blockOf(node));
  for (const el of (root as ParentNode).querySelectorAll?.(SILENT) ?? []) {
    if (el.firstChild) add(ancestry.blockOf(el));
  }
  return [...found];
}

/**
 * The parents of the text that overlaps a region, in document order: cheaper than their blocks
 * (no climb to the block), for blocks read later. Text under an element the walk skips (a
 * script, a field, code) is left out, so a block that held marks before (code marked, then not)
 * is not kept waiting with them.
 */
function candidateParents(root: Node, regions: number[], ancestry: Ancestry): Node[] {
  const found = new Set<Node>();
  const add = (parent: Node) => {
    if (!found.has(parent) && ancestry.readable(parent)) found.add(parent);
  };
  for (const node of textAt(root, regions)) add(node.parentNode ?? node);
  for (const el of (root as ParentNode).querySelectorAll?.(SILENT) ?? []) {
    if (el.firstChild && el.parentNode) add(el.parentNode);
  }
  return [...found];
}

/**
 * The blocks of text parents that `defer` was given, each once, without those under a skipped
 * element (code, a field…). Hidden ones stay: the caller checks what shows, mention by mention.
 */
export function blocksOfParents(parents: Iterable<Node>, rules: SkipRules): Node[] {
  const blocks = new Set<Node>();
  for (const p of parents) blocks.add(blockAround(p));
  return [...blocks].filter((b) => rules.readsTags(b));
}

/** Whether `root`'s text (as `textContent` joins it) is longer than `chars`, from its first text nodes' lengths. */
function longerThan(root: Node, chars: number): boolean {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, TEXT_NODES);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    length += (node as CharacterData).length;
    if (length > chars) return true;
  }
  return false;
}

/**
 * The first `chars` characters of `root`'s text (as `textContent` joins it, or a little more),
 * read from its first text nodes; all of it (exactly `textContent`) when it has fewer.
 */
function textStart(root: Node, chars: number): string {
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, TEXT_NODES);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < chars; node = walker.nextNode()) text += (node as CharacterData).data;
  return text;
}

/** Every text node under `root` that overlaps one of `regions` (offsets in its textContent). */
function textAt(root: Node, regions: number[]): CharacterData[] {
  const hit: CharacterData[] = [];
  if (!regions.length) return hit;
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
      if (hit[hit.length - 1] !== node) hit.push(node);
      if (offset + node.length >= to) break;
      offset += node.length;
      node = walker.nextNode() as CharacterData | null;
    }
  }
  return hit;
}

/**
 * `blocks` from the first one not above the viewport to the end, then the ones above it. Blocks
 * come in document order, which is nearly always top to bottom, so a binary search over a few
 * of their boxes finds the place (cheaper than a hit test, and only ordering depends on it).
 */
function inViewFirst(blocks: Node[]): Node[] {
  const bottom = (b: Node) => (b.nodeType === Node.ELEMENT_NODE ? (b as Element).getBoundingClientRect().bottom : Infinity);
  let [lo, hi] = [0, blocks.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottom(blocks[mid]!) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? blocks : [...blocks.slice(lo), ...blocks.slice(0, lo)];
}
