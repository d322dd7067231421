// What a chip name must look like before the extension marks it on every page: a model code
// (it has a digit: H20, MI308X, 昇腾910C) or a name on the reviewed list below, never a common
// word (`the`, `chip`, `Nvidia`, `的`, `芯片`), a bare number or an everyday code (5G, G20,
// COVID-19), and within the limits the matcher is built for. Pure: the integrity check
// (`rules check`, `publish`, `verify`, the background's signed-update check) calls
// checkChipNames; matching/matcher-trial.ts applies NAME_LIMITS before it builds anything.
import { nameKey } from './name-key';
import { GENERIC_WORDS, LINE_WORDS, VENDOR_WORDS, undecorated } from './matcher-words';

export const NAME_LIMITS = {
  /** Characters (UTF-16 units) in one name; the longest today is 22 ("GeForce RTX 5090 D V2"). */
  maxLength: 64,
  /** Names of one chip; the most today is 8. */
  maxPerChip: 32,
  /** Names in the whole dataset; 155 today. The matcher's regex grows with each. */
  maxTotal: 1000,
} as const;

/**
 * Names without a digit that are reviewed as chip names, matched with the case they are written
 * in (matching/matcher-variants.ts): a new one is added here, in review, not by data alone.
 */
const REVIEWED_NAMES = ['Grace Hopper', 'Grace Hopper Superchip', 'Blackwell Ultra'] as const;

/** Words a page is full of, English and Chinese; with the vendor and generic words, never a name. */
const STOP_WORDS = [
  'the', 'and', 'of', 'a', 'an', 'in', 'on', 'to', 'for', 'is', 'it', 'at', 'by', 'as', 'or', 'with', 'from', 'that', 'this',
  'ai', 'card', 'cards', 'china', 'us', 'usa', 'export', 'exports', 'chipmaker', 'semiconductor', 'semiconductors', 'processor',
  '的', '了', '和', '与', '在', '是', '中国', '美国', '出口', '管制', '半导体', '算力', '处理器', '人工智能',
];

/** Everyday codes with digits (keys): marking them would mark ordinary news. */
const COMMON_CODES = [
  '3g', '4g', '5g', '6g', '4k', '8k', 'g7', 'g8', 'g20', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'b2b', 'b2c', 'p2p', 'mp3', 'mp4',
  'a4', 'a3', 'h2o', 'co2', 'covid19', 'f35', 'f16', 'h1b', 'h1n1', 'web3', '24/7', '9/11', '3d', '2d', 'i5', 'i7', 'i9',
];

const NEVER = new Set([...STOP_WORDS, ...VENDOR_WORDS, ...LINE_WORDS, ...GENERIC_WORDS, ...COMMON_CODES].map(nameKey));
const REVIEWED = new Set<string>(REVIEWED_NAMES);

/** A digit, ASCII, full-width or a Chinese numeral (深算三号, Shensuan No. 3). */
const DIGIT = /[0-9０-９〇一二三四五六七八九十]/;

/**
 * Why `name` cannot be a chip name, or null when it can. A name without a digit must be on the
 * reviewed list, or need context (listed in the chip's needsContext: "Rubin" is marked only
 * where a text talks about chips).
 */
export function nameProblem(name: string, needsContext = false): string | null {
  const key = nameKey(name);
  if (name.length > NAME_LIMITS.maxLength) return `is ${name.length} characters long; a name has at most ${NAME_LIMITS.maxLength}`;
  if (name !== name.trim()) return 'starts or ends with white space';
  if (NEVER.has(key)) return 'is a common word, a vendor or an everyday code, which every page is full of';
  if (!DIGIT.test(name) && !REVIEWED.has(name) && !needsContext)
    return `has no digit, is not on the reviewed list of names without one (matching/name-rules.ts: ${REVIEWED_NAMES.join(', ')}) and is not in the chip's needsContext`;
  if (!/[^0-9]/.test(key)) return 'is only a number';
  if (key.length < 3) return 'is shorter than 3 characters';
  return null;
}

interface NamedChip {
  id: string;
  names: readonly string[];
  needsContext?: readonly string[];
}

/**
 * Problems with the dataset's chip names, one message each naming the chip id and the name:
 * names that do not look like chip names (nameProblem), and too many names for one chip or in
 * all (NAME_LIMITS). Empty when every name is fine.
 */
export function checkChipNames(chips: readonly NamedChip[]): string[] {
  const errors: string[] = [];
  let total = 0;
  for (const chip of chips) {
    total += chip.names.length;
    if (chip.names.length > NAME_LIMITS.maxPerChip)
      errors.push(`chip ${chip.id}: ${chip.names.length} names; a chip has at most ${NAME_LIMITS.maxPerChip}`);
    const keys = new Map(chip.names.map((n) => [nameKey(n), n]));
    const contextual = new Set((chip.needsContext ?? []).map(nameKey));
    for (const name of chip.names) {
      // A lookup form such as "NVIDIA Rubin" or "Rubin GPU" (never marked as written,
      // matching/matcher.ts) is judged as the name it decorates.
      const core = undecorated(nameKey(name));
      const judged = core !== nameKey(name) && keys.has(core) ? (keys.get(core) as string) : name;
      const problem = nameProblem(name, false) && nameProblem(judged, contextual.has(nameKey(judged)));
      if (problem) errors.push(`chip ${chip.id}: name ${JSON.stringify(shorten(name))} ${problem}`);
    }
  }
  if (total > NAME_LIMITS.maxTotal) errors.push(`${total} chip names in all; the dataset has at most ${NAME_LIMITS.maxTotal}`);
  return errors;
}

/** A name as a message quotes it: a 1,000-character paste mistake is shown by its start. */
export function shorten(name: string, max = 40): string {
  return name.length > max ? `${name.slice(0, max)}… (${name.length} characters)` : name;
}
