// The card in Chromium says how far its sources reach (meta.checkedThrough), never the build or
// review date as if it were the facts' date, and says plainly when newer changes may be missing
// (issue #13). The card's root is closed: it is read through CDP (card-reader.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledRaw } from '../../rules/bundled-data';
import { daysBetween, STALE_AFTER_DAYS } from '../../rules/card-model-builder';
import { cardLocator } from './card-reader';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

const meta = (bundledRaw as { meta: { version: string; asOf: string; checkedThrough: string } }).meta;

let browser: ExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

async function openCard(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/ui-en.html`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  const mark = await page.evaluate(() => {
    const target = document.getElementById('target')!;
    for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>) {
      if (!(r instanceof Range) || !target.contains(r.startContainer)) continue;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error('no mark in #target');
  });
  await page.mouse.move(mark.x, mark.y);
  await cardLocator(page).waitFor({ state: 'visible', timeout: 5_000 });
  return page;
}

describe('the card’s freshness', () => {
  it('says "Sources checked through <meta.checkedThrough>" with the version, and warns only past 60 days', async () => {
    const page = await openCard();
    const card = cardLocator(page);
    expect(await card.locator('footer span').first().textContent()).toBe(`Sources checked through ${meta.checkedThrough} · data version ${meta.version}`);
    // The review date is not offered as the facts' date (it differs from checkedThrough).
    expect(meta.asOf).not.toBe(meta.checkedThrough);
    expect(await card.textContent()).not.toContain(`as of ${meta.asOf}`);
    // The background resolves the card for its own today: the note shows exactly when that is past 60 days.
    const today = new Date().toISOString().slice(0, 10);
    const age = daysBetween(meta.checkedThrough, today);
    const note = card.locator('[role="note"]');
    if (age > STALE_AFTER_DAYS) expect(await note.textContent()).toBe(`The sources reach only to ${meta.checkedThrough}, ${age} days ago: newer changes may be missing.`);
    else expect(await note.count()).toBe(0);
    await page.close();
  });
});
