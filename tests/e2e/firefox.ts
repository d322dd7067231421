// Launches Debian's Firefox ESR (puppeteer-core over WebDriver BiDi) with the built Firefox MV3
// extension installed as a temporary add-on, in a fresh profile.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_DIST = resolve(process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv3');
export const GECKO_ID = 'chiplens@chiplens.dev';
/**
 * Firefox gives each add-on a random per-profile UUID for its moz-extension:// origin. The
 * `extensions.webextensions.uuids` pref lets us choose it, so tests can open extension pages.
 */
export const EXTENSION_UUID = '6c1b2a4e-0c1d-4f7e-9a55-3c2f0e7d9b10';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxExtensionBrowser {
  browser: Browser;
  newPage(): Promise<Page>;
  /** Opens the popup page acting on a given tab (popup.html?tabId=N). */
  openPopup(tabId: number): Promise<Page>;
  /** Opens one of the extension's pages, e.g. "options.html". */
  openExtensionPage(path: string): Promise<Page>;
  /** The browser's id for a page's tab (asked from an extension page; no "tabs" permission needed). */
  tabIdOf(page: Page): Promise<number>;
  /** Sends `message` from an extension page to a tab's top frame (as the background does for a shortcut). */
  sendFromExtension(tabId: number, message: object): Promise<void>;
  close(): Promise<void>;
}

/**
 * `npm test` builds first (CHIPLENS_SKIP_BUILD=1); a lone `vitest run -c vitest.e2e.config.ts
 * tests/e2e/firefox.e2e.ts` builds the Firefox variant here, since the global setup builds Chrome.
 */
export function ensureFirefoxBuild(dist = FIREFOX_DIST): void {
  if (process.env.CHIPLENS_SKIP_BUILD !== '1') {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: 'inherit' });
  }
  if (!existsSync(resolve(dist, 'manifest.json'))) throw new Error(`no Firefox build at ${dist}`);
}

/**
 * Opens an extension page in a tab. The load moves the tab into the extension process, and
 * puppeteer's BiDi session never sees that navigation finish (goto times out, page.url() stays
 * about:blank) although the page loads and evaluate() reaches it; so wait for the document instead.
 */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url, { timeout: 15_000 }).catch(() => undefined);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate((want) => location.href === want && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`extension page did not load: ${url}`);
}

/**
 * Firefox ESR 140 holds puppeteer's waitForFunction to an extension page's CSP (it builds the
 * predicate with Function(): "call to Function() blocked by CSP"); evaluate() is not held to it
 * (later Firefox holds neither). So on extension pages waitForFunction polls with evaluate().
 */
function pollWithEvaluate(page: Page): Page {
  const waitForFunction = async (fn: Parameters<Page['evaluateHandle']>[0], options: { timeout?: number; polling?: unknown } = {}, ...args: unknown[]) => {
    const deadline = Date.now() + (options.timeout ?? 30_000);
    const interval = typeof options.polling === 'number' ? options.polling : 100;
    for (;;) {
      const handle = await page.evaluateHandle(fn, ...args);
      if (await handle.evaluate((value) => Boolean(value))) return handle;
      await handle.dispose();
      if (Date.now() > deadline) throw new Error(`Waiting failed: ${options.timeout ?? 30_000}ms exceeded (on ${page.url()})`);
      await new Promise((r) => setTimeout(r, interval));
    }
  };
  page.waitForFunction = waitForFunction as Page['waitForFunction'];
  return page;
}

export async function launchFirefox(dist = FIREFOX_DIST): Promise<FirefoxExtensionBrowser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // WebDriver BiDi refuses to navigate to moz-extension:// pages without this flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // The tests open the popup as a tab, which sends the page to the background, where Firefox
      // runs each timer at most once a second (each slice of the content script's work waits a
      // second). A real popup leaves the page in front: let background tabs run timers as usual.
      'dom.min_background_timeout_value': 4,
      'dom.min_background_timeout_value_without_budget_throttling': 4,
      'dom.timeout.enable_budget_timer_throttling': false,
      // Keep the run offline and quiet.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  const id = await browser.installExtension(dist);
  if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  // The install opens the first-run page (background.ts), which could take the front while
  // tabIdOf asks for the active tab (as in Chromium: tests/e2e/chromium.ts). Close it once it shows.
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const welcome = (await browser.pages()).find((p) => p.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      break;
    }
  }

  // An extension page used to ask the tabs API questions (the test page's tab id).
  let probe: Page | undefined;
  const getProbe = async (): Promise<Page> => {
    if (!probe) {
      probe = await browser.newPage();
      await gotoExtensionPage(probe, `${EXTENSION_ORIGIN}/popup.html`);
    }
    return probe;
  };

  return {
    browser,
    newPage: () => browser.newPage(),
    async openPopup(tabId) {
      const page = await browser.newPage();
      await gotoExtensionPage(page, `${EXTENSION_ORIGIN}/popup.html?tabId=${tabId}`);
      return pollWithEvaluate(page);
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await gotoExtensionPage(page, `${EXTENSION_ORIGIN}/${path}`);
      return pollWithEvaluate(page);
    },
    async tabIdOf(page) {
      const asker = await getProbe();
      await page.bringToFront();
      return asker.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
        const [tab] = await api.tabs.query({ active: true, currentWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
    },
    async sendFromExtension(tabId, message) {
      const asker = await getProbe();
      await asker.evaluate(
        async (tabId, message) => {
          const api = (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser;
          await api.tabs.sendMessage(tabId, message, { frameId: 0 });
        },
        tabId,
        message,
      );
    },
    close: () => browser.close(),
  };
}
