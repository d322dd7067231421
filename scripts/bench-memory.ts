// `npx tsx scripts/bench-memory.ts`: how much JavaScript heap ChipLens holds on a huge page, as a
// ratio against the page's own heap. Reports, never asserts (docs/bench.md, "Memory").
// Build first (WXT_OUT_DIR=.output-x npx wxt build); the dist is read from WXT_OUT_DIR.
//
// The page: BENCH_TEXT_NODES (default 1,000,000) text nodes in short paragraphs with inline tags,
// a chip name every few hundred paragraphs. The content script runs in an isolated world of the
// page's own V8 heap, so JSHeapUsedSize of the tab counts both: the page's heap is read in a
// browser without the extension, ChipLens's share is the difference. Each figure is the median of
// BENCH_RUNS fresh tabs, after the marks settle (and after the popup's read-all, which reads the
// whole page), before and after a forced garbage collection. BENCH_SHAPE=one-block puts every
// text node in one block (one run): the red-team's page, and the worst case.
//
// Chromium 156, 1 M text nodes, page's own heap 0.7 MB: paragraphs (a name every 400) 2.1 MB
// held; one-block 27.7 MB held (63 MB before GC) before the run's joined text stopped being kept
// as the last regex subject, 16.8 MB after: what is left is one JS wrapper per text node read
// (about 16 bytes each), kept while the node lives once a long run has promoted it.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startPageServer } from '../tests/e2e/server';
import { askToReadAll, launchBench, settle, type BenchBrowser } from './bench-browser';
import { hugePage, type PageShape } from './bench-memory-page';

const DIST = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const TEXT_NODES = Number(process.env.BENCH_TEXT_NODES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** One piece in this many names a chip. */
const NAME_EVERY = Number(process.env.BENCH_NAME_EVERY ?? 400);
/** How the text nodes stand (bench-memory-page.ts). */
const SHAPE = (process.env.BENCH_SHAPE ?? 'paragraphs') as PageShape;

async function heap(page: Page, collect: boolean): Promise<number> {
  const session = await page.context().newCDPSession(page);
  if (collect) {
    // Twice: wrappers and weak maps may need a second pass to let go.
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
  }
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

interface HeapMeasure {
  beforeGc: number;
  afterGc: number;
}

async function measure(browser: BenchBrowser, url: string, readAll: boolean): Promise<HeapMeasure> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await settle(page);
    if (readAll && browser.worker) {
      await askToReadAll(browser.worker, page);
      await settle(page);
    }
    const beforeGc = await heap(page, false);
    const afterGc = await heap(page, true);
    return { beforeGc, afterGc };
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function runs(label: string, once: () => Promise<HeapMeasure>): Promise<HeapMeasure> {
  process.stdout.write(label.padEnd(46));
  const results: HeapMeasure[] = [];
  for (let i = 0; i < RUNS; i++) {
    results.push(await once());
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return { beforeGc: median(results.map((r) => r.beforeGc)), afterGc: median(results.map((r) => r.afterGc)) };
}

async function main(): Promise<void> {
  const server = await startPageServer();
  server.route('/huge.html', hugePage(TEXT_NODES, SHAPE, NAME_EVERY));
  const url = `${server.origin}/huge.html`;
  const base = await launchBench(null);
  const ext = await launchBench(DIST);
  try {
    console.log(`${TEXT_NODES.toLocaleString('en')} text nodes (${SHAPE}), a name every ${NAME_EVERY} pieces; extension from ${DIST}; median of ${RUNS} tabs each`);
    const page = await runs('page alone (no extension)', () => measure(base, url, false));
    const loaded = await runs('with ChipLens, as loaded', () => measure(ext, url, false));
    const readAll = await runs('with ChipLens, after the popup read it all', () => measure(ext, url, true));
    const row = (label: string, m: HeapMeasure) => {
      const held = m.afterGc - page.afterGc;
      const peak = m.beforeGc - page.beforeGc;
      console.log(
        `${label.padEnd(28)} held ${mb(held).padStart(8)} (${(held / page.afterGc).toFixed(2)}× the page's own)` +
          `   before GC ${mb(peak).padStart(8)} (${(peak / page.beforeGc).toFixed(2)}×)`,
      );
    };
    console.log(`\npage's own heap: ${mb(page.afterGc)} after GC, ${mb(page.beforeGc)} before`);
    row('ChipLens, as loaded', loaded);
    row('ChipLens, after read-all', readAll);
  } finally {
    await Promise.all([base.close(), ext.close(), server.close()]);
  }
}

await main();
