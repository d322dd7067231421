// Deferral: what waits to be read until the reader comes near it. On a page with hundreds of
// names their blocks wait in the near view (near-view.ts); past a long page's view the rest of
// its column waits (read-down.ts, waiting-rests.ts). Marks there stay until it is read. Once the
// popup asks for the whole page (its counts must cover it), nothing waits any more.
import { createNearView } from '../reading/near-view';
import type { Rest } from '../reading/read-down';
import { blockAround, type SkipRules } from '../reading/skip-rules';
import { blocksOfParents, type SweepHooks } from '../reading/sweep';
import { createWaitingRests } from '../reading/waiting-rests';
import type { Pass } from './pass';

/** How deferred text gets read: the composition turns each into a pass. */
export interface DeferralReads {
  /** These blocks' own text, in front of a long whole pass if `first`. */
  readOwn(blocks: Node[], first: boolean): void;
  /** A rest of a long page that came near the view (it drops no marks: it knows only its part). */
  readRest(rest: Rest): void;
  /** Subtrees to read now, in front (rests, once the whole page is wanted). */
  readRoots(roots: Node[]): void;
}

export interface Deferral {
  /** The sweep's hooks for a pass: what it finds far from the view waits, unless all is read now. */
  hooks(pass: Pass): SweepHooks;
  /** A pass read this block: it waits no more. */
  forget(block: Node): void;
  /** Of the stale blocks a pass found, those whose marks may go (not waiting to be read). */
  unread(stale: Node[], pass: Pass): Node[];
  /** Forgets waiting blocks and rests that left the page. */
  prune(): void;
  /** From now on nothing waits: waiting blocks are read at once; returns the rests' containers to read. */
  readAll(): Node[];
  /** Stops waiting for anything (the new whole pass defers again what it finds). */
  stop(): void;
}

/** `signal` ends the listening for good (the annotator's session). */
export function createDeferral(rules: SkipRules, onShadowRoot: (root: ShadowRoot) => void, signal: AbortSignal, reads: DeferralReads): Deferral {
  let readEverything = false;
  // Text of a page with hundreds of names waits until the reader comes near it (sweep.ts).
  const blocksOf = (parents: Iterable<Node>) => blocksOfParents(parents, rules);
  const nearView = createNearView((parents) => reads.readOwn(blocksOf(parents), true));
  // The far part of a long page (read-down.ts), read as the reader scrolls near it.
  const rests = createWaitingRests((near) => {
    for (const rest of near) reads.readRest(rest);
  }, signal);

  /**
   * Text a pass leaves for later, given by its parents: their blocks wait to come near the view
   * (keeping any marks they have until then, see unread), or, if not elements (text right in a
   * shadow root), are read after the pass.
   */
  function defer(parents: Node[], pass: Pass) {
    const later = new Set<Element>(); // one per block: every target costs the observer work
    const now: Node[] = [];
    for (const parent of parents) {
      const block = blockAround(parent);
      if (!readEverything && block.nodeType === Node.ELEMENT_NODE) later.add(block as Element);
      else now.push(block);
    }
    nearView.wait(later);
    const soon = blocksOf(now);
    // Counted as met by the pass that left them, which must not drop their marks meanwhile.
    for (const block of soon) pass.seen.add(block);
    reads.readOwn(soon, false);
  }

  /** Rests a pass leaves: they wait to come near the view, or, once the popup asked, are read now. */
  function later(found: Rest[], readFrom: Node | null, pass: Pass) {
    pass.leftRests ||= found.length > 0;
    if (!readEverything) return rests.wait(found, readFrom);
    if (found.length) reads.readRoots(found.map((r) => r.container));
  }

  return {
    hooks(pass) {
      // Once the whole page is wanted, a pass reads everything as it goes (cheapest when dense).
      if (readEverything) return { rules, onShadowRoot };
      return { rules, onShadowRoot, defer: (parents) => defer(parents, pass), later: (found, readFrom) => later(found, readFrom, pass) };
    },
    forget: (block) => nearView.forget(block),
    unread(stale, pass) {
      // A block left to be read near the view keeps its marks until then.
      if (stale.length && nearView.size) stale = stale.filter((b) => !nearView.has(b));
      if (stale.length && rests.size && (pass.whole || pass.leftRests)) stale = stale.filter((b) => !rests.covers(b));
      return stale;
    },
    prune() {
      nearView.prune();
      rests.prune();
    },
    readAll() {
      readEverything = true;
      // In front: a whole pass ending first would drop the marks these blocks kept while waiting.
      reads.readOwn(blocksOf(nearView.takeAll()), true);
      return rests.takeAll().map((r) => r.container);
    },
    stop() {
      nearView.stop();
      rests.stop();
    },
  };
}
