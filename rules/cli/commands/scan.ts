// `npm run rules -- scan <file | -> [--json]`: prints the chip mentions the extension would mark
// in a text file, one per line (`offset<TAB>chipId<TAB>text<TAB>line:col`) or as a JSON array.
// Each paragraph (blank-line separated) is one block for the context rule, like the DOM
// engine's text blocks; offsets are UTF-16 offsets into the whole file.
// The dataset comes from the shared loader (commands/check.ts), from CHIPLENS_DATA_DIR when the
// CLI's --data option set it.
import { readFile } from 'node:fs/promises';
import { buildMatcherIndex } from '../../../matching/matcher-index';
import { compileMatcher, type Matcher, type Mention } from '../../../matching/matcher';
import { parseCommandArgs, stopWith } from './args';
import { DEFAULT_DATA_DIR, loadDataFolder } from './check';

export interface ScanIo {
  readInput(path: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  /** Folder holding the dataset's JSON files. */
  dataDir: string;
}

const defaultIo: ScanIo = {
  readInput: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  get dataDir() {
    return process.env.CHIPLENS_DATA_DIR ?? DEFAULT_DATA_DIR;
  },
};

const SCAN_USAGE = `Usage: npm run rules -- scan <file | -> [--json]

Lists the chip mentions the extension would mark in a text file (or stdin with -), one per line:
offset, chip id, text, line:column. Each blank-line separated paragraph is one block.

Options:
  --json         print a JSON array instead
  --data <dir>   read the dataset from <dir>`;

export async function runScan(args: string[], io: ScanIo = defaultIo): Promise<number> {
  const parsed = parseCommandArgs({ name: 'scan', usage: SCAN_USAGE, options: { json: { type: 'boolean' } }, maxPositionals: 1 }, args);
  if (!parsed.ok) return stopWith(parsed, io);
  const json = parsed.values.json === true;
  const path = parsed.positionals[0];
  if (path === undefined) {
    io.err('rules scan: give a file to scan, or - for stdin (see `npm run rules -- scan --help`)');
    return 2;
  }
  let text: string;
  try {
    text = await io.readInput(path);
  } catch (e) {
    io.err(`scan: cannot read ${path}: ${(e as Error).message}`);
    return 2;
  }
  const data = loadDataFolder(io.dataDir);
  if (!data.ok) {
    for (const p of data.problems) io.err(`✘ ${p}`);
    return 1;
  }
  const mentions = scanByParagraph(compileMatcher(buildMatcherIndex(data.dataset)), text);
  if (json) {
    io.out(JSON.stringify(mentions.map((m) => ({ chipId: m.chipId, text: m.text, offset: m.start, end: m.end })), null, 2));
  } else {
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
    for (const m of mentions) io.out(`${m.start}\t${m.chipId}\t${m.text}\t${lineCol(lineStarts, m.start)}`);
  }
  return 0;
}

/** Scans each blank-line separated paragraph as its own block; offsets are into the whole text. */
export function scanByParagraph(matcher: Matcher, text: string): Mention[] {
  const mentions: Mention[] = [];
  let from = 0;
  for (const gap of [...text.matchAll(/\n[ \t\r]*\n/g), null]) {
    const to = gap ? gap.index : text.length;
    for (const m of matcher.scan(text.slice(from, to))) mentions.push({ ...m, start: m.start + from, end: m.end + from });
    if (gap) from = gap.index + gap[0].length;
  }
  return mentions;
}

/** 1-based line:column (column in UTF-16 units) of an offset. */
function lineCol(lineStarts: number[], offset: number): string {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return `${lo + 1}:${offset - (lineStarts[lo] as number) + 1}`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
