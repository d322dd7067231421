// The one description of the ChipLens rules dataset. Every type used elsewhere is inferred from
// here, and the same schema guards the build, the maintainers' CLI and the background's update
// path. No browser API: this module runs in Node too.
import { z } from 'zod';
import { NAME_LIMITS } from '../matching/name-rules';

// zod 4 probes for `eval` unless told not to; extension pages forbid it (MV3 CSP).
z.config({ jitless: true });

/**
 * How much data the extension is built to carry: far above today's dataset (48 chips, 284 names,
 * 61 events, 187 sources), low enough that the matcher, the status logic and every card stay
 * fast and small. A dataset over any of them is refused by the build, `rules check`, `publish`,
 * `verify` and the background alike (cross-record totals: rules/runnable.ts).
 */
export const LIMITS = {
  chips: 200,
  destinations: 60,
  events: 2_000,
  sources: 5_000,
  /** Characters in one chip name, names per chip, names in all: matching/name-rules.ts decides. */
  nameChars: NAME_LIMITS.maxLength,
  namesPerChip: NAME_LIMITS.maxPerChip,
  names: NAME_LIMITS.maxTotal,
  /** Characters in one reader-facing text (a summary, a title, a note). */
  textChars: 4_000,
  effectsPerEvent: 50,
  /** Items in any other list (sources cited, chip ids in a selector, conditions…). */
  listItems: 200,
  /** Characters in a short field (an id, a publisher, a vendor). */
  shortChars: 200,
  urlChars: 2_000,
} as const;

const text = (max: number = LIMITS.textChars) => z.string().max(max, `is longer than ${max.toLocaleString('en-US')} characters`);
const list = <T extends z.ZodType>(item: T, max: number = LIMITS.listItems, what = 'items') => z.array(item).max(max, `has more than ${max.toLocaleString('en-US')} ${what}`);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

const httpsUrl = z
  .string()
  .max(LIMITS.urlChars, `is longer than ${LIMITS.urlChars} characters`)
  .url('must be a URL')
  .refine((u) => u.startsWith('https://'), 'must be an https:// link');

const id = text(LIMITS.shortChars).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

/** Text shown to readers, in English and Chinese. */
export const Localized = z.object({
  en: z.string({ error: 'English text is required' }).min(1, 'English text is required').max(LIMITS.textChars, `is longer than ${LIMITS.textChars.toLocaleString('en-US')} characters`),
  zh: z.string({ error: 'Chinese text is required' }).min(1, 'Chinese text is required').max(LIMITS.textChars, `is longer than ${LIMITS.textChars.toLocaleString('en-US')} characters`),
});

const Reliability = z.enum(['primary', 'secondary', 'weak']);

export const Source = z.object({
  id,
  title: text().min(1),
  publisher: text(LIMITS.shortChars).min(1),
  date: isoDate,
  url: httpsUrl,
  /** primary = the document itself or a company filing; secondary = reputable press or law firm; weak = needs corroboration. */
  reliability: Reliability,
});

export const StatusCode = z.enum(['not-controlled', 'licensed', 'case-by-case', 'denied', 'unknown']);

/** How sure the dataset is about a record; anything but `confirmed` is shown to the reader. */
export const Confidence = z.object({
  level: z.enum(['confirmed', 'reported', 'uncertain', 'disputed']),
  note: Localized.optional(),
});

/** A measured or derived figure. `value: null` means unknown; every known value cites a source. */
export const Spec = z
  .object({
    value: z.number().positive().nullable(),
    /** true when the figure is our own arithmetic from vendor numbers, not an official figure. */
    derived: z.boolean().default(false),
    note: text().optional(),
    sources: list(id).default([]),
  })
  .refine((s) => s.value === null || s.sources.length > 0, { message: 'a known value must cite at least one source', path: ['sources'] });

const Specs = z.object({
  /** Total processing performance (ECCN 3A090 definition). */
  tpp: Spec,
  /** TPP ÷ applicable die area (mm²). */
  performanceDensity: Spec,
  /** Total DRAM bandwidth, GB/s. */
  memoryBandwidthGBs: Spec,
  /** Aggregate bidirectional chip-to-chip I/O, GB/s (the 2022 test). */
  interconnectGBs: Spec,
  /** Applicable die area, mm². */
  dieAreaMm2: Spec,
  memoryGB: Spec.optional(),
});

/** The ECCN 3A090 regimes the thresholds module knows how to evaluate. */
export const Regime = z.enum(['2022', '2023']);
export const ClassificationCode = z.enum(['3A090', '3A090.a', '3A090.b', 'not-3A090', 'unknown']);

export const Chip = z.object({
  id: text(LIMITS.shortChars).regex(/^[a-z0-9]+-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be vendor-model, lowercase (e.g. nvidia-h20)'),
  vendor: text(LIMITS.shortChars).min(1),
  /** Display name, e.g. "H20". */
  name: text(LIMITS.nameChars).min(1),
  architecture: text(LIMITS.shortChars).min(1),
  /** Product category shown on the card. */
  kind: z.enum(['datacenter-gpu', 'workstation-gpu', 'consumer-gpu', 'accelerator', 'superchip', 'system']),
  /** Made for the Chinese market to fit under US thresholds. */
  chinaSpecific: z.boolean(),
  /** Sold in the US (the Jan-2026 case-by-case window requires it). */
  soldInUS: z.boolean(),
  /** When the chip was announced or first reported, YYYY-MM-DD. */
  announced: isoDate,
  /** Whether the chip has actually shipped. */
  availability: z.enum(['shipping', 'reported', 'discontinued']),
  /**
   * Every way news writes the chip, English and Chinese. The matcher adds spacing, hyphen,
   * full-width, possessive and plural variants itself, so list the forms, not the variants.
   */
  names: list(text(LIMITS.nameChars).min(2, 'a name has at least two characters'), LIMITS.namesPerChip, 'names').min(1, 'a chip needs at least one name'),
  /** Names that also mean something else (B40 is a Malaysian income group): marked only with chip context nearby. */
  needsContext: list(text(LIMITS.nameChars), LIMITS.namesPerChip, 'names').default([]),
  specs: Specs,
  /** Recorded classification per regime, with sources; `rules check` verifies it against the specs. */
  classification: z.partialRecord(Regime, z.object({ code: ClassificationCode, sources: list(id).default([]), note: text().optional() })),
  summary: Localized,
  confidence: Confidence.optional(),
  /** Related chips (same die, China variant of …), by id. */
  related: list(id).default([]),
  /**
   * The day each destination's status was last checked against sources, by destination id; `*`
   * stands for every destination not listed. `rules stale` lists what is missing or old.
   */
  checked: z
    .record(text(LIMITS.shortChars), isoDate)
    .refine((r) => Object.keys(r).length <= LIMITS.destinations + 1, `has more than ${LIMITS.destinations + 1} entries`)
    .default({}),
});

export const Destination = z.object({
  /**
   * ISO 3166 alpha-2 for a country (RU also covers BY), or an uppercase group id for several
   * countries that share one status (EMBARGO, D5), or OTHER for the default. Group ids are never
   * two letters, so they cannot collide with a country code.
   */
  id: z.string().regex(/^(?:[A-Z]{2}|[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)*)$/, 'must be an ISO country code, OTHER, or an uppercase group id such as EMBARGO or D5'),
  name: Localized,
  /** Country codes that resolve to this destination (CN covers HK and MO). */
  covers: list(z.string().regex(/^[A-Z]{2}$/), 300, 'country codes').default([]),
  note: Localized.optional(),
});

/** Which chips an effect reaches: named ids, or a threshold selector over the chips' specs. */
export const ChipSelector = z
  .object({
    ids: list(id).optional(),
    /** Recorded classification under a regime, e.g. { regime: '2023', in: ['3A090.a'] }. */
    classification: z.object({ regime: Regime, in: list(ClassificationCode, 10).min(1) }).optional(),
    tpp: z.object({ gte: z.number().optional(), lt: z.number().optional() }).optional(),
    memoryBandwidthGBs: z.object({ gte: z.number().optional(), lt: z.number().optional() }).optional(),
    soldInUS: z.boolean().optional(),
    chinaSpecific: z.boolean().optional(),
    vendors: list(text(LIMITS.shortChars)).optional(),
    /** Chips explicitly left out even if the selector matches. */
    except: list(id).optional(),
    /** Human-readable form of the selector, shown on the card ("TPP < 21,000 and DRAM < 6,500 GB/s"). */
    describe: text().optional(),
  })
  .refine((s) => s.ids || s.classification || s.tpp || s.memoryBandwidthGBs, { message: 'an effect must name chips (ids) or give a threshold selector' });

export const Effect = z.object({
  chips: ChipSelector,
  /** Destination ids (CN, AE, SA, OTHER…). */
  destinations: list(text(LIMITS.shortChars), LIMITS.destinations, 'destinations').min(1),
  /** The resulting US status. Omitted for things to watch (bills, China-side measures, reports). */
  status: StatusCode.optional(),
  conditions: list(Localized, 20, 'conditions').default([]),
});

export const EventKind = z.enum(['rule', 'licence-decision', 'announcement', 'bill', 'china-measure', 'report']);

/** Kinds that can change the US status; the others are shown as things to watch. */
export const STATUS_KINDS = ['rule', 'licence-decision', 'announcement'] as const;

export const Event = z
  .object({
    id,
    /** When it happened or was published. */
    date: isoDate,
    /** When it took legal effect, if that differs; status changes from this date. */
    effective: isoDate.optional(),
    /** `day` unless the sources only give a month. */
    datePrecision: z.enum(['day', 'month']).default('day'),
    kind: EventKind,
    title: Localized,
    summary: Localized,
    sources: list(id).min(1, 'every event cites at least one source'),
    /** Still in force as of the dataset's as-of date (false once rescinded, superseded or lapsed). */
    inForce: z.boolean(),
    /** When it stopped applying (rescinded, superseded, expired). Status stops following it then. */
    ended: isoDate.optional(),
    effects: list(Effect, LIMITS.effectsPerEvent, 'effects').min(1, 'an event must say which chips and destinations it concerns'),
    confidence: Confidence.optional(),
  })
  .superRefine((e, ctx) => {
    const changesStatus = (STATUS_KINDS as readonly string[]).includes(e.kind);
    e.effects.forEach((effect, i) => {
      if (!changesStatus && effect.status) {
        ctx.addIssue({ code: 'custom', path: ['effects', i, 'status'], message: `a ${e.kind} never changes the US status: leave status out` });
      }
    });
    if (e.effective && e.effective < e.date) {
      ctx.addIssue({ code: 'custom', path: ['effective'], message: 'effective date is before the event date' });
    }
    if (e.ended && e.ended < (e.effective ?? e.date)) {
      ctx.addIssue({ code: 'custom', path: ['ended'], message: 'ended before it took effect' });
    }
    if (e.ended && e.inForce) {
      ctx.addIssue({ code: 'custom', path: ['inForce'], message: 'an event that has ended is not in force' });
    }
  });

const Meta = z
  .object({
    /** Schema major version; the extension refuses data it does not understand. */
    schemaVersion: z.literal(1),
    /** Dataset version, e.g. 2026.11.29 or 2026.11.29-2. */
    version: z.string().regex(/^\d{4}\.\d{2}\.\d{2}(?:-\d+)?$/, 'must look like 2026.11.29 or 2026.11.29-2'),
    /** The day the data was last reviewed. */
    asOf: isoDate,
    /**
     * The date through which sources were searched and found: how far the evidence reaches. The
     * card says "sources checked through" this date. Required of rules/data (`rules check`, the
     * build: MISSING_CHECKED_THROUGH); optional here only so that a signed copy published before
     * the field existed still parses.
     */
    checkedThrough: isoDate.optional(),
    disclaimer: Localized,
  })
  .refine((m) => !m.checkedThrough || m.checkedThrough <= m.asOf, { path: ['checkedThrough'], message: 'is later than asOf (the day the data was reviewed)' });

export const Dataset = z.object({
  meta: Meta,
  sources: list(Source, LIMITS.sources, 'sources'),
  destinations: list(Destination, LIMITS.destinations, 'destinations').min(1),
  chips: list(Chip, LIMITS.chips, 'chips').min(1),
  events: list(Event, LIMITS.events, 'events'),
});

/** What `rules check` and the build say of data without meta.checkedThrough. */
export const MISSING_CHECKED_THROUGH = 'rules/data/meta.json: checkedThrough: required (the date through which sources were searched, YYYY-MM-DD)';

export type Localized = z.infer<typeof Localized>;
export type Source = z.infer<typeof Source>;
export type StatusCode = z.infer<typeof StatusCode>;
export type Confidence = z.infer<typeof Confidence>;
export type Spec = z.infer<typeof Spec>;
type Specs = z.infer<typeof Specs>;
export type Regime = z.infer<typeof Regime>;
export type ClassificationCode = z.infer<typeof ClassificationCode>;
export type Chip = z.infer<typeof Chip>;
export type Destination = z.infer<typeof Destination>;
export type ChipSelector = z.infer<typeof ChipSelector>;
export type Effect = z.infer<typeof Effect>;
export type EventKind = z.infer<typeof EventKind>;
export type Event = z.infer<typeof Event>;
type Meta = z.infer<typeof Meta>;
export type Dataset = z.infer<typeof Dataset>;
