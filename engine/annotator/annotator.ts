// Reads the document's text and keeps the marks in step with it, in slices of a few
// milliseconds so no task blocks the page. Work comes as passes: a whole-document pass (the part
// in view first) or a rescan of a few subtrees after a change. A pass replaces marks block by
// block as it meets them and, at its end, drops marks of blocks it no longer found, so marks
// never flicker off while a pass runs.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '../../matching/matcher';
import type { Mark, MarkRegistry } from '../marks/marks';
import { blockAround, createSkipRules, type SkipRules } from '../reading/skip-rules';
import { nodeIndexAt } from '../reading/text-offsets';
import { hasContextWord } from '../../matching/matcher-context';
import { createNearView } from '../reading/near-view';
import { blocksOfParents, READ_NEAR_VIEW_FROM_NAMES, sweep, sweepRest, type SweepHooks } from '../reading/sweep';
import type { Rest } from '../reading/read-down';
import { createWaitingRests } from '../reading/waiting-rests';
import { blockRuns, type TextRun } from '../reading/text-runs';
import { isWithin, tagOf, upOf } from '../reading/dom';

/** Longest slice of work before yielding to the page, ms (a long task is 50 ms). */
const SLICE_MS = 8;
/** How many levels above a marked block an attribute change is looked at for hiding it. */
const CHANGE_REACH = 3;
/** Roots changed together that count as one added part for reading near the view (each). */
const MANY_ROOTS = 16;
/** Past this much text in such a batch, it is not counted first (see possibleNames). */
const MAX_COUNTED_CHARS = 500_000;
/**
 * New marks paint when the work runs out. Every paint makes Chromium re-validate all ranges of the
 * Highlight (see marks.ts), so a pass that ends soon paints once; a long one paints what it has
 * (the part in view, read first) after FIRST_PAINT_MS, then at most every PAINT_MS.
 */
const FIRST_PAINT_MS = 100;
const PAINT_MS = 300;
/** How long a new page context must last before the whole page is read again under it. */
const CONTEXT_SETTLES_MS = 1500;

/** ARIA roles of the parts of a page that are the site's, not the article's. */
const SITE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);
/** Labels of a box of links to other pages ("Related stories", 相关阅读, "Read more"). */
const ELSEWHERE =
  /\brelated\b|\bread (?:more|next)\b|\bmore (?:stories|news|from|on)\b|\brecommended\b|\bpopular\b|\btrending\b|相关|相關|推荐|推薦|延伸阅读|延伸閱讀|更多(?:阅读|閱讀|文章|新闻|新聞|报道|報導)|热门|熱門|関連/i;

/** Whether an <aside>/<footer> is labelled, by aria-label or its first heading, as links elsewhere. */
function pointsElsewhere(el: Element): boolean {
  const label = el.getAttribute('aria-label') ?? el.querySelector('h1, h2, h3, h4, h5, h6, header, strong')?.textContent ?? '';
  return ELSEWHERE.test(label.slice(0, 200));
}

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
  /** Drops pending work (the marks themselves are the registry's). */
  stop(): void;
}

interface Pass {
  roots: Node[];
  whole: boolean;
  /** Reads only the roots' own text (blocks an attribute change touched), not nested blocks. */
  own: boolean;
  runs: Generator<TextRun, boolean>;
  seen: Set<Node>;
  /** Visibility of the parents of matched text, checked once each. */
  shown: Map<Node, boolean>;
  /** Chip context in a block's own text, checked once each and only when a name needs it. */
  blockContext: Map<Node, boolean>;
  context: boolean;
  /** In a stream of stories, each one's own context (see pageContextFor), checked once each. */
  storyContext: Map<Element | 'main', boolean>;
  /** Whether the page is a stream of stories (see streamOf; looked at once per pass, when needed). */
  stream?: { main: Element | null } | null;
  /** The block read last: a whole pass that loses its place resumes there, not at the top. */
  last: Node | null;
  /** Left part of a long page for later (read-down.ts): the marks there stay until it is read. */
  leftRests: boolean;
  /** The rest this pass reads (startRestPass). */
  rest?: Rest;
}

export function createAnnotator(ctx: ContentScriptContext, options: AnnotatorOptions): Annotator {
  const { matcher, marks } = options;
  const rules: SkipRules = createSkipRules({ markInCode: options.markInCode });
  // Context is what a reader sees in the block: a code span's "GPU" counts even when code is
  // not marked.
  const contextRules: SkipRules = createSkipRules({ markInCode: true });
  /** Elements that hid a mention: an attribute change may reveal them. */
  const hidden = new Set<Element>();
  /** The last open state seen of each <details> whose attributes changed. */
  const detailsOpen = new WeakMap<Element, boolean>();
  let queue: Pass[] = [];
  let readEverything = false;
  // Text of a page with hundreds of names waits until the reader comes near it (sweep.ts).
  const blocksOf = (parents: Iterable<Node>) => blocksOfParents(parents, rules);
  const nearView = createNearView((parents) => readOwn(blocksOf(parents), true));
  // The far part of a long page (read-down.ts), read as the reader scrolls near it.
  const rests = createWaitingRests((near) => {
    for (const rest of near) queue.unshift(startRestPass(rest));
    schedule();
  });
  let scheduled = false;
  /** The page's context now (see hasPageContext). */
  let pageContext = false;
  let rereadTimer = 0;
  let paintedAt = -Infinity;

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    ctx.setTimeout(work, 0);
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
          if (step.value) finish(pass);
          // Lost its place (the page removed the node it stopped at): walk again. A whole pass
          // resumes at the last block it read, so a page that keeps changing cannot keep it from
          // ever reaching the end.
          else queue.push(pass.rest ? startPass([pass.rest.container], false) : startPass(pass.roots, pass.whole, resumeAt(pass)));
        } else {
          apply(pass, step.value);
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
      marks.paint();
      paintedAt = now;
    }
    if (queue.length) schedule();
    else {
      // V8 keeps the subject of this world's last regex match (RegExp.input) alive: after a huge
      // run or a whole page's text that held 11 MB on a page of 1 M text nodes. A match on a
      // one-character string lets it go.
      /./.test('.');
      options.onIdle?.();
    }
  }

  function apply(pass: Pass, run: TextRun) {
    pass.last = run.block;
    if (!pass.seen.has(run.block)) {
      pass.seen.add(run.block);
      nearView.forget(run.block);
      marks.dropBlock(run.block);
      // A whole pass in flight chose its blocks when it started: this fresher read of a block
      // it may not know (text added since) must survive its end (see finish).
      if (!pass.whole) for (const other of queue) if (other.whole) other.seen.add(run.block);
    }
    // The page's own context (a chip in its title) holds in its article, not in the site's
    // navigation, sidebars and footers ("Berlin's A100 motorway" under "Related stories").
    const context = () => pageContextFor(pass, run.block) || blockHasContext(pass, run.block);
    for (const m of matcher.scan(run.text, { context })) {
      const first = nodeIndexAt(run.starts, m.start, 'start');
      const last = nodeIndexAt(run.starts, m.end, 'end');
      if (!shows(pass, run.nodes[first]!) || (last !== first && !shows(pass, run.nodes[last]!))) continue;
      const range = new Range();
      range.setStart(run.nodes[first]!, m.start - run.starts[first]!);
      range.setEnd(run.nodes[last]!, m.end - run.starts[last]!);
      marks.add({ chipId: m.chipId, range, block: run.block, nodes: run.nodes.slice(first, last + 1) });
    }
  }

  /**
   * Whether the page's own context holds for a block: not in the site's navigation, sidebars and
   * footers; and on a page that is a stream of stories (an infinite scroll appends the next one,
   * and the title follows whichever is on screen), a block in a story takes its context from
   * that story's headline alone: one story's chip must not vouch for "B40 households" in the next.
   */
  function pageContextFor(pass: Pass, block: Node): boolean {
    let has = pass.context;
    const stream = pass.stream === undefined ? (pass.stream = streamOf()) : pass.stream;
    if (stream) {
      let article: Element | null = null; // the outermost <article> around the block
      for (let n: Node | null = block; n; n = upOf(n)) if (n.nodeType === Node.ELEMENT_NODE && tagOf(n as Element) === 'article') article = n as Element;
      // The story's own headline: its article's <h1>, or, outside every article, the page's.
      const story = article ?? 'main';
      let known = pass.storyContext.get(story);
      if (known === undefined) {
        const headline = (article ? article.querySelector('h1') : stream.main)?.textContent;
        known = headline ? matcher.scan(headline, { strict: true }).length > 0 : pass.context;
        pass.storyContext.set(story, known);
      }
      has = known;
    }
    return has && !inSiteChrome(block);
  }

  /**
   * Whether the page is a stream of stories: two or more headlines (<h1>s) of their own, each a
   * top-level <article>'s or, for a first story not in an article, the page's first <h1> outside
   * them (`main`). Null when the page is one story.
   */
  function streamOf(): { main: Element | null } | null {
    let stories = 0;
    for (const a of document.getElementsByTagName('article')) {
      if (a.querySelector('h1') && !a.parentElement?.closest('article')) stories++;
    }
    const main = [...document.getElementsByTagName('h1')].find((h) => !h.closest('article') && !inSiteChrome(h)) ?? null;
    return stories + (main ? 1 : 0) > 1 ? { main } : null;
  }

  /**
   * Whether a block sits in the site's navigation, a sidebar or a footer, across shadow roots.
   * An <aside> or <footer> inside the <article> is the article's own (a spec box) unless it is
   * labelled as links elsewhere ("Related stories"); one beside an <article> in <main> is a
   * sidebar; an <article> inside one is a teaser in a box of links.
   */
  function inSiteChrome(block: Node): boolean {
    let box: Element | null = null; // the nearest <aside>/<footer> above the block
    let inArticle = false;
    for (let n: Node | null = block; n; n = upOf(n)) {
      if (n.nodeType !== Node.ELEMENT_NODE) continue;
      const el = n as Element;
      const [tag, role] = [tagOf(el), el.getAttribute('role')];
      if (tag === 'nav' || (role && SITE_ROLES.has(role))) return true;
      if (tag === 'aside' || tag === 'footer') {
        if (inArticle || pointsElsewhere(el)) return true;
        box ??= el;
      } else if (tag === 'article') {
        if (box) return false;
        inArticle = true;
      } else if (tag === 'main') {
        // With no <article> of its own (teasers in boxes do not count), <main> is the article
        // and its boxes are its own.
        return box !== null && [...el.querySelectorAll('article')].some((a) => !a.parentElement?.closest('aside, footer'));
      }
    }
    return box !== null;
  }

  /**
   * Chip context anywhere in a block's own text, not only in the run a name stands in: a line
   * break, an image or a code span splits a paragraph into runs, not into separate texts.
   */
  function blockHasContext(pass: Pass, block: Node): boolean {
    let has = pass.blockContext.get(block);
    if (has === undefined) {
      const text = [...blockRuns(block, contextRules)].map((r) => r.text).join('\n');
      has = hasContextWord(text) || matcher.scan(text, { strict: true }).length > 0;
      pass.blockContext.set(block, has);
    }
    return has;
  }

  /** Whether a matched text node shows; a hidden one is remembered (an attribute change may show it). */
  function shows(pass: Pass, text: Text): boolean {
    const parent = text.parentNode!;
    let shown = pass.shown.get(parent);
    if (shown === undefined) {
      const hider = rules.hides(text);
      if (hider) hidden.add(hider);
      shown = !hider;
      pass.shown.set(parent, shown);
    }
    return shown;
  }

  /** Drops marks the pass should have met but did not (their text is gone or hidden). */
  function finish(pass: Pass) {
    // One set and one climb per marked block, not every marked block against every root.
    const roots = new Set(pass.roots);
    // Across shadow roots, as outermost() folds a root inside a host's shadow tree into the host.
    const underRoots = (b: Node) => {
      for (let n: Node | null = b; n; n = upOf(n)) if (roots.has(n)) return true;
      return false;
    };
    let stale = [...marks.blocks()].filter((b) => !pass.seen.has(b) && (pass.whole || (pass.own ? roots.has(b) : underRoots(b))));
    // A block left to be read near the view keeps its marks until then.
    if (stale.length && nearView.size) stale = stale.filter((b) => !nearView.has(b));
    if (stale.length && rests.size && (pass.whole || pass.leftRests)) stale = stale.filter((b) => !rests.covers(b));
    for (const b of stale) marks.dropBlock(b);
    marks.dropWhere((m) => !m.nodes.every((n) => n.isConnected));
  }

  function startPass(roots: Node[], whole: boolean, from?: Element, own = false): Pass {
    const pass: Pass = { roots, whole, own, runs: undefined!, seen: new Set(), shown: new Map(), blockContext: new Map(), context: pageContext, storyContext: new Map(), last: null, leftRests: false };
    pass.runs = whole ? wholeDocument(hooksFor(pass), from) : own ? eachOwn(roots) : each(roots, hooksFor(pass));
    return pass;
  }

  function hooksFor(pass: Pass): SweepHooks {
    // Once the whole page is wanted, a pass reads everything as it goes (cheapest when dense).
    if (readEverything) return { rules, onShadowRoot: options.onShadowRoot };
    return { rules, onShadowRoot: options.onShadowRoot, defer: (parents) => defer(parents, pass), later: (found, readFrom) => later(found, readFrom, pass) };
  }

  /** Rests a pass leaves: they wait to come near the view, or, once the popup asked, are read now. */
  function later(found: Rest[], readFrom: Node | null, pass: Pass) {
    pass.leftRests ||= found.length > 0;
    if (!readEverything) return rests.wait(found, readFrom);
    if (!found.length) return;
    queue.unshift(startPass(found.map((r) => r.container), false));
    schedule();
  }

  /** A pass reading a rest of a long page: it drops no marks (it knows only its own part). */
  function startRestPass(rest: Rest): Pass {
    const pass = startPass([], false, undefined, true);
    pass.rest = rest;
    pass.runs = sweepRest(rest, matcher, hooksFor(pass));
    return pass;
  }

  /** Reads these blocks' own text soon: in front of a long whole pass if `first`. */
  function readOwn(blocks: Node[], first: boolean) {
    if (!blocks.length) return;
    const pass = startPass(blocks, false, undefined, true);
    if (first) queue.unshift(pass);
    else queue.push(pass);
    schedule();
  }

  /**
   * Text a pass leaves for later, given by its parents: their blocks wait to come near the view
   * (keeping any marks they have until then, see finish), or, if not elements (text right in a
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
    readOwn(soon, false);
  }

  /** Where a whole pass that lost its place starts again: its last block, if still in the page. */
  function resumeAt(pass: Pass): Element | undefined {
    const root = document.body ?? document.documentElement;
    const last = pass.last;
    if (!pass.whole || !last || last.nodeType !== Node.ELEMENT_NODE || last === root || !root.contains(last)) return undefined;
    return last as Element;
  }

  function* eachOwn(blocks: Node[]): Generator<TextRun, boolean> {
    for (const block of blocks) if (block.isConnected) yield* blockRuns(block, rules);
    return true;
  }

  function* each(roots: Node[], hooks: SweepHooks): Generator<TextRun, boolean> {
    // Many roots changed together are one part of the page: a feed that appends a thousand items
    // as siblings has added a long page part as surely as one that wraps them in a <div>, so past
    // READ_NEAR_VIEW_FROM_NAMES possible names in all, each root's text waits to come near. (A
    // few roots, as a client-side navigation changes, are not counted twice: each sweep counts.)
    const tuning = hooks.defer && roots.length >= MANY_ROOTS && possibleNames(roots) > READ_NEAR_VIEW_FROM_NAMES ? { nearViewFrom: 0 } : {};
    for (const root of roots) if (!(yield* sweep(root, matcher, hooks, undefined, tuning))) return false;
    return true;
  }

  /**
   * Possible names in these roots, counted until past READ_NEAR_VIEW_FROM_NAMES; 0 past
   * MAX_COUNTED_CHARS of text (one copy and one regex must not hold the page: sweep decides).
   */
  function possibleNames(roots: Node[]): number {
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

  function* wholeDocument(hooks: SweepHooks, from?: Element): Generator<TextRun, boolean> {
    const root = document.body ?? document.documentElement;
    return yield* sweep(root, matcher, hooks, () => from ?? inView(root));
  }

  /** The block at the top of the viewport, where reading starts. */
  function inView(root: Element): Element | undefined {
    const el = document.elementFromPoint(innerWidth / 2, Math.min(innerHeight * 0.1, 80));
    const block = el && blockAround(el);
    if (!block || block === root || !root.contains(block) || !rules.readable(block)) return undefined;
    return block as Element;
  }

  /**
   * Page-level context: when the title or the main heading names a chip outright, names that
   * need context count anywhere on the page (an article about the H20 may later just say "H20s").
   */
  function hasPageContext(): boolean {
    const heading = document.querySelector('h1')?.textContent ?? '';
    // Only a name that needs no context counts: "AI grants for B40 households" must not vouch
    // for every ambiguous name on the page.
    return matcher.scan(`${document.title}\n${heading}`, { strict: true }).length > 0;
  }

  /**
   * A single-page app put up another article (its title or <h1> changed): text read from now on
   * is read under the new context at once, and the whole page again once the context has held
   * still for a while: even if it came back to where it was, text read in between was read
   * under another one. A title that blinks "New message!" never holds still, so it never has
   * the page read every second.
   */
  function contextMayHaveChanged() {
    const now = hasPageContext();
    if (now === pageContext) return;
    pageContext = now;
    clearTimeout(rereadTimer);
    rereadTimer = ctx.setTimeout(() => {
      rereadTimer = 0;
      api.scanAll();
    }, CONTEXT_SETTLES_MS);
  }

  /** Elements that hid text and now show it (among those `maybe` picks), forgotten as hiders. */
  function shownAgain(maybe: (el: Element) => boolean): Node[] {
    const revealed: Node[] = [];
    for (const el of hidden) {
      if (!el.isConnected) hidden.delete(el);
      else if (maybe(el) && rules.readable(el)) {
        hidden.delete(el);
        revealed.push(blockAround(el));
      }
    }
    return revealed;
  }

  /**
   * The readable roots not inside another root: one walk up per root (pairwise `contains` is
   * O(n²)). A root hidden now (added under a media query that hides it, or with `hidden`) is
   * remembered and read when it shows. A root that cannot be read (moved into a hidden box, a
   * code block, an editable region) loses the marks it holds.
   */
  function outermost(roots: Iterable<Node>): Node[] {
    const set = new Set(roots);
    const inside = (node: Node) => {
      for (let p = upOf(node); p; p = upOf(p)) if (set.has(p)) return true;
      return false;
    };
    const unreadable = new Set<Node>();
    const readable = [...set].filter((r) => !inside(r)).filter((r) => {
      if (rules.readable(r)) return true;
      if (r.nodeType === Node.ELEMENT_NODE && r.isConnected && rules.hidesText(r as Element) && mayHoldName(r as Element)) {
        hidden.add(r as Element);
      }
      unreadable.add(r);
      return false;
    });
    if (unreadable.size && marks.size) {
      // Most such roots hold no marks (a script added to <head>, an ad frame): look no further.
      const holders = markHolders();
      const holding = new Set([...unreadable].filter((r) => holders.has(r)));
      if (holding.size) {
        marks.dropWhere((m) => {
          for (let n: Node | null = m.block; n; n = upOf(n)) if (holding.has(n)) return true;
          return false;
        });
      }
    }
    return readable;
  }

  /** Every marked block and every node above one (across shadow roots), climbed once each. */
  function markHolders(): Set<Node> {
    const holders = new Set<Node>();
    for (const b of marks.blocks()) for (let n: Node | null = b; n && !holders.has(n); n = upOf(n)) holders.add(n);
    return holders;
  }

  /** Whether a name may stand in `el` (pages add many hidden elements; most are not worth keeping). */
  function mayHoldName(el: Element): boolean {
    const text = el.textContent ?? '';
    if (text.length > 100_000 || matcher.regions(text).length) return true;
    // Text in shadow roots is not in textContent.
    const all = el.querySelectorAll('*');
    if (all.length > 2000) return true;
    for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) return true;
    return el.shadowRoot != null;
  }

  /** A block read again by a rescan: what a queued pass knew about its context is stale. */
  function forgetContext(roots: Node[]) {
    for (const pass of queue) {
      for (const block of pass.blockContext.keys()) if (roots.some((r) => isWithin(r, block))) pass.blockContext.delete(block);
    }
  }

  const api: Annotator = {
    scanAll() {
      pageContext = hasPageContext();
      clearTimeout(rereadTimer);
      rereadTimer = 0;
      paintedAt = performance.now() - PAINT_MS + FIRST_PAINT_MS;
      hidden.clear();
      nearView.stop(); // the new pass defers again what it finds
      rests.stop();
      queue = [startPass([], true)];
      schedule();
    },
    rescan(roots) {
      contextMayHaveChanged();
      nearView.prune();
      rests.prune();
      const list = outermost(roots);
      if (!list.length) {
        // Only removals: marks whose text left the document go now.
        marks.dropWhere((m) => !m.nodes.every((n) => n.isConnected));
        return;
      }
      forgetContext(list);
      queue.unshift(startPass(list, false)); // small and in front of a long whole-document pass
      schedule();
    },
    attributesChanged(elements) {
      const changed = [...elements];
      const changedSet = new Set<Node>(changed);
      // A hider shows again if it or an ancestor changed (one climb each, not hidden × changed).
      const revealed = shownAgain((el) => {
        for (let n: Node | null = el; n; n = upOf(n)) if (changedSet.has(n)) return true;
        return false;
      });
      const hiddenNow = new Set<Element>();
      const touched = new Set<Node>();
      // Only an element with marks in it or around it can take marks away by hiding, so only
      // those have their style checked: a check makes the browser recalculate the page's style
      // now, and a page that restyles thousands of cells a frame would pay for it every time.
      let holders: Set<Node> | null = null;
      const holdsMarks = (el: Element) => (holders ??= markHolders()).has(el);
      for (const el of changed) {
        if (!el.isConnected) continue;
        const block = blockAround(el);
        const inMarked = marks.hasBlock(block);
        // Hidden now (a collapsed section, a closed menu, a card link): its marks go until it
        // shows again.
        if ((inMarked || holdsMarks(el)) && rules.hidesText(el)) hiddenNow.add(el);
        // A change on or inside a marked block (a span hidden by a class) is read again there:
        // its own text only, so a class toggled on <body> does not re-read the page.
        if (inMarked) touched.add(block);
        // A <details> opened or closed: its content shows or hides with it (checkVisibility
        // sees that), so read it all again; other attribute changes on it are not that.
        if (tagOf(el) === 'details') {
          const open = (el as HTMLDetailsElement).open;
          if (detailsOpen.get(el) !== open) revealed.push(el);
          detailsOpen.set(el, open);
        }
      }
      // A class on a marked block's parent or a little above it that hides the block through a
      // style sheet (a comment thread collapsed, `.collapsed > .body { display: none }`): the
      // marked blocks just below a changed element are checked too. Farther up (a class on
      // <body>) is not followed (README, Known limits).
      if (marks.size) {
        for (const block of marks.blocks()) {
          let n = upOf(block);
          for (let up = 0; n && up < CHANGE_REACH; up++, n = upOf(n)) {
            if (!changedSet.has(n)) continue;
            if (block.nodeType === Node.ELEMENT_NODE && block.isConnected && rules.hidesText(block as Element)) hiddenNow.add(block as Element);
            break;
          }
        }
      }
      if (hiddenNow.size) {
        // One climb per marked block, not one scan of the marks per hidden element.
        const under = (block: Node) => {
          for (let n: Node | null = block; n; n = upOf(n)) if (hiddenNow.has(n as Element)) return n as Element;
          return null;
        };
        const hiders = new Map([...marks.blocks()].map((b) => [b, under(b)] as const));
        marks.dropWhere((m) => hiders.get(m.block) != null);
        for (const hider of hiders.values()) if (hider) hidden.add(hider);
      }
      if (revealed.length) this.rescan(revealed);
      const own = [...touched].filter((b) => b.isConnected && rules.readable(b));
      if (own.length) {
        forgetContext(own);
        queue.unshift(startPass(own, false, undefined, true));
        schedule();
      }
    },
    hiddenMayShow() {
      const revealed = shownAgain(() => true);
      if (revealed.length) this.rescan(revealed);
    },
    resized() {
      // One style check per marked text's parent, once per burst of resize events.
      const hiders = new Map<Node, Element | null>();
      const hiderOf = (mark: Mark) => {
        const parent = mark.nodes[0]!.parentNode!;
        if (!hiders.has(parent)) hiders.set(parent, mark.nodes[0]!.isConnected ? rules.hides(mark.nodes[0]!) : null);
        return hiders.get(parent)!;
      };
      const before = marks.size;
      marks.dropWhere((m) => hiderOf(m) !== null);
      if (marks.size !== before) for (const hider of hiders.values()) if (hider) hidden.add(hider);
      this.hiddenMayShow();
    },
    readAll() {
      readEverything = true;
      // In front: a whole pass ending first would drop the marks these blocks kept while waiting.
      readOwn(blocksOf(nearView.takeAll()), true);
      const containers = outermost(rests.takeAll().map((r) => r.container));
      if (containers.length) {
        queue.unshift(startPass(containers, false));
        schedule();
      }
    },
    stop() {
      queue = [];
      hidden.clear();
      nearView.stop();
      rests.stop();
      clearTimeout(rereadTimer);
      rereadTimer = 0;
    },
  };
  return api;
}
