// Whether the extension can run on a dataset that is valid in shape: the one check `rules check`,
// `publish`, `verify`, the build and the background's signed-update verification all call, so a
// maintainer's paste mistake is refused before it reaches any install. On top of the schema's
// per-record limits (LIMITS in schema.ts) it checks the names (matching/name-rules.ts: chip-like, no
// stop words, the totals), the matcher built, compiled and tried within a budget
// (matching/matcher-trial.ts), the dates (no pinning: nothing dated ahead of the check's day), the
// status work and the size of every card. Messages name the file and the record; beyond ids,
// dates and versions the schema has held to their format, they repeat only names, shortened
// (matching/name-rules.ts), and only from data that was signed or is the maintainer's own.
import { buildCardModel } from './card-model-builder';
import type { CardModel } from './card-model';
import { DATA_FILES } from './dataset';
import { trialMatcher } from '../matching/matcher-trial';
import { checkChipNames } from '../matching/name-rules';
import type { Dataset } from './schema';
import { compareVersions } from './version';

/** How far ahead of the check's day a dataset may be dated (time zones, a clock a little slow). */
const FUTURE_MARGIN_DAYS = 2;

/** Entries one card may hold (statuses, conditions, events, sources, threshold rows). */
export const CARD_ENTRY_BUDGET = 1_500;

/** chips × destinations × effects: the status logic's work for every card, bounded. */
const STATUS_WORK_BUDGET = 20_000_000;

export interface RunnableOptions {
  /** The check's day, YYYY-MM-DD (the background's, the maintainer's or the build's today). */
  today: string;
  /** Versions below this are refused: a release can rule out copies older than it trusts. */
  floor?: string | undefined;
  /** Versions above this are refused: a release can cap what a compromised key could pin. */
  ceiling?: string | undefined;
}

const DAY_MS = 86_400_000;
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The date a version names (2026.12.07-2 → 2026-12-07), or null when it is no calendar date. */
export function versionDate(version: string): string | null {
  const m = /^(\d{4})\.(\d{2})\.(\d{2})(?:-\d+)?$/.exec(version);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(day) ? day : null;
}

/** The dates a dataset carries may not run ahead of the check's day (plus the margin). */
function datesProblems(dataset: Dataset, o: RunnableOptions): string[] {
  const { meta } = dataset;
  const latest = addDays(o.today, FUTURE_MARGIN_DAYS);
  const ahead = `is later than the check's day (${o.today}) plus ${FUTURE_MARGIN_DAYS} days: a dataset cannot be dated ahead`;
  const out: string[] = [];
  const day = versionDate(meta.version);
  if (day === null) out.push(`${DATA_FILES.meta}: version: ${meta.version} does not name a calendar date (YYYY.MM.DD)`);
  else if (day > latest) out.push(`${DATA_FILES.meta}: version: ${meta.version} ${ahead}`);
  if (meta.asOf > latest) out.push(`${DATA_FILES.meta}: asOf: ${meta.asOf} ${ahead}`);
  if (meta.checkedThrough && meta.checkedThrough > latest) out.push(`${DATA_FILES.meta}: checkedThrough: ${meta.checkedThrough} ${ahead}`);
  if (o.floor && compareVersions(meta.version, o.floor) < 0) out.push(`${DATA_FILES.meta}: version: ${meta.version} is older than this release accepts (${o.floor})`);
  if (o.ceiling && compareVersions(meta.version, o.ceiling) > 0) out.push(`${DATA_FILES.meta}: version: ${meta.version} is newer than this release accepts (${o.ceiling})`);
  return out;
}

/** How many entries a card shows: what its size and the time to open it grow with. */
function cardEntries(card: CardModel): number {
  let n = 1;
  for (const t of card.thresholds) n += 1 + t.specs.length + t.tests.length;
  for (const d of card.destinations) {
    n += 1 + d.conditions.length;
    for (const e of [...d.events, ...d.watch]) n += 1 + e.sources.length;
  }
  return n;
}

/** Every problem that would keep the extension from running on the dataset; [] when it can. */
export function checkRunnable(dataset: Dataset, options: RunnableOptions): string[] {
  const problems = datesProblems(dataset, options);
  const names = checkChipNames(dataset.chips).map((p) => `${DATA_FILES.chips}: ${p}`);
  problems.push(...names);
  // Only names that pass are built into a matcher: the trial would refuse the same names again.
  if (names.length === 0) {
    const trial = trialMatcher(dataset);
    if (!trial.ok) problems.push(...trial.errors.map((e) => `${DATA_FILES.chips}: ${e}`));
  }

  const effects = dataset.events.reduce((n, e) => n + e.effects.length, 0);
  const work = dataset.chips.length * dataset.destinations.length * effects;
  if (work > STATUS_WORK_BUDGET) {
    problems.push(
      `dataset: ${dataset.chips.length} chips × ${dataset.destinations.length} destinations × ${effects} effects is more status work than a card may take (${STATUS_WORK_BUDGET.toLocaleString('en-US')})`,
    );
    return problems; // the cards would take too long to build to be measured
  }
  const over: string[] = [];
  for (const chip of dataset.chips) {
    const card = buildCardModel(dataset, chip.id, options.today, 'en');
    const entries = card ? cardEntries(card) : 0;
    if (entries > CARD_ENTRY_BUDGET) over.push(`${DATA_FILES.chips}: chip "${chip.id}": its card would hold ${entries.toLocaleString('en-US')} entries (at most ${CARD_ENTRY_BUDGET.toLocaleString('en-US')})`);
  }
  return [...problems, ...over];
}
