// Property test of the annotation engine in Chromium: on random article-like pages, the marks a
// reader sees (CSS.highlights 'chiplens') are exactly what the pure matcher finds in each block's
// visible text, each mark covers a whole chip name, the extension logs no errors, and the
// popup's counts add up to the marks. Seeded, so a failure replays; fast-check prints the
// shrunk counterexample HTML. Replay another seed or more pages with CHIPLENS_PROP_SEED and
// CHIPLENS_PROP_RUNS.
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { bundledRaw } from '../../rules/bundled-data';
import { parseDataset } from '../../rules/dataset';
import { buildMatcherIndex } from '../../matching/matcher-index';
import { compileMatcher } from '../../matching/matcher';
import { snapshotBody } from './property/dom-snapshot';
import { expectedMarks, type ExpectedMark } from './property/expected-marks';
import { pageArbitrary, pageHtml } from './property/page-arbitrary';
import { servePages, withChromium } from './fixtures';

const SEED = Number(process.env.CHIPLENS_PROP_SEED ?? 20261129);
const RUNS = Number(process.env.CHIPLENS_PROP_RUNS ?? 30);

const parsed = parseDataset(bundledRaw);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const matcher = compileMatcher(buildMatcherIndex(parsed.dataset));
/** Names that are marked anywhere, without chip context nearby. */
const NAMES = parsed.dataset.chips.flatMap((c) => c.names.filter((n) => !c.needsContext.includes(n)));

const server = servePages({ '/favicon.ico': '' });
const chromium = withChromium();
let page: Page;
let popup: Page;
let tabId: number;
const errors: string[] = [];

beforeAll(async () => {
  const ext = chromium.browser;
  page = await ext.context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()} (${m.location().url})`));
  await page.goto(`${server.origin}/favicon.ico`);
  tabId = await ext.tabIdOf(page);
  popup = await ext.context.newPage();
  popup.on('pageerror', (e) => errors.push(`popup pageerror: ${e.message}`));
  popup.on('console', (m) => m.type() === 'error' && errors.push(`popup console: ${m.text()}`));
});

/**
 * The marked texts in document order, as a reader sees them: each range's text without the
 * elements that render nothing (a script between H and 200 is not part of what is underlined).
 */
const readMarks = (p: Page) =>
  p.evaluate(() => {
    const highlight = CSS.highlights.get('chiplens') as unknown as Iterable<AbstractRange> | undefined;
    const ranges = [...(highlight ?? [])].filter((r): r is Range => r instanceof Range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => {
      const shown = r.cloneContents();
      shown.querySelectorAll('script, style, noscript, template').forEach((e) => e.remove());
      return shown.textContent ?? '';
    });
  });

/** Marks once the engine has run (the sentinel is marked) and nothing changed for 300 ms. */
async function settledMarks(p: Page): Promise<string[]> {
  const until = Date.now() + 10_000;
  let last = '';
  let stableSince = Date.now();
  for (;;) {
    const marks = await readMarks(p);
    const key = JSON.stringify(marks);
    const ran = await p.evaluate(() => {
      const sentinel = document.querySelector('[data-sentinel]')?.firstChild;
      const highlight = CSS.highlights.get('chiplens') as unknown as Iterable<AbstractRange> | undefined;
      return [...(highlight ?? [])].some((r) => r.startContainer === sentinel);
    });
    if (key !== last || !ran) [last, stableSince] = [key, Date.now()];
    else if (Date.now() - stableSince >= 300) return marks;
    if (Date.now() > until) throw new Error(`marks did not settle (sentinel marked: ${ran})`);
    await p.waitForTimeout(100);
  }
}

/** The per-chip counts the popup lists for the tab (waits until it has rendered its list). */
async function popupCounts(): Promise<Record<string, number>> {
  await popup.goto(`chrome-extension://${chromium.browser.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('.cl-on-page li[data-count], .cl-on-page .cl-muted').first().waitFor({ timeout: 5_000 });
  const entries = await popup
    .locator('.cl-on-page li[data-count]')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-chip-id') ?? '', Number(e.getAttribute('data-count'))] as const));
  return Object.fromEntries(entries);
}

const countsOf = (marks: ExpectedMark[]) => marks.reduce<Record<string, number>>((acc, m) => ({ ...acc, [m.chipId]: (acc[m.chipId] ?? 0) + 1 }), {});

let pageNo = 0;

/** Loads generated body HTML as a page and checks every property against it. */
async function checkPage(body: string, sparse = false): Promise<void> {
  errors.length = 0;
  const path = `/prop/${++pageNo}.html`;
  server.route(path, pageHtml(body, sparse));
  await page.goto(`${server.origin}${path}`);
  const marks = await settledMarks(page);
  const expected = expectedMarks(await page.evaluate(snapshotBody), matcher);

  // (a) what a reader sees marked, in document order, is what the matcher finds per block.
  expect(marks).toEqual(expected.map((m) => m.text));
  // (b) every mark is a whole chip name on its own: the matcher reads it as exactly one mention.
  for (const text of marks) {
    expect(matcher.scan(text, { context: true }).map((m) => m.text), `mark "${text}"`).toEqual([text]);
  }
  // (d) the popup lists the same chips, and its counts add up to the marks.
  await expect.poll(popupCounts, { timeout: 5_000, interval: 300 }).toEqual(countsOf(expected));
  const counts = await popupCounts();
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(marks.length);
  // (c) no error from the extension, in the page or the popup.
  expect(errors).toEqual([]);
}

test(`marks equal the matcher over each block's visible text (${RUNS} random pages, seed ${SEED})`, { timeout: 240_000 }, async () => {
  await fc.assert(fc.asyncProperty(pageArbitrary({ names: NAMES }), (body) => checkPage(body)), { seed: SEED, numRuns: RUNS });
});

// The same pages with their names spread thin in long prose: the engine reads only the blocks the
// one regex over the page's text points at (sweep.ts), not every block.
test(`the same holds on sparse pages, read block by block (${Math.ceil(RUNS / 2)} random pages, seed ${SEED})`, { timeout: 240_000 }, async () => {
  await fc.assert(fc.asyncProperty(pageArbitrary({ names: NAMES, cutByProtected: true }), (body) => checkPage(body, true)), {
    seed: SEED + 1,
    numRuns: Math.ceil(RUNS / 2),
  });
});

// A name cut by a textarea, input, pre or code is not one name to a reader, so it is not marked.
test(`a name cut by an element that shows a box is not marked (${Math.ceil(RUNS / 2)} random pages, seed ${SEED})`, { timeout: 240_000 }, async () => {
  await fc.assert(fc.asyncProperty(pageArbitrary({ names: NAMES, cutByProtected: true }), (body) => checkPage(body)), { seed: SEED, numRuns: Math.ceil(RUNS / 2) });
});
