// Plain words for the dataset's codes, in English and Chinese: statuses, event kinds,
// confidence levels and 3A090 regimes. The card, the popup and the CLI all read them from here.
import type { Lang } from './card-model';
import type { Confidence, EventKind, Regime, StatusCode } from './schema';

type Words<K extends string> = Record<K, Record<Lang, string>>;

const STATUS: Words<StatusCode> = {
  'not-controlled': { en: 'No US licence needed', zh: '无需美国许可证' },
  licensed: { en: 'Licence needed — being granted, with conditions', zh: '需要许可证——正在发放，附带条件' },
  'case-by-case': { en: 'Licence needed — reviewed case by case; approvals unclear', zh: '需要许可证——逐案审查，能否获批尚不明确' },
  denied: { en: 'Licence needed — presumption of denial / not allowed', zh: '需要许可证——推定拒绝／不予放行' },
  unknown: { en: 'Unknown', zh: '未知' },
};

const KIND: Words<EventKind> = {
  rule: { en: 'Rule', zh: '法规' },
  'licence-decision': { en: 'Licence decision', zh: '许可决定' },
  announcement: { en: 'Announcement', zh: '官方表态' },
  bill: { en: 'Bill', zh: '法案' },
  'china-measure': { en: 'China-side measure', zh: '中方措施' },
  report: { en: 'Report', zh: '报道' },
};

const CONFIDENCE: Words<Confidence['level']> = {
  confirmed: { en: 'Confirmed', zh: '已证实' },
  reported: { en: 'Reported, not confirmed', zh: '据报道，未经证实' },
  uncertain: { en: 'Uncertain', zh: '不确定' },
  disputed: { en: 'Disputed', zh: '存在争议' },
};

const REGIME: Words<Regime> = {
  '2022': { en: 'ECCN 3A090 (Oct 2022 rule)', zh: 'ECCN 3A090（2022年10月规则）' },
  '2023': { en: 'ECCN 3A090 (Oct 2023 rule)', zh: 'ECCN 3A090（2023年10月规则）' },
};

export const statusLabel = (status: StatusCode, lang: Lang): string => STATUS[status][lang];
export const kindLabel = (kind: EventKind, lang: Lang): string => KIND[kind][lang];
export const confidenceLabel = (level: Confidence['level'], lang: Lang): string => CONFIDENCE[level][lang];
export const regimeLabel = (regime: Regime, lang: Lang): string => REGIME[regime][lang];

/** The card's and popup's freshness line: how far the sources reach, never the build date. */
const checkedThroughLine = (date: string, lang: Lang): string => (lang === 'zh' ? `资料核查截至 ${date}` : `Sources checked through ${date}`);

/** The card's footer: how far the sources reach, then the data version. */
export const freshnessLine = (checkedThrough: string | null, version: string, lang: Lang): string =>
  `${checkedThrough ? `${checkedThroughLine(checkedThrough, lang)} · ` : ''}${lang === 'zh' ? '数据版本' : 'data version'} ${version}`;

/** Said plainly on the card when the sources reach only to a day more than STALE_AFTER_DAYS ago. */
export const staleNote = (checkedThrough: string, days: number, lang: Lang): string =>
  lang === 'zh'
    ? `资料仅核查至 ${checkedThrough}（${days} 天前），之后的变化可能未收录。`
    : `The sources reach only to ${checkedThrough}, ${days} days ago: newer changes may be missing.`;

/** The status in a few plain words, for the sentence that leads the card ("Now: …"). */
const PHRASE: Words<StatusCode> = {
  'not-controlled': { en: 'no US licence needed', zh: '无需美国许可证' },
  licensed: { en: 'licences granted with conditions', zh: '许可证附条件发放' },
  'case-by-case': { en: 'licence required, reviewed case by case', zh: '须获许可证，逐案审查' },
  denied: { en: 'licence required, none granted', zh: '须获许可证，未予发放' },
  unknown: { en: 'status unknown', zh: '状态未知' },
};

export const statusPhrase = (status: StatusCode, lang: Lang): string => PHRASE[status][lang];

/** "licences granted with conditions, since 8 Aug 2025" (the date already readable). */
const phraseSince = (status: StatusCode, since: string | null, lang: Lang): string =>
  `${statusPhrase(status, lang)}${since ? (lang === 'zh' ? `，自${since}起` : `, since ${since}`) : ''}`;

/** "Now: licences granted with conditions, since 8 Aug 2025." */
export const nowLine = (status: StatusCode, since: string | null, lang: Lang): string =>
  lang === 'zh' ? `现在：${phraseSince(status, since, lang)}。` : `Now: ${phraseSince(status, since, lang)}.`;

/** "When this was published (16 Apr 2025): licence required, none granted." */
export const thenLine = (published: string, status: StatusCode, lang: Lang): string =>
  lang === 'zh' ? `本文发布时（${published}）：${statusPhrase(status, lang)}。` : `When this was published (${published}): ${statusPhrase(status, lang)}.`;

/** One line when the status has not changed since the article: "Same as when this was published (…): …". */
export const sameLine = (published: string, status: StatusCode, since: string | null, lang: Lang): string =>
  lang === 'zh'
    ? `与本文发布时（${published}）相同：${phraseSince(status, since, lang)}。`
    : `Same as when this was published (${published}): ${phraseSince(status, since, lang)}.`;
