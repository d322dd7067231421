// How one chip name is written in the wild, as regex source: per-character classes that accept
// half- and full-width forms (and both cases where that is safe), and optional separators
// between a name's parts. The text is never normalised, so match offsets index the original
// string (each full-width form is one UTF-16 unit, like its ASCII twin). Which chip a spelling
// names is decided by its key (matching/name-key.ts), not here.

import { SEP_ANY, SEP_OPTIONAL, SEP_SOME, type TrieData } from './name-finder';

const FULL_WIDTH_OFFSET = 0xfee0; // 'Ａ' (U+FF21) - 'A'

/**
 * Characters that separate a name's parts: space, tab, NBSP, narrow NBSP, ideographic space, and
 * the hyphens and dashes pages use for a hyphen (hyphen, non-breaking hyphen U+2011, figure dash,
 * en dash, minus sign, small and full-width hyphen-minus): `MI‑308` reads as `MI-308`.
 */
export const SEPARATOR_CLASS = '[ \\t\\u00a0\\u202f\\u3000\\-\\u2010-\\u2013\\u2212\\ufe63\\uff0d]';
/**
 * Where a name has a space, a page's source may break the line and indent the next (`Gaudi` at
 * the end of one line, `3` on the next): one line break, no blank line, which a browser renders
 * as one space.
 */
const LINE_GAP = '[ \\t\\u00a0\\u3000]{0,40}(?:\\r\\n?|\\n|\\f)[ \\t\\u00a0\\u3000]{0,40}';
const SEPARATOR_RUN = new RegExp(`(?:${SEPARATOR_CLASS}|[\\n\\r\\f])+`, 'g');

/** Number of separator runs in `s` ("HGX H-20" → 2): more than the name has means a loose variant. */
export function separatorRuns(s: string): number {
  return s.match(SEPARATOR_RUN)?.length ?? 0;
}

/**
 * Separator runs that make a spelling on a page loose (marked only with context): every run but
 * a hyphen or dash between two or more letters and digits, which is how codes are written
 * (`MI‑308` with a non-breaking hyphen in a heading, `MI-325X`); a single letter (`H-20`, the
 * bomber; `A-100`) stays loose, as does a space (`H 20 cm`).
 */
export function looseRuns(s: string): number {
  return separatorRuns(s.replace(/(?<=[a-z\uff41-\uff5a]{2})[-\u2010-\u2013\u2212\ufe63\uff0d](?=[0-9\uff10-\uff19])/gi, ''));
}

/**
 * Names with a digit (H20, MI308X, 昇腾910C) match case-insensitively: their letters are codes,
 * not words. Names without one are matched with the case they are written in.
 */
function isCaseInsensitiveName(name: string): boolean {
  return /[0-9]/.test(name);
}

type Kind = 'letter' | 'digit' | 'sep' | 'other';

function kindOf(ch: string): Kind {
  if (/[A-Za-z]/.test(ch)) return 'letter';
  if (/[0-9]/.test(ch)) return 'digit';
  if (/[\s\-\u2010-\u2013\u2212\ufe63\uff0d]/.test(ch)) return 'sep';
  return 'other';
}

function escapeRegex(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/**
 * One step of a name, as data the regex and the page's trie walker (matching/name-finder.ts)
 * both read:
 * - `c…`: one UTF-16 unit among the units after the `c` (`cHＨhｈ`: a letter, its full-width
 *   form and, where allowed, its other case);
 * - `l…`: the text after the `l`, literally (a CJK character; two units for one outside the BMP);
 * - SEP_OPTIONAL: one optional separator, where a name's parts change kind (H|20);
 * - SEP_ANY / SEP_SOME: where the name has a space or hyphen: 0–3 (before digits) or 1–3
 *   separators, or one source line break with its indentation (LINE_GAP).
 */
type Step = string | typeof SEP_ANY | typeof SEP_SOME | typeof SEP_OPTIONAL;

/** One character of a name as a step: itself, its full-width form, and the other case if allowed. */
function charStep(ch: string, caseInsensitive: boolean): Step {
  const forms = new Set<string>();
  const variants = caseInsensitive && /[A-Za-z]/.test(ch) ? [ch.toUpperCase(), ch.toLowerCase()] : [ch];
  for (const v of variants) {
    forms.add(v);
    forms.add(String.fromCharCode(v.charCodeAt(0) + FULL_WIDTH_OFFSET));
  }
  return `c${[...forms].join('')}`;
}

/** A step as regex source. */
function stepSource(step: Step): string {
  if (step === SEP_OPTIONAL) return `${SEPARATOR_CLASS}?`;
  if (step === SEP_ANY) return `(?:${SEPARATOR_CLASS}{0,3}|${LINE_GAP})`;
  if (step === SEP_SOME) return `(?:${SEPARATOR_CLASS}{1,3}|${LINE_GAP})`;
  return step[0] === 'c' ? `[${step.slice(1)}]` : [...step.slice(1)].map(escapeRegex).join('');
}

/**
 * A name as a list of steps (one per character or separator), so names can share a trie.
 * Separators: where a name's parts change from letters or CJK to digits or back (H|20, 昇腾|910C,
 * 英伟达|H20) one optional separator is accepted (`H-20`, `H 20`, `MI 308`); a space in the
 * name accepts 1–3 separators or a source line break, or none where it sits before digits
 * (`Ascend910C`). Never between digits and a following letter: `MI308 X` is not `MI308X`.
 * A separator step is always followed by a character (or the name's end), never by another
 * separator: the trie walker relies on it (matching/name-finder.ts).
 */
function nameSteps(name: string): Step[] {
  const ci = isCaseInsensitiveName(name);
  const chars = [...name.trim()];
  const steps: Step[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const kind = kindOf(ch);
    if (kind === 'sep') {
      while (i + 1 < chars.length && kindOf(chars[i + 1] as string) === 'sep') i++;
      const next = chars[i + 1];
      steps.push(next !== undefined && kindOf(next) === 'digit' ? SEP_ANY : SEP_SOME);
      continue;
    }
    const prev = chars[i - 1];
    const prevKind = prev === undefined ? undefined : kindOf(prev);
    if (prevKind !== undefined && prevKind !== 'sep' && prevKind !== kind && !(prevKind === 'digit' && kind === 'letter')) {
      steps.push(SEP_OPTIONAL);
    }
    steps.push(kind === 'other' ? `l${ch}` : charStep(ch, ci));
  }
  return steps;
}

/** A name as regex units, one per step. */
export function nameUnits(name: string): string[] {
  return nameSteps(name).map(stepSource);
}

interface TrieNode {
  children: Map<Step, TrieNode>;
  terminal: boolean;
  depth: number; // longest path below, to try longer names first
}

/**
 * Every name in one trie, each node's children ordered longest name first, and its nodes
 * listed parents before children. Built without recursion: a name may be as long as the data
 * says (a recursive walk overflowed the stack on a 1,000-character alias).
 */
function orderedTrie(names: readonly string[]): TrieNode[] {
  const root: TrieNode = { children: new Map(), terminal: false, depth: 0 };
  for (const name of names) {
    let node = root;
    for (const step of nameSteps(name)) {
      let child = node.children.get(step);
      if (!child) {
        child = { children: new Map(), terminal: false, depth: 0 };
        node.children.set(step, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  const order: TrieNode[] = [];
  for (const stack = [root]; stack.length; ) {
    const node = stack.pop() as TrieNode;
    order.push(node);
    for (const child of node.children.values()) stack.push(child);
  }
  // Children before parents: each node's depth from its children's, then its children sorted.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TrieNode;
    const children = [...node.children].sort((a, b) => b[1].depth - a[1].depth);
    node.children = new Map(children);
    node.depth = children.length ? (children[0] as [Step, TrieNode])[1].depth + 1 : 0;
  }
  return order;
}

/**
 * All names as one trie-shaped regex source (`H(?:[Gg]…|…)`): the engine walks shared prefixes
 * once instead of trying every name at every position. A name that is a prefix of another is an
 * optional tail (greedy), so the longer name is tried first and the shorter one is the fallback.
 */
export function namesToRegexSource(names: readonly string[]): string {
  const order = orderedTrie(names);
  const source = new Map<TrieNode, string>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TrieNode;
    const alts = [...node.children].map(([step, child]) => stepSource(step) + (source.get(child) as string));
    for (const child of node.children.values()) source.delete(child);
    let body = '';
    if (alts.length) body = alts.length === 1 && !node.terminal ? (alts[0] as string) : `(?:${alts.join('|')})`;
    source.set(node, node.terminal && body ? `${body}?` : body);
  }
  return source.get(order[0] as TrieNode) as string;
}

/**
 * The same trie as plain data for the page's walker (matching/name-finder.ts, TrieData): the
 * regex's alternatives in the regex's order, so both find the same name at the same place.
 */
export function namesToTrieData(names: readonly string[]): TrieData {
  const order = orderedTrie(names);
  const index = new Map(order.map((node, i) => [node, i]));
  return order.map((node) => {
    const row: (string | number)[] = [node.terminal ? 1 : 0];
    for (const [step, child] of node.children) row.push(step, index.get(child) as number);
    return row;
  });
}

/**
 * Every run of separators and line-break gaps a separator step may take, and more: white space,
 * hyphens and dashes, at most 82 units (3 separators, or 40 + a line break + 40).
 */
const ANY_GAP = '[\\s\\-\\u2010-\\u2013\\u2212\\ufe63\\uff0d]{0,82}';

/**
 * The names' first `chars` characters as one small regex source that matches, at every place a
 * name starts, at least there (a superset: separators loosened to ANY_GAP). The page runs it to
 * find the few places worth walking the trie from (matching/name-finder.ts): a regex this small
 * compiles in a fraction of a millisecond and skips text at native speed.
 */
export function namesToPrefixSource(names: readonly string[], chars: number): string {
  const order = orderedTrie(names);
  const root = order[0] as TrieNode;
  // Depth-first, without recursion; each node emits its alternatives as a group.
  const emit = (node: TrieNode, left: number): string => {
    type Frame = { node: TrieNode; left: number; alts: string[]; steps: [Step, TrieNode][]; k: number; prefix: string };
    const top: Frame = { node, left, alts: [], steps: [...node.children], k: 0, prefix: '' };
    const stack: Frame[] = [top];
    let result = '';
    while (stack.length) {
      const f = stack[stack.length - 1] as Frame;
      if (f.left === 0 || f.node.terminal || f.k >= f.steps.length) {
        stack.pop();
        // Where a name may end here, or the prefix is long enough, nothing more is required.
        const body = f.left === 0 || f.node.terminal || !f.alts.length ? '' : f.alts.length === 1 ? (f.alts[0] as string) : `(?:${[...new Set(f.alts)].join('|')})`;
        const parent = stack[stack.length - 1];
        if (parent) parent.alts.push(f.prefix + body);
        else result = body;
        continue;
      }
      const [step, child] = f.steps[f.k++] as [Step, TrieNode];
      const isChar = typeof step === 'string';
      const prefix = isChar ? stepSource(step) : ANY_GAP;
      stack.push({ node: child, left: isChar ? f.left - 1 : f.left, alts: [], steps: [...child.children], k: 0, prefix });
    }
    return result;
  };
  return root.children.size ? emit(root, chars) : '(?!)';
}
