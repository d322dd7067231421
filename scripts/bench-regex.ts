// `npx tsx scripts/bench-regex.ts`: what the matcher's regexes cost V8 in the page's browser, with
// no extension: in a fresh tab each, a regex is built, run once on a few characters (V8 compiles
// a regex on its first run), once more (tier-up to native code), then over the bench page's
// text as the content script runs it (the finder over a read-down window and over the whole
// page; the not-a-chip cues over 80-character windows). Beside them the least extension's one
// plain regex. Prints medians of BENCH_RUNS (fresh tab each); asserts nothing.
// CHROMIUM_PATH picks the browser, as for every benchmark.
import { readFileSync } from 'node:fs';
import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import { listedNames, prepareMatcher } from '../matching/matcher';
import { namesToRegexSource } from '../matching/matcher-variants';
import type { MatcherIndex } from '../matching/matcher-index';
import { startPageServer } from '../tests/e2e/server';
import { browserVersion, launchBench, settle } from './bench-browser';
import { buildBenchPage } from './bench-page';
import { chipNames, namesPattern } from './bench-names';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The dataset as the background hands it to prepareMatcher. */
function datasetIndex(): MatcherIndex {
  const chips = JSON.parse(readFileSync('rules/data/chips.json', 'utf8')) as { id: string; names: string[]; needsContext?: string[] }[];
  return { version: 'bench', chips: chips.map((c) => ({ id: c.id, names: c.names, needsContext: c.needsContext ?? [] })) };
}

interface Regex {
  label: string;
  source: string;
  flags: string;
  /**
   * How the content script runs it: over text (`g`, every match) or windows (`test`); `walker`
   * is not a regex but the names' trie walked in code (matching/name-finder.ts, what the content
   * script runs since 2026-12-07), its data in `source`.
   */
  use: 'all' | 'windows' | 'walker';
}

/** matching/name-finder.ts bundled for the page: `NameFinder.nameFinder(data)`. */
function walkerBundle(): string {
  const out = buildSync({ entryPoints: [resolve('matching/name-finder.ts')], bundle: true, format: 'iife', globalName: 'NameFinder', minify: true, write: false });
  return out.outputFiles[0]!.text;
}

// In the page: the walker's set-up, first finds, then the same work as a regex's.
const walkerProbe = (r: Regex, bundle: string) => `(() => {
  const text = document.body.textContent;
  ${bundle}
  const t = [performance.now()];
  const data = ${r.source};
  const f = NameFinder.nameFinder(data[0], data[1]);
  t.push(performance.now());
  f.find('a few words', 0);
  t.push(performance.now());
  f.find('a few words more', 0);
  t.push(performance.now());
  let hits = 0;
  const window = text.slice(0, 40000);
  for (let s = f.find(window, 0); s >= 0; s = f.find(window, f.end)) hits++;
  t.push(performance.now());
  for (let s = f.find(text, 0); s >= 0; s = f.find(text, f.end)) hits++;
  t.push(performance.now());
  return { create: t[1] - t[0], first: t[2] - t[1], second: t[3] - t[2], window: t[4] - t[3], all: t[5] - t[4], hits, chars: text.length, sourceChars: ${r.source.length} };
})()`;

// In the page: cold compile, second run, then the work, each timed with performance.now().
const probe = (r: Regex) => `(() => {
  const text = document.body.textContent;
  const t = [performance.now()];
  const re = new RegExp(${JSON.stringify(r.source)}, ${JSON.stringify(r.flags)});
  t.push(performance.now());
  re.lastIndex = 0; re.exec('a few words');
  t.push(performance.now());
  re.lastIndex = 0; re.exec('a few words more');
  t.push(performance.now());
  let hits = 0;
  if (${JSON.stringify(r.use)} === 'all') {
    const window = text.slice(0, 40000);
    re.lastIndex = 0; while (re.exec(window)) hits++;
    t.push(performance.now());
    re.lastIndex = 0; while (re.exec(text)) hits++;
    t.push(performance.now());
  } else {
    // 1,500 mark windows: the 40 characters either side of a mark, the mark as \\0.
    for (let i = 0; i < 1500; i++) { const at = (i * 389) % (text.length - 100); if (re.test(text.slice(at, at + 40) + '\\0' + text.slice(at + 45, at + 85))) hits++; }
    t.push(performance.now(), performance.now());
  }
  return { create: t[1] - t[0], first: t[2] - t[1], second: t[3] - t[2], window: t[4] - t[3], all: t[5] - t[4], hits, chars: text.length, sourceChars: ${r.source.length} };
})()`;

async function main() {
  const prepared = prepareMatcher(datasetIndex());
  // The names' trie as one regex: what the content script ran before it walked the trie in code.
  const finderSource = namesToRegexSource(listedNames(datasetIndex()).names);
  const regexes: Regex[] = [
    { label: 'trie walked in code (ChipLens: regions, scan)', source: JSON.stringify([prepared.trie, prepared.starts]), flags: '', use: 'walker' },
    { label: 'trie as one regex (ChipLens to 2026-12-07)', source: finderSource, flags: 'g', use: 'all' },
    { label: 'cue words (ChipLens: per mark, first)', source: prepared.notChipHint, flags: 'i', use: 'windows' },
    { label: 'not-a-chip cues (only after a cue word)', source: prepared.notChip, flags: 'i', use: 'windows' },
    { label: 'least extension: one plain regex', source: namesPattern(chipNames()), flags: 'g', use: 'all' },
  ];
  // BENCH_VARIANTS=1: forms of the finder that might cost less, to weigh against what they drop.
  if (process.env.BENCH_VARIANTS === '1') {
    const lineGap = '|[ \\t\\u00a0\\u3000]{0,40}(?:\\r\\n?|\\n|\\f)[ \\t\\u00a0\\u3000]{0,40}';
    const noGap = finderSource.split(lineGap).join('');
    // The gaps' bounded runs ({0,40}) as open ones (*): does the bound cost compile time?
    const openGap = finderSource.split('{0,40}').join('*');
    regexes.push(
      { label: 'finder, line-break gaps as [ …]*', source: openGap, flags: 'g', use: 'all' },
      { label: 'finder without line-break gaps', source: noGap, flags: 'g', use: 'all' },
      // Each class of a letter and its full-width forms as the ASCII letter under the i flag.
      { label: 'finder without gaps, full-width, i flag', source: noGap.replace(/\[([A-Za-z])[\uff21-\uff5a]([A-Za-z])[\uff21-\uff5a]\]/g, '$1').replace(/\[([0-9])[\uff10-\uff19]\]/g, '$1'), flags: 'gi', use: 'all' },
    );
  }
  const server = await startPageServer(resolve('tests/pages'));
  server.route('/names.html', buildBenchPage({ names: chipNames(), paragraphs: 3000 }).html);
  const bundle = walkerBundle();
  const browser = await launchBench(null);
  try {
    console.log(`${await browserVersion(browser)}; medians of ${RUNS} fresh tabs; ms`);
    for (const r of regexes) {
      const runs: Record<string, number>[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const page = await browser.context.newPage();
        await page.goto(`${server.origin}/names.html`, { waitUntil: 'load' });
        await settle(page);
        const out = await page.evaluate<Record<string, number>>(r.use === 'walker' ? walkerProbe(r, bundle) : probe(r));
        await page.close();
        if (i > 0) runs.push(out);
      }
      const med = (k: string) => [...runs.map((x) => x[k]!)].sort((a, b) => a - b)[runs.length >> 1]!;
      const spread = (k: string) => `${Math.min(...runs.map((x) => x[k]!)).toFixed(1)}–${Math.max(...runs.map((x) => x[k]!)).toFixed(1)}`;
      const work = r.use !== 'windows' ? `40 K chars ${med('window').toFixed(1)} (${spread('window')}), whole page ${med('all').toFixed(1)} (${spread('all')})` : `1,500 windows ${med('window').toFixed(1)} (${spread('window')})`;
      console.log(
        `${r.label.padEnd(38)} source ${String(med('sourceChars')).padStart(6)} chars; first run ${med('first').toFixed(1)} (${spread('first')}), second ${med('second').toFixed(1)}; ${work}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
