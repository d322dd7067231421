// Stale marks: which marks go when their text can no longer be read. A pass replaces a block's
// marks as it reads the block, so at its end the marks of blocks it should have met and did not
// are the stale ones (their text left or hides now), unless the block waits to be read near the
// view (deferral.ts): marks never flicker off while a pass runs or a block waits.
import type { MarkRegistry } from '../marks/marks';
import { climb } from '../reading/dom';
import type { Pass } from './pass';

/** Drops the marks `pass` should have met but did not; `waiting` keeps those of blocks still to be read. */
export function dropUnmet(pass: Pass, marks: MarkRegistry, waiting: (stale: Node[], pass: Pass) => Node[]): void {
  // One set and one climb per marked block, not every marked block against every root.
  const roots = new Set(pass.roots);
  // Across shadow roots, as outermost() folds a root inside a host's shadow tree into the host.
  const underRoots = (b: Node) => climb(b, (n) => roots.has(n)) !== null;
  let stale = [...marks.blocks()].filter((b) => !pass.seen.has(b) && (pass.whole || (pass.own ? roots.has(b) : underRoots(b))));
  if (stale.length) stale = waiting(stale, pass);
  for (const b of stale) marks.dropBlock(b);
  dropGone(marks);
}

/** Drops marks whose text left the document. */
export function dropGone(marks: MarkRegistry): void {
  marks.dropWhere((m) => !m.nodes.every((n) => n.isConnected));
}

/** Drops the marks under roots a rescan cannot read (moved into a hidden box, a code block…). */
export function dropUnder(unreadable: Node[], marks: MarkRegistry): void {
  if (!unreadable.length || !marks.size) return;
  // Most such roots hold no marks (a script added to <head>, an ad frame): look no further.
  const holders = markHolders(marks);
  const holding = new Set(unreadable.filter((r) => holders.has(r)));
  if (holding.size) marks.dropWhere((m) => climb(m.block, (n) => holding.has(n)) !== null);
}

/** Every marked block and every node above one (across shadow roots), climbed once each. */
export function markHolders(marks: MarkRegistry): Set<Node> {
  const holders = new Set<Node>();
  for (const b of marks.blocks()) {
    climb(b, (n) => {
      if (holders.has(n)) return true; // climbed already from another block
      holders.add(n);
      return false;
    });
  }
  return holders;
}
