// Resolves a chip's US export-control status for one destination on one date, from the dated
// events in the dataset. The semantics here are the contract the data authors write against:
//
// - A candidate is an effect WITH a status, on an event whose kind can change the status
//   (STATUS_KINDS), that lists the destination, selects the chip, and is in effect on the date:
//   start (effective ?? date) ≤ date and not ended (ended absent or > date).
// - A selector selects a chip named in `ids`, or one that meets every other criterion it gives
//   (an unknown figure fails a range) and is not in `except`.
// - The candidate with the latest start wins; on the same start an effect naming the chip by id
//   beats a selector; then the later position in the file wins.
// - `since` is the start of the current run of the same status, clamped to the chip's
//   announcement; the controlling events are the winner plus the earlier events in that run that
//   set the same status.
// - Watch items (things that do not set the status): bills and China-side measures that are in
//   force or dated since the current status began; reports and status-less effects dated since the
//   current status began; and status changes already published but not yet effective. Anything
//   ended by the date is left out. With no status at all, every item not ended is shown.
import { STATUS_KINDS, type Chip, type ChipSelector, type Confidence, type Dataset, type Effect, type Event, type Localized, type StatusCode } from './schema';

export interface StatusResolution {
  chipId: string;
  /** The resolved destination id (HK → CN; an unlisted country → OTHER). */
  destination: string;
  date: string;
  status: StatusCode;
  /** First day of the current status run, or null when no rule applies. */
  since: string | null;
  /** The events that set the current status, newest first (the winner first). */
  events: Event[];
  conditions: Localized[];
  /** Things to watch, newest first. */
  watch: Event[];
  /** The winning event's confidence, when it is not confirmed. */
  confidence?: Confidence;
}

export interface StatusChange {
  from: string;
  status: StatusCode;
  /** The event that set the status; null when the status fell back to unknown. */
  eventId: string | null;
}

const eventStart = (e: Event): string => e.effective ?? e.date;
const inEffect = (e: Event, date: string): boolean => eventStart(e) <= date && (!e.ended || e.ended > date);
const ended = (e: Event, date: string): boolean => e.ended !== undefined && e.ended <= date;
const changesStatus = (e: Event): boolean => (STATUS_KINDS as readonly string[]).includes(e.kind);

/** Maps an ISO country code (or destination id) to a destination id: HK, MO → CN; unlisted → OTHER. */
export function resolveDestination(dataset: Dataset, code: string): string {
  const c = code.trim().toUpperCase();
  const dest = dataset.destinations.find((d) => d.id === c) ?? dataset.destinations.find((d) => d.covers.includes(c));
  return dest?.id ?? 'OTHER';
}

const inRange = (v: number | null, r: { gte?: number | undefined; lt?: number | undefined }): boolean =>
  v !== null && (r.gte === undefined || v >= r.gte) && (r.lt === undefined || v < r.lt);

/** How a selector reaches a chip: by naming it, by its criteria, or not at all. */
function selectorMatch(sel: ChipSelector, chip: Chip): 'id' | 'criteria' | null {
  if (sel.ids?.includes(chip.id)) return 'id';
  const checks: boolean[] = [];
  if (sel.classification) {
    const recorded = chip.classification[sel.classification.regime]?.code;
    checks.push(recorded !== undefined && sel.classification.in.includes(recorded));
  }
  if (sel.tpp) checks.push(inRange(chip.specs.tpp.value, sel.tpp));
  if (sel.memoryBandwidthGBs) checks.push(inRange(chip.specs.memoryBandwidthGBs.value, sel.memoryBandwidthGBs));
  if (sel.soldInUS !== undefined) checks.push(chip.soldInUS === sel.soldInUS);
  if (sel.chinaSpecific !== undefined) checks.push(chip.chinaSpecific === sel.chinaSpecific);
  if (sel.vendors) checks.push(sel.vendors.some((v) => v.toLowerCase() === chip.vendor.toLowerCase()));
  if (checks.length === 0 || !checks.every(Boolean)) return null;
  return sel.except?.includes(chip.id) ? null : 'criteria';
}

/** One effect that concerns the chip at the destination, with what ranks it. */
interface Reach {
  event: Event;
  effect: Effect;
  byId: boolean;
  /** Position in the file (event, then effect), for the last tie-break. */
  position: number;
}

function reachesOf(dataset: Dataset, chip: Chip, destination: string): Reach[] {
  const out: Reach[] = [];
  dataset.events.forEach((event, i) => {
    event.effects.forEach((effect, j) => {
      if (!effect.destinations.includes(destination)) return;
      const how = selectorMatch(effect.chips, chip);
      if (how) out.push({ event, effect, byId: how === 'id', position: i * 1000 + j });
    });
  });
  return out;
}

const isCandidate = (r: Reach): boolean => changesStatus(r.event) && r.effect.status !== undefined;

/** Latest start, then named-by-id, then later in the file. */
function rank(a: Reach, b: Reach): number {
  const sa = eventStart(a.event);
  const sb = eventStart(b.event);
  if (sa !== sb) return sa < sb ? 1 : -1;
  if (a.byId !== b.byId) return a.byId ? -1 : 1;
  return b.position - a.position;
}

function winnerOn(candidates: Reach[], date: string): Reach | undefined {
  return candidates.filter((c) => inEffect(c.event, date)).sort(rank)[0];
}

interface Run {
  from: string;
  status: StatusCode;
  /** Winners at each boundary inside the run, in date order. */
  winners: Reach[];
}

/** Status runs up to `until` (inclusive), evaluated at every date a candidate starts or ends. */
function runsOf(candidates: Reach[], until: string): Run[] {
  const boundaries = [...new Set(candidates.flatMap((c) => [eventStart(c.event), ...(c.event.ended ? [c.event.ended] : [])]))]
    .filter((d) => d <= until)
    .sort();
  const runs: Run[] = [];
  for (const day of boundaries) {
    const w = winnerOn(candidates, day);
    const status: StatusCode = w?.effect.status ?? 'unknown';
    const last = runs.at(-1);
    if (last && last.status === status) {
      if (w) last.winners.push(w);
    } else if (last || w) {
      runs.push({ from: day, status, winners: w ? [w] : [] });
    }
  }
  return runs;
}

const clampTo = (day: string, announced: string): string => (day < announced ? announced : day);

/** Every change of status for the chip at the destination, oldest first. */
export function statusTimeline(dataset: Dataset, chipId: string, destinationId: string): StatusChange[] {
  const chip = dataset.chips.find((c) => c.id === chipId);
  if (!chip) return [];
  const candidates = reachesOf(dataset, chip, resolveDestination(dataset, destinationId)).filter(isCandidate);
  const changes: StatusChange[] = [];
  for (const run of runsOf(candidates, '9999-12-31')) {
    const change = { from: clampTo(run.from, chip.announced), status: run.status, eventId: run.winners[0]?.event.id ?? null };
    // Runs that ended before the chip existed collapse into the one in force when it appeared.
    if (changes.at(-1)?.from === change.from) changes.pop();
    if (changes.at(-1)?.status !== change.status) changes.push(change);
  }
  // A chip that appeared after every rule ended starts with no status, not with an 'unknown' change.
  while (changes[0]?.status === 'unknown') changes.shift();
  return changes;
}

const byNewest = (a: Event, b: Event): number => (eventStart(a) < eventStart(b) ? 1 : eventStart(a) > eventStart(b) ? -1 : 0);

function watchItems(reaches: Reach[], date: string, since: string | null, controlling: Set<string>): Event[] {
  const shown = new Map<string, Event>();
  for (const { event, effect } of reaches) {
    if (event.date > date || ended(event, date) || controlling.has(event.id) || shown.has(event.id)) continue;
    const recent = since === null || event.date >= since;
    const pendingChange = changesStatus(event) && effect.status !== undefined && eventStart(event) > date;
    const ongoing = (event.kind === 'bill' || event.kind === 'china-measure') && event.inForce;
    const statusless = effect.status === undefined;
    if (pendingChange || (statusless && (recent || ongoing))) shown.set(event.id, event);
  }
  return [...shown.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function resolveStatus(dataset: Dataset, chipId: string, destinationId: string, date: string): StatusResolution {
  const destination = resolveDestination(dataset, destinationId);
  const chip = dataset.chips.find((c) => c.id === chipId);
  const none: StatusResolution = { chipId, destination, date, status: 'unknown', since: null, events: [], conditions: [], watch: [] };
  if (!chip) return none;
  const reaches = reachesOf(dataset, chip, destination);
  const candidates = reaches.filter(isCandidate);
  const winner = winnerOn(candidates, date);
  if (!winner?.effect.status) return { ...none, watch: watchItems(reaches, date, null, new Set()) };

  const status = winner.effect.status;
  const run = runsOf(candidates, date).at(-1);
  const runFrom = run?.from ?? eventStart(winner.event);
  const since = chip.announced <= date ? clampTo(runFrom, chip.announced) : runFrom;
  // What put the status there: the winner, the run's earlier winners, and any candidate now in
  // effect that set the same status during the run.
  const setters = [...(run?.winners ?? []), ...candidates.filter((c) => inEffect(c.event, date) && eventStart(c.event) >= runFrom)]
    .filter((c) => c.effect.status === status && c.event !== winner.event)
    .map((c) => c.event);
  const events = [winner.event, ...[...new Set(setters)].sort(byNewest)];
  const controlling = new Set(events.map((e) => e.id));
  const confidence = winner.event.confidence && winner.event.confidence.level !== 'confirmed' ? winner.event.confidence : undefined;
  return {
    chipId,
    destination,
    date,
    status,
    since,
    events,
    conditions: winner.effect.conditions,
    watch: watchItems(reaches, date, since, controlling),
    ...(confidence ? { confidence } : {}),
  };
}
