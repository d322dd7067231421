// What the engine should mark on a page, computed in Node from a DOM snapshot with the pure
// matcher. Mirrors engine/reading/text-runs.ts and skip-rules.ts, written out again here
// so a regression there shows up as a difference:
// - a run is the text of consecutive text nodes with the same block (nearest non-inline
//   ancestor); any element that is read and not inline ends the run;
// - skipped tags are passed over with their whole subtree. Those that render nothing (script,
//   style, template, noscript) do not end the run: `H<script>…</script>200` reads as H200, as
//   a reader sees it. Those that render a box of their own (textarea, input, button, pre, code
//   with markInCode off …) end it, since a reader sees the text on either side apart. Here the
//   expectation is what a reader sees, not what text-runs.ts does today (it passes over every
//   skipped tag without ending the run; see the report of the engine property test).
// - hidden or editable text stays in the run's text, but a mention whose first or last text
//   node is hidden ([hidden] on it or an ancestor) or editable is not marked;
// - chip context (for names that need it) is looked for in all the runs of a block.
import type { Matcher } from '../../../matching/matcher';
import { hasContextWord } from '../../../matching/matcher-context';
import type { SnapElement, SnapNode } from './dom-snapshot';

// As skip-rules.ts INLINE (<sup> and <sub> break a run).
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'label', 'mark', 'nobr', 'q', 'rb', 'ruby', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'time', 'tt', 'u', 'var', 'wbr',
]);
/** Skipped tags that render nothing. */
const TRANSPARENT = new Set(['script', 'style', 'noscript', 'template', 'rt', 'rp']);
/** Never read, plus the code tags (the markInCode setting is off by default). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'rt', 'rp', 'textarea', 'input', 'select', 'option', 'button',
  'iframe', 'object', 'canvas', 'video', 'audio', 'svg', 'math', 'head', 'title', 'chiplens-card',
  'meter', 'progress',
  'code', 'pre', 'kbd', 'samp',
]);

export interface ExpectedMark {
  chipId: string;
  text: string;
}

interface RunNode {
  text: string;
  /** Hidden or editable: a mention starting or ending here is not marked. */
  concealed: boolean;
}

interface Run {
  block: SnapElement;
  nodes: RunNode[];
  /** The inline elements around the last text node, outermost first. */
  path: SnapElement[];
}

const WORD_UNIT = /[A-Za-z0-9_\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

/**
 * As text-runs.ts splitsWord: a word touching a word across an element laid out as a box of its
 * own is two words. In these pages the only such inline elements are hidden ones.
 */
function splitsWord(run: Run, text: string, path: SnapElement[]): boolean {
  const last = run.nodes[run.nodes.length - 1]!.text;
  if (!WORD_UNIT.test(last.at(-1) ?? '') || !WORD_UNIT.test(text[0] ?? '')) return false;
  const crossed = [...run.path.filter((el) => !path.includes(el)), ...path.filter((el) => !run.path.includes(el))];
  return crossed.some((el) => el.hidden);
}

/** Marks in document order for a snapshot of document.body (no page-level context: no chip in title or h1). */
export function expectedMarks(body: SnapElement, matcher: Matcher): ExpectedMark[] {
  const runs: Run[] = [];
  let open: Run | null = null;
  const close = () => {
    if (open) runs.push(open);
    open = null;
  };

  const visit = (node: SnapNode, block: SnapElement, concealed: boolean, path: SnapElement[]): void => {
    if ('text' in node) {
      if (open && (open.block !== block || splitsWord(open, node.text, path))) close();
      open ??= { block, nodes: [], path };
      open.nodes.push({ text: node.text, concealed });
      open.path = path;
      return;
    }
    if (SKIPPED.has(node.tag)) {
      if (!TRANSPARENT.has(node.tag)) close();
      return;
    }
    // Custom elements holding only text too (skip-rules.ts isInline).
    const inline = INLINE.has(node.tag) || (node.tag.includes('-') && node.kids.every((k) => 'text' in k));
    if (!inline) close();
    const hides = concealed || node.hidden || (node.editable !== null && node.editable !== 'false');
    for (const kid of node.kids) visit(kid, inline ? block : node, hides, inline ? [...path, node] : []);
  };
  for (const kid of body.kids) visit(kid, body, false, []);
  close();

  // Chip context counts across the runs of one block (a <br> or a code span splits a paragraph
  // into runs, not into separate texts).
  const textOf = (run: Run) => run.nodes.map((n) => n.text).join('');
  const blockText = new Map<SnapElement, string[]>();
  for (const run of runs) blockText.set(run.block, [...(blockText.get(run.block) ?? []), textOf(run)]);
  const blockContext = (block: SnapElement) => {
    const text = blockText.get(block)!.join('\n');
    return hasContextWord(text) || matcher.scan(text, { strict: true }).length > 0;
  };

  const out: ExpectedMark[] = [];
  for (const run of runs) {
    const text = textOf(run);
    const starts: number[] = [];
    run.nodes.reduce((at, n) => (starts.push(at), at + n.text.length), 0);
    // The node holding offset `i` (text nodes from the parser are never empty).
    const nodeAt = (i: number) => run.nodes[starts.findLastIndex((s) => s <= i)]!;
    for (const m of matcher.scan(text, { context: blockContext(run.block) })) {
      if (nodeAt(m.start).concealed || nodeAt(m.end - 1).concealed) continue;
      out.push({ chipId: m.chipId, text: m.text });
    }
  }
  return out;
}
