// Reads a long subtree from the top down, only as far as a little past the view. Where the walk
// reaches text far below the view, the rest of the column it is in (the nearest block holding
// many blocks: an article, a list, a table's body) is left for later, as a "rest" that starts
// there; the walk goes on after that column (a sidebar or a footer written after a long article
// is still read now). A rest is read the same way once the reader scrolls near it. So a page
// costs what its top and the view cost, not what its length does: an archive of thousands of
// paragraphs is read a few screens at a time, and its text is searched only as far as it is read.
import type { Matcher } from '../../matching/matcher';
import type { Ancestry } from './ancestry';
import { climb, parentOf, tagOf } from './dom';
import { isInline, SHOWS_NOTHING } from './skip-rules';
import { appendText, skipSubtree, type JoinedText } from './text-runs';

/** Past this much text under one root, it is read down from the top (see above). */
export const READ_DOWN_FROM_CHARS = 150_000;
/** A column whose rest can wait holds at least this many blocks (not inline elements). */
const COLUMN_BLOCKS = 8;
/** Text nodes walked between two looks at where the walk is on the page. */
const LOOK_EVERY = 16;
/** Past this many rests in one read, the next far text ends the read (a grid of small columns). */
const MAX_RESTS = 16;
/** Past this many nodes walked in one read (a page opened near the end of a huge archive), give up: the caller reads it whole, in slices. */
const MAX_WALKED = 40_000;
/** Walked text searched for possible names at a time. */
const WINDOW = 16_384;
/**
 * Longer than any name as the finder matches it: separators and line breaks included, a name
 * like "GeForce RTX 5090 D V2" written across indented source lines can run to ~350 characters.
 */
const LONGEST_NAME = 1024;

const WALKED = NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION;

/**
 * Text whose top is below this line (viewport px) is far: the view and two screens below it,
 * as near-view.ts reads deferred blocks (its NEAR margins).
 */
export const farLine = (node: Node): number => ((node.ownerDocument ?? (node as Document)).defaultView?.innerHeight ?? 0) * 3;

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
 * Reads `root` from its start, or a rest from its `from` to its container's end. A text whose
 * element starts below `farLine` (viewport px) at two looks running is far. Null when the walk
 * went on too long before reaching far text: the caller reads the whole of it another way.
 */
export function readDown(root: Node, rest: Rest | null, matcher: Matcher, ancestry: Ancestry, farLine: number): ReadDown | null {
  const doc = root.ownerDocument ?? (root as Document);
  const parents = new Set<Node>();
  const shadows: ShadowRoot[] = [];
  const rests: Rest[] = [];
  const add = (parent: Node | null) => {
    if (parent && !parents.has(parent) && ancestry.readable(parent)) parents.add(parent);
  };
  const feed = textFeed(matcher, (text) => add(text.parentNode));
  const walkRoot = rest?.container ?? root;
  const walker = doc.createTreeWalker(walkRoot, WALKED);
  let node: Node | null = rest ? (walker.currentNode = rest.from) : walker.nextNode();
  let [walked, sinceLook, farRun] = [0, 0, 0];
  let lastText: CharacterData | null = null;
  while (node) {
    if (++walked > MAX_WALKED) return null;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.shadowRoot && ancestry.readable(el)) shadows.push(el.shadowRoot);
      if (el.firstChild && SHOWS_NOTHING.has(tagOf(el))) add(parentOf(el));
      node = walker.nextNode();
      continue;
    }
    const text = node as CharacterData;
    if (++sinceLook >= LOOK_EVERY) {
      sinceLook = 0;
      farRun = isFar(text, farLine) ? farRun + 1 : 0;
      if (farRun >= 2) {
        // A name may run from the text read into this one within their block: that block is
        // read whole then (a name never runs across blocks).
        feed.flush();
        if (lastText && ancestry.blockOf(lastText) === ancestry.blockOf(text)) add(lastText.parentNode);
        const column = rests.length < MAX_RESTS ? columnOf(text, walkRoot) : walkRoot;
        rests.push({ from: text, container: column, sentinel: text.parentElement ?? (column as Element) });
        walker.currentNode = column;
        node = column === walkRoot ? null : skipSubtree(walker);
        farRun = 0;
        continue;
      }
    }
    feed.push(text);
    lastText = text;
    node = walker.nextNode();
  }
  feed.flush();
  return { parents: [...parents], shadows, rests };
}

/**
 * The walked text, searched for possible names (matcher.regions) a window at a time; each text
 * node a region overlaps is handed to `hit`. Only text in view of the search is kept.
 */
function textFeed(matcher: Matcher, hit: (text: CharacterData) => void) {
  let joined: JoinedText<CharacterData> = { nodes: [], starts: [], text: '' };
  let searched = 0; // regions starting before this offset in `joined.text` have been handed over

  /** Hands over the regions starting before `upTo`. */
  function search(upTo: number) {
    const { nodes, starts, text } = joined;
    const hits = matcher.regions(text.slice(searched));
    let first = 0; // nodes before this one end before every region still to come
    for (let i = 0; i < hits.length; i += 2) {
      const [from, to] = [searched + hits[i]!, searched + hits[i + 1]!];
      if (from >= upTo) break;
      while (first < nodes.length && starts[first]! + nodes[first]!.length <= from) first++;
      for (let n = first; n < nodes.length && starts[n]! < to; n++) hit(nodes[n]!);
    }
    searched = upTo;
    // Keep only the nodes a later region can still overlap (it starts at `searched` or after).
    let keep = 0;
    while (keep < nodes.length && starts[keep]! + nodes[keep]!.length <= searched) keep++;
    const cut = keep < nodes.length ? starts[keep]! : text.length;
    joined = { nodes: nodes.slice(keep), starts: starts.slice(keep).map((s) => s - cut), text: text.slice(cut) };
    searched -= cut;
  }

  return {
    push(node: CharacterData) {
      appendText(joined, node);
      // A region that starts this far from the end is whole in `text`.
      if (joined.text.length - searched > WINDOW + LONGEST_NAME) search(joined.text.length - LONGEST_NAME);
    },
    /** Searches the rest, then starts afresh. */
    flush() {
      if (joined.text.length > searched) search(joined.text.length);
      [joined, searched] = [{ nodes: [], starts: [], text: '' }, 0];
    },
  };
}

/** Whether the text's element starts below `farLine` (and has a box: hidden text is not far). */
function isFar(text: CharacterData, farLine: number): boolean {
  const box = text.parentElement?.getBoundingClientRect();
  return box !== undefined && box.height > 0 && box.top > farLine;
}

/**
 * The column the text is in: the nearest element above it (below `top`) holding at least
 * COLUMN_BLOCKS blocks — not inline elements (a paragraph of links), not a table row's cells.
 */
function columnOf(text: CharacterData, top: Node): Node {
  return climb(parentOf(text), (n) => n === top || (n.nodeType === Node.ELEMENT_NODE && isColumn(n as Element)), parentOf) ?? top;
}

function isColumn(el: Element): boolean {
  if (el.childElementCount < COLUMN_BLOCKS || isInline(el) || tagOf(el) === 'tr') return false;
  let blocks = 0;
  for (let c = el.firstElementChild; c && blocks < COLUMN_BLOCKS; c = c.nextElementSibling) if (!isInline(c)) blocks++;
  return blocks >= COLUMN_BLOCKS;
}
