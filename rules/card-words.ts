// What the card says around the dataset's texts: its labels (a view of rules/ui-words.ts), the
// glossary of terms a reader may not know, and how a day is written. They travel in the CardModel
// (built in the background), so the content script, which only renders, carries none of them.
import type { Lang } from './card-model';
import { cardWordsFor, type CardWords } from './ui-words';

export type { CardWords };

/** The card's labels: its part of the one table of UI words (rules/ui-words.ts). */
export const cardWords = (lang: Lang): CardWords => cardWordsFor(lang);

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
