// How one chip name is written in the wild, as regex source: per-character classes that accept
// half- and full-width forms (and both cases where that is safe), and optional separators
// between a name's parts. The text is never normalised, so match offsets index the original
// string (each full-width form is one UTF-16 unit, like its ASCII twin). Which chip a spelling
// names is decided by its key (matching/name-key.ts), not here.

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

/** One character of a name as a regex class: itself, its full-width form, and the other case if allowed. */
function charClass(ch: string, caseInsensitive: boolean): string {
  const forms = new Set<string>();
  const variants = caseInsensitive && /[A-Za-z]/.test(ch) ? [ch.toUpperCase(), ch.toLowerCase()] : [ch];
  for (const v of variants) {
    forms.add(v);
    forms.add(String.fromCharCode(v.charCodeAt(0) + FULL_WIDTH_OFFSET));
  }
  return `[${[...forms].join('')}]`;
}

/**
 * A name as a list of regex units (one per character or separator), so names can share a trie.
 * Separators: where a name's parts change from letters or CJK to digits or back (H|20, 昇腾|910C,
 * 英伟达|H20) one optional separator is accepted (`H-20`, `H 20`, `MI 308`); a space in the
 * name accepts 1–3 separators or a source line break, or none where it sits before digits
 * (`Ascend910C`). Never between
 * digits and a following letter: `MI308 X` is not `MI308X`.
 */
export function nameUnits(name: string): string[] {
  const ci = isCaseInsensitiveName(name);
  const chars = [...name.trim()];
  const units: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const kind = kindOf(ch);
    if (kind === 'sep') {
      while (i + 1 < chars.length && kindOf(chars[i + 1] as string) === 'sep') i++;
      const next = chars[i + 1];
      units.push(next !== undefined && kindOf(next) === 'digit' ? `(?:${SEPARATOR_CLASS}{0,3}|${LINE_GAP})` : `(?:${SEPARATOR_CLASS}{1,3}|${LINE_GAP})`);
      continue;
    }
    const prev = chars[i - 1];
    const prevKind = prev === undefined ? undefined : kindOf(prev);
    if (prevKind !== undefined && prevKind !== 'sep' && prevKind !== kind && !(prevKind === 'digit' && kind === 'letter')) {
      units.push(`${SEPARATOR_CLASS}?`);
    }
    units.push(kind === 'other' ? escapeRegex(ch) : charClass(ch, ci));
  }
  return units;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
  depth: number; // longest path below, to try longer names first
}

/**
 * All names as one trie-shaped regex source (`H(?:[Gg]…|…)`): the engine walks shared prefixes
 * once instead of trying every name at every position. A name that is a prefix of another is an
 * optional tail (greedy), so the longer name is tried first and the shorter one is the fallback.
 */
export function namesToRegexSource(names: readonly string[]): string {
  const root: TrieNode = { children: new Map(), terminal: false, depth: 0 };
  for (const name of names) {
    let node = root;
    for (const unit of nameUnits(name)) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), terminal: false, depth: 0 };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  // Children before parents, without recursion: a name may be as long as the data says (a
  // recursive walk overflowed the stack on a 1,000-character alias).
  const order: TrieNode[] = [];
  for (const stack = [root]; stack.length; ) {
    const node = stack.pop() as TrieNode;
    order.push(node);
    for (const child of node.children.values()) stack.push(child);
  }
  const source = new Map<TrieNode, string>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TrieNode;
    // Longer names first: the longest path below each child.
    const children = [...node.children].sort((a, b) => b[1].depth - a[1].depth);
    node.depth = children.length ? (children[0] as [string, TrieNode])[1].depth + 1 : 0;
    const alts = children.map(([unit, child]) => unit + (source.get(child) as string));
    for (const [, child] of children) source.delete(child);
    let body = '';
    if (alts.length) body = alts.length === 1 && !node.terminal ? (alts[0] as string) : `(?:${alts.join('|')})`;
    source.set(node, node.terminal && body ? `${body}?` : body);
  }
  return source.get(root) as string;
}
