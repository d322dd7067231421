// `rules check`: reads rules/data/*.json from disk (so a JSON syntax error is reported with its
// file and line), parses the dataset and runs the cross-record checks. Also the data loader the
// other commands share, so they refuse invalid data the same way.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_FILES, parseDataset } from '../../dataset';
import { checkIntegrity } from '../../integrity';
import { checkRunnable } from '../../runnable';
import { MISSING_CHECKED_THROUGH, type Dataset } from '../../schema';
import { parseCommandArgs, stopWith } from './args';
import { today } from './dates';

export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

/** `raw`: the files' JSON as read, before parsing (what `rules publish` signs). */
export type LoadResult = { ok: true; dataset: Dataset; raw: unknown } | { ok: false; problems: string[] };

// V8 reports where JSON.parse stopped either as "at position N" or, for an unexpected token, as a
// quoted window of the text (10 characters either side, cut with "..."); both are turned into a
// line and column an editor can jump to.
const UNEXPECTED = /^(Unexpected token '(.)'), (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/;

function errorOffset(text: string, message: string): number | null {
  const at = / at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (message.startsWith('Unexpected end of JSON input')) return text.length;
  const m = UNEXPECTED.exec(message);
  const start = m?.[4] === undefined ? -1 : text.indexOf(m[4]);
  if (!m || start < 0) return null;
  return m[3] ? start + 10 : text.indexOf(m[2] ?? '', start);
}

function describeJsonError(text: string, message: string): string {
  const offset = errorOffset(text, message);
  const short = (UNEXPECTED.exec(message)?.[1] ?? message).replace(/ in JSON at position \d+.*$/s, '');
  if (offset === null) return short;
  const before = text.slice(0, offset).split('\n');
  return `${short} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/** A path as the user would type it: relative inside the working folder, absolute outside it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const shown = shownPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, problem: `${shown}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problem: `${shown}: invalid JSON: ${describeJsonError(text, (e as Error).message)}` };
  }
}

/**
 * Reads, parses and checks the data folder as the extension would (schema, cross-record checks,
 * whether it can run on it, measured on `on`, the maintainer's today by default); every problem
 * is reported, not just the first.
 */
export function loadDataFolder(dir: string = DEFAULT_DATA_DIR, on: string = today()): LoadResult {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, path] of Object.entries(DATA_FILES)) {
    const read = readJson(join(dir, basename(path)));
    if (read.ok) raw[key] = read.value;
    else problems.push(read.problem);
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed = parseDataset(raw);
  if (!parsed.ok) return { ok: false, problems: parsed.errors };
  const integrity = [...(parsed.dataset.meta.checkedThrough ? [] : [MISSING_CHECKED_THROUGH]), ...checkIntegrity(parsed.dataset)];
  if (integrity.length > 0) return { ok: false, problems: integrity };
  const runnable = checkRunnable(parsed.dataset, { today: on });
  return runnable.length > 0 ? { ok: false, problems: runnable } : { ok: true, dataset: parsed.dataset, raw };
}

const CHECK_USAGE = `Usage: npm run rules -- check [--data <dir>]

Validates rules/data/*.json as the extension would: schema, cross-record checks, and whether the
extension can run on it (limits, names, the matcher and every card). Exit 1 names each problem.`;

export function runCheck(args: string[] = [], dir: string = DEFAULT_DATA_DIR): number {
  const parsed = parseCommandArgs({ name: 'check', usage: CHECK_USAGE, options: {} }, args);
  if (!parsed.ok) return stopWith(parsed);
  const result = loadDataFolder(dir);
  if (!result.ok) {
    for (const p of result.problems) console.error(`✘ ${p}`);
    console.error(`\n${result.problems.length} problem${result.problems.length > 1 ? 's' : ''} in ${shownPath(dir)}`);
    return 1;
  }
  const { chips, events, sources, meta } = result.dataset;
  console.log(`✔ rules/data valid: ${chips.length} chips, ${events.length} events, ${sources.length} sources (version ${meta.version}, as of ${meta.asOf}, sources checked through ${meta.checkedThrough})`);
  return 0;
}
