// Reads a long subtree from the top down, only as far as a little past the view. Where the walk
// reaches text far below the view, the rest of the list or column it is in (a container of many
// blocks) is left for later, as a "rest" that starts there; the walk goes on after that
// container (a sidebar or a footer written after a long article is still read now). A rest is
// read the same way once the reader scrolls near its first block. So a page costs what its top
// and the view cost, not what its length does: an archive of thousands of paragraphs is read a
// few screens at a time.
import type { Matcher } from '../../rules/matcher';
import type { Ancestry } from './ancestry';
import { parentOf, tagOf } from './dom';

/** Past this much text under one root, it is read down from the top (see above). */
export const READ_DOWN_FROM_CHARS = 150_000;
/** A container whose rest can wait: one with at least this many elements in it (not a wrapper). */
const CONTAINER_CHILDREN = 8;
/** Text nodes walked between two looks at where the walk is on the page. */
const LOOK_EVERY = 32;
/** Text searched for possible names at a time, as the walk gets to it. */
const WINDOW = 16_384;
/** Longer than any name as the finder matches it (separators included): windows overlap by this. */
const LONGEST_NAME = 256;

/**
 * Text whose top is below this line (viewport px) is far: the view and two screens below it,
 * as near-view.ts reads deferred blocks (its NEAR margins).
 */
export const farLine = (node: Node): number => ((node.ownerDocument ?? (node as Document)).defaultView?.innerHeight ?? 0) * 3;

const WALKED = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION;
/** Elements whose text sits in textContent but splits no run (sweep.ts, SILENT). */
const SILENT = new Set(['script', 'style', 'noscript', 'template', 'rt', 'rp']);

/** What was left for later: the text from `from` to the end of `container`. */
export interface Rest {
  from: CharacterData;
  container: Node;
  /** The element `from` is in: once it comes near the view, the rest is read. */
  sentinel: Element;
}

export interface ReadDown {
  /** Parents of the text that may hold a name, in document order (as sweep.ts defers them). */
  parents: Node[];
  /** Open shadow roots of the readable hosts met. */
  shadows: ShadowRoot[];
  rests: Rest[];
}

/**
 * Reads `root` from its start, or from `rest.from` to the end of the rest's container, where
 * `text` is exactly that stretch's text (root.textContent, or the rest's). A block whose top is
 * below `farLine` (viewport px) twice running is far.
 */
export function readDown(root: Node, text: string, rest: Rest | null, matcher: Matcher, ancestry: Ancestry, farLine: number): ReadDown {
  const doc = root.ownerDocument ?? (root as Document);
  const parents = new Set<Node>();
  const shadows: ShadowRoot[] = [];
  const rests: Rest[] = [];
  const walkRoot = rest?.container ?? root;
  const walker = doc.createTreeWalker(walkRoot, WALKED);
  let node: Node | null = rest ? (walker.currentNode = rest.from) : walker.nextNode();

  const regions = regionCursor(matcher, text);
  const add = (parent: Node | null) => {
    if (parent && !parents.has(parent) && ancestry.readable(parent)) parents.add(parent);
  };

  let offset = 0; // where `node` starts in `text`
  let sinceLook = 0;
  let farRun = 0;
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.shadowRoot && ancestry.readable(el)) shadows.push(el.shadowRoot);
      if (el.firstChild && SILENT.has(tagOf(el))) add(parentOf(el));
      node = walker.nextNode();
      continue;
    }
    const data = node as CharacterData;
    const end = offset + data.length;
    if (regions.startsBefore(end) || ++sinceLook >= LOOK_EVERY) {
      sinceLook = 0;
      farRun = isFar(data, farLine) ? farRun + 1 : 0;
      if (farRun >= 2) {
        const container = containerOf(data, walkRoot);
        rests.push({ from: data, container, sentinel: data.parentElement ?? (container as Element) });
        node = container === walkRoot ? null : after(walker, container);
        if (!node) break;
        // Go on after the container. Where that is in `text` is counted from the end: what
        // follows a long column (a sidebar, a footer) is short, the column's rest is not.
        const following = doc.createRange();
        following.setStartAfter(container);
        following.setEnd(walkRoot, walkRoot.childNodes.length);
        offset = text.length - following.toString().length;
        regions.skipTo(offset);
        farRun = 0;
        continue;
      }
    }
    // Every region this node overlaps; one that runs on into the next node stays current.
    while (regions.startsBefore(end)) {
      if (regions.end() > offset) add(data.parentNode);
      if (regions.end() > end) break;
      regions.pass();
    }
    offset = end;
    node = walker.nextNode();
  }
  return { parents: [...parents], shadows, rests };
}

/**
 * The regions where a name may stand in `text` (matcher.regions), in order, searched a window
 * at a time as the walk gets to them: a page read a few screens down is searched that far.
 */
function regionCursor(matcher: Matcher, text: string) {
  let found: number[] = [];
  let at = 0;
  let searched = 0; // text before this offset has been searched
  return {
    /** Whether the current region starts before `offset` (searching on up to there). */
    startsBefore(offset: number): boolean {
      while (at >= found.length && searched < Math.min(offset, text.length)) {
        const from = searched;
        searched += WINDOW;
        // A name that starts in this window may end in the next: the slice runs on a little.
        const hits = matcher.regions(text.slice(from, searched + LONGEST_NAME));
        found = [];
        at = 0;
        for (let i = 0; i < hits.length; i += 2) if (hits[i]! < WINDOW) found.push(from + hits[i]!, from + hits[i + 1]!);
      }
      return at < found.length && found[at]! < offset;
    },
    /** The current region's end. */
    end: (): number => found[at + 1]!,
    /** On to the next region. */
    pass() {
      at += 2;
    },
    /** Passes every region before `offset`, unsearched text included. */
    skipTo(offset: number) {
      while (at < found.length && found[at + 1]! <= offset) at += 2;
      searched = Math.max(searched, offset);
    },
  };
}

/** Whether the text's element starts below `farLine` (and has a box: hidden text is not far). */
function isFar(text: CharacterData, farLine: number): boolean {
  const box = text.parentElement?.getBoundingClientRect();
  return box !== undefined && box.height > 0 && box.top > farLine;
}

/** The nearest element above the text holding many elements (a list, a column), or `top`. */
function containerOf(text: CharacterData, top: Node): Node {
  for (let n = parentOf(text); n && n !== top; n = parentOf(n)) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).childElementCount >= CONTAINER_CHILDREN) return n;
  }
  return top;
}

/** The walker's first node after `node`'s subtree, or null at the end of its root. */
function after(walker: TreeWalker, node: Node): Node | null {
  walker.currentNode = node;
  while (!walker.nextSibling()) if (!walker.parentNode()) return null;
  return walker.currentNode;
}
