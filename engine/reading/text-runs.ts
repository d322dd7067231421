// Walks a page's text with one TreeWalker and yields runs: consecutive text nodes of one block,
// joined, so a name split across inline tags (<b>H</b>20) is found in one matcher call.
// A generator, so the caller can stop after any run and resume later (time slicing).
// The walk runs over every node of the page, so it does only what is cheap for each: no
// NodeFilter callback (a call from C++ into JS per element), no style or layout reads (the
// caller checks visibility only for text that holds a mention), one block lookup per parent.
import { blockOf, isInline, SHOWS_NOTHING, type SkipRules } from './skip-rules';
import { isWordUnit } from '../../matching/word-chars';
import { climb, firstChildOf, isWithin, nextSiblingOf, parentElementOf, parentOf, tagOf } from './dom';

/** How often blockRuns starts a block again after the page changed it mid-read. */
const MAX_RESTARTS = 3;

/** The walker's first node after its current node's subtree, or null at the end of its root. */
export function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const next = walker.nextSibling();
    if (next) return next;
    if (!walker.parentNode()) return null;
  }
}

/** Text nodes joined into one string, with where each one starts in it. */
export interface JoinedText<N extends CharacterData> {
  nodes: N[];
  /** starts[i] is where nodes[i] begins in `text`. */
  starts: number[];
  text: string;
}

/** A run: consecutive text of one block, joined, as the matcher reads it. */
export interface TextRun extends JoinedText<Text> {
  /** Nearest non-inline ancestor of the run's nodes (an element, a shadow root or the document). */
  block: Node;
}

interface OpenRun extends TextRun {
  /** Only white space so far (tested per node: testing the joined text would flatten it). */
  blank: boolean;
}

/** Appends a node's text: how every run (and read-down.ts's window of text) is built. */
export function appendText<N extends CharacterData>(joined: JoinedText<N>, node: N): void {
  joined.starts.push(joined.text.length);
  joined.nodes.push(node);
  joined.text += node.data;
}

/** Adds a text node to the open run, or to a new run of `block` if none is open. */
function extend(run: OpenRun | null, block: Node, node: Text): OpenRun {
  run ??= { block, nodes: [], starts: [], text: '', blank: true };
  appendText(run, node);
  if (run.blank) run.blank = !/\S/.test(node.data);
  return run;
}

/**
 * Whether `next` must start a new run though it is in the same block: the run ends in a word
 * character, `next` starts with one (the matcher's rule, matching/word-chars.ts), and an element
 * between them is laid out as a box of its own (a badge `<span>NEW</span>H200`, teaser lines
 * `<span style=display:block>`), so a reader sees two words. Tags are the rule everywhere else;
 * style is read only here, where it decides.
 */
function splitsWord(run: TextRun, next: Text, rules: SkipRules): boolean {
  const prev = run.nodes[run.nodes.length - 1];
  if (!prev || prev.parentNode === next.parentNode || !next.data) return false;
  // The run's last character, from its last node: reading it from the joined text would flatten
  // that string (built by +=) at every node, which made one block of 100,000 nodes quadratic.
  const last = prev.data || run.text;
  if (!isWordUnit(last.charCodeAt(last.length - 1)) || !isWordUnit(next.data.charCodeAt(0))) return false;
  // An element laid out as a box, from one text up to (not including) the nearest one holding both.
  const boxBetween = (from: Text, to: Text) => {
    const stop = climb(from.parentElement, (el) => isWithin(el, to) || !rules.flowsInline(el as Element), parentElementOf);
    return stop !== null && !isWithin(stop, to);
  };
  return boxBetween(prev, next) || boxBetween(next, prev);
}

export interface WalkHooks {
  rules: SkipRules;
  /** An open shadow root the walk entered. */
  onShadowRoot(root: ShadowRoot): void;
}

/**
 * The runs of one block's own text, in order: the text in it and in its inline elements, not in
 * nested blocks or shadow roots (each read on its own). The same rules as `textRuns`, without a
 * TreeWalker: a sweep (sweep.ts) reads a few thousand small blocks, and per block a walker costs
 * more than following the nodes. Each run is built when asked for, so it is fresh when the
 * caller marks it (the page may change between runs); if the node it would go on from has left
 * the block, it reads the block again from the start (a few times at most). Iterative, so a page
 * that nests inline tags deeply cannot overflow the stack.
 */
export function* blockRuns(block: Node, rules: SkipRules): Generator<TextRun, void> {
  let run: OpenRun | null = null;
  const close = (): TextRun | null => {
    const done = run;
    run = null;
    return done && !done.blank ? done : null;
  };
  let restarts = 0;
  let n: Node | null = firstChildOf(block);
  while (n) {
    let enter = false;
    let done: TextRun | null = null;
    const type = n.nodeType;
    if (type === Node.TEXT_NODE || type === Node.CDATA_SECTION_NODE) {
      if (run && splitsWord(run, n as Text, rules)) done = close();
      run = extend(run, block, n as Text);
    } else if (type === Node.ELEMENT_NODE) {
      const tag = tagOf(n as Element);
      if (!rules.readsTag(tag)) {
        if (!SHOWS_NOTHING.has(tag)) done = close();
      } else if (!isInline(n as Element)) {
        done = close(); // a nested block: read on its own
      } else {
        if ((n as Element).shadowRoot) done = close();
        enter = true;
      }
    }
    if (done) {
      yield done;
      if (n !== block && !isWithin(block, n)) {
        // The page took this node away (a lazy image swapped, an ad replaced): read the block
        // again from its start. Runs already yielded come again; the caller keeps marks once.
        if (++restarts > MAX_RESTARTS) return;
        run = null;
        n = firstChildOf(block);
        continue;
      }
    }
    const child = enter ? firstChildOf(n) : null;
    if (child) {
      n = child;
      continue;
    }
    while (n !== block && !nextSiblingOf(n)) n = parentOf(n)!;
    n = n === block ? null : nextSiblingOf(n);
  }
  const last = close();
  if (last) yield last;
}

/**
 * Yields the runs under `root`. With `from` (an element under root), walks from there to the end
 * first, then from the start up to it, so the part of the page in view is read first.
 * Returns false when the walk lost its place (its current node left the document between runs).
 */
export function* textRuns(root: Node, hooks: WalkHooks, from?: Element): Generator<TextRun, boolean> {
  const doc = root.ownerDocument ?? (root as Document);
  // CDATA sections (XHTML) are text a reader sees, as in blockRuns.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
  let run: OpenRun | null = null;
  // Text nodes come in document order, so consecutive ones often share a parent.
  let lastParent: Node | null = null;
  let lastBlock: Node = root;

  // Closes the current run; returns it when it holds more than white space.
  const close = (): TextRun | null => {
    const done = run;
    run = null;
    return done && !done.blank ? done : null;
  };


  function* walk(stopAt: Node | null): Generator<TextRun, boolean> {
    let n = walker.nextNode();
    while (n && n !== stopAt) {
      if (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.CDATA_SECTION_NODE) {
        const text = n as Text;
        if (text.parentNode !== lastParent) {
          lastParent = text.parentNode;
          lastBlock = blockOf(text);
        }
        if (run && (run.block !== lastBlock || splitsWord(run, text, hooks.rules))) {
          const done = close();
          if (done) yield done;
          if (!walker.currentNode.isConnected) return false;
        }
        run = extend(run, lastBlock, text);
        n = walker.nextNode();
        continue;
      }
      const el = n as Element;
      const tag = tagOf(el);
      if (!hooks.rules.readsTag(tag)) {
        // An element that shows nothing (script, style…) does not break the run around it; one
        // that shows a box (a text field, a code span, a button) does: `H<textarea>…</textarea>200`
        // is not the name H200 to a reader.
        if (!SHOWS_NOTHING.has(tag)) {
          const done = close();
          if (done) yield done;
          if (!walker.currentNode.isConnected) return false;
        }
        n = skipSubtree(walker);
        continue;
      }
      // Of the inline tags only <span> may host a shadow root (isInline says a custom host is a block).
      if (!isInline(el) || el.shadowRoot) {
        const done = close();
        if (done) yield done;
        if (!walker.currentNode.isConnected) return false;
        if (el.shadowRoot && !(yield* enterShadow(el.shadowRoot))) return false;
      }
      n = walker.nextNode();
    }
    const done = close();
    if (done) yield done;
    return true;
  }

  function* enterShadow(shadow: ShadowRoot): Generator<TextRun, boolean> {
    hooks.onShadowRoot(shadow);
    return yield* textRuns(shadow, hooks);
  }

  if (!from) {
    return yield* walk(null);
  }
  walker.currentNode = from;
  if (from.shadowRoot && !(yield* enterShadow(from.shadowRoot))) return false;
  if (!(yield* walk(null))) return false;
  walker.currentNode = root;
  return yield* walk(from);
}
