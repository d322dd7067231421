// `rules watch [--since YYYY-MM-DD]`: asks the Federal Register and SEC EDGAR what is new since
// the day the sources were checked through (meta.checkedThrough) and prints candidates for a person to
// review: date, title, link, and the chips and records each may touch. It changes no data.
// The maintainer's loop is watch → review → edit rules/data → check → publish (docs/maintainers.md).
import { buildMatcherIndex } from '../../../matching/matcher-index';
import { compileMatcher } from '../../../matching/matcher';
import type { Dataset } from '../../schema';
import { consoleIo, parseCommandArgs, stopWith } from './args';
import { DEFAULT_DATA_DIR, loadDataFolder } from './check';
import { isRealDate, today } from './dates';
import { federalRegisterDocuments, vendorFilings, VENDOR_CIKS, WatchError, type FetchLike } from './watch-sources';

const WATCH_USAGE = `Usage: npm run rules -- watch [--since YYYY-MM-DD] [--contact <e-mail>] [--only fr|sec] [--json]

Asks public sources what is new since the last check and prints candidates for a person to review
(date, title, link, the chips and records each may touch). It changes no data.
  Federal Register: Bureau of Industry and Security documents found by 3A090, 4A090, 3A001.z or
                    "advanced computing"
  SEC EDGAR:        new 10-Q, 10-K and 8-K filings of the dataset's vendors (NVIDIA, AMD, Intel);
                    an 8-K only when the full-text search finds "export license" and China in it

Options:
  --since YYYY-MM-DD   from this day on, inclusive (default: meta.checkedThrough, else meta.asOf)
  --contact <e-mail>   who runs the query, sent to SEC EDGAR as it asks (or CHIPLENS_SEC_CONTACT)
  --only fr|sec        ask only the Federal Register (fr) or only SEC EDGAR (sec)
  --json               print a JSON array instead
  --data <dir>         read the dataset from <dir>

Exit codes: 0 answered (with or without candidates); 1 a source failed or the data is invalid;
2 bad arguments.`;

export interface Candidate {
  source: 'Federal Register' | 'SEC EDGAR';
  date: string;
  title: string;
  url: string;
  /** Why it is listed: the search terms, or the filing's kind. */
  why: string;
  /** Ids of the chips it may touch. */
  chips: string[];
  /** What in the dataset it may touch or already is: source and event ids, chip statuses. */
  records: string[];
}

export interface WatchIo {
  fetch: FetchLike;
  out(line: string): void;
  err(line: string): void;
  /** The maintainer's today (YYYY-MM-DD). */
  today(): string;
  env: Record<string, string | undefined>;
}

const defaultIo: WatchIo = { fetch: (url, init) => fetch(url, init), ...consoleIo, today, env: process.env };

/** Sources and events of the dataset that already cite a document (by its number in id or link). */
function alreadyCited(dataset: Dataset, key: string): string[] {
  const needle = key.toLowerCase();
  const sources = dataset.sources.filter((s) => s.id.toLowerCase().includes(needle) || s.url.toLowerCase().includes(needle)).map((s) => s.id);
  const events = dataset.events.filter((e) => e.sources.some((sid) => sources.includes(sid))).map((e) => e.id);
  return [...sources.map((id) => `already cited as source ${id}`), ...events.map((id) => `event ${id}`)];
}

/** Chips classified 3A090 under the 2023 rule: what a rule about advanced computing reaches. */
const controlledChips = (dataset: Dataset): string[] =>
  dataset.chips.filter((c) => ['3A090.a', '3A090.b'].includes(c.classification['2023']?.code ?? '')).map((c) => c.id);

function federalRegisterCandidates(dataset: Dataset, docs: Awaited<ReturnType<typeof federalRegisterDocuments>>): Candidate[] {
  const matcher = compileMatcher(buildMatcherIndex(dataset));
  return docs.map((d) => {
    const named = [...new Set(matcher.scan(`${d.title}\n\n${d.abstract}`).map((m) => m.chipId))];
    const records = alreadyCited(dataset, d.number);
    if (named.length === 0) records.push(`no chip named: may touch every 3A090 chip (${controlledChips(dataset).length})`);
    return { source: 'Federal Register', date: d.date, title: `${d.type}: ${d.title}`, url: d.url, why: `found by ${d.terms.join(', ')}`, chips: named, records };
  });
}

function filingCandidates(dataset: Dataset, filings: Awaited<ReturnType<typeof vendorFilings>>): Candidate[] {
  return filings
    .filter((f) => f.form !== '8-K' || f.mentionsExportLicences)
    .map((f) => {
      const chips = dataset.chips.filter((c) => c.vendor.toLowerCase() === f.vendor).map((c) => c.id);
      const period = f.reportDate ? `, period ${f.reportDate}` : '';
      return {
        source: 'SEC EDGAR',
        date: f.date,
        title: `${f.company} ${f.form}${period}`,
        url: f.url,
        why: f.mentionsExportLicences ? 'mentions "export license" and China' : 'periodic report (full-text search found no "export license" with China)',
        chips,
        records: [...alreadyCited(dataset, f.accession.replace(/-/g, '')), `the China statuses of ${chips.length} ${f.vendor} chip${chips.length === 1 ? '' : 's'}`],
      } satisfies Candidate;
    });
}

function printCandidates(io: WatchIo, dataset: Dataset, since: string, candidates: Candidate[], asked: string[]): void {
  if (candidates.length === 0) {
    io.out(`✔ nothing new since ${since} (asked ${asked.join(' and ')})`);
    return;
  }
  const nameOf = new Map(dataset.chips.map((c) => [c.id, c.name]));
  io.out(`${candidates.length} candidate${candidates.length === 1 ? '' : 's'} since ${since} (asked ${asked.join(' and ')}): review each; no data was changed.\n`);
  for (const c of candidates) {
    io.out(`${c.date}  ${c.source}  ${c.title}`);
    io.out(`            ${c.url}`);
    io.out(`            ${c.why}`);
    if (c.chips.length > 0) {
      const names = c.chips.slice(0, 12).map((id) => nameOf.get(id) ?? id);
      io.out(`            chips: ${names.join(', ')}${c.chips.length > 12 ? ` and ${c.chips.length - 12} more` : ''}`);
    }
    if (c.records.length > 0) io.out(`            records: ${c.records.join('; ')}`);
    io.out('');
  }
  io.out('Next: read each document; edit rules/data (events, sources, chips "checked"); `npm run rules -- check`; then publish.');
}

export async function runWatch(args: string[], dir: string = DEFAULT_DATA_DIR, io: WatchIo = defaultIo): Promise<number> {
  const parsed = parseCommandArgs(
    { name: 'watch', usage: WATCH_USAGE, options: { since: { type: 'string' }, contact: { type: 'string' }, only: { type: 'string' }, json: { type: 'boolean' } } },
    args,
  );
  if (!parsed.ok) return stopWith(parsed, io);
  const { values } = parsed;
  if (values.since !== undefined && !isRealDate(values.since)) {
    io.err('rules watch: --since must be a date written YYYY-MM-DD, e.g. --since 2026-11-20');
    return 2;
  }
  if (values.only !== undefined && values.only !== 'fr' && values.only !== 'sec') {
    io.err('rules watch: --only must be fr (Federal Register) or sec (SEC EDGAR)');
    return 2;
  }
  const askFr = values.only !== 'sec';
  const askSec = values.only !== 'fr';
  const contact = (values.contact ?? io.env.CHIPLENS_SEC_CONTACT ?? '').trim();
  if (askSec && !/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(contact)) {
    io.err('rules watch: SEC EDGAR asks who is querying: give --contact you@example.org (or set CHIPLENS_SEC_CONTACT), or use --only fr');
    return 2;
  }
  const loaded = loadDataFolder(dir);
  if (!loaded.ok) {
    io.err(`rules watch: the data is invalid; run \`npm run rules -- check\`:\n  ${loaded.problems.join('\n  ')}`);
    return 1;
  }
  const { dataset } = loaded;
  const since = values.since ?? dataset.meta.checkedThrough ?? dataset.meta.asOf;
  const until = io.today();
  const vendors = [...new Set(dataset.chips.map((c) => c.vendor.toLowerCase()))].filter((v) => Object.hasOwn(VENDOR_CIKS, v));

  const candidates: Candidate[] = [];
  const asked: string[] = [];
  try {
    if (askFr) {
      candidates.push(...federalRegisterCandidates(dataset, await federalRegisterDocuments(io.fetch, since)));
      asked.push('the Federal Register (BIS)');
    }
    if (askSec) {
      for (const vendor of vendors) candidates.push(...filingCandidates(dataset, await vendorFilings(io.fetch, vendor, VENDOR_CIKS[vendor]!, since, until, contact)));
      asked.push(`SEC EDGAR (${vendors.length > 0 ? vendors.join(', ') : 'no vendor with SEC filings in the dataset'})`);
    }
  } catch (error) {
    if (!(error instanceof WatchError)) throw error;
    io.err(`rules watch: ${error.message}`);
    return 1;
  }
  candidates.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  if (values.json) io.out(JSON.stringify(candidates, null, 2));
  else printCandidates(io, dataset, since, candidates, asked);
  return 0;
}
