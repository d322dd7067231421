// `npm run bench`: what ChipLens costs a page, next to mark.js and a regex-only floor.
// Build first (WXT_OUT_DIR=.output-x npx wxt build); the dist is read from WXT_OUT_DIR.
// Prints a table and writes docs/bench.md; the method is written there ("How it is measured").
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { askToReadAll, launchBench, setSiteOff, settle, STABLE_MS, type BenchBrowser } from './bench-browser';
import { startPageServer } from '../tests/e2e/server';
import { buildBenchPage } from './bench-page';
import { chipNames, namesPattern } from './bench-names';
import { domContentLoadedAt, mainThreadTime, scriptTime, traceAround } from './bench-trace';

const OUT_DIR = process.env.WXT_OUT_DIR ?? '.output';
const DIST = resolve(OUT_DIR, 'chrome-mv3');
const CONTENT_SCRIPT = join(DIST, 'content-scripts/content.js');
const MARK_JS = resolve('node_modules/mark.js/dist/mark.min.js');
/** The least extension (scripts/bench-least/): what the stack alone costs. BENCH_LEAST=0 skips it. */
const LEAST_DIST = resolve('.output-least/chrome-mv3');
const WITH_LEAST = process.env.BENCH_LEAST !== '0';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PARAGRAPHS = Number(process.env.BENCH_PARAGRAPHS ?? 3000);

interface Measure {
  /** Main-thread time, ms. */
  totalMs: number;
  longestMs: number;
  marks: number;
  heapBytes: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const med = <T>(runs: T[], pick: (run: T) => number): number => median(runs.map(pick));
const range = <T>(runs: T[], pick: (run: T) => number): string =>
  `${Math.min(...runs.map(pick)).toFixed(0)}–${Math.max(...runs.map(pick)).toFixed(0)}`;

const launch = (extension: boolean): Promise<BenchBrowser> => launchBench(extension ? DIST : null);

async function heapUsed(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/**
 * Loads `url` and settles, then traces `start` (an in-page script, or switching ChipLens on)
 * until marks stop changing and a frame has painted. Every in-page figure is taken this way,
 * so they share the same fixed overhead (the no-op run).
 */
async function measureInPage(
  browser: BenchBrowser,
  url: string,
  start: (page: Page) => Promise<unknown>,
  options: { setup?: string; siteOffWhileLoading?: boolean; readAll?: boolean } = {},
): Promise<Measure> {
  if (options.siteOffWhileLoading) await setSiteOff(browser.worker!, true);
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (options.setup) await page.addScriptTag({ content: options.setup });
    await settle(page);
    // Asked while the site is off, it holds once switched on (as when the popup switches it on).
    if (options.readAll) await askToReadAll(browser.worker!, page);
    const before = await heapUsed(page);
    let marks = 0;
    const events = await traceAround(page, async () => {
      const returned = await start(page);
      const highlighted = await settle(page);
      // mark.js and the floor report their own count; the extension's marks are its highlights.
      marks = typeof returned === 'number' ? returned : highlighted;
    });
    const heapBytes = (await heapUsed(page)) - before;
    return { ...mainThreadTime(events, url), marks, heapBytes };
  } finally {
    await page.close();
    if (options.siteOffWhileLoading) await setSiteOff(browser.worker!, false);
  }
}

interface LoadMeasure {
  /** Main-thread tasks from DOMContentLoaded on (document_idle scripts run after it), ms. */
  afterDclMs: number;
  /** The content script's own JavaScript during the load (evaluation, messages, matcher), ms. */
  scriptMs: number;
}

/** Loads `url` in a fresh tab and traces it until marks settle. */
async function measureLoad(browser: BenchBrowser, url: string, siteOff = false): Promise<LoadMeasure> {
  if (siteOff) await setSiteOff(browser.worker!, true);
  const page = await browser.context.newPage();
  try {
    const events = await traceAround(page, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await settle(page);
    });
    return {
      afterDclMs: mainThreadTime(events, url, domContentLoadedAt(events, url)).totalMs,
      scriptMs: scriptTime(events, url, 'chrome-extension://'),
    };
  } finally {
    await page.close();
    if (siteOff) await setSiteOff(browser.worker!, false);
  }
}

async function repeat<T>(label: string, once: () => Promise<T>): Promise<T[]> {
  process.stdout.write(label.padEnd(44));
  await once(); // warm-up: caches, JIT, the background's first matcher index
  const results: T[] = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(await once());
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return results;
}

const markJsScript = (pattern: string): string => `new Promise((done) => {
  let count = 0;
  new Mark(document.body).markRegExp(new RegExp(${JSON.stringify(pattern)}, 'g'), {
    exclude: ['pre', 'code', 'textarea', 'input', '[contenteditable]', 'script', 'style'],
    each: () => count++,
    done: () => done(count),
  });
})`;

// The floor makes no DOM change, so nothing renders after it: its main-thread time is its own
// run time, read with performance.now() (a trace window's fixed overhead of a few ms would
// swamp it). One cold pass per fresh page.
const floorScript = (pattern: string): string => `(() => {
  const started = performance.now();
  const re = new RegExp(${JSON.stringify(pattern)}, 'g');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    re.lastIndex = 0;
    while (re.exec(node.data)) count++;
  }
  return { count, ms: performance.now() - started };
})()`;

async function measureFloor(browser: BenchBrowser, url: string, pattern: string): Promise<{ ms: number; marks: number }> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    const { count, ms } = await page.evaluate<{ count: number; ms: number }>(floorScript(pattern));
    return { ms, marks: count };
  } finally {
    await page.close();
  }
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const verdict = (met: boolean | undefined): string => (met === undefined ? '' : met ? 'yes' : 'no');

type Row = [measure: string, result: string, target: string, met?: boolean];

async function main(): Promise<void> {
  const started = Date.now();
  const names = chipNames();
  const pattern = namesPattern(names);
  const withNames = buildBenchPage({ names, paragraphs: PARAGRAPHS });
  const noNames = buildBenchPage({ names: [], paragraphs: PARAGRAPHS });
  const gzBytes = gzipSync(readFileSync(CONTENT_SCRIPT)).length;
  console.log(
    `${names.length} chip names; page: ${PARAGRAPHS} paragraphs, ${withNames.mentions} mentions, ` +
      `${(withNames.html.length / 1024).toFixed(0)} KB; extension from ${DIST}; ${RUNS} runs each after a warm-up`,
  );

  const server = await startPageServer(resolve('tests/pages'));
  server.route('/bench-names.html', withNames.html);
  server.route('/bench-none.html', noNames.html);
  const namesUrl = `${server.origin}/bench-names.html`;
  const noneUrl = `${server.origin}/bench-none.html`;
  if (WITH_LEAST) execFileSync('npx', ['wxt', 'build', 'scripts/bench-least'], { stdio: 'ignore' });
  const ext = await launch(true);
  const base = await launch(false);
  const least = WITH_LEAST ? await launchBench(LEAST_DIST) : undefined;
  const markJs = readFileSync(MARK_JS, 'utf8');
  const switchOn = () => setSiteOff(ext.worker!, false);
  const run = (script: string) => (page: Page) => page.evaluate(script);
  try {
    const noop = await repeat('no-op in page (fixed overhead)', () => measureInPage(base, namesUrl, run('0')));
    const extOn = await repeat('extension switched on, chip page', () => measureInPage(ext, namesUrl, switchOn, { siteOffWhileLoading: true }));
    const extAll = await repeat('extension switched on, chip page, read all', () =>
      measureInPage(ext, namesUrl, switchOn, { siteOffWhileLoading: true, readAll: true }),
    );
    const extOnNone = await repeat('extension switched on, no-name page', () => measureInPage(ext, noneUrl, switchOn, { siteOffWhileLoading: true }));
    const startup = await repeat('extension startup (site off), chip page', () => measureLoad(ext, namesUrl, true));
    const leastSwitchOn = () => setSiteOff(least!.worker!, false);
    const leastOn = least && (await repeat('least extension switched on, chip page', () => measureInPage(least, namesUrl, leastSwitchOn, { siteOffWhileLoading: true })));
    const leastAll =
      least && (await repeat('least extension, chip page, read all', () => measureInPage(least, namesUrl, leastSwitchOn, { siteOffWhileLoading: true, readAll: true })));
    const leastNone = least && (await repeat('least extension switched on, no-name page', () => measureInPage(least, noneUrl, leastSwitchOn, { siteOffWhileLoading: true })));
    const leastStartup = least && (await repeat('least extension startup (site off)', () => measureLoad(least, namesUrl, true)));
    const mark = await repeat('mark.js markRegExp, chip page', () => measureInPage(base, namesUrl, run(markJsScript(pattern)), { setup: markJs }));
    const floor = await repeat('floor, chip page', () => measureFloor(base, namesUrl, pattern));
    const floorNone = await repeat('floor, no-name page', () => measureFloor(base, noneUrl, pattern));
    const loadExt = await repeat('cross-check: load with extension', () => measureLoad(ext, namesUrl));
    const loadBase = await repeat('cross-check: load without extension', () => measureLoad(base, namesUrl));

    const overhead = med(noop, (r) => r.totalMs);
    const startupMs = med(startup, (r) => r.scriptMs);
    const extCost = med(extOn, (r) => r.totalMs) - overhead + startupMs;
    const extAllCost = med(extAll, (r) => r.totalMs) - overhead + startupMs;
    const extNoneCost = med(extOnNone, (r) => r.totalMs) - overhead + startupMs;
    const markCost = med(mark, (r) => r.totalMs) - overhead;
    const floorCost = med(floor, (r) => r.ms);
    const floorNoneCost = med(floorNone, (r) => r.ms);
    const extMarks = med(extOn, (r) => r.marks);
    const markMarks = med(mark, (r) => r.marks);

    const extAllMarks = med(extAll, (r) => r.marks);
    const leastRows = (): Row[] => {
      if (!leastOn || !leastAll || !leastNone || !leastStartup) return [];
      const start = med(leastStartup, (r) => r.scriptMs);
      const cost = (runs: Measure[]) => med(runs, (r) => r.totalMs) - overhead + start;
      const [asLoaded, every, none] = [cost(leastOn), cost(leastAll), cost(leastNone)];
      const pair = (a: number, b: number) => `${ratio(a)} / ${ratio(b)}`;
      return [
        ['Least extension (scripts/bench-least): as loaded / every name / no-name page', `${ms(asLoaded)} / ${ms(every)} / ${ms(none)}`, ''],
        ['  its startup; marks as loaded / every name', `${ms(start)}; ${med(leastOn, (r) => r.marks)} / ${med(leastAll, (r) => r.marks)}`, ''],
        ['  least ÷ mark.js, as loaded / every name', pair(asLoaded / markCost, every / markCost), '≤ 0.20×'],
        ['  least ÷ floor, as loaded / every name', pair(asLoaded / floorCost, every / floorCost), '≤ 3×'],
        ['  least ÷ floor, no-name page', ratio(none / floorNoneCost), '≤ 2×'],
      ];
    };
    const rows: Row[] = [
      ['Extension on the chip page, as loaded (marks near the view)', ms(extCost), ''],
      ['  startup: content-script JS while the page loads', ms(startupMs), ''],
      ['  scan, mark, style, layout, paint (switch on)', `${ms(med(extOn, (r) => r.totalMs) - overhead)} (${range(extOn, (r) => r.totalMs - overhead)})`, ''],
      ['Extension on the chip page, every name marked (popup opened)', ms(extAllCost), ''],
      ['  scan, mark, style, layout, paint (switch on, read all)', `${ms(med(extAll, (r) => r.totalMs) - overhead)} (${range(extAll, (r) => r.totalMs - overhead)})`, ''],
      ['mark.js 8.11.1 markRegExp, same names', `${ms(markCost)} (${range(mark, (r) => r.totalMs - overhead)})`, ''],
      ['Floor: TreeWalker + one regex, no marking', `${ms(floorCost)} (${range(floor, (r) => r.ms)})`, ''],
      ['Marks: extension as loaded / every name / mark.js / floor matches', `${extMarks} / ${extAllMarks} / ${markMarks} / ${med(floor, (r) => r.marks)}`, ''],
      ['Extension ÷ mark.js, as loaded', ratio(extCost / markCost), '≤ 0.20×', extCost / markCost <= 0.2],
      ['Extension ÷ mark.js, every name marked', ratio(extAllCost / markCost), '≤ 0.20×', extAllCost / markCost <= 0.2],
      ['Extension ÷ floor, as loaded', ratio(extCost / floorCost), '≤ 3×', extCost / floorCost <= 3],
      ['Extension ÷ floor, every name marked', ratio(extAllCost / floorCost), '≤ 3×', extAllCost / floorCost <= 3],
      ['Longest task while marking (every name)', ms(med(extAll, (r) => r.longestMs)), '≤ 50 ms', med(extAll, (r) => r.longestMs) <= 50],
      ['Longest task, mark.js', ms(med(mark, (r) => r.longestMs)), ''],
      ['No-name page: extension (startup + scan)', ms(extNoneCost), ''],
      ['No-name page: floor', `${ms(floorNoneCost)} (${range(floorNone, (r) => r.ms)})`, ''],
      ['No-name page: extension ÷ floor', ratio(extNoneCost / floorNoneCost), '≤ 2×', extNoneCost / floorNoneCost <= 2],
      ['Content script, gzipped', `${(gzBytes / 1024).toFixed(1)} KB`, '< 25 KB', gzBytes < 25 * 1024],
      [
        'JS heap added by marking: extension as loaded / every name / mark.js',
        `${mb(med(extOn, (r) => r.heapBytes))} / ${mb(med(extAll, (r) => r.heapBytes))} / ${mb(med(mark, (r) => r.heapBytes))}`,
        '',
      ],
      [
        'Cross-check: load after DOMContentLoaded, with − without',
        `${ms(med(loadExt, (r) => r.afterDclMs) - med(loadBase, (r) => r.afterDclMs))} (${range(loadExt, (r) => r.afterDclMs)} vs ${range(loadBase, (r) => r.afterDclMs)})`,
        '',
      ],
      ['In-page fixed overhead (no-op, subtracted)', ms(overhead), ''],
      ...leastRows(),
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log('\n' + rows.map(([k, v, t, met]) => `${k.padEnd(width)}  ${v.padStart(22)}  ${t} ${verdict(met)}`.trimEnd()).join('\n'));
    if (extAllMarks < markMarks * 0.9) {
      console.log(`\nThe extension marked far fewer names than mark.js: is ${OUT_DIR} built from the current rules/data?`);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\nMedians of ${RUNS} runs; ms figures are main-thread time; (ranges) are min–max. ${seconds} s.`);
    writeFileSync('docs/bench.md', report(rows, names.length, withNames.mentions, seconds));
    console.log('Wrote docs/bench.md');
  } finally {
    await ext.close();
    await base.close();
    await least?.close();
    await server.close();
  }
}

function report(rows: Row[], names: number, mentions: number, seconds: number): string {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const cpu = cpus();
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `# Benchmark

\`npm run bench\` (scripts/bench.ts) — ChipLens ${version}, ${new Date().toISOString().slice(0, 10)},
${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), Debian Chromium (\`--headless=new\`), Node ${process.version}.
Load average at the end of the run (1 / 5 / 15 min): ${load} — the machine is shared, so
milliseconds move by 10–30 % between runs (see the ranges) and ratios by about as much.

| Measure | Result | Target | Met |
|---|---:|---|---|
${rows.map(([k, v, t, met]) => `| ${k.replace(/^ {2}/, '↳ ')} | ${v} | ${t} | ${verdict(met)} |`).join('\n')}

Medians of ${RUNS} runs after one warm-up, all in one process (${seconds} s). Ranges are min–max.
Mark counts differ a little by design: the extension applies its matching rules (names that need
context, platform words joined into one mark, nothing in code blocks), mark.js and the floor use
one plain regex of every name (the floor also counts the code blocks).

## The page
A generated news page (scripts/bench-page.ts): ${PARAGRAPHS} paragraphs, a third in Chinese, with
links, \`<em>\`/\`<strong>\`, headings and \`<pre><code>\` blocks, and ${mentions} chip mentions drawn
from all ${names} names and aliases in rules/data/chips.json (\`英伟达的H200芯片\`-style Chinese
included). The no-name variant is the same page with every chip name replaced by a plain word.

## How it is measured
Every figure is **main-thread time of the page's renderer**: a Chrome trace (CDP \`Tracing\`,
devtools.timeline categories) is recorded and the top-level \`RunTask\` events on the page's
\`CrRendererMain\` thread are summed (overlaps merged). That covers script, style recalculation,
layout, paint and parsing — the work a change causes counts, not only the script that made it.
The extension's service worker runs in another process and is not counted (it is not page jank).

- **In-page measurements** share one shape: load the page, wait until it is quiet, then trace
  from the start of the work until \`CSS.highlights.get('chiplens')\` has not changed for
  ${STABLE_MS} ms and two animation frames have passed. The same trace with nothing in it (one
  evaluate, the polling, two frames, DevTools messages) is the fixed overhead, subtracted.
- **Extension** = switch-on + startup. *Switch-on*: the page loads with the site switched off in
  storage (\`disabledHosts\`, as the popup does), then the switch is turned on — the content script
  reads the page and registers its marks, and the highlight paint follows. The chip page has over
  400 possible names, so *as loaded* ChipLens marks what is within a screen above and two below
  the view, and the rest as the reader scrolls to it (README, "Annotation"); *every name marked*
  is the same with the popup's request to read the whole page sent first, so every name on the
  page is marked, as mark.js marks every one. *Startup*: the
  content script's own JavaScript while a page loads (evaluation, the matcher-index message,
  compiling the matcher; trace events with the script's \`chrome-extension://\` URL), measured in
  loads with the site off. Every page pays the startup; together they are what a page with the
  extension on pays.
- **mark.js 8.11.1**: in the browser without the extension, \`new Mark(document.body).markRegExp(re,
  {exclude: [pre, code, textarea, input, [contenteditable], script, style]})\` with one regex of
  every name — mark.js's fastest use (one pass; \`mark([...names])\` makes one pass per name).
  Its DOM insertion, style and layout are in the figure.
- **Floor**: one cold \`TreeWalker\` pass over the text nodes of a freshly loaded page, running
  that same regex and counting matches, marking nothing. It changes nothing, so no rendering
  follows it and its main-thread time is its run time, taken with \`performance.now()\` (the trace
  window's fixed overhead, a few ms of DevTools messages that vary by ±4 ms, would swamp it).
- **Least extension** (scripts/bench-least/, built by the bench into .output-least): the least an
  extension built on this stack can do and still mark the names — WXT, webextension-polyfill,
  the same per-site switch in storage, one TreeWalker pass running the floor's regex, and one
  CSS highlight (ChipLens's style) of what it finds; near the view (a binary search over the hits'
  boxes, one screen above to three below) as loaded, every hit when asked to read all. No skip
  rules, context, page following, shadow roots or card. Measured exactly as ChipLens is, so its
  ratios show which targets the stack itself cannot meet. \`BENCH_LEAST=0\` leaves it out.
- **Longest task**: the longest top-level task in the switch-on trace — script slices or the
  rendering frame that paints the new highlight (PrePaint/Paint), whichever is longer.
- **JS heap**: \`JSHeapUsedSize\` after a forced GC, after minus before the work (the content
  script's isolated world shares the page's heap).
- **Content-script size**: \`content-scripts/content.js\` of the build, gzipped with zlib defaults.
- **Cross-check**: whole loads with and without the extension, main-thread time from
  DOMContentLoaded on. The page's own first layout and paint land on either side of
  DOMContentLoaded from run to run, so this difference is noisy (see the ranges); it is shown
  to confirm the order of magnitude, not used in the ratios.
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
