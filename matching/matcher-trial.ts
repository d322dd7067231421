// Can the extension run on this dataset's names? Builds the matcher as the background does,
// compiles it as every page does, and scans a fixed probe of ordinary English and Chinese news
// with it, within a budget. A dataset that fails is refused before it reaches any page: a name
// of 1,000 characters, 50,000 aliases or an alias `the` once killed or flooded every page.
//
// Signature (called by `rules check`, `publish`, `verify` and the background's signed-update
// verification; pure, no browser API):
//   trialMatcher(dataset: { meta: { version: string }; chips: readonly { id: string; names: readonly string[];
//     needsContext: readonly string[] }[] }, budget?: Partial<TrialBudget>): TrialResult
//   type TrialResult = { ok: true } | { ok: false; errors: string[] }
// Each error is one line for a person. Times are measured on the machine that runs it, so the
// time budget is generous (over ten times today's); the size and name limits decide in practice.
import { matcherFrom, prepareMatcher, type PreparedMatcher } from './matcher';
import { NAME_LIMITS, shorten } from './name-rules';

export interface TrialBudget {
  /**
   * Characters of regex source a page may compile (the whole rule `pattern`, which holds every
   * name, and the cues together; the names' trie itself is walked, not compiled). Today: about
   * 17,000.
   */
  maxSourceChars: number;
  /**
   * Milliseconds to build and compile the matcher and scan the probe: 10–60 ms today on a busy
   * 2-core machine, 140 ms for 2,000 random aliases, 5.8 s for 20,000 (which froze every page).
   */
  maxMs: number;
}

const TRIAL_BUDGET: TrialBudget = { maxSourceChars: 131_072, maxMs: 1_000 };

export type TrialResult = { ok: true } | { ok: false; errors: string[] };

interface TrialDataset {
  meta: { version: string };
  chips: readonly { id: string; names: readonly string[]; needsContext: readonly string[] }[];
}

/**
 * Ordinary news with no chip name in it, about chips and not, English and Chinese, with the
 * everyday codes that look like model numbers. Nothing in it may be marked, even with context.
 */
export const PROBE_TEXT = [
  'The minister said on Tuesday that the talks in Geneva had gone well, and that a deal on tariffs, soybeans and',
  'Boeing 737 jets could follow before the G20 summit. Shares of Nvidia, AMD, Intel and Huawei suppliers rose 3% in',
  'early trading; analysts expect Q3 revenue of $4.2 billion, up from $3.9 billion a year ago. The export controls',
  'on advanced chips and GPUs, first set in October 2022 and tightened in 2023, cover accelerators used to train AI',
  'models. A spokesperson for the chipmaker declined to comment. In other news, 5G and 4G networks, 4K and 8K screens,',
  'F-35 and F-16 fighters, H2O and CO2 levels, COVID-19 cases, A4 paper, MP3 files, the iPhone 15 and a B2B platform',
  'were all in the headlines, as was the 24/7 service on the A1 road and flight MU5735. Prices fell 0.5% in May.',
  'Chapter 11 of the report, on page 308, lists 20 items from 2019 to 2025, No. 1 to No. 100, in section 4.2(b).',
  '新华社北京电 外交部发言人周二表示，中美双方在日内瓦举行的会谈取得积极进展。英伟达、华为和中芯国际的股价上涨，',
  '分析师预计第三季度营收为42亿美元。美国对先进芯片和显卡的出口管制于2022年10月首次实施，涵盖用于训练人工智能',
  '模型的加速卡和算力芯片。与此同时，5G网络、新能源汽车、C919大飞机和“十四五”规划也受到关注，国内生产总值增长5.2%。',
].join('\n');

/** Runs the trial: `{ok: true}`, or every reason the extension could not live with these names. */
export function trialMatcher(dataset: TrialDataset, budget: Partial<TrialBudget> = {}): TrialResult {
  const { maxSourceChars, maxMs } = { ...TRIAL_BUDGET, ...budget };
  const errors: string[] = [];
  // Limits first: what is over them is refused before anything is built from it.
  let total = 0;
  for (const chip of dataset.chips) {
    total += chip.names.length;
    for (const name of chip.names) {
      if (name.length > NAME_LIMITS.maxLength)
        errors.push(`chip ${chip.id}: name ${JSON.stringify(shorten(name))} is too long for the matcher (at most ${NAME_LIMITS.maxLength} characters)`);
    }
  }
  if (total > NAME_LIMITS.maxTotal) errors.push(`${total} names are too many for the matcher (at most ${NAME_LIMITS.maxTotal})`);
  if (errors.length) return { ok: false, errors };

  const started = performance.now();
  let prepared: PreparedMatcher;
  try {
    prepared = prepareMatcher({ version: dataset.meta.version, chips: dataset.chips.map((c) => ({ id: c.id, names: [...c.names], needsContext: [...c.needsContext] })) });
  } catch (e) {
    return { ok: false, errors: [`the matcher could not be built from these names: ${describe(e)}`] };
  }
  const size = prepared.pattern.length + prepared.notChip.length;
  if (size > maxSourceChars)
    return { ok: false, errors: [`the names make a matcher of ${size} characters of regex, over the budget of ${maxSourceChars}: fewer or shorter names`] };

  let marks;
  try {
    // As a page does (matcherFrom), plus what a page compiles only when needed. The probe is
    // scanned without the not-a-chip cues: a name that marks ordinary words is refused even
    // where a cue word happens to stand near it in the probe.
    new RegExp(prepared.pattern, 'y');
    new RegExp(prepared.notChip, 'i');
    marks = matcherFrom({ ...prepared, notChip: '(?!)' }).scan(PROBE_TEXT, { context: true });
  } catch (e) {
    return { ok: false, errors: [`the matcher does not compile: ${describe(e)}`] };
  }
  const ms = performance.now() - started;
  if (ms > maxMs) errors.push(`building, compiling and trying the matcher took ${Math.round(ms)} ms, over the budget of ${maxMs} ms: fewer or simpler names`);
  const words = [...new Set(marks.map((m) => `"${m.text}" (${m.chipId})`))];
  if (words.length)
    errors.push(`the matcher marks ordinary words in a probe of everyday news: ${words.slice(0, 8).join(', ')}${words.length > 8 ? ` and ${words.length - 8} more` : ''}`);
  return errors.length ? { ok: false, errors } : { ok: true };
}

/** An exception as one short line: a regex error message quotes the whole (huge) regex. */
function describe(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.length > 160 ? `${text.slice(0, 80)} … ${text.slice(-60)}` : text;
}
