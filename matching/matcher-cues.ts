// Words that say a name is not a chip: "King Air B200" is an aircraft, a Hyundai "H100" is a
// van, the "H-20" a bomber, Berlin's "A100" a motorway, "B40" a biodiesel blend or an income
// group, "Vera Rubin" an observatory (real examples: .tmp research of 2026-12-07, issue #13). Near a name (same sentence, a few words
// either side) they veto its mark, whether or not the name needs context, unless a chip word
// stands right beside the name ("Nvidia H100", "H100 chips", "英伟达H100"; docs/matching.md,
// "9. The not-a-chip rule").
//
// This table is data: prepareMatcher (background, CLI) turns it into one regex source that
// travels in the PreparedMatcher, so the content script carries only the few lines that apply it.
// Each entry is regex source, matched case-insensitively against the words around the name, with
// the name itself written `\0` (so an entry can ask for a word right after the name).
import { CONTEXT_WORDS_ANY_CASE, CONTEXT_WORDS_CJK, CONTEXT_WORDS_EXACT_CASE } from './matcher-context';

/** Kinds of thing, anywhere near the name: English and German, whole words. */
const WORDS: readonly string[] = [
  // Aircraft. A "plane" may be a network's data or control plane, which chip news has.
  'aircraft', 'air ?planes?', 'aeroplanes?', 'airliners?', 'jet(?:liner)?s?', 'turboprops?', 'helicopters?', 'bombers?',
  'flugzeug\\w*', '(?<!(?:data|control|management|user|forwarding|back|mid|focal|image|power|ground)[ -]?)planes?',
  // Vehicles. "van" also starts Dutch surnames ("van der Berg"); a bus may be a memory or PCIe bus.
  'vans?(?! (?:de[nr]?|het|ten|ter)\\b)', 'minivans?', 'trucks?', 'lorr(?:y|ies)', 'minibus(?:es)?',
  '(?<!(?:memory|data|address|system|expansion|serial|pcie?|pci express|i/o|nvlink|front[- ]side|cpu)[ -]?)bus(?:es)?',
  'diesel', 'biodiesel', 'palm oil', 'armou?red', 'commando',
  // Roads.
  'motorways?', '(?:stadt)?autobahn\\w*', 'highways?', 'freeways?', 'expressways?', 'roundabouts?', 'bundesstra(?:ße|sse)',
  // Aviation bodies, air forces; income groups (Malaysia's B40); the Rubin observatory.
  'faa', 'ntsb', 'air ?force', 'stealth', 'households?', 'income groups?', 'observatory', 'telescopes?', 'astronom\\w*', 'galax(?:y|ies)', 'sagrada',
];

/**
 * Makers and words that only count right beside the name: Hyundai also buys GPUs ("Hyundai's
 * order of 50,000 GPUs"), and "the road ahead for H20 sales" is no road.
 */
const BESIDE_ONLY: readonly string[] = [
  "\\b(?:beech(?:craft)?|king ?air|cessna|hyundai|kia|cadillac(?: gage)?|kirin|porsche|robert|rick)(?:['’]s)?\\W{0,2}\\x00",
  '\\x00\\W{0,2}king ?air\\b',
  '(?:麒麟)\\W{0,2}\\x00',
  '(?:现代|現代)(?:汽车|汽車)?\\W{0,2}\\x00',
  '\\x00\\W{0,2}(?:road(?![- ]?maps?\\b)|rd|street|route|junction)\\b',
];

/**
 * Chinese (simplified and traditional) and Japanese cues, as written (no word boundaries in CJK
 * text). 汽车 is a car, but 汽车芯片 (car chips) is chip news; 高速 alone is "high-speed".
 */
const CJK: readonly string[] = [
  '飞机', '飛機', '客机', '客機', '公务机', '公務機', '轰炸机', '轟炸機', '战斗机', '戰鬥機', '战机', '戰機', '运输机', '運輸機',
  '直升机', '直升機', '航空機', '旅客機', '飛行機', '爆撃機', '戦闘機', '坠毁', '墜毀', '机场', '機場', '空军', '空軍',
  '货车', '貨車', '面包车', '麵包車', '卡车', '卡車', '客车', '客車', '巴士', '皮卡', '轻卡', '輕卡', 'トラック',
  '(?:汽车|汽車|自動車)(?!芯片|晶片|电子|電子|半导体|半導體|半導体|智能|行业|行業|产业|產業|业务|業務)',
  '高速公路', '高速路', '快速路', '公路', '国道', '國道', '高速道路', '装甲车', '裝甲車',
  '生物柴油', '棕榈油', '棕櫚油', '掺混', '收入群体', '天文台', '望远镜', '望遠鏡', '天文学家', '建筑师',
];

/** One character of the name's own sentence: no sentence end (`. ` `。`), not the name. */
const SAME_SENTENCE = '(?:(?![.!?;]\\s|[。！？；\\n])[^\\x00])*';

/** How near a chip word must stand to a name to outweigh the cues ("Nvidia H100", "H100 chips"). */
const BESIDE = 16;

/**
 * The cues as one regex source (flags `i`), what PreparedMatcher.notChip carries. Tested on the
 * text either side of a mark with the mark as `\0`, it matches when a cue stands in the mark's
 * sentence and no chip word stands right beside the mark.
 */
export function notChipSource(): string {
  // The chip-context words of matching/matcher-context.ts (here in any case). Built here, not at
  // load, so the content script, which imports that module, does not carry this.
  const CHIP_WORDS = [CONTEXT_WORDS_ANY_CASE, CONTEXT_WORDS_EXACT_CASE, CONTEXT_WORDS_CJK].map((re) => re.source).join('|');
  const kinds = `(?:\\b(?:${WORDS.join('|')})\\b|${CJK.join('|')})`;
  const cues = [`${kinds}${SAME_SENTENCE}\\x00`, `\\x00${SAME_SENTENCE}${kinds}`, ...BESIDE_ONLY].join('|');
  const chipBeside = `[^\\x00]*(?:${CHIP_WORDS})[^\\x00]{0,${BESIDE}}\\x00|[^\\x00]*\\x00[^\\x00]{0,${BESIDE}}(?:${CHIP_WORDS})`;
  return `^(?!${chipBeside})[^]*?(?:${cues})`;
}

/** `source` without its look-arounds (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`): it matches wherever `source` does, and more. */
function withoutLookarounds(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      out += source.slice(i, i + 2);
      i++;
    } else if (/^\((?:\?[=!]|\?<[=!])/.test(source.slice(i, i + 4))) {
      // Skip to the group's closing parenthesis (the cues hold no parenthesis in a class).
      let depth = 0;
      for (; i < source.length; i++) {
        if (source[i] === '\\') i++;
        else if (source[i] === '(') depth++;
        else if (source[i] === ')' && --depth === 0) break;
      }
    } else out += source[i];
  }
  return out;
}

/**
 * A cheap first test for notChipSource (flags `i`): the cue words alone, without the sentence,
 * look-arounds and chip words around them. Wherever the full regex matches, one of these does,
 * so a window this does not match is no cue, and the full regex (10–18 ms for V8 to compile) is
 * compiled only on a page where a cue word stands near a mark.
 */
export function notChipHintSource(): string {
  return withoutLookarounds([`\\b(?:${WORDS.join('|')})\\b`, ...CJK, ...BESIDE_ONLY].join('|'));
}
