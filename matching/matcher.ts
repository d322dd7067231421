// Finds chip names in text: one regex compiled per MatcherIndex, run over each text block.
// Used by the content script (every page), the popup and the CLI, so it imports no data and no zod.
//
// MATCHING RULES (README copies this section)
// - Every name and alias in the index. Names containing a digit (H20, MI308X, 昇腾910C) match in
//   any case; names without one match with the case they are written in. Chinese as written.
// - Variants: full-width forms (Ｈ２００) match in place (offsets index the original text); one
//   space or hyphen may stand between letter/CJK and digit parts (H-20, H 20, MI 308, 昇腾 910C).
//   A hyphen is any of - ‐ ‑ ‒ – − ﹣ － (U+2011 is the non-breaking hyphen headings use: MI‑308);
//   a space is also a no-break, narrow no-break or ideographic space.
// - Whole tokens only: no ASCII or full-width letter, digit or `_` right before or after a name,
//   so H2O, H2000, SH200, AH20, GB3000, MI3080, B30AX and H20A are not marks. Allowed after a
//   name: a plural `s` (H20s), `'s`/`’s`, and a hyphenated word (H20-class, H200-based,
//   H20-Chips); the mark covers the name only. Not allowed: `-` plus digits (model numbers like
//   H200-1234, also with a non-breaking, figure, minus or full-width hyphen) or `.` plus a letter or digit
//   (H200.pdf); an en dash plus digits is a range (H100–200 marks H100). Names inside a URL, path
//   or e-mail address (example.com/h200-specs, /products/H20/, h20@example.com) are not marks; `H200/H20`,
//   `(H20)`, `“H20”`, `H20。`, `H20、MI308` are.
// - Platform words are part of the mark: HGX, DGX, Instinct before a name and NVL/NVL72, SXM/SXM5,
//   PCIe, OAM after it (`HGX H200`, `H100 SXM`, `GB300 NVL72`), because readers see them as one
//   product name and the card applies to the product built on the chip.
// - Vendor and generic words are not part of the mark: the dataset's `英伟达H20`, `NVIDIA H20`
//   or `H20芯片` help the popup's lookup, but on a page `英伟达的H200芯片` marks `H200`.
// - Longest match wins (GB300 over B300, H200 over H20, Instinct MI308X over MI308); each name
//   belongs to one chip.
// - CONTEXT RULE. A name listed in `needsContext` (e.g. A100, B40, L20; every spelling of it, so
//   `Gaudi3` as well as `Gaudi 3`), and a loose variant of any name (a space or hyphen the name
//   does not have: `H 20`, `H-20`; but a hyphen between two or more letters and the digits is how
//   codes are written, so `MI-308` and `MI‑325X` are not loose), is marked only when the same text block (a paragraph, a list
//   item, a table cell, across its line breaks, images and code spans) has chip context: another
//   mention that needs no context, or one of the words
//   GPU(s), chip(s), chipmaker(s), Nvidia, Huawei, accelerator(s), export control(s),
//   semiconductor(s), Halbleiter…, Exportkontroll… (any case), AMD, Intel (as capitalised; "AI"
//   alone is too common to count),
//   芯片, 晶片, 英伟达, 显卡, 加速卡, 加速器, 算力, 出口管制, 半导体, 华为, 昇腾, 英特尔, 超威 (and
//   traditional forms), エヌビディア, 半導体, 輸出規制 (matching/matcher-context.ts);
//   or a platform word attached to the name (`DGX A100`). On a page whose title or main heading
//   (`<h1>`) names a chip outright (a name that needs no context), every such name is marked
//   wherever it stands in the page's content: an article about the H20 may later say just "B40s".
//   The site's navigation, sidebars and footers (`nav`, `aside`, `footer` and their ARIA roles)
//   are left out of that: "B40 households" under "Related stories" needs context of its own. (The CLI's
//   `scan` reads each blank-line separated paragraph as one block, with no page-level context.)
//   (This module scans one text; the content script gives `context` as a function that looks at
//   the rest of the text's block, and as true when the title or heading names a chip.)
// - NOT-A-CHIP RULE. Words near a mark that say it is something else veto it, whatever the
//   context: within 40 characters either side in the same sentence, a kind of thing (aircraft,
//   plane, jet, turboprop, bomber, van, truck, bus, motorway, Autobahn, highway, biodiesel,
//   household(s), observatory…; 飞机, 客机, 公务机, 轰炸机, 货车, 面包车, 卡车, 汽车, 高速公路, 公路,
//   生物柴油, 天文台…), or right beside it a maker or a road (Beechcraft/King Air B200, Hyundai
//   H100, 现代H100, the A100 road). A chip-context word within 16 characters of the mark
//   outweighs them (`Nvidia H100 chips shipped by van`). The table is matching/matcher-cues.ts; it
//   travels to the page as data in the PreparedMatcher. A vetoed mark vouches for no other name.
import type { MatcherIndex } from './matcher-index';
import { hasContextWord, urlJudge } from './matcher-context';
import { SEPARATOR_CLASS, looseRuns, namesToRegexSource, separatorRuns } from './matcher-variants';
import { nameKey } from './name-key';
import { notChipSource } from './matcher-cues';
import { undecorated } from './matcher-words';
import { WORD_CHAR_CLASS } from './word-chars';

export interface Mention {
  chipId: string;
  /** UTF-16 offsets into the scanned text: [start, end). */
  start: number;
  end: number;
  /** The matched text, exactly as it stands in the input. */
  text: string;
}

export interface ScanOptions {
  /**
   * Names that need context (see MatcherIndex.needsContext) are matched only when the text
   * itself has chip context, unless the caller already knows the context is there (true), or
   * can tell when asked (a function, called only for a text that needs it: the content script
   * looks at the rest of the text's block).
   */
  context?: boolean | (() => boolean);
  /** Only names that need no context at all: "does this text name a chip outright?" */
  strict?: boolean;
}

export interface Matcher {
  /** Dataset version this matcher was built from. */
  readonly version: string;
  scan(text: string, options?: ScanOptions): Mention[];
  /**
   * Where a name may stand in `text`, as flat [start, end, start, end, …] offsets: every name
   * `scan` would find over any stretch of this text has its first character inside a region.
   * No boundary or context checks, so it also finds H20 in H2000 or across two blocks' joined
   * text; the content script uses it to pick out the few blocks worth a real scan.
   */
  regions(text: string): number[];
}

interface NameEntry {
  chipId: string;
  needsContext: boolean;
  /** Spelled with more separators than any listed spelling (`H 20`; see looseRuns): a loose variant. */
  loose: boolean;
}

const DIGIT = '[0-9\\uff10-\\uff19]';
// No word character right before a name (matching/word-chars.ts), or a count: `8xH100` is
// eight H100s.
const BEFORE = `(?:(?<!${WORD_CHAR_CLASS}|[A-Za-z0-9]\\.)|(?<=(?<!${WORD_CHAR_CLASS})[1-9][0-9]{0,3}[xX]))`;
// A plural `s` may follow; `-digits` (H200-1234) and `.x` (H200.pdf) may not.
const AFTER = `(?=s?(?!${WORD_CHAR_CLASS}))(?![-\\u2010-\\u2012\\u2212\\ufe63\\uff0d]${DIGIT}|\\.[A-Za-z0-9])`;
const PLATFORM_WORDS_BEFORE = '(?:HGX|DGX|Instinct|INSTINCT)';
/** Most separators between a platform word and its name. */
const PLATFORM_GAP = 2;
const PLATFORM_BEFORE = `(?:${PLATFORM_WORDS_BEFORE}${SEPARATOR_CLASS}{1,${PLATFORM_GAP}})`;
const PLATFORM_AFTER = `(?:${SEPARATOR_CLASS}{1,${PLATFORM_GAP}}(?:NVL\\d{0,3}|SXM\\d?|PCI[Ee]|OAM))`;

/** A platform word and its separators ending right where a name starts (`HGX ` before H200). */
const PLATFORM_ENDING = new RegExp(`${PLATFORM_BEFORE}$`);
/** A platform word at the start of a hit. */
const PLATFORM_WORD = new RegExp(`^${PLATFORM_WORDS_BEFORE}`);
/** SEPARATOR_CLASS as a test on one UTF-16 unit. */
const ONE_SEPARATOR = new RegExp(SEPARATOR_CLASS);
const isSeparator = (ch: string) => ONE_SEPARATOR.test(ch);
/** How far before a name PLATFORM_ENDING looks: the longest platform word and its separators. */
const PLATFORM_REACH = 'Instinct'.length + PLATFORM_GAP;
/** At a name's end: an optional platform word, then what may follow a name (AFTER). */
const ENDING = new RegExp(`(${PLATFORM_AFTER})?${AFTER}`, 'y');

/** How far either side of a mark its not-a-chip cues are looked for (matching/matcher-cues.ts). */
export const CUE_REACH = 40;

/** BEFORE as a test: may a mark start at `i`? (The regex looks behind `i`, at the text before it.) */
const START = new RegExp(BEFORE, 'y');
function boundaryBefore(text: string, i: number): boolean {
  START.lastIndex = i;
  return START.test(text);
}

interface Candidate extends Mention {
  needsContext: boolean;
}

/**
 * Whether a dataset name is another name of the same chip plus a vendor word before it
 * or a generic word after it (英伟达H20, NVIDIA H20, H20芯片; matching/matcher-words.ts): the
 * dataset lists such forms so lookups find them, but on a page the mark covers the name alone.
 */
function isDecorated(key: string, chipKeys: ReadonlySet<string>): boolean {
  const core = undecorated(key);
  return core !== key && chipKeys.has(core);
}

/**
 * Everything a matcher needs, as plain data. The background prepares it once per dataset and
 * sends it, so a page only constructs a regular expression instead of building the trie.
 */
export interface PreparedMatcher {
  version: string;
  /**
   * Source of the bare name regex: every name and variant as one trie, with no boundaries and no
   * platform words. `regions` runs it alone; `scan` runs it, then checks the boundaries and
   * platform words around each hit in code, which is what `pattern` says.
   */
  finder: string;
  /**
   * Source of the whole rule as one regex: BEFORE (platform)? (name) (platform)? AFTER. Compiled
   * only when a hit's longest name fails at its end and a shorter one may fit ("RTX 5090 Dx").
   */
  pattern: string;
  /** nameKey → [chipId, needs context (1/0), separator runs in the listed name]. */
  names: Record<string, [string, 0 | 1, number]>;
  /**
   * Regex source (flags `i`) of the words that say a name is not a chip (matching/matcher-cues.ts),
   * tested on the CUE_REACH (40) characters either side of a mark, the mark itself written `\0`.
   * Data, so the content script carries only the code that applies it.
   */
  notChip: string;
}

export function prepareMatcher(index: MatcherIndex): PreparedMatcher {
  const entries: PreparedMatcher['names'] = {};
  const names: string[] = [];
  for (const chip of index.chips) {
    const contextual = new Set(chip.needsContext.map(nameKey));
    const chipKeys = new Set(chip.names.map(nameKey));
    for (const name of chip.names) {
      const key = nameKey(name);
      if (!key || isDecorated(key, chipKeys)) continue;
      const owner = entries[key];
      // First owner wins; a name owned twice is a dataset error that rules/integrity.ts reports.
      if (owner && owner[0] !== chip.id) continue;
      // Every listed spelling goes into the regex ("RTX 5090 D" as well as "RTX 5090D"), and the
      // widest listed spacing is not a loose variant.
      entries[key] = [chip.id, contextual.has(key) ? 1 : 0, Math.max(owner?.[2] ?? 0, separatorRuns(name))];
      names.push(name);
    }
  }
  const trie = namesToRegexSource(names);
  return {
    version: index.version,
    finder: names.length ? trie : '(?!)',
    pattern: names.length ? `${BEFORE}(${PLATFORM_BEFORE})?(${trie})(${PLATFORM_AFTER})?${AFTER}` : '(?!)',
    names: entries,
    notChip: notChipSource(),
  };
}

export function compileMatcher(index: MatcherIndex): Matcher {
  return matcherFrom(prepareMatcher(index));
}

interface Hit {
  start: number;
  end: number;
  /** The platform word before the name, with its separators ('' when none). */
  before: string;
  core: string;
  /** The platform word after the name, with its separators. */
  after: string | undefined;
}

/** The matcher for prepared data: cheap, so the content script calls this, not compileMatcher. */
export function matcherFrom(prepared: PreparedMatcher): Matcher {
  const finder = new RegExp(prepared.finder, 'g');
  let sticky: RegExp | undefined; // prepared.pattern, compiled on first need
  // The same few spellings recur on a page: remember each one's entry instead of re-keying it.
  const entryOf = new Map<string, NameEntry | null>();
  const lookup = (core: string): NameEntry | null => {
    let entry = entryOf.get(core);
    if (entry === undefined) {
      const hit = prepared.names[nameKey(core)];
      entry = hit ? { chipId: hit[0], needsContext: hit[1] === 1, loose: looseRuns(core) > hit[2] } : null;
      entryOf.set(core, entry);
    }
    return entry;
  };

  // Words near a mark that say it is something else (a Hyundai H100 van) veto it, unless a chip
  // word stands right beside it (Nvidia H100): matching/matcher-cues.ts.
  const cues = new RegExp(prepared.notChip, 'i');
  const notChip = (text: string, s: number, e: number) => cues.test(`${text.slice(Math.max(0, s - CUE_REACH), s)}\0${text.slice(e, e + CUE_REACH)}`);

  /** The whole pattern at exactly `at`, for the rare hit whose longest name fails at its end. */
  const matchAt = (text: string, at: number): Hit | null => {
    sticky ??= new RegExp(prepared.pattern, 'y');
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) return null;
    const [whole, before = '', core = '', after] = m;
    return { start: at, end: at + whole.length, before, core, after };
  };

  /**
   * The mark around a name the finder hit at `s` (`core` is the longest name there), as the
   * whole pattern would match it: a platform word before it if one stands there, the name, a
   * platform word after it, and the boundaries on both sides. Null when no mark starts here.
   */
  const hitAt = (text: string, s: number, core: string, notBefore: number): Hit | null => {
    let start = s;
    const platform = PLATFORM_ENDING.exec(text.slice(Math.max(notBefore, s - PLATFORM_REACH), s));
    if (platform && boundaryBefore(text, s - platform[0].length)) start = s - platform[0].length;
    else if (!boundaryBefore(text, s)) return null;
    // A listed name that starts with a platform word (HGX H20): the rule reads the word as the
    // platform and the longest name after it as the name, so `HGX H-20` is H-20 on an HGX board,
    // not a loose spelling of `HGX H20`.
    const word = start === s ? PLATFORM_WORD.exec(core) : null;
    if (word) {
      let seps = 0;
      while (seps < PLATFORM_GAP && isSeparator(text.charAt(s + word[0].length + seps))) seps++;
      // As the rule's SEP{1,PLATFORM_GAP}: the most separators first.
      for (let k = seps; k >= 1; k--) {
        const at = s + word[0].length + k;
        finder.lastIndex = at;
        const inner = finder.exec(text);
        if (inner?.index !== at) continue;
        ENDING.lastIndex = at + inner[0].length;
        const ending = ENDING.exec(text);
        if (!ending) return matchAt(text, s);
        return { start: s, end: at + inner[0].length + ending[0].length, before: text.slice(s, at), core: inner[0], after: ending[1] };
      }
    }
    ENDING.lastIndex = s + core.length;
    const ending = ENDING.exec(text);
    if (ending) return { start, end: s + core.length + ending[0].length, before: text.slice(start, s), core, after: ending[1] };
    return matchAt(text, start) ?? (start !== s && boundaryBefore(text, s) ? matchAt(text, s) : null);
  };

  return {
    version: prepared.version,
    regions(text) {
      const out: number[] = [];
      finder.lastIndex = 0;
      for (let m = finder.exec(text); m; m = finder.exec(text)) out.push(m.index, m.index + m[0].length);
      return out;
    },
    scan(text, options = {}) {
      const found: Candidate[] = [];
      const insideUrlOrPath = urlJudge(text);
      let notBefore = 0;
      finder.lastIndex = 0;
      for (let m = finder.exec(text); m; m = finder.exec(text)) {
        const hit = hitAt(text, m.index, m[0], notBefore);
        // No mark here: look again from the next character, as the regex engine would.
        if (!hit) {
          finder.lastIndex = m.index + 1;
          continue;
        }
        finder.lastIndex = notBefore = hit.end;
        const entry = lookup(hit.core);
        if (!entry || insideUrlOrPath(hit.start, hit.end) || notChip(text, hit.start, hit.end)) continue;
        const hasPlatform = hit.before !== '' || hit.after !== undefined;
        found.push({
          chipId: entry.chipId,
          start: hit.start,
          end: hit.end,
          text: text.slice(hit.start, hit.end),
          needsContext: (entry.needsContext || entry.loose) && !hasPlatform,
        });
      }
      if (options.strict) return found.filter((c) => !c.needsContext).map(toMention);
      if (!found.some((c) => c.needsContext)) return found.map(toMention);
      const context =
        options.context === true ||
        found.some((c) => !c.needsContext) ||
        hasContextWord(text) ||
        (typeof options.context === 'function' && options.context());
      return (context ? found : found.filter((c) => !c.needsContext)).map(toMention);
    },
  };
}

function toMention({ chipId, start, end, text }: Candidate): Mention {
  return { chipId, start, end, text };
}
