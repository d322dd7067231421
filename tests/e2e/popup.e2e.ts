// The popup in Chromium, acting on a page's tab through popup.html?tabId=N: lists the marked chips
// with their counts, looks chips up by any name, and switches marking off and on for the site.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

const markCount = (page: Page) => page.evaluate(() => CSS.highlights.get('chiplens')?.size ?? 0);

async function markedPage(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/ui-en.html`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  return { page, tabId: await browser.tabIdOf(page) };
}

describe('popup', () => {
  it('lists the chips marked in the tab with their counts', async () => {
    const { page, tabId } = await markedPage();
    const marks = await markCount(page);
    const popup = await browser.openPopup(tabId);
    const entry = popup.locator('[data-chip-id="nvidia-h20"][data-count]');
    await entry.waitFor({ timeout: 5_000 });
    expect(Number(await entry.getAttribute('data-count'))).toBe(3);
    const counts = await popup.locator('li[data-count]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(marks);
    await Promise.all([popup.close(), page.close()]);
  });

  it('finds a chip by a loose name and shows its card', async () => {
    const { page, tabId } = await markedPage();
    const popup = await browser.openPopup(tabId);
    for (const query of ['H-20', '英伟达H20']) {
      await popup.getByRole('searchbox').fill(query);
      const found = popup.locator('.cl-search-result [data-chip-id="nvidia-h20"] h2');
      await found.waitFor({ timeout: 5_000 });
      expect(await found.textContent()).toBe('H20');
    }
    await popup.getByRole('searchbox').fill('no-such-chip-9000');
    await popup.getByText(/No chip called|数据集中没有/).waitFor({ timeout: 5_000 });
    await Promise.all([popup.close(), page.close()]);
  });

  it('switches marking off and on for the site, and remembers it', async () => {
    const { page, tabId } = await markedPage();
    const bodyBefore = await page.evaluate(() => document.body.innerHTML);
    const host = new URL(server.origin).hostname;
    let popup = await browser.openPopup(tabId);
    let toggle = popup.getByRole('switch', { name: new RegExp(host.replaceAll('.', '\\.')) });
    await toggle.waitFor({ timeout: 5_000 });
    expect(await toggle.isChecked()).toBe(true);

    await toggle.uncheck();
    await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) === 0, undefined, { timeout: 5_000 });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(bodyBefore);

    await popup.close();
    popup = await browser.openPopup(tabId);
    toggle = popup.getByRole('switch', { name: new RegExp(host.replaceAll('.', '\\.')) });
    await toggle.waitFor({ timeout: 5_000 });
    expect(await toggle.isChecked()).toBe(false); // survives reopening

    await toggle.check();
    await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) === 3, undefined, { timeout: 5_000 });
    await Promise.all([popup.close(), page.close()]);
  });

  it('offers the switch on a page loaded while its site is off, and turns it back on', async () => {
    const { page, tabId } = await markedPage();
    const host = new URL(server.origin).hostname;
    const name = new RegExp(host.replaceAll('.', '\\.'));
    let popup = await browser.openPopup(tabId);
    await popup.getByRole('switch', { name }).uncheck();
    await popup.close();

    await page.reload();
    await page.bringToFront();
    popup = await browser.openPopup(tabId);
    const toggle = popup.getByRole('switch', { name });
    await toggle.waitFor({ timeout: 5_000 });
    await expect.poll(() => toggle.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await markCount(page)).toBe(0);

    await toggle.check();
    await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) === 3, undefined, { timeout: 5_000 });
    await Promise.all([popup.close(), page.close()]);
  });
});
