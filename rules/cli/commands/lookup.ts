// `rules lookup <name> [--to CC] [--on YYYY-MM-DD] [--json] [--lang en|zh]`: what the hover
// card would say about a chip for one destination on one date, as text or as one JSON object.
import { buildCardModel } from '../../card-model-builder';
import type { CardModel, DestinationStatusView, EventView, Lang } from '../../card-model';
import { closeNames, findChip } from '../../../matching/lookup';
import { resolveDestination } from '../../status';
import { cliWords } from '../../ui-words';
import { parseCommandArgs, stopWith } from './args';
import { DEFAULT_DATA_DIR, loadDataFolder } from './check';
import { isRealDate, today } from './dates';

const LOOKUP_USAGE = `Usage: npm run rules -- lookup <name or alias> [options]

What the hover card says about a chip for one destination on one date.

Options:
  --to CC            destination country code (default CN; HK, MO → CN; unlisted → OTHER)
  --on YYYY-MM-DD    date to resolve the status for (default today)
  --lang en|zh       language of the labels (default en)
  --json             print one JSON object (with checkedThrough and the status's checked date)
  --data <dir>       read the dataset from <dir>`;

/** The JSON contract of `lookup --json` (documented in docs/maintainers.md, "The maintainers' CLI"). */
interface LookupJson {
  chipId: string;
  name: string;
  vendor: string;
  destination: string;
  destinationName: string;
  date: string;
  status: DestinationStatusView['status'];
  statusLabel: string;
  since: string | null;
  /** The day this status was last checked against sources, or null if the data does not say. */
  checked: string | null;
  conditions: string[];
  events: { id: string; date: string; kind: EventView['kind']; title: string; sources: { title: string; publisher: string; date: string; url: string }[] }[];
  watch: { id: string; date: string; kind: EventView['kind']; title: string }[];
  confidence: DestinationStatusView['confidence'] | null;
  thresholds: { regime: string; classification: string; explanation: string }[];
  datasetVersion: string;
  asOf: string;
  /** The date through which the dataset's sources were checked. */
  checkedThrough: string | null;
}

function lookupJson(card: CardModel, view: DestinationStatusView): LookupJson {
  return {
    chipId: card.chipId,
    name: card.name,
    vendor: card.vendor,
    destination: view.destinationId,
    destinationName: view.destinationName,
    date: card.date,
    status: view.status,
    statusLabel: view.statusLabel,
    since: view.since,
    checked: view.checked,
    conditions: view.conditions,
    events: view.events.map((e) => ({
      id: e.id, date: e.date, kind: e.kind, title: e.title,
      sources: e.sources.map((s) => ({ title: s.title, publisher: s.publisher, date: s.date, url: s.url })),
    })),
    watch: view.watch.map((e) => ({ id: e.id, date: e.date, kind: e.kind, title: e.title })),
    confidence: view.confidence ?? null,
    thresholds: card.thresholds.map((t) => ({ regime: t.regimeLabel, classification: t.classification, explanation: t.explanation })),
    datasetVersion: card.datasetVersion,
    asOf: card.asOf,
    checkedThrough: card.checkedThrough,
  };
}

function eventLines(e: EventView, withSources: boolean): string[] {
  const lines = [`  ${e.date}  ${e.kindLabel}: ${e.title}${e.confidence ? ` (${e.confidence.label})` : ''}`];
  if (withSources) for (const s of e.sources) lines.push(`              ${s.publisher}, ${s.date}: ${s.title}\n              ${s.url}`);
  return lines;
}

function textFor(card: CardModel, view: DestinationStatusView, others: DestinationStatusView[]): string {
  const w = cliWords(card.lang);
  const out = [
    `${card.name} (${card.vendor} ${card.architecture}) → ${view.destinationName} [${view.destinationId}], ${card.date}`,
    `${w.status}: ${view.statusLabel} [${view.status}]${view.confidence ? ` (${view.confidence.label}${view.confidence.note ? `: ${view.confidence.note}` : ''})` : ''}`,
    `${w.since}: ${view.since ?? '—'}`,
    `${w.checked}: ${view.checked ?? '—'}`,
  ];
  if (view.conditions.length > 0) out.push(`${w.conditions}:`, ...view.conditions.map((c) => `  • ${c}`));
  if (view.events.length > 0) out.push(`${w.why}:`, ...view.events.flatMap((e) => eventLines(e, true)));
  if (view.watch.length > 0) out.push(`${w.watch}:`, ...view.watch.flatMap((e) => eventLines(e, false)));
  out.push(`${w.thresholds}:`, ...card.thresholds.map((t) => `  ${t.regimeLabel}: ${t.classification}. ${t.explanation}`));
  if (others.length > 0) {
    out.push(`${w.otherDestinations}:`, ...others.map((o) => `  ${o.destinationName} [${o.destinationId}]: ${o.statusLabel}${o.since ? ` (${w.sinceDate(o.since)})` : ''}`));
  }
  out.push('', `${card.disclaimer} (${card.freshness})`);
  if (card.stale) out.push(card.stale);
  return out.join('\n');
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

export function runLookup(args: string[], dir: string = DEFAULT_DATA_DIR): number {
  const parsed = parseCommandArgs(
    { name: 'lookup', usage: LOOKUP_USAGE, options: { to: { type: 'string' }, on: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } }, maxPositionals: Infinity },
    args,
  );
  if (!parsed.ok) return stopWith(parsed);
  const { values, positionals } = parsed;
  values.lang ??= 'en';
  const query = positionals.join(' ').trim();
  if (!query) return fail('rules lookup: give a chip name, e.g. `npm run rules -- lookup H20 --to CN`');
  const date = values.on ?? today();
  if (!isRealDate(date)) return fail(`rules lookup: --on "${date}" is not a date; write it as YYYY-MM-DD, e.g. --on 2025-09-01`);
  const to = values.to?.trim().toUpperCase();
  if (to !== undefined && !/^(?:[A-Z]{2}|OTHER)$/.test(to)) return fail(`rules lookup: --to "${values.to}" is not a two-letter country code (e.g. CN, HK, AE, SA, DE) or OTHER`);
  if (values.lang !== 'en' && values.lang !== 'zh') return fail(`rules lookup: --lang must be en or zh, not "${values.lang}"`);
  const lang: Lang = values.lang;

  const loaded = loadDataFolder(dir);
  if (!loaded.ok) {
    console.error(`rules lookup: the data is invalid; run \`npm run rules -- check\`:\n  ${loaded.problems.join('\n  ')}`);
    return 1;
  }
  const { dataset } = loaded;
  const chip = findChip(dataset, query);
  if (!chip) {
    const close = closeNames(dataset, query);
    return fail(`rules lookup: no chip called "${query}".${close.length > 0 ? ` Close names: ${close.join(', ')}` : ''}`);
  }
  const card = buildCardModel(dataset, chip.id, date, lang);
  const destination = resolveDestination(dataset, to ?? 'CN');
  const view = card?.destinations.find((d) => d.destinationId === destination);
  if (!card || !view) return fail(`rules lookup: the dataset has no destination "${destination}"`);

  if (values.json) console.log(JSON.stringify(lookupJson(card, view), null, 2));
  else console.log(textFor(card, view, to === undefined ? card.destinations.filter((d) => d !== view) : []));
  return 0;
}
