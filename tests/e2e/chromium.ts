// Launches Debian's Chromium with the built extension loaded, in a fresh profile.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_DIST = resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

/**
 * Flags for Debian's Chromium here: the extension (if any) loaded, and no background traffic
 * (this machine's network is closed; Chromium would retry connections at every start).
 * Extensions need the "new" headless mode, which Playwright only passes through as an argument.
 */
export function chromiumArgs({ extension, headless = true }: { extension: string | null; headless?: boolean }): string[] {
  return [
    ...(headless ? ['--headless=new'] : ['--start-maximized']),
    ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens the popup page acting on a given tab (popup.html?tabId=N). */
  openPopup(tabId: number): Promise<Page>;
  /** The browser's id for a page's tab (read through the extension's service worker). */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

/**
 * A first install opens the first-run page (background.ts) in a tab of its own, which can take
 * the front while a test asks which tab is active (tabIdOf): the popup would then act on the
 * first-run page ("ChipLens doesn't run on this page"). Waits for it (up to 5 s) and closes it.
 */
async function closeFirstRunPage(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/welcome.html`;
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const page = context.pages().find((p) => p.url().startsWith(url));
    if (page) return page.close();
  }
}

export async function launchChromium(dist = CHROME_DIST): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'chiplens-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: chromiumArgs({ extension: dist }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await closeFirstRunPage(context, extensionId);
  return {
    context,
    extensionId,
    worker,
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
      return page;
    },
    async tabIdOf(page) {
      // Without the "tabs" permission the worker cannot read tab URLs, so activate the page's
      // tab and ask for the active one.
      await page.bringToFront();
      return worker.evaluate(async () => {
        const tabs = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.tabs;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
