// The card's own words in English and Chinese: the labels around the dataset's texts, the
// glossary of terms a reader may not know, and how a day is written. They travel in the CardModel
// (built in the background), so the content script, which only renders, carries none of them.
import type { Lang } from './card-model';

const en = {
  since: 'since',
  noRuleYet: 'No rule has applied',
  conditions: 'Conditions',
  events: 'Events, newest first',
  watch: 'Things to watch',
  otherDestinations: 'Other destinations',
  setBy: 'Set by',
  noEvents: 'No controlling events recorded.',
  whyControlled: 'Why controlled',
  spec: 'Spec',
  value: 'Value',
  derived: 'derived',
  unknown: 'unknown',
  met: 'met',
  notMet: 'not met',
  test: 'Test',
  notInForce: 'not in force',
  availability: { shipping: 'Shipping', reported: 'Reported', discontinued: 'Discontinued' },
  chinaSpecific: 'Made for the China market',
  /** A source's grade, shown before its link. */
  reliability: { primary: 'primary', secondary: 'secondary', weak: 'weak' },
  sourceGrades: 'Sources are graded: primary (the rule, the filing), secondary (press), weak (unconfirmed).',
  /** The card's close button (for touch and keyboard; Esc also closes). */
  close: 'Close',
};

export type CardWords = typeof en;

const zh: CardWords = {
  since: '起始',
  noRuleYet: '尚无规则适用',
  conditions: '条件',
  events: '相关事件（由新到旧）',
  watch: '值得关注',
  otherDestinations: '其他目的地',
  setBy: '依据',
  noEvents: '暂无管制事件记录。',
  whyControlled: '为何受管制',
  spec: '指标',
  value: '数值',
  derived: '推算',
  unknown: '未知',
  met: '达到',
  notMet: '未达到',
  test: '测试',
  notInForce: '未生效',
  availability: { shipping: '在售', reported: '据报道', discontinued: '已停产' },
  chinaSpecific: '中国市场特供',
  reliability: { primary: '一手', secondary: '二手', weak: '弱' },
  sourceGrades: '来源分级：一手（法规、公司公告）、二手（媒体报道）、弱（未经证实）。',
  close: '关闭',
};

export const cardWords = (lang: Lang): CardWords => (lang === 'zh' ? zh : en);

/** Terms explained where they first appear on a card (matched case-sensitively, longest first). */
const GLOSSARY: Record<Lang, [string, string][]> = {
  en: [
    ['presumption of denial', 'Applications are reviewed expecting refusal: in practice, licences are not granted.'],
    ['Performance density', 'Performance density (PD): TPP divided by the die area in mm².'],
    ['TPP', 'Total processing performance: 2 × MacTOPS × bit length of the operation, the measure the 3A090 rule uses.'],
    ['PD', 'Performance density: TPP divided by the die area in mm².'],
    ['D:5', 'Country group D:5: countries under a US arms embargo, e.g. China, Russia, Iran.'],
    ['3A090', 'ECCN 3A090: the US Commerce Control List entry for advanced AI chips.'],
    ['NAC', 'Notified Advanced Computing: a licence exception that needs a notice to BIS before export.'],
  ],
  zh: [
    ['推定拒绝', '许可申请以拒绝为前提审查：实际上不予发放许可证。'],
    ['性能密度', '性能密度（PD）：TPP除以芯片面积（平方毫米）。'],
    ['TPP', '总处理性能（TPP）：2 × MacTOPS × 运算位宽，3A090规则使用的指标。'],
    ['PD', '性能密度：TPP除以芯片面积（平方毫米）。'],
    ['D:5', 'D:5国家组：受美国武器禁运的国家，如中国、俄罗斯、伊朗。'],
    ['3A090', 'ECCN 3A090：美国《商业管制清单》中先进AI芯片的条目。'],
    ['NAC', '“已通知先进计算”许可例外：出口前须通知美国商务部工业与安全局（BIS）。'],
  ],
};

export const glossary = (lang: Lang): { term: string; gloss: string }[] => GLOSSARY[lang].map(([term, gloss]) => ({ term, gloss }));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "16 Apr 2025" / "2025年4月16日" from YYYY-MM-DD (no Intl: the same in every runtime). */
export function readableDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}
