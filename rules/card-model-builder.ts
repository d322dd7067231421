// Builds the plain, localised CardModel for one chip on one date: status per destination
// (rules/status.ts), the controlling events with their sources, and the chip's specs against the
// 3A090 thresholds (rules/thresholds.ts). Never throws on a valid dataset.
import type { CardModel, ConfidenceView, DestinationStatusView, EventView, Lang, ReachView, StatusLead, ThresholdView } from './card-model';
import { cardWords, glossary, readableDate } from './card-words';
import { confidenceLabel, freshnessLine, kindLabel, nowLine, regimeLabel, sameLine, staleNote, statusLabel, thenLine } from './labels';
import type { Chip, ClassificationCode, Confidence, Dataset, Event, Regime, Spec } from './schema';
import { resolveDestination, resolveStatus } from './status';
import { bandwidthLine, caseByCaseWindow, classify, figuresOf, formatNumber, type Classification, type Figures, type LineResult } from './thresholds';
import { modelWords } from './ui-words';

function confidenceView(c: Confidence | undefined, lang: Lang): ConfidenceView | undefined {
  if (!c || c.level === 'confirmed') return undefined;
  return { level: c.level, label: confidenceLabel(c.level, lang), ...(c.note ? { note: c.note[lang] } : {}) };
}

// Sources by id, once per dataset: every event on every card looks its sources up.
const sourceIndex = new WeakMap<Dataset, Map<string, Dataset['sources'][number]>>();
function sourcesById(dataset: Dataset): Map<string, Dataset['sources'][number]> {
  let index = sourceIndex.get(dataset);
  if (!index) sourceIndex.set(dataset, (index = new Map(dataset.sources.map((s) => [s.id, s]))));
  return index;
}

function eventView(dataset: Dataset, e: Event, lang: Lang): EventView {
  const confidence = confidenceView(e.confidence, lang);
  return {
    id: e.id,
    date: e.date,
    datePrecision: e.datePrecision,
    kind: e.kind,
    kindLabel: kindLabel(e.kind, lang),
    title: e.title[lang],
    summary: e.summary[lang],
    inForce: e.inForce,
    sources: e.sources.flatMap((sid) => {
      const s = sourcesById(dataset).get(sid);
      return s ? [{ title: s.title, publisher: s.publisher, date: s.date, url: s.url, reliability: s.reliability }] : [];
    }),
    ...(confidence ? { confidence } : {}),
  };
}

/** When a chip's status for a destination was last checked: its own date, else the `*` date. */
export function checkedOn(chip: Chip, destinationId: string): string | null {
  return (Object.hasOwn(chip.checked, destinationId) ? chip.checked[destinationId] : chip.checked['*']) ?? null;
}

/** Past this many days since the sources were checked, the card says newer changes may be missing. */
export const STALE_AFTER_DAYS = 60;

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function destinationView(dataset: Dataset, chip: Chip, destinationId: string, name: string, date: string, lang: Lang): DestinationStatusView {
  const r = resolveStatus(dataset, chip.id, destinationId, date);
  const confidence = confidenceView(r.confidence, lang);
  return {
    destinationId,
    destinationName: name,
    status: r.status,
    statusLabel: statusLabel(r.status, lang),
    since: r.since,
    checked: checkedOn(chip, destinationId),
    conditions: r.conditions.map((c) => c[lang]),
    events: r.events.map((e) => eventView(dataset, e, lang)),
    watch: r.watch.map((e) => eventView(dataset, e, lang)),
    ...(confidence ? { confidence } : {}),
  };
}

const num = (v: number | null): string => (v === null ? '?' : formatNumber(v));

/** The deciding comparison, in figures, e.g. "TPP 2,368 < 2,400 and PD 2.9 < 3.2". */
function decidingFigures(result: Classification, f: Figures, and: string): string {
  const tpp = `TPP ${num(f.tpp)}`;
  const pd = `PD ${num(f.performanceDensity)}`;
  const t = f.tpp ?? 0;
  if (result.regime === '2022') {
    const io = `I/O ${num(f.interconnectGBs)} GB/s`;
    if (result.code === '3A090') return `${tpp} ≥ 4,800 ${and} ${io} ≥ 600 GB/s`;
    return result.tests[0]?.met === false ? `${tpp} < 4,800` : `${io} < 600 GB/s`;
  }
  const met = result.tests.map((x) => x.met);
  switch (result.code) {
    case '3A090.a':
      return met[0] ? `${tpp} ≥ 4,800` : `${tpp} ≥ 1,600 ${and} ${pd} ≥ 5.92`;
    case '3A090.b':
      return met[2] ? `2,400 ≤ ${tpp} < 4,800 ${and} 1.6 ≤ ${pd} < 5.92` : `${tpp} ≥ 1,600 ${and} 3.2 ≤ ${pd} < 5.92`;
    default:
      if (t < 1600) return `${tpp} < 1,600`;
      if (t < 2400) return `${tpp} < 2,400 ${and} ${pd} < 3.2`;
      return `${tpp} < 4,800 ${and} ${pd} < 1.6`;
  }
}

/** One sentence: the deciding figures, then what the classification means. */
function explain(result: Classification, figures: Figures, recorded: ClassificationCode | undefined, lang: Lang): string {
  const w = modelWords(lang);
  if (result.code === 'unknown') return recorded && recorded !== 'unknown' ? w.recordedAs(recorded) : w.unpublished;
  return w.because(decidingFigures(result, figures, w.and), `${w.tier[result.code]}`);
}

function specView(label: string, spec: Spec | undefined, unit: string, lang: Lang): ThresholdView['specs'][number] {
  const value = spec?.value ?? null;
  return { label, value: value === null ? modelWords(lang).unknownValue : `${num(value)}${unit}`, derived: spec?.derived ?? false, unknown: value === null };
}

function thresholdView(chip: Chip, regime: Regime, figures: Figures, lang: Lang): ThresholdView {
  const result = classify(regime, figures);
  const recorded = chip.classification[regime]?.code;
  const w = modelWords(lang);
  const specs =
    regime === '2023'
      ? [specView('TPP', chip.specs.tpp, '', lang), specView(w.specPd, chip.specs.performanceDensity, '', lang)]
      : [specView('TPP', chip.specs.tpp, '', lang), specView(w.specIo, chip.specs.interconnectGBs, ' GB/s', lang)];
  return {
    regimeLabel: regimeLabel(regime, lang),
    classification: result.code === 'unknown' && recorded ? recorded : result.code,
    explanation: explain(result, figures, recorded, lang),
    specs,
    tests: result.tests.map((t) => ({ label: modelWords(lang).testText(t.label), met: t.met })),
  };
}

const LINES = { bandwidth: 'bandwidthLine', window: 'windowLine' } as const;

/** A line that is not a 3A090 tier but decides China licensing (bandwidth, the 2026 window). */
function lineView(line: keyof typeof LINES, result: LineResult, specs: ThresholdView['specs'], lang: Lang): ThresholdView {
  const w = modelWords(lang);
  const text = w[LINES[line]];
  return {
    regimeLabel: text.label,
    classification: w.lineWord[String(result.met) as 'true' | 'false' | 'null'],
    explanation: result.met === null ? w.lineUnpublished : result.met ? text.inside : text.outside,
    specs,
    tests: result.tests.map((t) => ({ label: modelWords(lang).testText(t.label), met: t.met })),
  };
}

function lineViews(chip: Chip, figures: Figures, lang: Lang): ThresholdView[] {
  const w = modelWords(lang);
  const dram = specView(w.specDram, chip.specs.memoryBandwidthGBs, ' GB/s', lang);
  return [
    lineView('bandwidth', bandwidthLine(figures), [dram, specView(w.specIo, chip.specs.interconnectGBs, ' GB/s', lang)], lang),
    lineView('window', caseByCaseWindow(figures, chip.soldInUS), [specView('TPP', chip.specs.tpp, '', lang), dram], lang),
  ];
}

/** The card's leading sentence: now, and the article's day when the page gave one. */
function leadView(dataset: Dataset, chip: Chip, now: DestinationStatusView, articleDate: string | undefined, lang: Lang): StatusLead {
  const since = now.since ? readableDate(now.since, lang) : null;
  const base = { destinationId: now.destinationId, statusNow: now.status };
  if (!articleDate) return { ...base, now: nowLine(now.status, since, lang) };
  const then = resolveStatus(dataset, chip.id, now.destinationId, articleDate).status;
  const published = readableDate(articleDate, lang);
  const dated = { ...base, thenDate: articleDate, statusThen: then };
  if (then === now.status) return { ...dated, now: sameLine(published, now.status, since, lang) };
  return { ...dated, then: thenLine(published, then, lang), now: nowLine(now.status, since, lang) };
}

const IN_3A090: readonly (ClassificationCode | undefined)[] = ['3A090.a', '3A090.b', '3A090'];

/**
 * Why controlled toward the destination of interest, in words: where the chip sits against 3A090,
 * and, when that alone does not explain the status, which rule reaches it (H20: below the 3A090
 * line, yet licence-only for China under the April 2025 bandwidth letters), with its figures.
 */
function reachView(chip: Chip, figures: Figures, focus: DestinationStatusView, thresholds: ThresholdView[], lang: Lang): ReachView {
  const w = modelWords(lang);
  const computed = classify('2023', figures).code;
  const code = computed === 'unknown' ? chip.classification['2023']?.code : computed;
  const controlled = IN_3A090.includes(code);
  const tier = controlled ? w.reachTier[code as '3A090.a'] : code === 'not-3A090' ? w.reachTier.below : w.reachTier.unknown;
  const china = focus.destinationId === 'CN';
  // "China", not "China (incl. Hong Kong and Macau)", inside a sentence.
  const to = focus.destinationName.replace(/\s*[(（](?:incl\.|含).*$/, '');
  const band = bandwidthLine(figures);
  const window = caseByCaseWindow(figures, chip.soldInUS);
  const against = (tests: LineResult['tests']) =>
    tests
      .filter((t) => t.met)
      .map((t) => (t.figure.toLowerCase() === t.label.toLowerCase() ? w.testText(t.figure) : w.reachAgainst(w.testText(t.figure), w.testText(t.label))))
      .join(w.listSeparator);
  let rule = '';
  let detail = '';
  if (focus.status === 'not-controlled') {
    if (!controlled) rule = w.reachFree;
  } else if (focus.status !== 'unknown') {
    if (china && focus.status === 'case-by-case' && window.met) {
      rule = w.reachWindow(to);
      detail = w.reachFigures(thresholds[3]?.regimeLabel ?? '', against(window.tests));
    } else if (!controlled && china && band.met) {
      rule = w.reachBand(to);
      detail = w.reachFigures(thresholds[2]?.regimeLabel ?? '', against(band.tests));
    } else if (!controlled && focus.events.length > 0) {
      rule = w.reachEvent(to, focus.events.at(-1)!.title);
    }
  }
  return { short: rule ? `${tier}${w.listSeparator}${rule}` : tier, detail };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface CardOptions {
  /** The reader's destination of interest (a destination id or a country code; default CN). */
  focus?: string | undefined;
  /** The page's publication date (YYYY-MM-DD): the card then says the status on that day too. */
  articleDate?: string | null | undefined;
}

export function buildCardModel(dataset: Dataset, chipId: string, date: string, lang: Lang, options: CardOptions = {}): CardModel | null {
  const chip = dataset.chips.find((c) => c.id === chipId);
  if (!chip) return null;
  const figures = figuresOf(chip);
  const confidence = confidenceView(chip.confidence, lang);
  const { checkedThrough = null } = dataset.meta;
  const age = checkedThrough ? daysBetween(checkedThrough, date) : 0;
  const focus = resolveDestination(dataset, options.focus ?? 'CN');
  // A date the page cannot mean (malformed, or after today) is not the article's.
  const articleDate = options.articleDate && ISO_DAY.test(options.articleDate) && options.articleDate <= date ? options.articleDate : undefined;
  const destinations = dataset.destinations
    .map((d) => destinationView(dataset, chip, d.id, d.name[lang], date, lang))
    .sort((a, b) => Number(b.destinationId === focus) - Number(a.destinationId === focus));
  const thresholds = [...(['2023', '2022'] as const).map((regime) => thresholdView(chip, regime, figures, lang)), ...lineViews(chip, figures, lang)];
  const first = destinations[0]!;
  return {
    chipId: chip.id,
    name: chip.name,
    vendor: chip.vendor,
    architecture: chip.architecture,
    summary: chip.summary[lang],
    chinaSpecific: chip.chinaSpecific,
    availability: chip.availability,
    ...(confidence ? { confidence } : {}),
    lang,
    date,
    destinations,
    thresholds,
    asOf: dataset.meta.asOf,
    checkedThrough,
    freshness: freshnessLine(checkedThrough, dataset.meta.version, lang),
    ...(checkedThrough && age > STALE_AFTER_DAYS ? { stale: staleNote(checkedThrough, age, lang) } : {}),
    datasetVersion: dataset.meta.version,
    disclaimer: dataset.meta.disclaimer[lang],
    focus: first.destinationId,
    lead: leadView(dataset, chip, first, articleDate, lang),
    reach: reachView(chip, figures, first, thresholds, lang),
    words: cardWords(lang),
    glossary: glossary(lang),
  };
}
