// What a reader waits for, measured in the browser with ChipLens on (bench.ts reports it):
// from the page's load to the first marks painted in view, and from the end of the hover delay to
// the card painted (its first open on a fresh page — the model asked of the background, the card's
// UI rendered for the first time — and a second open of the same card). Wall-clock times in the
// page (performance.now()), not main-thread sums: this is waiting, not work.
// The card counts as painted in the first frame in which it is visible to the reader, not when its
// host joins the page: the card is drawn, hidden, during the hover delay (card/card.ts), so its
// host is in the page before the reader sees anything. The page cannot look into the card's
// closed root, so it asks the hit test: a hidden card is not hit, a visible one is.
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { startPageServer } from '../tests/e2e/server';
import { browserVersion, HIGHLIGHT, launchBench, settle, type BenchBrowser } from './bench-browser';
import { chipNames } from './bench-names';
import { buildBenchPage } from './bench-page';

/** ChipLens's default hover delay (utils/storage/storage.ts hoverDelayMs); the bench does not change it. */
export const HOVER_DELAY_MS = 250;

export interface ReaderWaits {
  /** Navigation start → the first frame painted after a mark in the view was registered, ms. */
  firstMarksFromStartMs: number;
  /** The load event's end → that frame (negative: the marks were up before the load ended), ms. */
  firstMarksAfterLoadMs: number;
  /** Pointer on a mark + hover delay → the first frame in which the card is visible, ms. */
  cardFirstOpenMs: number;
  /** The same, opening the same card again after it closed, ms (NaN when not measured). */
  cardReopenMs: number;
  /** One frame of the page here: the median interval between animation frames, ms. */
  frameMs: number;
}

// Runs in the page's own world from its first script on: watches the highlight registry each
// frame; records the frame after the first mark in view (a rAF, then a task: the frame that shows
// it has been produced). watchCard(points) then looks each frame, from a rAF, whether the card is
// hit at any of the points (beside its mark, below and above), and records the end of the first
// frame in which it is (a task after that rAF: the frame has been produced by then).
const WATCH = `(() => {
  const w = { firstMarks: -1, cards: [], moves: [] };
  window.__benchWaits = w;
  const afterFrame = (record) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => record(performance.now()); c.port2.postMessage(0); });
  const inView = (r) => { const b = r.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight && b.width > 0; };
  (function poll() {
    const h = CSS.highlights.get(${JSON.stringify(HIGHLIGHT)});
    if (h) for (const r of h) if (inView(r)) return afterFrame((t) => (w.firstMarks = t));
    requestAnimationFrame(poll);
  })();
  window.__benchWatchCard = (points) => {
    const until = performance.now() + 10000;
    (function look() {
      const hit = points.some(([x, y]) => document.elementFromPoint(x, y)?.localName === 'chiplens-card');
      if (hit) { const c = new MessageChannel(); c.port1.onmessage = () => w.cards.push(performance.now()); c.port2.postMessage(0); }
      else if (performance.now() < until) requestAnimationFrame(look);
    })();
  };
  addEventListener('pointermove', (e) => w.moves.push(e.timeStamp), { capture: true });
})()`;

interface Waits {
  firstMarks: number;
  cards: number[];
  moves: number[];
}
const waits = (page: Page) => page.evaluate<Waits>('window.__benchWaits');

/**
 * Centre of the first marked range fully in view (page coordinates for the mouse), and where its
 * card shows if it does: just below the mark or just above it (card/card-ui.tsx, placeCard).
 */
const markInView = (page: Page) =>
  page.evaluate<{ x: number; y: number; card: [number, number][] } | null>(`(() => {
    for (const r of CSS.highlights.get(${JSON.stringify(HIGHLIGHT)}) ?? []) {
      const b = r.getClientRects()[0];
      if (b && b.top > 40 && b.bottom < innerHeight - 300)
        return { x: b.left + b.width / 2, y: b.top + b.height / 2, card: [[b.left + 10, b.bottom + 30], [b.left + 10, b.top - 30]] };
    }
    return null;
  })()`);

async function until<T>(page: Page, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await page.waitForTimeout(50);
  }
}

/** The median interval between 30 animation frames in the page, ms. */
const frameInterval = (page: Page) =>
  page.evaluate<number>(`new Promise((done) => {
    const times = [];
    (function tick(t) {
      times.push(t);
      if (times.length < 31) requestAnimationFrame(tick);
      else done(times.slice(1).map((x, i) => x - times[i]).sort((a, b) => a - b)[15]);
    })(performance.now());
  })`);

/**
 * One fresh tab with the extension on: load → first marks in view, then the card opened twice
 * (`card: false` for an extension without one, the least extension: first marks only).
 */
export async function measureReaderWaits(browser: BenchBrowser, url: string, { card = true } = {}): Promise<ReaderWaits> {
  const page = await browser.context.newPage();
  try {
    await page.addInitScript({ content: WATCH });
    await page.mouse.move(5, 5);
    await page.goto(url, { waitUntil: 'load' });
    const first = await until(page, () => waits(page), (w) => w.firstMarks >= 0);
    const loadEnd = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].loadEventEnd");
    await settle(page);
    const frameMs = await frameInterval(page);
    const firstMarks = { firstMarksFromStartMs: first.firstMarks, firstMarksAfterLoadMs: first.firstMarks - loadEnd, frameMs };
    if (!card) return { ...firstMarks, cardFirstOpenMs: NaN, cardReopenMs: NaN };
    const at = await markInView(page);
    if (!at) throw new Error('no mark in view to hover');
    const open = async (): Promise<number> => {
      const before = (await waits(page)).cards.length;
      const movesBefore = (await waits(page)).moves.length;
      await page.evaluate(`window.__benchWatchCard(${JSON.stringify(at.card)})`);
      await page.mouse.move(at.x, at.y);
      const w = await until(page, () => waits(page), (v) => v.cards.length > before);
      if (w.cards.length <= before) throw new Error('the card did not open');
      return w.cards[before]! - (w.moves[movesBefore] ?? NaN) - HOVER_DELAY_MS;
    };
    const cardFirstOpenMs = await open();
    await page.mouse.move(5, 5); // off the mark: the card hides after its grace period
    await page.waitForTimeout(800);
    const cardReopenMs = await open();
    return { ...firstMarks, cardFirstOpenMs, cardReopenMs };
  } finally {
    await page.close();
  }
}

/**
 * `npx tsx scripts/bench-reader.ts <WXT out dir> [<WXT out dir> …]`: the reader's waits of two or
 * more builds on the bench's chip page, interleaved run by run in one process (the builds' order
 * turning each round, run 0 a warm-up), so a change to the card can be judged against its
 * baseline on a shared machine. Prints medians [min–max] and every run; asserts nothing.
 * BENCH_RUNS (default 9) sets the rounds.
 */
async function main(): Promise<void> {
  const dirs = process.argv.slice(2);
  if (!dirs.length) throw new Error('usage: npx tsx scripts/bench-reader.ts <WXT out dir> [<WXT out dir> …]');
  const runs = Number(process.env.BENCH_RUNS ?? 9);
  const server = await startPageServer(resolve('tests/pages'));
  server.route('/names.html', buildBenchPage({ names: chipNames(), paragraphs: 3000 }).html);
  const builds: { dir: string; browser: BenchBrowser; waits: ReaderWaits[] }[] = [];
  try {
    for (const dir of dirs) builds.push({ dir, browser: await launchBench(resolve(dir, 'chrome-mv3')), waits: [] });
    console.log(`${await browserVersion(builds[0]!.browser)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
    for (let run = 0; run <= runs; run++) {
      for (const build of builds.map((_, i) => builds[(i + run) % builds.length]!)) {
        const w = await measureReaderWaits(build.browser, `${server.origin}/names.html`);
        if (run > 0) build.waits.push(w);
      }
    }
    const stat = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `${s[s.length >> 1]!.toFixed(1)} [${s[0]!.toFixed(1)}–${s[s.length - 1]!.toFixed(1)}]`;
    };
    for (const { dir, waits: w } of builds) {
      console.log(`\n${dir} (${runs} runs; ms, median [min–max])`);
      console.log(`  load → first marks in view  ${stat(w.map((x) => x.firstMarksAfterLoadMs))}`);
      console.log(`  card, first open            ${stat(w.map((x) => x.cardFirstOpenMs))}  frames ${stat(w.map((x) => x.cardFirstOpenMs / x.frameMs))}`);
      console.log(`  card, opened again          ${stat(w.map((x) => x.cardReopenMs))}  frames ${stat(w.map((x) => x.cardReopenMs / x.frameMs))}`);
      console.log(`  every run, first / again    ${w.map((x) => `${x.cardFirstOpenMs.toFixed(0)}/${x.cardReopenMs.toFixed(0)}`).join(' ')}`);
    }
    console.log(`\nload average at the end ${loadavg().map((l) => l.toFixed(2)).join(' / ')}`);
  } finally {
    for (const b of builds) await b.browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
