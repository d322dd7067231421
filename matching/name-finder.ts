// Finds where a chip name stands in text by walking the names' trie in code, character by
// character, instead of running the trie as one regular expression.
//
// Why: the trie as a regex (matching/matcher-variants.ts, namesToRegexSource) is ~13,000
// characters of classes and line-break gaps. V8 compiles a regex on its first run and again to
// native code when it runs hot, and on a page that compile was most of what ChipLens cost beyond
// the least extension: 7 ms + 7 ms on Chromium 156, 20 + 12 ms on 150, on every page, even one
// with no chip name (docs/bench.md). This walker costs nothing to set up beyond reading the data,
// and finds the same name at the same place as the regex: the same trie, children in the same
// order (longest name first), each step accepting what its regex source accepts
// (tests/unit/matching/name-finder.test.ts holds the two to the same answers).
//
// The background builds the data (namesToTrieData) and sends it with the rest of the prepared
// matcher; the page only turns it into objects.

/**
 * The names' trie as plain data. `nodes[0]` is the root; each node is
 * `[terminal (1/0), step, child index, step, child index, …]`, its children longest name first.
 * A step (matching/matcher-variants.ts, Step) is `c` + the UTF-16 units one character may be,
 * `l` + a literal text, or a separator kind: 0 (0–3 separators or a line break), 1 (1–3 or a
 * line break), 2 (one optional separator).
 */
export type TrieData = (string | number)[][];

/** Separator steps (matching/matcher-variants.ts, nameSteps, says where each stands). */
export const SEP_ANY = 0;
export const SEP_SOME = 1;
export const SEP_OPTIONAL = 2;
// Character steps, as the walker keeps them.
const CLASS = 3;
const LITERAL = 4;

interface Edge {
  kind: number;
  /** CLASS: the units it accepts; LITERAL: the text. */
  text: string;
  next: Node;
}

interface Node {
  terminal: boolean;
  edges: Edge[];
}

/**
 * SEPARATOR_CLASS (matching/matcher-variants.ts) as a test on one UTF-16 unit: space, tab, NBSP,
 * narrow NBSP, ideographic space, hyphen-minus, the hyphens and dashes U+2010–2013, minus sign,
 * small and full-width hyphen-minus. A unit test holds the two to the same set.
 */
export function isSeparatorUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x2d || c === 0xa0 || c === 0x202f || c === 0x3000 || (c >= 0x2010 && c <= 0x2013) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

/** LINE_GAP's indentation: space, tab, NBSP, ideographic space. */
function isIndentUnit(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000;
}

/** Most separators a separator step takes, and most indentation either side of a line break. */
const MOST_SEPARATORS = 3;
const MOST_INDENT = 40;

/**
 * Where a separator step's line-break form (`[ \t…]{0,40}(?:\r\n?|\n|\f)[ \t…]{0,40}`) ends
 * when it starts at `i`, or -1. Greedy only, with no backtracking: what follows a separator step
 * is a name's character, never a space or a line break (nameSteps), so a shorter run could not
 * let the rest match where the longest did not.
 */
function lineGapEnd(text: string, i: number): number {
  let j = i;
  const n = text.length;
  while (j < n && j - i < MOST_INDENT && isIndentUnit(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  if (c === 0x0d) j += text.charCodeAt(j + 1) === 0x0a ? 2 : 1;
  else if (c === 0x0a || c === 0x0c) j++;
  else return -1;
  const from = j;
  while (j < n && j - from < MOST_INDENT && isIndentUnit(text.charCodeAt(j))) j++;
  return j;
}

/** Where the name along `edge` ends when its step starts at `i`, or -1: the regex's first answer. */
function walkEdge(edge: Edge, text: string, i: number): number {
  const kind = edge.kind;
  if (kind === CLASS) {
    // Units, not one-character strings: charAt would allocate a string for every CJK character.
    const c = text.charCodeAt(i);
    const units = edge.text;
    for (let u = 0; u < units.length; u++) if (units.charCodeAt(u) === c) return walkNode(edge.next, text, i + 1);
    return -1;
  }
  if (kind === LITERAL) return text.startsWith(edge.text, i) ? walkNode(edge.next, text, i + edge.text.length) : -1;
  // Separators, most first (greedy), as the regex tries them; then the line-break form.
  const most = kind === SEP_OPTIONAL ? 1 : MOST_SEPARATORS;
  let run = 0;
  while (run < most && isSeparatorUnit(text.charCodeAt(i + run))) run++;
  const least = kind === SEP_OPTIONAL || kind === SEP_ANY ? 0 : 1;
  for (let k = run; k >= least; k--) {
    const end = walkNode(edge.next, text, i + k);
    if (end >= 0) return end;
  }
  if (kind === SEP_OPTIONAL) return -1;
  const gap = lineGapEnd(text, i);
  return gap < 0 ? -1 : walkNode(edge.next, text, gap);
}

/** The first way the trie below `node` matches at `i` (children in order, then the node's own end). */
function walkNode(node: Node, text: string, i: number): number {
  const edges = node.edges;
  for (let k = 0; k < edges.length; k++) {
    const end = walkEdge(edges[k] as Edge, text, i);
    if (end >= 0) return end;
  }
  return node.terminal ? i : -1;
}

export interface NameFinder {
  /**
   * Where the first name at or after `from` starts (as the trie regex with the `g` flag would
   * find it from lastIndex `from`), or -1; its end is then in `end`.
   */
  find(text: string, from: number): number;
  /** Where a name starting exactly at `at` ends, or -1 (the regex with the `y` flag). */
  at(text: string, at: number): number;
  /** The end of the name the last `find` found. */
  end: number;
}

/**
 * A finder over the trie data. `starts` is a small regex source that matches wherever a name
 * starts, and at some other places (namesToPrefixSource: the names' first characters): it skips
 * the text at native speed, and the trie is walked only where it matched. Cheap to set up: the
 * only regex compiled is that small one.
 */
export function nameFinder(data: TrieData, starts: string): NameFinder {
  // Built on first use: every page constructs a matcher as it starts, and most never need it
  // (the site switched off, a page with nothing to read).
  let root: Node | undefined;
  let anyStart = false;
  const firstUnits = new Map<number, Edge[]>();
  const build = (): Node => {
    const nodes: Node[] = data.map((row) => ({ terminal: row[0] === 1, edges: [] }));
    data.forEach((row, n) => {
      for (let k = 1; k < row.length; k += 2) {
        const step = row[k] as string | number;
        const next = nodes[row[k + 1] as number] as Node;
        const edge: Edge =
          typeof step === 'number'
            ? { kind: step, text: '', next }
            : { kind: step[0] === 'c' ? CLASS : LITERAL, text: step.slice(1), next };
        (nodes[n] as Node).edges.push(edge);
      }
    });
    const top = nodes[0] ?? { terminal: false, edges: [] };
    // The root's edges by the unit a name can start with, so a place costs one look-up. A root
    // edge that is a separator (a name written with a leading hyphen) could start anywhere: then
    // the whole root is walked.
    for (const edge of top.edges) {
      if (edge.kind !== CLASS && edge.kind !== LITERAL) anyStart = true;
      const units = edge.kind === CLASS ? edge.text : edge.text.charAt(0);
      for (let u = 0; u < units.length; u++) {
        const c = units.charCodeAt(u);
        const list = firstUnits.get(c) ?? [];
        // Several edges may start with one unit ([HＨhｈ] and [HＨ]): kept in the trie's order.
        if (!list.includes(edge)) list.push(edge);
        firstUnits.set(c, list);
      }
    }
    return top;
  };

  const at = (text: string, i: number): number => {
    root ??= build();
    if (anyStart) return walkNode(root, text, i);
    const edges = firstUnits.get(text.charCodeAt(i));
    if (!edges) return -1;
    for (let k = 0; k < edges.length; k++) {
      const end = walkEdge(edges[k] as Edge, text, i);
      if (end >= 0) return end;
    }
    // The root is never a name's end: a name has at least one character.
    return -1;
  };

  let candidates: RegExp | undefined;
  const finder: NameFinder = {
    end: -1,
    at,
    find(text, from) {
      candidates ??= new RegExp(starts, 'g');
      candidates.lastIndex = from;
      for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
        const i = m.index;
        const end = at(text, i);
        // An empty match is impossible (no empty name), but never report one: callers loop on `end`.
        if (end > i) {
          finder.end = end;
          return i;
        }
        candidates.lastIndex = i + 1;
      }
      return -1;
    },
  };
  return finder;
}
