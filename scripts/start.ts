// `npm start`: builds the extension, serves the demo pages and opens them in Chromium with
// ChipLens loaded. Headed when a display exists; headless (optionally hovering the first mark
// and saving a screenshot of its card) with --headless or when there is no display.
//
//   npm start                                  headed, English and Chinese demo in two tabs
//   npm start -- --headless --page zh          headless, print the marks found, exit
//   npm start -- --screenshot card.png         headless, hover the first mark, save the card
//   npm start -- --no-build                    reuse the last build
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bundledRaw } from '../rules/bundled-data';
import { parseDataset } from '../rules/dataset';
import { findChip } from '../matching/lookup';
import { cardLocator } from '../tests/e2e/card-reader';
import { CHROMIUM, chromiumArgs } from '../tests/e2e/chromium';
import { startPageServer, type PageServer } from '../tests/e2e/server';

const OUT_DIR = process.env.WXT_OUT_DIR ?? '.output';
const DIST = resolve(OUT_DIR, 'chrome-mv3');
const HIGHLIGHT = 'chiplens';
const MARK_TIMEOUT_MS = 10_000;
const PAGES = { en: 'demo-en.html', zh: 'demo-zh.html' } as const;
type PageKey = keyof typeof PAGES;

interface Options {
  pages: PageKey[];
  headless: boolean;
  screenshot: string | undefined;
  build: boolean;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      page: { type: 'string' },
      screenshot: { type: 'string' },
      headless: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
  });
  const page = values.page;
  if (page !== undefined && !Object.hasOwn(PAGES, page)) throw new Error(`--page must be en or zh, not "${page}"`);
  const screenshot = values.screenshot;
  let headless = values.headless === true || screenshot !== undefined;
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No display (DISPLAY / WAYLAND_DISPLAY unset): running headless instead.');
    headless = true;
  }
  const pages: PageKey[] = page !== undefined ? [page as PageKey] : headless ? ['en'] : ['en', 'zh'];
  return { pages, headless, screenshot, build: values['no-build'] !== true };
}

function build(): void {
  console.log(`Building the extension into ${OUT_DIR}/ …`);
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env: { ...process.env, WXT_OUT_DIR: OUT_DIR } });
}

async function launch(profile: string, headless: boolean): Promise<BrowserContext> {
  console.log(`Launching ${CHROMIUM} ${headless ? 'headless' : 'with a window'}, extension from ${DIST}`);
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // Extensions need the "new" headless mode, which Playwright only passes through as an arg.
    headless: false,
    viewport: headless ? { width: 1280, height: 900 } : null,
    args: chromiumArgs({ extension: DIST, headless }),
  });
}

const markCount = (page: Page): Promise<number> =>
  page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT);

/** Waits until the page has marks and their number settles; a clear message if none come. */
async function waitForMarks(page: Page): Promise<number> {
  try {
    await page.waitForFunction((name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT, {
      timeout: MARK_TIMEOUT_MS,
      polling: 100,
    });
  } catch {
    throw new Error(
      `No chip was marked on ${page.url()} within ${MARK_TIMEOUT_MS / 1000} s ` +
        `(CSS.highlights.get('${HIGHLIGHT}') stayed empty). Is the content script built and matching?`,
    );
  }
  // The engine marks in slices; count once a few polls agree.
  let last = -1;
  for (let polls = 0; polls < 30; polls++) {
    const now = await markCount(page);
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(300);
  }
  return last;
}

const parsed = parseDataset(bundledRaw);
if (!parsed.ok) throw new Error(`the bundled dataset is invalid: ${parsed.errors[0]}`);
const dataset = parsed.dataset;

/** The marks per chip, as the popup counts them, e.g. { H20: 9, H200: 7 }: each marked text read from the page's highlight registry and looked up. */
async function countMarks(page: Page): Promise<Record<string, number>> {
  const texts = await page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString()), HIGHLIGHT);
  const counts: Record<string, number> = {};
  for (const text of texts) {
    const chip = findChip(dataset, text)?.name ?? `${text} (?)`;
    counts[chip] = (counts[chip] ?? 0) + 1;
  }
  return counts;
}

/** Scrolls the first mark in reading order into view and returns the centre of its first box. */
function firstMarkCentre(page: Page): Promise<{ x: number; y: number; text: string }> {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])].filter((r): r is Range => r instanceof Range);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const visible = ranges.find((r) => r.getClientRects().length > 0);
    if (!visible) throw new Error('every marked range is invisible');
    visible.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = visible.getClientRects()[0]!;
    return { x: box.left + box.width / 2, y: box.top + box.height / 2, text: visible.toString() };
  }, HIGHLIGHT);
}

async function hoverAndScreenshot(page: Page, file: string): Promise<void> {
  const mark = await firstMarkCentre(page);
  console.log(`Hovering "${mark.text}" at (${Math.round(mark.x)}, ${Math.round(mark.y)}) …`);
  // Arrive from elsewhere so the page sees a real pointer move onto the mark.
  await page.mouse.move(1, 1);
  await page.mouse.move(mark.x, mark.y, { steps: 5 });
  // The card lives in a closed shadow root: read it through the DevTools protocol, as the tests do.
  const card = cardLocator(page);
  await card.waitFor({ state: 'visible', timeout: MARK_TIMEOUT_MS }).catch(() => {
    throw new Error(`No card appeared within ${MARK_TIMEOUT_MS / 1000} s of hovering "${mark.text}".`);
  });
  console.log(`Card open for ${await card.getAttribute('data-chip-id')}.`);
  await page.waitForTimeout(400); // let the card's fade-in and positioning settle
  await page.screenshot({ path: file });
  console.log(`Saved ${resolve(file)}`);
}

async function openDemo(
  context: BrowserContext,
  server: PageServer,
  key: PageKey,
  strict: boolean,
  reuse?: Page,
): Promise<Page> {
  const page = reuse ?? (await context.newPage());
  const url = `${server.origin}/${PAGES[key]}`;
  console.log(`Opening ${url}`);
  await page.goto(url);
  try {
    const marks = await waitForMarks(page);
    console.log(`  ${marks} marks: ${JSON.stringify(await countMarks(page))}`);
  } catch (error) {
    // Headed, the page stays open for a look even without marks; headless, it is the result.
    if (strict) throw error;
    console.warn(`  ${error instanceof Error ? error.message : String(error)}`);
  }
  return page;
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options.build) build();
  const server = await startPageServer(resolve('tests/pages'));
  console.log(`Serving tests/pages at ${server.origin}/`);
  const profile = await mkdtemp(join(tmpdir(), 'chiplens-start-'));
  const context = await launch(profile, options.headless);
  const cleanup = async (): Promise<void> => {
    await context.close().catch(() => {});
    await server.close();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 10_000 });
    const [first, ...rest] = options.pages;
    const page = await openDemo(context, server, first!, options.headless, context.pages()[0]);
    for (const key of rest) await openDemo(context, server, key, options.headless);
    if (options.headless) {
      if (options.screenshot !== undefined) await hoverAndScreenshot(page, options.screenshot);
      else console.log('To see a card without a display: npm start -- --screenshot card.png (hovers the first mark and saves the page with its card).');
      return;
    }
    console.log('Hover a marked chip name to see its card. Close the browser or press Ctrl-C to stop.');
    await new Promise<void>((done) => {
      context.on('close', () => done());
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => done());
    });
    console.log('Closing.');
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
