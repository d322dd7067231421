// Walks a page's text with one TreeWalker and yields runs: consecutive text nodes of one block,
// joined, so a name split across inline tags (<b>H</b>20) is found in one matcher call.
// A generator, so the caller can stop after any run and resume later (time slicing).
import { blockOf, isInline, type SkipRules } from './skip-rules';

export interface TextRun {
  /** Nearest non-inline ancestor of the run's nodes (an element, a shadow root or the document). */
  block: Node;
  nodes: Text[];
  /** starts[i] is where nodes[i] begins in `text`. */
  starts: number[];
  text: string;
}

export interface WalkHooks {
  rules: SkipRules;
  /** An element skipped because it rendered nothing; it may appear later. */
  onHidden(el: Element): void;
  /** An open shadow root the walk entered. */
  onShadowRoot(root: ShadowRoot): void;
}

/**
 * Yields the runs under `root`. With `from` (an element under root), walks from there to the end
 * first, then from the start up to it, so the part of the page in view is read first.
 * Returns false when the walk lost its place (its current node left the document between runs).
 */
export function* textRuns(root: Node, hooks: WalkHooks, from?: Element): Generator<TextRun, boolean> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
      const verdict = hooks.rules.verdict(node as Element);
      if (verdict === 'read') return NodeFilter.FILTER_ACCEPT;
      if (verdict === 'hidden') hooks.onHidden(node as Element);
      return NodeFilter.FILTER_REJECT;
    },
  });
  let run: TextRun | null = null;

  // Closes the current run; returns it when it holds more than white space.
  const close = (): TextRun | null => {
    const done = run;
    run = null;
    return done && /\S/.test(done.text) ? done : null;
  };

  function* walk(stopAt: Node | null): Generator<TextRun, boolean> {
    for (let n = walker.nextNode(); n && n !== stopAt; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        const text = n as Text;
        const block = blockOf(text);
        if (run && run.block !== block) {
          const done = close();
          if (done) yield done;
          if (!walker.currentNode.isConnected) return false;
        }
        run ??= { block, nodes: [], starts: [], text: '' };
        run.nodes.push(text);
        run.starts.push(run.text.length);
        run.text += text.data;
        continue;
      }
      const el = n as Element;
      if (isInline(el) && !el.shadowRoot) continue;
      const done = close();
      if (done) yield done;
      if (!walker.currentNode.isConnected) return false;
      if (el.shadowRoot && !(yield* enterShadow(el.shadowRoot))) return false;
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
