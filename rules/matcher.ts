// Finds chip names in text: one regex compiled per MatcherIndex, run over each text block.
// Used by the content script (every page), the popup and the CLI, so it imports no data and no zod.
//
// MATCHING RULES (README copies this section)
// - Every name and alias in the index. Names containing a digit (H20, MI308X, 昇腾910C) match in
//   any case; names without one match with the case they are written in. Chinese as written.
// - Variants: full-width forms (Ｈ２００) match in place (offsets index the original text); one
//   space or hyphen may stand between letter/CJK and digit parts (H-20, H 20, MI 308, 昇腾 910C).
// - Whole tokens only: no ASCII or full-width letter, digit or `_` right before or after a name,
//   so H2O, H2000, SH200, AH20, GB3000, MI3080, B30AX and H20A are not marks. Allowed after a
//   name: a plural `s` (H20s), `'s`/`’s`, and a hyphenated word (H20-class, H200-based,
//   H20-Chips); the mark covers the name only. Not allowed: `-` plus digits (model numbers like
//   H200-1234) or `.` plus a letter or digit (H200.pdf). Names inside a URL, path or e-mail
//   address (example.com/h200-specs, /products/H20/, h20@example.com) are not marks; `H200/H20`,
//   `(H20)`, `“H20”`, `H20。`, `H20、MI308` are.
// - Platform words are part of the mark: HGX, DGX, Instinct before a name and NVL/NVL72, SXM/SXM5,
//   PCIe, OAM after it (`HGX H200`, `H100 SXM`, `GB300 NVL72`), because readers see them as one
//   product name and the card applies to the product built on the chip.
// - Vendor and generic words are not part of the mark: the dataset's `英伟达H20`, `NVIDIA H20`
//   or `H20芯片` help the popup's lookup, but on a page `英伟达的H200芯片` marks `H200`.
// - Longest match wins (GB300 over B300, H200 over H20, Instinct MI308X over MI308); each name
//   belongs to one chip.
// - CONTEXT RULE. A name listed in `needsContext` (e.g. A100, B40, L20), and a loose variant of
//   any name (a space or hyphen the name does not have: `H 20`, `MI-308`), is marked only when the
//   same text block has chip context: another mention that needs no context, or one of the words
//   GPU(s), chip(s), chipmaker(s), Nvidia, Huawei, accelerator(s), export control(s),
//   semiconductor(s), Halbleiter…, Exportkontroll… (any case), AMD, Intel (as capitalised; "AI"
//   alone is too common to count),
//   芯片, 晶片, 英伟达, 显卡, 算力, 出口管制, 半导体, 华为, 昇腾 (and traditional forms), エヌビディア,
//   半導体, 輸出規制 (rules/matcher-context.ts);
//   or a platform word attached to the name (`DGX A100`); or the caller passes
//   `scan(text, {context: true})` because it knows the context (e.g. from the page title).
import type { MatcherIndex } from './matcher-index';
import { hasContextWord, urlJudge } from './matcher-context';
import { SEPARATOR_CLASS, isCaseInsensitiveName, nameKey, namesToRegexSource, separatorRuns } from './matcher-variants';

export { nameKey } from './matcher-variants';

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
   * itself has chip context, unless the caller already knows the context is there (true).
   */
  context?: boolean;
  /** Only names that need no context at all: "does this text name a chip outright?" */
  strict?: boolean;
}

export interface Matcher {
  /** Dataset version this matcher was built from. */
  readonly version: string;
  scan(text: string, options?: ScanOptions): Mention[];
}

interface NameEntry {
  chipId: string;
  needsContext: boolean;
  separatorRuns: number;
}

/** ASCII and full-width letters, digits and `_`: a name must not touch one of these. */
const WORD_CHAR = '[A-Za-z0-9_\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a]';
const DIGIT = '[0-9\\uff10-\\uff19]';
const BEFORE = `(?<!${WORD_CHAR}|[A-Za-z0-9]\\.)`;
// A plural `s` may follow; `-digits` (H200-1234) and `.x` (H200.pdf) may not.
const AFTER = `(?=s?(?!${WORD_CHAR}))(?![-\\u2010\\u2011]${DIGIT}|\\.[A-Za-z0-9])`;
const PLATFORM_BEFORE = `(?:(?:HGX|DGX|Instinct|INSTINCT)${SEPARATOR_CLASS}{1,2})`;
const PLATFORM_AFTER = `(?:${SEPARATOR_CLASS}{1,2}(?:NVL\\d{0,3}|SXM\\d?|PCI[Ee]|OAM))`;

interface Candidate extends Mention {
  needsContext: boolean;
}

// Vendor words before, and generic words after, a name (英伟达H20, NVIDIA H20, H20芯片): the
// dataset lists such forms so lookups find them, but on a page the mark covers the name alone.
const DECORATION = /^(?:nvidia|英伟达|輝達|amd|超威|intel|英特尔|英特爾|huawei|华为|華為)|(?:芯片|晶片|gpu|chips?)$/g;

/** True when `key` is another name of the same chip plus a vendor or generic word. */
function isDecorated(key: string, chipKeys: ReadonlySet<string>): boolean {
  const core = key.replace(DECORATION, '');
  return core !== key && chipKeys.has(core);
}

/**
 * Everything a matcher needs, as plain data. The background prepares it once per dataset and
 * sends it, so a page only constructs two regular expressions instead of building the trie.
 */
export interface PreparedMatcher {
  version: string;
  /** Source of the one regex of every name and variant (flag g). */
  pattern: string;
  /** Source of the cheap pre-test: text that fails it holds no name. */
  prefilter: string;
  /** nameKey → [chipId, needs context (1/0), separator runs in the listed name]. */
  names: Record<string, [string, 0 | 1, number]>;
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
  // Most text holds no name: a cheap test first. A name with a digit needs a digit in the text;
  // a name without one (Grace Hopper) needs its own first word, as written.
  const wordNames = names.filter((n) => !isCaseInsensitiveName(n)).map((n) => n.split(/\s/)[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return {
    version: index.version,
    pattern: names.length ? `${BEFORE}(${PLATFORM_BEFORE})?(${namesToRegexSource(names)})(${PLATFORM_AFTER})?${AFTER}` : '(?!)',
    prefilter: names.length ? ['[0-9\\uff10-\\uff19]', ...new Set(wordNames)].join('|') : '(?!)',
    names: entries,
  };
}

export function compileMatcher(index: MatcherIndex): Matcher {
  return matcherFrom(prepareMatcher(index));
}

/** The matcher for prepared data: cheap, so the content script calls this, not compileMatcher. */
export function matcherFrom(prepared: PreparedMatcher): Matcher {
  const pattern = new RegExp(prepared.pattern, 'g');
  const prefilter = new RegExp(prepared.prefilter);
  // The same few spellings recur on a page: remember each one's entry instead of re-keying it.
  const entryOf = new Map<string, NameEntry | null>();
  const lookup = (core: string): NameEntry | null => {
    let entry = entryOf.get(core);
    if (entry === undefined) {
      const hit = prepared.names[nameKey(core)];
      entry = hit ? { chipId: hit[0], needsContext: hit[1] === 1, separatorRuns: hit[2] } : null;
      entryOf.set(core, entry);
    }
    return entry;
  };

  return {
    version: prepared.version,
    scan(text, options = {}) {
      if (!prefilter.test(text)) return [];
      const found: Candidate[] = [];
      const insideUrlOrPath = urlJudge(text);
      for (const m of text.matchAll(pattern)) {
        const [whole, before = '', core = '', after] = m;
        const entry = lookup(core);
        const start = m.index;
        if (!entry || insideUrlOrPath(start, start + whole.length)) continue;
        const loose = separatorRuns(core) > entry.separatorRuns;
        const hasPlatform = before !== '' || after !== undefined;
        found.push({
          chipId: entry.chipId,
          start,
          end: start + whole.length,
          text: whole,
          needsContext: (entry.needsContext || loose) && !hasPlatform,
        });
      }
      if (options.strict) return found.filter((c) => !c.needsContext).map(toMention);
      if (!found.some((c) => c.needsContext)) return found.map(toMention);
      const context = options.context === true || found.some((c) => !c.needsContext) || hasContextWord(text);
      return (context ? found : found.filter((c) => !c.needsContext)).map(toMention);
    },
  };
}

function toMention({ chipId, start, end, text }: Candidate): Mention {
  return { chipId, start, end, text };
}
