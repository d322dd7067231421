// `npm run bench:ab -- <build dir> <build dir> …`: the switch-on cost of two or more builds of
// the extension on the bench's pages (many chip names as loaded and read all, none), interleaved run by run in one
// process, so a change can be judged against its baseline on a noisy machine. Each build dir is
// a WXT out dir (WXT_OUT_DIR=.output-a npx wxt build). Prints medians and every run; asserts
// nothing. Same method as `npm run bench` (docs/bench.md), without the fixed overhead subtracted.
import { resolve } from 'node:path';
import { startPageServer } from '../tests/e2e/server';
import { askToReadAll, launchBench, setSiteOff, settle, type BenchBrowser } from './bench-browser';
import { buildBenchPage } from './bench-page';
import { chipNames } from './bench-names';
import { mainThreadTime, traceAround, type TraceEvent } from './bench-trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The chip page as loaded, the page with no names, and the chip page with every name (read all first). */
const ALL_PAGES = ['names', 'none', 'all'] as const;
/** BENCH_PAGES=names,none: only those (more runs of what a change touches in the same time). */
const PAGES = ALL_PAGES.filter((p) => (process.env.BENCH_PAGES ?? ALL_PAGES.join(',')).split(',').includes(p));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Main-thread time from switching the site on until the marks settle, and the rendering part of it. */
async function switchOn(browser: BenchBrowser, url: string, readAll: boolean): Promise<{ total: number; cpu: number; longest: number; paint: number }> {
  await setSiteOff(browser.worker!, true);
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    if (readAll) await askToReadAll(browser.worker!, page);
    const events: TraceEvent[] = await traceAround(page, async () => {
      await setSiteOff(browser.worker!, false);
      await settle(page);
    });
    const paint = events.filter((e) => e.ph === 'X' && (e.name === 'PrePaint' || e.name === 'Paint')).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    const time = mainThreadTime(events, url);
    return { total: time.totalMs, cpu: time.cpuMs, longest: time.longestMs, paint };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (dirs.length < 1) throw new Error('usage: npm run bench:ab -- <WXT out dir> [<WXT out dir> …]');
  const names = chipNames();
  const server = await startPageServer(resolve('tests/pages'));
  server.route('/names.html', buildBenchPage({ names, paragraphs: 3000 }).html);
  server.route('/none.html', buildBenchPage({ names: [], paragraphs: 3000 }).html);
  const builds: { dir: string; browser: BenchBrowser }[] = [];
  try {
    for (const dir of dirs) builds.push({ dir, browser: await launchBench(resolve(dir, 'chrome-mv3')) });
    const results = new Map<string, { total: number; cpu: number; longest: number; paint: number }[]>();
    // Run 0 warms every build up (caches, JIT, the background's matcher) and is not counted.
    for (let run = 0; run <= RUNS; run++) {
      // The order turns each round: whichever build ran first in a round measured slower by more
      // than the changes being compared (docs/bench.md, "Changes tried").
      const order = builds.map((_, i) => builds[(i + run) % builds.length]!);
      for (const build of order) {
        for (const page of PAGES) {
          const measure = await switchOn(build.browser, `${server.origin}/${page === 'all' ? 'names' : page}.html`, page === 'all');
          if (run > 0) results.set(`${build.dir} ${page}`, [...(results.get(`${build.dir} ${page}`) ?? []), measure]);
        }
      }
      process.stdout.write(run ? '.' : 'warm-up done ');
    }
    console.log(`\nswitch-on main-thread time and its CPU time, median of ${RUNS} interleaved runs (ms; every run in brackets)`);
    for (const [key, runs] of results) {
      const [totals, cpus] = [runs.map((r) => r.total), runs.map((r) => r.cpu)];
      console.log(
        `${key.padEnd(40)} ${median(totals).toFixed(1).padStart(6)}  cpu ${median(cpus).toFixed(1).padStart(6)}  paint ${median(runs.map((r) => r.paint)).toFixed(1).padStart(5)}  longest ${median(runs.map((r) => r.longest)).toFixed(1).padStart(5)}  [${totals.map((t) => t.toFixed(0)).join(' ')}] cpu [${cpus.map((t) => t.toFixed(0)).join(' ')}]`,
      );
    }
  } finally {
    for (const build of builds) await build.browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
