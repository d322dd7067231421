// Reads the document's text and keeps the marks in step with it. Work comes as passes
// (pass.ts): a whole-document pass (the part in view first) or a rescan of a few subtrees after a
// change, read in slices of a few milliseconds (slices.ts). A pass replaces marks block by block
// as it meets them and, at its end, drops marks of blocks it no longer found (stale-marks.ts), so
// marks never flicker off while a pass runs. What counts as context for a name (page-context.ts),
// which text shows (hidden-text.ts) and what waits to come near the view (deferral.ts) are each
// decided in their own module; this one puts them together.
import type { Matcher } from '../../matching/matcher';
import type { MarkRegistry } from '../marks/marks';
import type { Session } from '../session/session';
import { createSkipRules } from '../reading/skip-rules';
import { nodeIndexAt } from '../reading/text-offsets';
import { sweepRest } from '../reading/sweep';
import type { Rest } from '../reading/read-down';
import type { TextRun } from '../reading/text-runs';
import { createDeferral } from './deferral';
import { createHiddenText } from './hidden-text';
import { createPageContext } from './page-context';
import { eachRoot, newPass, outermost, ownText, resumeAt, wholeDocument, type Pass } from './pass';
import { createPassQueue } from './slices';
import { dropGone, dropUnder, dropUnmet } from './stale-marks';

export interface AnnotatorOptions {
  matcher: Matcher;
  marks: MarkRegistry;
  markInCode: boolean;
  /** Each open shadow root the walk enters (to watch it and style its marks). */
  onShadowRoot(root: ShadowRoot): void;
  /** Every pass finished (tests and the counts report can rely on a settled state). */
  onIdle?(): void;
}

export interface Annotator {
  /** Marks the whole document, starting with what is in view. Supersedes pending work. */
  scanAll(): void;
  /** Re-reads these subtrees (changed blocks, added elements). */
  rescan(roots: Iterable<Node>): void;
  /**
   * Attributes changed on these elements: marks under one that now hides its text go, text it
   * revealed is read, and a marked block the change touched is read again.
   */
  attributesChanged(elements: Iterable<Element>): void;
  /** Something other than an attribute may have shown hidden text (a popover): look. */
  hiddenMayShow(): void;
  /**
   * The viewport changed size: a media query may have hidden marked text (its marks go, to come
   * back when it shows) or shown hidden text (read it).
   */
  resized(): void;
  /**
   * Reads now what waits to come near the view, and from now on reads everything at once (the
   * popup's counts should cover the whole page).
   */
  readAll(): void;
}

/**
 * An annotator for one session: when the session ends, its pending work and everything it
 * waits for go (the marks themselves are the registry's).
 */
export function createAnnotator(session: Session, options: AnnotatorOptions): Annotator {
  const { matcher, marks } = options;
  const rules = createSkipRules({ markInCode: options.markInCode });
  const setTimeout = (fn: () => void, ms: number) => session.setTimeout(fn, ms);
  const hiddenText = createHiddenText(rules, marks, matcher);
  const context = createPageContext(matcher, setTimeout, () => api.scanAll());
  const deferral = createDeferral(rules, options.onShadowRoot, session.signal, {
    readOwn,
    readRest: (rest) => passes.first(startRestPass(rest)),
    readRoots: (roots) => passes.first(startPass(roots, false)),
  });
  const passes = createPassQueue(marks, {
    setTimeout,
    read,
    finished: (pass) => dropUnmet(pass, marks, deferral.unread),
    restart: (pass) => (pass.rest ? startPass([pass.rest.container], false) : startPass(pass.roots, pass.whole, resumeAt(pass))),
    idle: options.onIdle,
  });

  /** Marks the names in a run (replacing the marks its block had, the first time a pass meets it). */
  function read(pass: Pass, run: TextRun) {
    pass.last = run.block;
    if (!pass.seen.has(run.block)) {
      pass.seen.add(run.block);
      deferral.forget(run.block);
      marks.dropBlock(run.block);
      // A whole pass in flight chose its blocks when it started: this fresher read of a block
      // it may not know (text added since) must survive its end (see stale-marks.ts).
      if (!pass.whole) for (const other of passes.passes) if (other.whole) other.seen.add(run.block);
    }
    const context = () => pass.context.holds(run.block);
    for (const m of matcher.scan(run.text, { context })) {
      const first = nodeIndexAt(run.starts, m.start, 'start');
      const last = nodeIndexAt(run.starts, m.end, 'end');
      if (!hiddenText.shows(pass.shown, run.nodes[first]!) || (last !== first && !hiddenText.shows(pass.shown, run.nodes[last]!))) continue;
      const range = new Range();
      range.setStart(run.nodes[first]!, m.start - run.starts[first]!);
      range.setEnd(run.nodes[last]!, m.end - run.starts[last]!);
      marks.add({ chipId: m.chipId, range, block: run.block, nodes: run.nodes.slice(first, last + 1) });
    }
  }

  function startPass(roots: Node[], whole: boolean, from?: Element, own = false): Pass {
    const pass = newPass(roots, whole, own, context.forPass());
    pass.runs = whole ? wholeDocument(matcher, deferral.hooks(pass), from) : own ? ownText(roots, rules) : eachRoot(roots, matcher, deferral.hooks(pass));
    return pass;
  }

  /** A pass reading a rest of a long page: it drops no marks (it knows only its own part). */
  function startRestPass(rest: Rest): Pass {
    const pass = startPass([], false, undefined, true);
    pass.rest = rest;
    pass.runs = sweepRest(rest, matcher, deferral.hooks(pass));
    return pass;
  }

  /** Reads these blocks' own text soon: in front of a long whole pass if `first`. */
  function readOwn(blocks: Node[], first: boolean) {
    if (!blocks.length) return;
    const pass = startPass(blocks, false, undefined, true);
    if (first) passes.first(pass);
    else passes.last(pass);
  }

  /**
   * The readable roots not inside another root. A root hidden now (added under a media query
   * that hides it, or with `hidden`) is remembered and read when it shows; one that cannot be
   * read (moved into a hidden box, a code block, an editable region) loses the marks it holds.
   */
  function readableRoots(roots: Iterable<Node>): Node[] {
    const { readable, unreadable } = outermost(roots, rules);
    for (const r of unreadable) hiddenText.unreadable(r);
    dropUnder(unreadable, marks);
    return readable;
  }

  /** Blocks read again: what queued passes knew about their context is stale. */
  function forgetContext(roots: Node[]) {
    for (const pass of passes.passes) pass.context.forget(roots);
  }

  const api: Annotator = {
    scanAll() {
      context.refresh();
      hiddenText.clear();
      deferral.stop(); // the new pass defers again what it finds
      passes.only(startPass([], true));
    },
    rescan(roots) {
      context.mayHaveChanged();
      deferral.prune();
      const list = readableRoots(roots);
      // Only removals: marks whose text left the document go now.
      if (!list.length) return dropGone(marks);
      forgetContext(list);
      passes.first(startPass(list, false)); // small and in front of a long whole-document pass
    },
    attributesChanged(elements) {
      const { revealed, touched } = hiddenText.attributesChanged([...elements]);
      if (revealed.length) this.rescan(revealed);
      const own = touched.filter((b) => b.isConnected && rules.readable(b));
      if (own.length) {
        forgetContext(own);
        passes.first(startPass(own, false, undefined, true));
      }
    },
    hiddenMayShow() {
      const revealed = hiddenText.shownAgain();
      if (revealed.length) this.rescan(revealed);
    },
    resized() {
      hiddenText.resized();
      this.hiddenMayShow();
    },
    readAll() {
      const containers = readableRoots(deferral.readAll());
      if (containers.length) passes.first(startPass(containers, false));
    },
  };
  session.onEnd(() => {
    passes.clear();
    hiddenText.clear();
    deferral.stop();
    context.stop();
  });
  return api;
}
