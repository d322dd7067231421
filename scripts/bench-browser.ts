// What the benchmarks (bench.ts, bench-ab.ts) share: a browser with or
// without the built extension, the per-site switch, and waiting until the marks settle.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../tests/e2e/chromium';

export const HIGHLIGHT = 'chiplens';
/** The page server's host, as the site switch sees it. */
export const HOST = '127.0.0.1';
/** Marks count as done once the registry has not changed for this long. */
export const STABLE_MS = 750;
const SETTLE_TIMEOUT_MS = 15_000;

export interface BenchBrowser {
  context: BrowserContext;
  /** The extension's service worker (absent in the browser without the extension). */
  worker: Worker | undefined;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the built extension in `extensionDir` (a chrome-mv3 folder) or none. */
export async function launchBench(extensionDir: string | null): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'chiplens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // '--headless=new' comes from chromiumArgs: the mode that runs extensions
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs({ extension: extensionDir }),
  });
  const worker = extensionDir ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : undefined;
  return {
    context,
    worker,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Switches ChipLens off (or on) for the bench host, as the popup's site switch does. */
export async function setSiteOff(worker: Worker, off: boolean): Promise<void> {
  await worker.evaluate(
    (hosts) => (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.storage.local.set({ disabledHosts: hosts }),
    off ? [HOST] : [],
  );
}

/**
 * Asks the page's content script to read its whole page, as opening the popup does (a page with
 * hundreds of names is otherwise read near the view only).
 */
export async function askToReadAll(worker: Worker, page: Page): Promise<void> {
  await page.bringToFront(); // the worker cannot see tab URLs without "tabs": ask for the active tab
  await worker.evaluate(async () => {
    const { tabs } = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
    const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await tabs.sendMessage(tab.id, { type: 'read-all' });
  });
}

/** Waits until the highlight registry stops changing (or stays empty), then for a painted frame. */
export async function settle(page: Page): Promise<number> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const marks = await page.evaluate<number>(`new Promise((done) => {
    const started = performance.now();
    let last = -1;
    let since = started;
    (function poll() {
      const size = CSS.highlights.get(${JSON.stringify(HIGHLIGHT)})?.size ?? 0;
      const now = performance.now();
      if (size !== last) { last = size; since = now; }
      if (now - since >= ${STABLE_MS} || now - started >= ${SETTLE_TIMEOUT_MS}) done(size);
      else setTimeout(poll, 50);
    })();
  })`);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  return marks;
}

/** The browser's name and version as the report names it ("Chromium 156.0.8078.129"). */
export async function browserVersion(browser: BenchBrowser): Promise<string> {
  const page = await browser.context.newPage();
  try {
    const session = await browser.context.newCDPSession(page);
    const { product } = await session.send('Browser.getVersion');
    await session.detach();
    return product.replace(/^(?:Headless)?Chrome\//, 'Chromium ');
  } finally {
    await page.close();
  }
}
