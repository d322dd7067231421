// What changed since the reader last looked, in Chromium with the built extension: the reader
// last saw H20 as needing no licence for China (a record as the background keeps it); the next
// card says what changed, the popup tagged it before; once seen, the next day's card would not.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cardLocator } from './card-reader';
import { servePages, withChromium } from './fixtures';

// The page server is set up first so it closes last (after-hooks run in reverse): a browser still
// holding connections keeps a closing server waiting.
const server = servePages();
const chromium = withChromium();

const storage = () => (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.storage.local;

async function seen(): Promise<Record<string, { statuses: Record<string, string> }>> {
  return chromium.browser.worker.evaluate(async (src) => {
    const local = (new Function(`return ${src}`)() as typeof storage)();
    return ((await local.get('seenStatuses')).seenStatuses ?? {}) as Record<string, { statuses: Record<string, string> }>;
  }, storage.toString());
}

async function hoverFirstH20(page: Page): Promise<void> {
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  const at = await page.evaluate(() => {
    for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>) {
      if (r instanceof Range && r.toString() === 'H20') {
        const rect = r.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error('no H20 mark');
  });
  await page.mouse.move(1, 1);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  await cardLocator(page).waitFor({ state: 'visible', timeout: 5_000 });
}

describe('what changed since the reader last looked', () => {
  it('the popup tags the chip, the card says was and now, and the record then holds what was seen', async () => {
    await chromium.browser.worker.evaluate(async (src) => {
      const local = (new Function(`return ${src}`)() as typeof storage)();
      await local.set({ seenStatuses: { 'nvidia-h20': { version: '2020.01.01', day: '2020-01-01', statuses: { CN: 'not-controlled' } } } });
    }, storage.toString());
    const page = await chromium.browser.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.origin}/ui-en.html`);
    // On the page, the changed chip's marks carry a second highlight (a wavy line), only theirs.
    await page.waitForFunction(() => (CSS.highlights.get('chiplens-changed')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
    const changedTexts = await page.evaluate(() =>
      [...(CSS.highlights.get('chiplens-changed')! as unknown as Iterable<AbstractRange>)].map((r) => (r as Range).toString()),
    );
    expect(new Set(changedTexts)).toEqual(new Set(['H20']));

    const popup = await chromium.browser.openPopup(await chromium.browser.tabIdOf(page));
    const tagged = popup.locator('[data-chip-id="nvidia-h20"][data-changed-from="not-controlled"]');
    await tagged.waitFor({ timeout: 5_000 });
    expect(await tagged.locator('.cl-changed-from').textContent()).toBe('Changed, was No licence needed');
    await popup.close();

    await page.bringToFront();
    await hoverFirstH20(page);
    const card = cardLocator(page);
    expect(await card.getAttribute('data-changed-from')).toBe('not-controlled');
    const status = await card.getAttribute('data-status-now');
    expect(status).not.toBe('not-controlled');
    expect(await card.textContent()).toMatch(/Changed since you last looked \(data \d{4}\.\d{2}\.\d{2}\): was no US licence needed; now /);
    // What the card showed is now what the reader saw: the next page load marks it plainly.
    expect((await seen())['nvidia-h20']!.statuses.CN).toBe(status);
    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => CSS.highlights.get('chiplens-changed')?.size ?? 0)).toBe(0);
    await page.close();
  });

  it('a chip never opened before: no tag, no line', async () => {
    await chromium.browser.worker.evaluate(async (src) => {
      const local = (new Function(`return ${src}`)() as typeof storage)();
      await local.remove('seenStatuses');
    }, storage.toString());
    const page = await chromium.browser.context.newPage();
    await page.goto(`${server.origin}/ui-en.html`);
    await hoverFirstH20(page);
    expect(await page.evaluate(() => CSS.highlights.has('chiplens-changed'))).toBe(false);
    expect(await cardLocator(page).getAttribute('data-changed-from')).toBeNull();
    expect(await cardLocator(page).textContent()).not.toContain('Changed since you last looked');
    await page.close();
  });
});
