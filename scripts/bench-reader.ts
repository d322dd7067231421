// What a reader waits for, measured in the browser with ChipLens on (bench.ts reports it):
// from the page's load to the first marks painted in view, and from the end of the hover delay to
// the card painted (its first open on a fresh page — the model asked of the background, the card's
// UI rendered for the first time — and a second open of the same card). Wall-clock times in the
// page (performance.now()), not main-thread sums: this is waiting, not work.
import type { Page } from 'playwright-core';
import { HIGHLIGHT, settle, type BenchBrowser } from './bench-browser';

/** ChipLens's default hover delay (utils/storage/storage.ts hoverDelayMs); the bench does not change it. */
export const HOVER_DELAY_MS = 250;

export interface ReaderWaits {
  /** Navigation start → the first frame painted after a mark in the view was registered, ms. */
  firstMarksFromStartMs: number;
  /** The load event's end → that frame (negative: the marks were up before the load ended), ms. */
  firstMarksAfterLoadMs: number;
  /** Pointer on a mark + hover delay → the frame after the card's host joined the page, ms. */
  cardFirstOpenMs: number;
  /** The same, opening the same card again after it closed, ms (NaN when not measured). */
  cardReopenMs: number;
  /** One frame of the page here: the median interval between animation frames, ms. */
  frameMs: number;
}

// Runs in the page's own world from its first script on: watches the highlight registry each
// frame, and the card's host being added; records the frame after each (a rAF, then a task: the
// frame that shows it has been produced).
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
  const cards = new MutationObserver((records) => {
    for (const rec of records) for (const n of rec.addedNodes) if (n.nodeName === 'CHIPLENS-CARD') afterFrame((t) => w.cards.push(t));
  });
  // An init script may run before the document has its <html>.
  const watchCards = () => cards.observe(document.documentElement, { childList: true });
  if (document.documentElement) watchCards();
  else addEventListener('DOMContentLoaded', watchCards, { once: true });
  addEventListener('pointermove', (e) => w.moves.push(e.timeStamp), { capture: true });
})()`;

interface Waits {
  firstMarks: number;
  cards: number[];
  moves: number[];
}
const waits = (page: Page) => page.evaluate<Waits>('window.__benchWaits');

/** Centre of the first marked range fully in view (page coordinates for the mouse). */
const markInView = (page: Page) =>
  page.evaluate<{ x: number; y: number } | null>(`(() => {
    for (const r of CSS.highlights.get(${JSON.stringify(HIGHLIGHT)}) ?? []) {
      const b = r.getClientRects()[0];
      if (b && b.top > 40 && b.bottom < innerHeight - 300) return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
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
