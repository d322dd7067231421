// Follows the page's changes: one MutationObserver for the document and each open shadow root
// read, its records folded once per idle period into the few subtrees to re-read.
import type { Session } from '../session/session';
import { blockAround, isInline } from '../reading/skip-rules';

/** Past this many changed nodes in one batch, re-reading the whole page is cheaper. */
const HUGE_MUTATION = 1000;

/** Attributes that can show or hide an element's text (an editor entering or leaving edit mode too). */
const REVEALING = ['hidden', 'style', 'class', 'open', 'contenteditable'];

export interface ChangeSink {
  /** Subtrees whose text changed (blocks) or arrived (added elements). */
  rescan(roots: Set<Node>): void;
  /** Too much changed at once. */
  rescanAll(): void;
  attributesChanged(elements: Set<Element>): void;
}

export interface Watcher {
  observe(root: Document | ShadowRoot): void;
  disconnect(): void;
}

const isElement = (node: Node): node is Element => node.nodeType === Node.ELEMENT_NODE;

/** ChipLens's own card host (and anything in it) is not page content. */
const isOwn = (node: Node) => (isElement(node) ? node : node.parentElement)?.closest('chiplens-card') != null;

/** Watches for as long as `session` lives (or until disconnect()). */
export function watchChanges(session: Session, sink: ChangeSink): Watcher {
  let pending: MutationRecord[] = [];
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    // A loop, not push(...records): a batch of 100k+ records would overflow the call stack.
    for (const r of records) pending.push(r);
    if (scheduled) return;
    scheduled = true;
    session.requestIdleCallback(flush, { timeout: 100 });
  });

  function flush() {
    scheduled = false;
    const records = pending;
    pending = [];
    const roots = new Set<Node>();
    const attributes = new Set<Element>();
    let added = 0;
    for (const r of records) {
      if (isOwn(r.target)) continue;
      if (r.type === 'attributes') {
        attributes.add(r.target as Element);
      } else if (r.type === 'characterData') {
        // Counted by the blocks it touches, not by record: a ticker rewriting a thousand cells
        // many times over is a thousand blocks, not a reason to read the whole page each flush.
        roots.add(blockAround(r.target));
      } else {
        added += r.addedNodes.length;
        for (const node of r.addedNodes) {
          if (!node.isConnected || isOwn(node)) continue;
          // A new block is read on its own; new inline text changes its block's run.
          roots.add(blockAround(node));
        }
        // Removed inline text changes the run around it; removed blocks just lose their marks.
        for (const node of r.removedNodes) {
          if (!isOwn(node) && !(isElement(node) && !isInline(node)) && r.target.isConnected) roots.add(blockAround(r.target));
        }
      }
    }
    // Past this many changed nodes (or changed blocks) one whole pass costs less than sorting out
    // the pieces.
    if (added > HUGE_MUTATION || roots.size > HUGE_MUTATION) sink.rescanAll();
    else sink.rescan(roots);
    if (attributes.size) sink.attributesChanged(attributes);
  }

  session.onEnd(() => observer.disconnect());
  return {
    observe(root) {
      observer.observe(root, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
        attributeFilter: REVEALING,
      });
    },
    disconnect() {
      observer.disconnect();
      pending = [];
    },
  };
}
