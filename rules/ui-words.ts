// Every word ChipLens's own UI says, English and Simplified Chinese side by side: the card's
// labels (which travel in the CardModel, built in the background), the popup's, the options
// page's and the first-run page's. Each entry is `pair(en, zh)`: a missing or mistyped
// translation fails tsc. Browser-free, so the background (rules/card-model-builder.ts) can read
// it; the content script carries none of it. Here too: the words for the dataset's codes
// (statuses, event kinds…), the sentences the card model is built from and the CLI's labels, so no
// other file picks a language's words. The dataset's own texts (events, conditions) are in the
// data; the manifest's words are in public/_locales.
import type { Lang } from './card-model';
import type { ClassificationCode, Confidence, EventKind, Regime, StatusCode } from './schema';

/** One string (or word-making function) in both languages; the Chinese must have the English's type. */
const pair = <T>(en: T, zh: NoInfer<T>): Record<Lang, T> => ({ en, zh });

type Section = Record<string, Record<Lang, unknown>>;
type In<S extends Section> = { [K in keyof S]: S[K]['en'] };

function view<S extends Section>(section: S, lang: Lang): In<S> {
  return Object.fromEntries(Object.entries(section).map(([key, both]) => [key, both[lang]])) as In<S>;
}

/** The card's labels around the dataset's texts: plain strings only, they cross a message. */
const CARD = {
  since: pair('since', '起始'),
  noRuleYet: pair('No rule has applied', '尚无规则适用'),
  conditions: pair('Conditions', '条件'),
  events: pair('Events, newest first', '相关事件（由新到旧）'),
  watch: pair('Things to watch', '值得关注'),
  otherDestinations: pair('Other destinations', '其他目的地'),
  setBy: pair('Set by', '依据'),
  noEvents: pair('No controlling events recorded.', '暂无管制事件记录。'),
  whyControlled: pair('Why controlled', '为何受管制'),
  spec: pair('Spec', '指标'),
  value: pair('Value', '数值'),
  derived: pair('derived', '推算'),
  unknown: pair('unknown', '未知'),
  met: pair('met', '达到'),
  notMet: pair('not met', '未达到'),
  test: pair('Test', '测试'),
  notInForce: pair('not in force', '未生效'),
  availability: pair({ shipping: 'Shipping', reported: 'Reported', discontinued: 'Discontinued' }, { shipping: '在售', reported: '据报道', discontinued: '已停产' }),
  chinaSpecific: pair('Made for the China market', '中国市场特供'),
  /** A source's grade, shown before its link. */
  reliability: pair({ primary: 'primary', secondary: 'secondary', weak: 'weak' }, { primary: '一手', secondary: '二手', weak: '弱' }),
  sourceGrades: pair(
    'Sources are graded: primary (the rule, the filing), secondary (press), weak (unconfirmed).',
    '来源分级：一手（法规、公司公告）、二手（媒体报道）、弱（未经证实）。',
  ),
  /** The card's close button (for touch and keyboard; Esc also closes). */
  close: pair('Close', '关闭'),
  /** The tag on a card whose status changed since the reader last opened it (rules/changes.ts). */
  changedTag: pair('Changed', '有变化'),
  /** The value of a `lang` attribute for this language. */
  htmlLang: pair('en', 'zh-CN'),
};

/** Plain words for the dataset's codes: statuses, event kinds, confidence levels, 3A090 regimes (rules/labels.ts). */
const CODES = {
  status: pair<Record<StatusCode, string>>(
    {
      'not-controlled': 'No US licence needed',
      licensed: 'Licence needed — being granted, with conditions',
      'case-by-case': 'Licence needed — reviewed case by case; approvals unclear',
      denied: 'Licence needed — presumption of denial / not allowed',
      unknown: 'Unknown',
    },
    {
      'not-controlled': '无需美国许可证',
      licensed: '需要许可证——正在发放，附带条件',
      'case-by-case': '需要许可证——逐案审查，能否获批尚不明确',
      denied: '需要许可证——推定拒绝／不予放行',
      unknown: '未知',
    },
  ),
  /** The status in a few plain words, for the sentence that leads the card ("Now: …"). */
  statusPhrase: pair<Record<StatusCode, string>>(
    {
      'not-controlled': 'no US licence needed',
      licensed: 'licences granted with conditions',
      'case-by-case': 'licence required, reviewed case by case',
      denied: 'licence required, none granted',
      unknown: 'status unknown',
    },
    { 'not-controlled': '无需美国许可证', licensed: '许可证附条件发放', 'case-by-case': '须获许可证，逐案审查', denied: '须获许可证，未予发放', unknown: '状态未知' },
  ),
  kind: pair<Record<EventKind, string>>(
    { rule: 'Rule', 'licence-decision': 'Licence decision', announcement: 'Announcement', bill: 'Bill', 'china-measure': 'China-side measure', report: 'Report' },
    { rule: '法规', 'licence-decision': '许可决定', announcement: '官方表态', bill: '法案', 'china-measure': '中方措施', report: '报道' },
  ),
  confidence: pair<Record<Confidence['level'], string>>(
    { confirmed: 'Confirmed', reported: 'Reported, not confirmed', uncertain: 'Uncertain', disputed: 'Disputed' },
    { confirmed: '已证实', reported: '据报道，未经证实', uncertain: '不确定', disputed: '存在争议' },
  ),
  regime: pair<Record<Regime, string>>(
    { '2022': 'ECCN 3A090 (Oct 2022 rule)', '2023': 'ECCN 3A090 (Oct 2023 rule)' },
    { '2022': 'ECCN 3A090（2022年10月规则）', '2023': 'ECCN 3A090（2023年10月规则）' },
  ),
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The sentences the card model is built from (rules/card-model-builder.ts, rules/labels.ts), in the
 * background: their results travel in the CardModel, the functions themselves never do.
 */
const MODEL = {
  /** "16 Apr 2025" / "2025年4月16日" (no Intl: the same in every runtime). */
  date: pair((y: number, m: number, d: number) => `${d} ${MONTHS[m - 1]} ${y}`, (y, m, d) => `${y}年${m}月${d}日`),
  /** The card's footer: how far the sources reach (never the build date), then the data version. */
  freshness: pair(
    (checkedThrough: string | null, version: string) => `${checkedThrough ? `Sources checked through ${checkedThrough} · ` : ''}data version ${version}`,
    (checkedThrough, version) => `${checkedThrough ? `资料核查截至 ${checkedThrough} · ` : ''}数据版本 ${version}`,
  ),
  stale: pair(
    (checkedThrough: string, days: number) => `The sources reach only to ${checkedThrough}, ${days} days ago: newer changes may be missing.`,
    (checkedThrough, days) => `资料仅核查至 ${checkedThrough}（${days} 天前），之后的变化可能未收录。`,
  ),
  /** "licences granted with conditions, since 8 Aug 2025" (the date already readable). */
  phraseSince: pair(
    (phrase: string, since: string | null) => `${phrase}${since ? `, since ${since}` : ''}`,
    (phrase, since) => `${phrase}${since ? `，自${since}起` : ''}`,
  ),
  now: pair((phrase: string) => `Now: ${phrase}.`, (phrase) => `现在：${phrase}。`),
  then: pair((published: string, phrase: string) => `When this was published (${published}): ${phrase}.`, (published, phrase) => `本文发布时（${published}）：${phrase}。`),
  same: pair(
    (published: string, phrase: string) => `Same as when this was published (${published}): ${phrase}.`,
    (published, phrase) => `与本文发布时（${published}）相同：${phrase}。`,
  ),
  /** A 3A090 classification explained: the deciding figures, then what the tier means. */
  tier: pair<Partial<Record<ClassificationCode, string>>>(
    {
      '3A090.a': '3A090.a, the top tier of controlled AI chips',
      '3A090.b': '3A090.b, controlled but eligible for the NAC notification exception',
      '3A090': 'controlled as 3A090 under the 2022 rule',
      'not-3A090': 'outside 3A090, so these thresholds alone do not require a licence',
    },
    {
      '3A090.a': '属3A090.a，即受管制AI芯片的最高一档',
      '3A090.b': '属3A090.b，受管制但可适用NAC通知例外',
      '3A090': '按2022年规则属3A090管制范围',
      'not-3A090': '不在3A090范围内，仅凭这些门槛无需许可证',
    },
  ),
  because: pair((figures: string, tier: string) => `${figures}: ${tier}.`, (figures, tier) => `${figures}：${tier}。`),
  /** Joins two deciding comparisons: "TPP 2,368 < 2,400 and PD 2.9 < 3.2". */
  and: pair('and', '且'),
  recordedAs: pair(
    (recorded: string) => `The figures are not published; sources record it as ${recorded}.`,
    (recorded) => `相关数据未公布；来源记载为${recorded}。`,
  ),
  unpublished: pair('The figures this test needs are not published, so the classification is unknown.', '判断所需的数据未公布，分类未知。'),
  /** A line's (not a tier's) explanation when its figures are missing. */
  lineUnpublished: pair('The figures this test needs are not published.', '判断所需的数据未公布。'),
  /** A spec the data does not give. */
  unknownValue: pair('unknown', '未知'),
  specPd: pair('Performance density (PD)', '性能密度 (PD)'),
  specIo: pair('Chip-to-chip I/O', '芯片间 I/O'),
  specDram: pair('DRAM bandwidth', '显存带宽'),
  /** The two lines that are not 3A090 tiers but decide China licensing. */
  bandwidthLine: pair(
    {
      label: 'April 2025 bandwidth line (letters to Nvidia, AMD, Intel; China)',
      inside: 'Inside the line: the April 2025 letters require a licence for China for chips with this bandwidth.',
      outside: 'Outside the line drawn by the April 2025 letters.',
    },
    {
      label: '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）',
      inside: '在线内：2025年4月的通知函要求此类带宽的芯片对华出口须获许可证。',
      outside: '不在2025年4月通知函所划的线内。',
    },
  ),
  windowLine: pair(
    {
      label: 'January 2026 case-by-case window (91 FR 1684; China)',
      inside: 'Inside the window: licence applications for China are reviewed case by case, if the exporter meets the rule’s conditions.',
      outside: 'Outside the window, which covers only chips sold in the US with TPP < 21,000 and DRAM < 6,500 GB/s.',
    },
    {
      label: '2026年1月逐案审查窗口（91 FR 1684；中国）',
      inside: '在窗口内：若出口商满足规则条件，对华许可申请逐案审查。',
      outside: '不在窗口内；该窗口仅涵盖在美国销售、TPP低于21,000且显存带宽低于6,500 GB/s的芯片。',
    },
  ),
  /** Whether a chip is inside such a line (null: its figures are not published). */
  lineWord: pair<Record<'true' | 'false' | 'null', string>>({ true: 'inside', false: 'outside', null: 'unknown' }, { true: '在内', false: '不在内', null: '未知' }),
  /** Why controlled toward the destination of interest: the chip's tier, then the rule that reaches it. */
  reachTier: pair(
    { '3A090.a': 'in 3A090.a, the top tier', '3A090.b': 'in 3A090.b', '3A090': 'in 3A090', below: 'below the 3A090 line', unknown: 'figures not published' },
    { '3A090.a': '属3A090.a最高一档', '3A090.b': '属3A090.b', '3A090': '属3A090', below: '低于3A090门槛', unknown: '相关数据未公布' },
  ),
  reachBand: pair((to: string) => `a licence is needed for ${to} under the April 2025 bandwidth letters`, (to) => `但按2025年4月带宽通知函，对${to}出口须获许可证`),
  reachWindow: pair((to: string) => `for ${to}, reviewed case by case under the January 2026 rule`, (to) => `按2026年1月规则，对${to}逐案审查`),
  reachEvent: pair((to: string, title: string) => `a licence is needed for ${to}: ${title}`, (to, title) => `对${to}出口须获许可证：${title}`),
  reachFree: pair('no licence needed on these figures', '按这些数据无需许可证'),
  reachFigures: pair((line: string, tests: string) => `The ${line} reaches it: ${tests}.`, (line, tests) => `${line}适用于此芯片：${tests}。`),
  reachAgainst: pair((figure: string, label: string) => `${figure}, against ${label}`, (figure, label) => `${figure}（门槛 ${label}）`),
  /**
   * A threshold test's label or figure (rules/thresholds.ts writes them in notation with a few
   * English words, shared with the CLI) in the card's language.
   */
  testText: pair(
    (text: string) => text,
    (text) =>
      text
        .replace(/^not sold in the US$/i, '未在美国销售')
        .replace(/^sold in the US$/i, '在美国销售')
        .replaceAll(' and ', ' 且 '),
  ),
  /** Between the items of one sentence: the tier and its rule, the figures a line is met by. */
  listSeparator: pair('; ', '；'),
  /** Terms explained where they first appear on a card (matched case-sensitively, longest first). */
  glossary: pair<[string, string][]>(
    [
      ['presumption of denial', 'Applications are reviewed expecting refusal: in practice, licences are not granted.'],
      ['Performance density', 'Performance density (PD): TPP divided by the die area in mm².'],
      ['TPP', 'Total processing performance: 2 × MacTOPS × bit length of the operation, the measure the 3A090 rule uses.'],
      ['PD', 'Performance density: TPP divided by the die area in mm².'],
      ['D:5', 'Country group D:5: countries under a US arms embargo, e.g. China, Russia, Iran.'],
      ['3A090', 'ECCN 3A090: the US Commerce Control List entry for advanced AI chips.'],
      ['NAC', 'Notified Advanced Computing: a licence exception that needs a notice to BIS before export.'],
    ],
    [
      ['推定拒绝', '许可申请以拒绝为前提审查：实际上不予发放许可证。'],
      ['性能密度', '性能密度（PD）：TPP除以芯片面积（平方毫米）。'],
      ['TPP', '总处理性能（TPP）：2 × MacTOPS × 运算位宽，3A090规则使用的指标。'],
      ['PD', '性能密度：TPP除以芯片面积（平方毫米）。'],
      ['D:5', 'D:5国家组：受美国武器禁运的国家，如中国、俄罗斯、伊朗。'],
      ['3A090', 'ECCN 3A090：美国《商业管制清单》中先进AI芯片的条目。'],
      ['NAC', '“已通知先进计算”许可例外：出口前须通知美国商务部工业与安全局（BIS）。'],
    ],
  ),
};

/** The maintainers' CLI (`rules lookup`): the labels of its text output. */
const CLI = {
  status: pair('Status', '状态'),
  since: pair('Since', '起始'),
  checked: pair('Checked', '上次核查'),
  conditions: pair('Conditions', '条件'),
  why: pair('Why', '依据'),
  watch: pair('Watch', '值得关注'),
  thresholds: pair('Thresholds', '门槛'),
  otherDestinations: pair('Other destinations', '其他目的地'),
  sinceDate: pair((date: string) => `since ${date}`, (date) => `自 ${date}`),
};

/** A status in two or three words, for badges in lists. */
const STATUS_SHORT = pair<Record<StatusCode, string>>(
  { 'not-controlled': 'No licence needed', licensed: 'Licences granted', 'case-by-case': 'Case by case', denied: 'Not allowed', unknown: 'Unknown' },
  { 'not-controlled': '无需许可证', licensed: '已发放许可', 'case-by-case': '逐案审查', denied: '不予放行', unknown: '未知' },
);

/** The popup's and the options page's words (functions are fine: these never cross a message). */
const PAGES = {
  searchLabel: pair('Look up a chip', '查询芯片'),
  searchPlaceholder: pair('e.g. H20, MI308X, 英伟达H20', '如 H20、MI308X、英伟达H20'),
  searching: pair('Looking up…', '查询中…'),
  notFound: pair((q: string) => `No chip called “${q}” in the dataset.`, (q) => `数据集中没有名为“${q}”的芯片。`),
  found: pair((name: string) => `Found ${name}.`, (name) => `找到 ${name}。`),
  didYouMean: pair((q: string) => `No chip called “${q}”. Did you mean:`, (q) => `没有名为“${q}”的芯片。您是不是要找：`),
  suggestionsHint: pair((n: number) => (n === 1 ? '1 name to try below.' : `${n} names to try below.`), (n) => `下方有 ${n} 个相近名称可选。`),
  onThisPage: pair('On this page', '本页芯片'),
  statusFor: pair((destination: string) => `Status for ${destination}, today`, (destination) => `今日对${destination}的状态`),
  statusShort: STATUS_SHORT,
  /** A status in full, for the headings of the browse list. */
  statusName: pair((status: StatusCode) => CODES.status.en[status], (status) => CODES.status.zh[status]),
  /** "Changed, was Not allowed": an On-this-page entry whose status moved since its card was last opened. */
  changedFrom: pair((was: string) => `Changed, was ${was}`, (was) => `有变化，原为${was}`),
  /** The card's line on a status that changed since the reader last opened it (built in the background, rules/changes.ts). */
  changedSince: pair(
    (version: string, was: string, now: string) => `Changed since you last looked (data ${version}): was ${was}; now ${now}.`,
    (version, was, now) => `自您上次查看以来有变化（数据 ${version}）：原为${was}；现为${now}。`,
  ),
  browseAll: pair((n: number) => `All ${n} chips, by status`, (n) => `按状态浏览全部 ${n} 款芯片`),
  chipsInGroup: pair((n: number) => (n === 1 ? '1 chip' : `${n} chips`), (n) => `${n} 款`),
  changeFocus: pair('Change the destination in Settings', '在设置中更改目的地'),
  nothingOnPage: pair('No chips marked on this page.', '本页没有标记的芯片。'),
  marks: pair((n: number) => (n === 1 ? '1 mark' : `${n} marks`), (n) => `${n} 处`),
  markOn: pair((host: string) => `Mark chips on ${host}`, (host) => `在 ${host} 上标记芯片`),
  notRunning: pair('ChipLens doesn’t run on this page.', 'ChipLens 不在此页面运行。'),
  settings: pair('Settings', '设置'),
  optionsTitle: pair('ChipLens settings', 'ChipLens 设置'),
  language: pair('Language', '语言'),
  langAuto: pair('Auto (the page’s, then the browser’s)', '自动（先按网页，再按浏览器）'),
  langHint: pair('Auto: a Chinese or English page in its own language, any other in the browser’s.', '自动：中文或英文网页用网页的语言，其他网页用浏览器的语言。'),
  destination: pair('Destination of interest', '关注的目的地'),
  destinationHint: pair('Cards and the popup lead with the status for this destination.', '卡片和弹出窗口首先显示对此目的地的状态。'),
  hoverDelay: pair('Delay before a card opens on hover (ms)', '悬停后打开卡片的延迟（毫秒）'),
  markInCode: pair('Also mark chip names inside code blocks', '也标记代码块中的芯片名称'),
  offSites: pair('Sites where marking is off', '已关闭标记的网站'),
  noOffSites: pair('None: ChipLens marks chips on every site.', '无：ChipLens 在所有网站上标记芯片。'),
  remove: pair((host: string) => `Turn marking back on for ${host}`, (host) => `重新在 ${host} 上标记`),
  removeShort: pair('Remove', '移除'),
  dataTitle: pair('Export-control data', '出口管制数据'),
  dataVersion: pair((version: string, asOf: string) => `Version ${version}, reviewed ${asOf}.`, (version, asOf) => `版本 ${version}，审阅于 ${asOf}。`),
  checkedThrough: pair((date: string) => `Sources checked through ${date}.`, (date) => `资料核查截至 ${date}。`),
  dataBundled: pair('Bundled with this version of ChipLens.', '随此版本的 ChipLens 附带。'),
  dataUpdated: pair((when: string) => `Updated ${when} from the signed published copy.`, (when) => `已于 ${when} 从签名发布的副本更新。`),
  lastCheck: pair('Last look for an update:', '上次检查更新：'),
  neverChecked: pair('ChipLens looks for a signed update twice a day; it has not looked yet.', 'ChipLens 每天检查两次签名更新，目前尚未检查。'),
  checkNow: pair('Check now', '立即检查'),
  checking: pair('Checking…', '正在检查…'),
};

/** The first-run page (entrypoints/welcome/). */
const WELCOME = {
  welcomeTitle: pair('Welcome to ChipLens', '欢迎使用 ChipLens'),
  welcomeIntro: pair(
    'ChipLens marks AI-chip names in the articles you read. Point at a marked name (or tap it) to see the chip’s US export-control status toward your destination of interest, the events that set it, with their sources, and why it is controlled.',
    'ChipLens 会在您阅读的文章中标出 AI 芯片名称。将指针移到标记的名称上（或轻触），即可看到该芯片对您关注目的地的美国出口管制状态、决定该状态的事件及其来源，以及受管制的原因。',
  ),
  demoHeading: pair('Try it on a sample', '示例'),
  demoHint: pair(
    'A short sample article: marked names look like this on any page. Pick one to see the card that pointing at it shows.',
    '一段示例文章：任何网页上标记的名称都是这个样子。点选一个名称，即可看到指向它时显示的卡片。',
  ),
  demoArticle: pair(
    [
      'Nvidia’s ',
      { mark: 'H20' },
      ' was built for China after the 2023 rules. The larger ',
      { mark: 'H200' },
      ' and AMD’s ',
      { mark: 'MI308X' },
      ' face their own licence terms.',
    ],
    ['英伟达的 ', { mark: 'H20' }, ' 是在 2023 年规则之后专为中国市场设计的。更强的 ', { mark: 'H200' }, ' 和 AMD 的 ', { mark: 'MI308X' }, ' 各有其许可条件。'],
  ),
  demoLoading: pair('Loading the sample card…', '正在载入示例卡片…'),
  keysHeading: pair('Keyboard and touch', '键盘与触屏'),
  keysNext: pair('Next marked name on the page, and open its card', '跳到页面上下一个标记的名称，并打开卡片'),
  keysPrev: pair('Previous marked name', '上一个标记的名称'),
  keysPopup: pair('Open the ChipLens popup: search any chip', '打开 ChipLens 弹出窗口：查询任意芯片'),
  keysEsc: pair('Close the card; focus goes back where it was', '关闭卡片，焦点回到原处'),
  keysTouch: pair('On a touch screen, tap a name; a second tap follows a link.', '在触屏上轻触名称即可；再次轻触才会打开链接。'),
  keysChange: pair('The browser’s shortcut settings can change these keys.', '可在浏览器的快捷键设置中更改这些按键。'),
  notAdviceHeading: pair('Information, not legal advice', '仅供参考，不构成法律意见'),
  notAdvice: pair(
    'ChipLens summarises public rules and reports, each with its sources. It is not legal advice: check the sources, and ask a lawyer before you ship anything.',
    'ChipLens 汇总公开的法规与报道，并附上来源。这不构成法律意见：请核对来源，出货前请咨询律师。',
  ),
  welcomeSettings: pair('Choose your destination of interest, language and more in Settings.', '在设置中选择关注的目的地、语言等。'),
  openSettings: pair('Open Settings', '打开设置'),
};

/** Every word of the UI, in one language. */
export type UiWords = In<typeof CARD> & In<typeof PAGES> & In<typeof WELCOME>;
/** The card's words: the part of the table that travels in the CardModel. */
export type CardWords = In<typeof CARD>;

export const cardWordsFor = (lang: Lang): CardWords => view(CARD, lang);
export const uiWords = (lang: Lang): UiWords => ({ ...view(CARD, lang), ...view(PAGES, lang), ...view(WELCOME, lang) });

/** The dataset's codes in plain words (read through rules/labels.ts). */
export type CodeWords = In<typeof CODES>;
const CODE_WORDS = { en: view(CODES, 'en'), zh: view(CODES, 'zh') };
export const codeWords = (lang: Lang): CodeWords => CODE_WORDS[lang];
/** The sentences and labels the card model is built from (rules/card-model-builder.ts). */
export type ModelWords = In<typeof MODEL>;
// Built once: the card-model builder reads these for every card.
const MODEL_WORDS = { en: view(MODEL, 'en'), zh: view(MODEL, 'zh') };
export const modelWords = (lang: Lang): ModelWords => MODEL_WORDS[lang];
/** The CLI's labels (rules/cli/commands/lookup.ts). */
export type CliWords = In<typeof CLI>;
export const cliWords = (lang: Lang): CliWords => view(CLI, lang);
