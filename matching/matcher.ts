// Finds chip names in text: one trie of every name per MatcherIndex, walked over each text block.
// Used by the content script (every page), the background (which prepares it) and the CLI, so it
// imports no data and no zod.
//
// The rules it applies are docs/matching.md (the one statement of them: change both together).
// Why the module is built this way: a page scans every text block it reads, so the names are
// built once into one trie (matching/matcher-variants.ts) that a page walks in code
// (matching/name-finder.ts: no regex to compile, which was most of a page's cost), and the
// boundaries, platform words and context around each hit are checked in code, which is far
// cheaper than one regex of the whole rule; that regex is kept (`pattern`) for the rare hit a
// shorter name must rescue, and a property test holds the two to the same marks. The background
// prepares it all as plain data (PreparedMatcher), so a page only reads it.
import type { MatcherIndex } from './matcher-index';
import { hasContextWord, urlJudge } from './matcher-context';
import { SEPARATOR_CLASS, looseRuns, namesToPrefixSource, namesToRegexSource, namesToTrieData, separatorRuns } from './matcher-variants';
import { isSeparatorUnit, nameFinder, type TrieData } from './name-finder';
import { nameKey } from './name-key';
import { notChipHintSource, notChipSource } from './matcher-cues';
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
/** How far before a name PLATFORM_ENDING looks: the longest platform word and its separators. */
const PLATFORM_REACH = 'Instinct'.length + PLATFORM_GAP;
/** At a name's end: an optional platform word, then what may follow a name (AFTER). */
const ENDING = new RegExp(`(${PLATFORM_AFTER})?${AFTER}`, 'y');

/**
 * How many of a name's first characters the page's first pass looks for (namesToPrefixSource).
 * On the bench page (582 K characters, 1,503 names): 1 character lets 44 % of all places through
 * to the trie walk, 2 let 33,000, 3 let 4,100, 4 let 2,900, for a regex of 139, 627, 1,311 and
 * 1,948 characters; past 4 the walks saved no longer show beside the regex's growth.
 */
const PREFIX_CHARS = 4;

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
   * Every name and variant as one trie, as data (matching/name-finder.ts), with no boundaries
   * and no platform words: the same trie `pattern` holds as a regex. `regions` walks it alone;
   * `scan` walks it, then checks the boundaries and platform words around each hit in code,
   * which is what `pattern` says.
   */
  trie: TrieData;
  /**
   * Regex source of the names' first PREFIX_CHARS characters (namesToPrefixSource): where the
   * trie is worth walking from.
   */
  starts: string;
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
  /**
   * Regex source (flags `i`) of the cue words alone, tested first: `notChip` is compiled only
   * when this matches (matching/matcher-cues.ts, notChipHintSource).
   */
  notChipHint: string;
}

/**
 * The names a matcher finds, each with its entry: every listed spelling but the decorated ones
 * (英伟达H20 when H20 is listed), each key owned by the first chip that lists it.
 */
export function listedNames(index: MatcherIndex): { names: string[]; entries: PreparedMatcher['names'] } {
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
      // Every listed spelling goes into the trie ("RTX 5090 D" as well as "RTX 5090D"), and the
      // widest listed spacing is not a loose variant.
      entries[key] = [chip.id, contextual.has(key) ? 1 : 0, Math.max(owner?.[2] ?? 0, separatorRuns(name))];
      names.push(name);
    }
  }
  return { names, entries };
}

export function prepareMatcher(index: MatcherIndex): PreparedMatcher {
  const { names, entries } = listedNames(index);
  const trie = namesToRegexSource(names);
  return {
    version: index.version,
    trie: namesToTrieData(names),
    starts: namesToPrefixSource(names, PREFIX_CHARS),
    pattern: names.length ? `${BEFORE}(${PLATFORM_BEFORE})?(${trie})(${PLATFORM_AFTER})?${AFTER}` : '(?!)',
    names: entries,
    notChip: notChipSource(),
    notChipHint: notChipHintSource(),
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
  const finder = nameFinder(prepared.trie, prepared.starts);
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
  // The cue words alone first: most pages have none near any mark and never compile the whole rule.
  const hint = new RegExp(prepared.notChipHint, 'i');
  let cues: RegExp | undefined;
  const notChip = (text: string, s: number, e: number) => {
    const around = `${text.slice(Math.max(0, s - CUE_REACH), s)}\0${text.slice(e, e + CUE_REACH)}`;
    if (!hint.test(around)) return false;
    cues ??= new RegExp(prepared.notChip, 'i');
    return cues.test(around);
  };

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
      while (seps < PLATFORM_GAP && isSeparatorUnit(text.charCodeAt(s + word[0].length + seps))) seps++;
      // As the rule's SEP{1,PLATFORM_GAP}: the most separators first.
      for (let k = seps; k >= 1; k--) {
        const at = s + word[0].length + k;
        const innerEnd = finder.at(text, at);
        if (innerEnd < 0) continue;
        ENDING.lastIndex = innerEnd;
        const ending = ENDING.exec(text);
        if (!ending) return matchAt(text, s);
        return { start: s, end: innerEnd + ending[0].length, before: text.slice(s, at), core: text.slice(at, innerEnd), after: ending[1] };
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
      for (let s = finder.find(text, 0); s >= 0; s = finder.find(text, finder.end)) out.push(s, finder.end);
      return out;
    },
    scan(text, options = {}) {
      const found: Candidate[] = [];
      const insideUrlOrPath = urlJudge(text);
      let notBefore = 0;
      for (let s = finder.find(text, 0); s >= 0; ) {
        const hit = hitAt(text, s, text.slice(s, finder.end), notBefore);
        // No mark here: look again from the next character, as a regex engine would.
        if (!hit) {
          s = finder.find(text, s + 1);
          continue;
        }
        notBefore = hit.end;
        s = finder.find(text, hit.end);
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
