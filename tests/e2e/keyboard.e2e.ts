// The keyboard in Chromium: the shortcut (a manifest command the background forwards to the
// active tab; a headless browser cannot press it, so the test sends the same message from the
// service worker) steps through the marks in reading order with a focus ring and opens each card
// with focus in it; Esc closes and puts focus back; the page's tab order is untouched; a link
// whose text is a marked name opens its card when it takes focus.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from './card-reader';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

let browser: ExtensionBrowser;
let server: PageServer;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keys</title></head>
<body style="font: 16px/1.5 serif; margin: 16px">
<button id="start">Subscribe</button>
<p>Washington lets the NVIDIA H200 go to approved buyers.</p>
<p>Meanwhile the H20 waits for licences.</p>
<p><a id="after" href="/elsewhere.html">Unrelated story</a></p>
<p><a id="named" href="/b200.html">NVIDIA B200</a> ships.</p>
</body></html>`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
  server.route('/keys.html', ARTICLE, { 'content-type': 'text/html; charset=utf-8' });
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** What the background does on the shortcut: message the tab's top frame. */
async function shortcut(page: Page, step: 1 | -1) {
  const tabId = await browser.tabIdOf(page);
  await browser.worker.evaluate(
    async ({ tabId, step }) => {
      const tabs = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.tabs;
      await tabs.sendMessage(tabId, { type: 'step-mark', step }, { frameId: 0 });
    },
    { tabId, step },
  );
}

const cardChip = (page: Page) => readCard(page, (card) => card.getAttribute('data-chip-id'));
/** The card's dialog (around the card): its role and name, and whether focus is inside it. */
const dialog = (page: Page) =>
  readCard(page, (card) => {
    const d = card.parentElement!;
    return { role: d.getAttribute('role'), name: d.getAttribute('aria-label'), focused: (d.getRootNode() as ShadowRoot).activeElement === d };
  });
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('chiplens-focus');
    const r = h && ([...(h as unknown as Iterable<AbstractRange>)][0] as Range | undefined);
    return r ? r.toString() : null;
  });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.localName);

async function openPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/keys.html`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) >= 3, undefined, { timeout: 10_000 });
  return page;
}

describe('keyboard', () => {
  it('the shortcut steps to each mark with a focus ring and opens its card with focus; Esc puts focus back', async () => {
    const page = await openPage();
    await page.focus('#start');

    await shortcut(page, 1);
    await expect.poll(() => cardChip(page), { timeout: 5_000 }).toBe('nvidia-h200');
    expect(await focusRing(page)).toMatch(/H200$/);
    await expect.poll(() => dialog(page)).toEqual({ role: 'dialog', name: 'H200', focused: true });

    await shortcut(page, 1);
    await expect.poll(() => cardChip(page), { timeout: 5_000 }).toBe('nvidia-h20');
    expect(await focusRing(page)).toBe('H20');
    await shortcut(page, -1);
    await expect.poll(() => cardChip(page), { timeout: 5_000 }).toBe('nvidia-h200');

    await page.keyboard.press('Escape');
    await expect.poll(() => cardChip(page)).toBe(null);
    expect(await focusedId(page)).toBe('start');
    expect(await focusRing(page)).toBe(null);
    // The page's own tab order: from the button, Tab goes to the first link, not to a mark.
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('after');
    await page.close();
  });

  it('a link whose text is a marked name opens its card when it takes focus, and closes when focus moves on', async () => {
    const page = await openPage();
    await page.focus('#after');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('named');
    await expect.poll(() => cardChip(page), { timeout: 5_000 }).toBe('nvidia-b200');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => cardChip(page), { timeout: 5_000 }).toBe(null);
    await page.close();
  });
});
