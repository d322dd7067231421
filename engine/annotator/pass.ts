// A pass: one read of the whole document (the part in view first) or of a few subtrees, as a
// generator of text runs that the scheduler (slices.ts) steps through. It notes every block it
// met, so that at its end the marks of blocks it should have met and did not can go
// (stale-marks.ts), and where it was, so that a pass that lost its place resumes there.
import type { Matcher } from '../../matching/matcher';
import { climb, upOf } from '../reading/dom';
import type { Rest } from '../reading/read-down';
import { blockAround, type SkipRules } from '../reading/skip-rules';
import { READ_NEAR_VIEW_FROM_NAMES, sweep, type SweepHooks } from '../reading/sweep';
import { blockRuns, type TextRun } from '../reading/text-runs';
import type { PassContext } from './page-context';

/** Roots changed together that count as one added part for reading near the view (each). */
const MANY_ROOTS = 16;
/** Past this much text in such a batch, it is not counted first (see possibleNames). */
const MAX_COUNTED_CHARS = 500_000;

export interface Pass {
  roots: Node[];
  whole: boolean;
  /** Reads only the roots' own text (blocks an attribute change touched), not nested blocks. */
  own: boolean;
  runs: Generator<TextRun, boolean>;
  seen: Set<Node>;
  /** Visibility of the parents of matched text, checked once each (hidden-text.ts). */
  shown: Map<Node, boolean>;
  context: PassContext;
  /** The block read last: a whole pass that loses its place resumes there, not at the top. */
  last: Node | null;
  /** Left part of a long page for later (read-down.ts): the marks there stay until it is read. */
  leftRests: boolean;
  /** The rest this pass reads (see deferral.ts). */
  rest?: Rest;
}

/** A pass with nothing read yet; its `runs` are the caller's to set. */
export function newPass(roots: Node[], whole: boolean, own: boolean, context: PassContext): Pass {
  return { roots, whole, own, runs: undefined!, seen: new Set(), shown: new Map(), context, last: null, leftRests: false };
}

/** The whole document's runs, from `from` or else the block at the top of the view. */
export function* wholeDocument(matcher: Matcher, hooks: SweepHooks, from?: Element): Generator<TextRun, boolean> {
  const root = document.body ?? document.documentElement;
  return yield* sweep(root, matcher, hooks, () => from ?? inView(root, hooks.rules));
}

/** The block at the top of the viewport, where reading starts. */
function inView(root: Element, rules: SkipRules): Element | undefined {
  const el = document.elementFromPoint(innerWidth / 2, Math.min(innerHeight * 0.1, 80));
  const block = el && blockAround(el);
  if (!block || block === root || !root.contains(block) || !rules.readable(block)) return undefined;
  return block as Element;
}

/** The runs of these subtrees. */
export function* eachRoot(roots: Node[], matcher: Matcher, hooks: SweepHooks): Generator<TextRun, boolean> {
  // Many roots changed together are one part of the page: a feed that appends a thousand items
  // as siblings has added a long page part as surely as one that wraps them in a <div>, so past
  // READ_NEAR_VIEW_FROM_NAMES possible names in all, each root's text waits to come near. (A
  // few roots, as a client-side navigation changes, are not counted twice: each sweep counts.)
  const tuning = hooks.defer && roots.length >= MANY_ROOTS && possibleNames(roots, matcher) > READ_NEAR_VIEW_FROM_NAMES ? { nearViewFrom: 0 } : {};
  for (const root of roots) if (!(yield* sweep(root, matcher, hooks, undefined, tuning))) return false;
  return true;
}

/**
 * Possible names in these roots, counted until past READ_NEAR_VIEW_FROM_NAMES; 0 past
 * MAX_COUNTED_CHARS of text (one copy and one regex must not hold the page: sweep decides).
 */
function possibleNames(roots: Node[], matcher: Matcher): number {
  let [names, chars] = [0, 0];
  for (const root of roots) {
    const text = root.textContent ?? '';
    chars += text.length;
    if (chars > MAX_COUNTED_CHARS) return 0;
    names += matcher.regions(text).length / 2;
    if (names > READ_NEAR_VIEW_FROM_NAMES) break;
  }
  return names;
}

/** The runs of these blocks' own text (not of blocks nested in them). */
export function* ownText(blocks: Node[], rules: SkipRules): Generator<TextRun, boolean> {
  for (const block of blocks) if (block.isConnected) yield* blockRuns(block, rules);
  return true;
}

/** Where a whole pass that lost its place starts again: its last block, if still in the page. */
export function resumeAt(pass: Pass): Element | undefined {
  const root = document.body ?? document.documentElement;
  const last = pass.last;
  if (!pass.whole || !last || last.nodeType !== Node.ELEMENT_NODE || last === root || !root.contains(last)) return undefined;
  return last as Element;
}

/**
 * Of the roots a rescan was given, those not inside another one (one climb per root: pairwise
 * `contains` is O(n²)), split into the ones it can read and the ones it cannot (hidden, moved
 * into a code block, an editable region…), each in the order given.
 */
export function outermost(roots: Iterable<Node>, rules: SkipRules): { readable: Node[]; unreadable: Node[] } {
  const set = new Set(roots);
  const readable: Node[] = [];
  const unreadable: Node[] = [];
  for (const r of set) {
    if (climb(upOf(r), (p) => set.has(p))) continue;
    (rules.readable(r) ? readable : unreadable).push(r);
  }
  return { readable, unreadable };
}
