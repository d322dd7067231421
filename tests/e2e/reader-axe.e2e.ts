// axe-core (WCAG 2 A/AA rules) on what a reader sees of ChipLens's own UI, in light and in dark:
// the popup (with a page's marks listed, one tagged as changed since last seen, and a card found), the options page, and the first-run
// page with its sample card (ChipCard, the same component as the in-page card, whose closed shadow
// root axe cannot enter). No serious or critical violation may remain.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servePages, withChromium } from './fixtures';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

// The page server is set up first so it closes last (after-hooks run in reverse): a browser still
// holding connections keeps a closing server waiting.
const server = servePages();
const chromium = withChromium();

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on the page as it is now. */
async function seriousFindings(page: Page): Promise<Finding[]> {
  // Evaluated through the DevTools protocol: the extension page's CSP, which blocks inline
  // scripts, does not apply.
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** Writes (or, with null, removes) what the reader last saw of each chip, as the background keeps it. */
async function setSeen(record: object | null): Promise<void> {
  await chromium.browser.worker.evaluate(async (value) => {
    const storage = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.storage.local;
    await (value ? storage.set({ seenStatuses: value }) : storage.remove('seenStatuses'));
  }, record);
}

async function openExtensionPage(path: string, scheme: 'light' | 'dark'): Promise<Page> {
  const page = await chromium.browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${chromium.browser.extensionId}/${path}`);
  return page;
}

describe.each(['light', 'dark'] as const)('axe, %s', (scheme) => {
  it('the popup: marks on this page, a card found, and "did you mean"', async () => {
    const article = await chromium.browser.context.newPage();
    await article.goto(`${server.origin}/ui-en.html`);
    await article.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
    // The reader last saw H20 as not controlled toward China: "On this page" says it changed.
    await setSeen({ 'nvidia-h20': { version: '2020.01.01', day: '2020-01-01', statuses: { CN: 'not-controlled' } } });
    const popup = await chromium.browser.openPopup(await chromium.browser.tabIdOf(article));
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.locator('[data-chip-id="nvidia-h20"][data-count]').waitFor({ timeout: 5_000 });
    const changed = popup.locator('[data-chip-id="nvidia-h20"][data-changed-from="not-controlled"] .cl-changed-from');
    await changed.waitFor({ timeout: 5_000 });
    expect(await changed.textContent()).toBe('Changed, was No licence needed');
    await popup.getByRole('searchbox').fill('H20');
    await popup.locator('.cl-search-result article[data-chip-id="nvidia-h20"]').waitFor({ timeout: 5_000 });
    // Everything folded open, so axe sees every part of the card and the browse list.
    await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await seriousFindings(popup)).toEqual([]);
    await popup.getByRole('searchbox').fill('h2oo');
    await popup.locator('[data-suggestion]').first().waitFor({ timeout: 5_000 });
    expect(await seriousFindings(popup)).toEqual([]);
    await Promise.all([popup.close(), article.close(), setSeen(null)]);
  });

  it('the options page', async () => {
    const page = await openExtensionPage('options.html', scheme);
    await page.locator('#cl-focus').waitFor({ timeout: 5_000 });
    await page.locator('[data-version]').waitFor({ timeout: 5_000 });
    expect(await seriousFindings(page)).toEqual([]);
    await page.close();
  });

  it('the first-run page and its sample card, every part open', async () => {
    const page = await openExtensionPage('welcome.html', scheme);
    await page.locator('.demo-card article[data-chip-id="nvidia-h20"]').waitFor({ timeout: 5_000 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await seriousFindings(page)).toEqual([]);
    await page.close();
  });
});

describe('the first-run page', () => {
  it('shows the sample article with its names marked, and each name shows its own card', async () => {
    const page = await openExtensionPage('welcome.html', 'light');
    expect(await page.locator('h1').textContent()).toBe('Welcome to ChipLens');
    await page.locator('.demo-card article[data-chip-id="nvidia-h20"]').waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'H200', exact: true }).click();
    await page.locator('.demo-card article[data-chip-id="nvidia-h200"]').waitFor({ timeout: 5_000 });
    // The keys the browser has for ChipLens's commands (the manifest's suggestions here).
    expect(await page.locator('.keys dt').allTextContents()).toEqual(['Alt+Shift+J', 'Alt+Shift+K', 'Alt+Shift+L', 'Esc']);
    const [options] = await Promise.all([chromium.browser.context.waitForEvent('page'), page.getByRole('button', { name: 'Open Settings' }).click()]);
    await options.waitForLoadState();
    // Chromium shows an options page that is not opened in a tab inside chrome://extensions.
    expect(options.url()).toMatch(new RegExp(`/options\\.html|\\?options=${chromium.browser.extensionId}`));
    await Promise.all([page.close(), options.close()]);
  });
});
