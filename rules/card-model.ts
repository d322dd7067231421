// What a hover card or the popup shows for one chip: plain, already-resolved and already-localised
// data, so the UI only renders (components/ take a CardModel as props) and the content script
// receives it by message without bundling the dataset or the status logic.
// The enums (languages, confidence levels, kinds…) are the dataset schema's, inferred from
// rules/schema.ts, so a value added there reaches the card's types (type-only imports: no zod here).
import type { CardWords } from './card-words';
import type { StatusChange } from './changes';
import type { Chip, Confidence, Event, Localized, Source, StatusCode } from './schema';

/** The languages the dataset is written in. */
export type Lang = keyof Localized;

/** Shown next to a record that is not confirmed; `label` is already localised. */
export interface ConfidenceView {
  /** Every level but 'confirmed', which shows nothing. */
  level: Exclude<Confidence['level'], 'confirmed'>;
  /** e.g. "Reported, not confirmed" / "据报道，未经证实". */
  label: string;
  note?: string;
}

export interface SourceView {
  title: string;
  publisher: string;
  date: string;
  /** Always https (the schema refuses anything else). */
  url: string;
  reliability: Source['reliability'];
}

export interface EventView {
  id: string;
  date: string;
  datePrecision: Event['datePrecision'];
  kind: Event['kind'];
  /** Localised kind, e.g. "Rule" / "法规". */
  kindLabel: string;
  title: string;
  summary: string;
  inForce: boolean;
  sources: SourceView[];
  /** Set when the record is not confirmed: shown next to the event. */
  confidence?: ConfidenceView;
}

export interface DestinationStatusView {
  destinationId: string;
  destinationName: string;
  status: StatusCode;
  /** Plain-words label, e.g. "Licence required; being granted with conditions". */
  statusLabel: string;
  /** First day of the current status run, or null when no rule ever applied. */
  since: string | null;
  /** The day this status was last checked against sources (chip.checked), or null if never. */
  checked: string | null;
  conditions: string[];
  /** The events that set and shape the current status, newest first. */
  events: EventView[];
  /** Bills, China-side measures, reports and pending items: things to watch, newest first. */
  watch: EventView[];
  confidence?: ConfidenceView;
}

interface ThresholdTestView {
  /** e.g. "TPP ≥ 4,800". */
  label: string;
  /** true: the chip meets this test; false: it does not; null: a figure is unknown. */
  met: boolean | null;
}

export interface ThresholdView {
  /** e.g. "ECCN 3A090 (Oct 2023 rule)". */
  regimeLabel: string;
  /** e.g. "3A090.a", "not-3A090". */
  classification: string;
  /** One sentence: why the chip is (or is not) controlled. */
  explanation: string;
  specs: { label: string; value: string; derived: boolean; unknown: boolean }[];
  tests: ThresholdTestView[];
}

/**
 * The sentence that leads the card, for the destination of interest: the status now, and, when the
 * page gave its publication date, the status on that day ("When this was published (16 Apr 2025):
 * licence required, none granted. Now: licences granted with conditions, since 8 Aug 2025.").
 */
export interface StatusLead {
  destinationId: string;
  statusNow: StatusCode;
  /** "Now: …, since …." or, when unchanged since the article, "Same as when this was published (…): …". */
  now: string;
  /** The article's date (YYYY-MM-DD) when the card speaks of it. */
  thenDate?: string;
  statusThen?: StatusCode;
  /** "When this was published (…): …." — set only when the status then differs from now. */
  then?: string;
}

/** Why the chip is controlled toward the destination of interest, in words. */
export interface ReachView {
  /** The expandable line: "below the 3A090 line; a licence is needed … under the April 2025 bandwidth letters". */
  short: string;
  /** The line that reaches it beyond 3A090, with the chip's figures against it ('' when 3A090 says it all). */
  detail: string;
}

export interface CardModel {
  chipId: string;
  name: string;
  vendor: string;
  architecture: string;
  summary: string;
  chinaSpecific: boolean;
  availability: Chip['availability'];
  confidence?: ConfidenceView;
  lang: Lang;
  /** The date the statuses are resolved for (today, in the reader's terms). */
  date: string;
  /** China first, then the Gulf, then the default. */
  destinations: DestinationStatusView[];
  thresholds: ThresholdView[];
  asOf: string;
  /** The date through which the dataset's sources were checked (meta.checkedThrough), or null. */
  checkedThrough: string | null;
  /** The footer's line, localised: "Sources checked through 2026-11-20 · version 2026.12.07". */
  freshness: string;
  /** Set when `date` is more than STALE_AFTER_DAYS past checkedThrough: newer changes may be missing. */
  stale?: string;
  datasetVersion: string;
  disclaimer: string;
  /** The destination the first screen answers for (the reader's destination of interest). */
  focus: string;
  lead: StatusLead;
  reach: ReachView;
  /** The card's labels, already localised (the content script carries no words of its own). */
  words: CardWords;
  /** Terms explained on first use (an <abbr title>): TPP, PD, D:5, presumption of denial… */
  glossary: { term: string; gloss: string }[];
  /** Set when the lead status changed since the reader last opened this chip's card (rules/changes.ts). */
  change?: StatusChange;
}
