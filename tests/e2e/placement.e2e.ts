// Where the card opens (Chromium): never over the marked name and never outside the viewport, with
// the mark near the top, in the middle band and near the bottom of the window, at 1280x900, at
// 640x450 (what a 1280x900 window shows at 200% zoom) and at a phone's 390x844, tapped (a sheet
// at the bottom: the page scrolls so the mark stays above it).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from './card-reader';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

let browser: ExtensionBrowser;
let server: PageServer;

// A long article: one H200 in #target, filler prose (no chip names) far above and below it.
const filler = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of ordinary prose about markets, weather and the like, long enough to wrap.</p>`).join('');
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Placement</title></head>
<body style="font: 16px/1.5 serif; margin: 0 auto; max-width: 720px; padding: 0 12px">${filler}
<p id="target">Washington lets the NVIDIA H200 go to approved buyers.</p>${filler}</body></html>`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
  server.route('/placement.html', ARTICLE, { 'content-type': 'text/html; charset=utf-8' });
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

type Rect = { left: number; top: number; right: number; bottom: number };

/** Scrolls so the mark in #target sits at `fraction` of the window's height; returns its box. */
async function putMark(page: Page, fraction: number): Promise<Rect> {
  const markBox = () =>
    page.evaluate(() => {
      const target = document.getElementById('target')!;
      for (const r of (CSS.highlights.get('chiplens') ?? []) as unknown as Iterable<AbstractRange>) {
        if (!(r instanceof Range) || !target.contains(r.startContainer)) continue;
        const { left, top, right, bottom } = r.getBoundingClientRect();
        return { left, top, right, bottom };
      }
      return null;
    });
  await page.evaluate(() => document.getElementById('target')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
  await page.waitForFunction(
    () => [...((CSS.highlights.get('chiplens') ?? []) as unknown as Iterable<AbstractRange>)].some((r) => document.getElementById('target')!.contains(r.startContainer)),
    undefined,
    { timeout: 10_000 },
  );
  const box = (await markBox())!;
  await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), box.top - fraction * page.viewportSize()!.height);
  return (await markBox())!;
}

/** The card's floating box (the element around the card, which scrolls when the card is cut). */
const floatBox = (page: Page) =>
  readCard(page, (card) => {
    const float = card.parentElement!;
    const r = float.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && float.checkVisibility({ visibilityProperty: true });
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, visible };
  });

const views = [
  { name: '100% zoom', width: 1280, height: 900 },
  { name: '200% zoom', width: 640, height: 450 },
  { name: 'a 390 px phone', width: 390, height: 844 },
];

describe('card placement', () => {
  it.each(views)('never covers the mark nor leaves the viewport at $name', async ({ width, height }) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    // A phone has no hover: there the reader taps (trusted touch input through CDP).
    const phone = width < 480;
    const cdp = await page.context().newCDPSession(page);
    if (phone) await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.origin}/placement.html`);
    for (const fraction of [0.15, 0.5, 0.85]) {
      const before = await putMark(page, fraction);
      const [x, y] = [(before.left + before.right) / 2, (before.top + before.bottom) / 2];
      if (phone) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } else {
        await page.mouse.move(x, y);
      }
      await expect.poll(async () => (await floatBox(page))?.visible, { timeout: 5_000 }).toBe(true);
      // The page may have scrolled (a sheet makes room below the mark): read the mark again.
      const mark = await page.evaluate(() => {
        const target = document.getElementById('target')!;
        for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>)
          if (r instanceof Range && target.contains(r.startContainer)) {
            const { left, top, right, bottom } = r.getBoundingClientRect();
            return { left, top, right, bottom };
          }
        throw new Error('no mark');
      });
      const card = (await floatBox(page))!;
      const where = `mark at ${fraction} of ${width}x${height}: card ${JSON.stringify(card)}, mark ${JSON.stringify(mark)}`;
      const overlaps = card.left < mark.right && card.right > mark.left && card.top < mark.bottom && card.bottom > mark.top;
      expect(overlaps, where).toBe(false);
      expect(card.top, where).toBeGreaterThanOrEqual(0);
      expect(card.left, where).toBeGreaterThanOrEqual(0);
      expect(card.bottom, where).toBeLessThanOrEqual(height);
      expect(card.right, where).toBeLessThanOrEqual(width);
      // On a phone the card is a sheet at the bottom, below the mark (the page scrolls if need be).
      if (phone) expect(card.top, where).toBeGreaterThanOrEqual(mark.bottom);
      // The mark stays in view, so the reader sees which name the card is about.
      expect(mark.top, where).toBeGreaterThanOrEqual(0);
      expect(mark.bottom, where).toBeLessThanOrEqual(height);
      await page.keyboard.press('Escape');
      await expect.poll(() => floatBox(page), { timeout: 5_000 }).toBe(null);
      await page.mouse.move(1, 1); // off the mark, so hovering it again is a new hover
    }
    await page.close();
  });

});
