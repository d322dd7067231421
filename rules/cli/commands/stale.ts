// `rules stale [--days N] [--on YYYY-MM-DD] [--json]`: the statuses (chip × destination) whose
// last check against sources (chips.json `checked`) is missing or older than N days, oldest
// first, so a maintainer knows what to re-check next.
import { checkedOn, daysBetween } from '../../card-model-builder';
import type { Dataset } from '../../schema';
import { resolveStatus } from '../../status';
import { consoleIo, parseCommandArgs, stopWith } from './args';
import { DEFAULT_DATA_DIR, loadDataFolder } from './check';
import { isRealDate, today } from './dates';

const STALE_USAGE = `Usage: npm run rules -- stale [--days N] [--on YYYY-MM-DD] [--json]

Lists the statuses (chip × destination) whose last check against sources (chips.json "checked",
per destination or "*") is missing or older than N days, oldest first.

Options:
  --days N           how old a check may be (default 90)
  --on YYYY-MM-DD    count the days up to this date (default today)
  --json             print a JSON array instead
  --data <dir>       read the dataset from <dir>`;

const DEFAULT_STALE_DAYS = 90;

export interface StaleStatus {
  chipId: string;
  name: string;
  destination: string;
  /** The status today, to tell a maintainer what is at stake. */
  status: string;
  /** Last check, or null when the data has none. */
  checked: string | null;
  /** Days since the last check; null when never checked. */
  days: number | null;
}

/** Every status checked longer ago than `days` (or never), never-checked first, then oldest. */
export function staleStatuses(dataset: Dataset, on: string, days: number): StaleStatus[] {
  const out: StaleStatus[] = [];
  for (const chip of dataset.chips) {
    for (const destination of dataset.destinations) {
      const checked = checkedOn(chip, destination.id);
      const age = checked === null ? null : daysBetween(checked, on);
      if (age !== null && age <= days) continue;
      const { status } = resolveStatus(dataset, chip.id, destination.id, on);
      out.push({ chipId: chip.id, name: chip.name, destination: destination.id, status, checked, days: age });
    }
  }
  return out.sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity));
}

export function runStale(args: string[], dir: string = DEFAULT_DATA_DIR, io = consoleIo): number {
  const parsed = parseCommandArgs({ name: 'stale', usage: STALE_USAGE, options: { days: { type: 'string' }, on: { type: 'string' }, json: { type: 'boolean' } } }, args);
  if (!parsed.ok) return stopWith(parsed, io);
  const { values } = parsed;
  const days = values.days === undefined ? DEFAULT_STALE_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 0 || !/^\d+$/.test(values.days ?? '0')) {
    io.err(`rules stale: --days must be a whole number of days, e.g. --days 90`);
    return 2;
  }
  const on = values.on ?? today();
  if (!isRealDate(on)) {
    io.err(`rules stale: --on must be a date written YYYY-MM-DD, e.g. --on 2026-12-01`);
    return 2;
  }
  const loaded = loadDataFolder(dir);
  if (!loaded.ok) {
    io.err(`rules stale: the data is invalid; run \`npm run rules -- check\`:\n  ${loaded.problems.join('\n  ')}`);
    return 1;
  }
  const stale = staleStatuses(loaded.dataset, on, days);
  if (values.json) {
    io.out(JSON.stringify(stale, null, 2));
    return 0;
  }
  const total = loaded.dataset.chips.length * loaded.dataset.destinations.length;
  if (stale.length === 0) {
    io.out(`✔ every status (${total}) was checked within ${days} days of ${on}`);
    return 0;
  }
  for (const s of stale) {
    const when = s.checked === null ? 'never checked'.padEnd(22) : `${s.checked} (${String(s.days).padStart(4)} days)`;
    io.out(`${when}  ${s.chipId} → ${s.destination}  (${s.name}; now ${s.status})`);
  }
  io.out(`\n${stale.length} of ${total} statuses were not checked within ${days} days of ${on}: re-check them against sources and record the day in chips.json "checked".`);
  return 0;
}
