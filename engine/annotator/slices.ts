// Pass scheduling: passes wait in one queue and are stepped through in slices of a few ms, so no
// task blocks the page; small work (a few changed subtrees) goes in front of a long whole-page
// pass. New marks paint when the work runs out, or during a long pass (the part in view, read
// first) after FIRST_PAINT_MS and then at most every PAINT_MS, those near the view only: the far
// rest paints once, at the end.
import type { MarkRegistry } from '../marks/marks';
import type { TextRun } from '../reading/text-runs';
import type { Pass } from './pass';

/** Longest slice of work before yielding to the page, ms (a long task is 50 ms). */
const SLICE_MS = 8;
/**
 * Every paint makes Chromium re-validate all ranges of the Highlight (see marks.ts), so a pass
 * that ends soon paints once; a long one paints what it has after FIRST_PAINT_MS, then at most
 * every PAINT_MS the marks near the view (a read of 1,500 names painted whole every PAINT_MS
 * re-validated their ranges 4–5 times over: docs/bench.md).
 */
const FIRST_PAINT_MS = 100;
const PAINT_MS = 300;

export interface SliceHooks {
  setTimeout(fn: () => void, ms: number): number;
  /** Marks what a run names. */
  read(pass: Pass, run: TextRun): void;
  /** A pass read all it had to (stale-marks.ts). */
  finished(pass: Pass): void;
  /** A pass lost its place (the page removed the node it stopped at): the pass that walks again. */
  restart(pass: Pass): Pass;
  /** Every pass finished. */
  idle?(): void;
}

export interface PassQueue {
  /** The passes waiting, the one being read first. */
  readonly passes: readonly Pass[];
  /** Reads this pass next. */
  first(pass: Pass): void;
  /** Reads this pass after the others. */
  last(pass: Pass): void;
  /** Reads only this pass (a whole-page pass): what it reads first paints soon. */
  only(pass: Pass): void;
  /** Drops every pass. */
  clear(): void;
}

export function createPassQueue(marks: MarkRegistry, hooks: SliceHooks): PassQueue {
  let queue: Pass[] = [];
  let scheduled = false;
  let paintedAt = -Infinity;

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    hooks.setTimeout(work, 0);
  }

  function work() {
    scheduled = false;
    const deadline = performance.now() + SLICE_MS;
    // Most steps take microseconds: read the clock every few (performance.now() is not free).
    for (let steps = 0; queue.length && (steps++ % 8 || performance.now() < deadline); ) {
      const pass = queue[0]!;
      try {
        const step = pass.runs.next();
        if (step.done) {
          queue.shift();
          if (step.value) hooks.finished(pass);
          // Lost its place: walk again. A whole pass resumes at the last block it read, so a
          // page that keeps changing cannot keep it from ever reaching the end.
          else queue.push(hooks.restart(pass));
        } else {
          hooks.read(pass, step.value);
        }
      } catch {
        // A page can make its own elements throw where they are read (a form with a field named
        // like a DOM method, see dom.ts): that pass is dropped, not restarted (it would throw
        // again); later changes are still read, and what it marked is painted below.
        if (queue[0] === pass) queue.shift();
      }
    }
    const now = performance.now();
    if (!queue.length || now - paintedAt >= PAINT_MS) {
      marks.paint(queue.length > 0);
      paintedAt = now;
    }
    if (queue.length) schedule();
    else {
      // V8 keeps the subject of this world's last regex match (RegExp.input) alive: after a huge
      // run or a whole page's text that held 11 MB on a page of 1 M text nodes. A match on a
      // one-character string lets it go.
      /./.test('.');
      hooks.idle?.();
    }
  }

  return {
    get passes() {
      return queue;
    },
    first(pass) {
      queue.unshift(pass);
      schedule();
    },
    last(pass) {
      queue.push(pass);
      schedule();
    },
    only(pass) {
      paintedAt = performance.now() - PAINT_MS + FIRST_PAINT_MS;
      queue = [pass];
      schedule();
    },
    clear() {
      queue = [];
    },
  };
}
