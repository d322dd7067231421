// The card in frames (Chromium): its UI is injected into the frame that asks (the background
// targets the sender's frame id), so a card opens in a same-origin child frame and in an
// about:srcdoc frame (which the content script reaches through matchAboutBlank) as it does on the page.
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servePages, withChromium } from './fixtures';

// The page server is set up first so it closes last (after-hooks run in reverse): a browser still
// holding connections keeps a closing server waiting.
const server = servePages();
const chromium = withChromium();

/** Centre of the frame's first mark, in the top page's coordinates. */
async function markIn(frame: Frame): Promise<{ x: number; y: number }> {
  await frame.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  const inner = await frame.evaluate(() => {
    const [r] = CSS.highlights.get('chiplens')! as unknown as Iterable<Range>;
    const rect = r!.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  const box = (await (await frame.frameElement()).boundingBox())!;
  return { x: box.x + inner.x, y: box.y + inner.y };
}

describe('the card in frames', () => {
  for (const id of ['srcdoc', 'second']) {
    it(`opens in the ${id} frame, its host in that frame's document`, async () => {
      const page = await chromium.browser.context.newPage();
      await page.goto(`${server.origin}/engine-frames.html`);
      const frame = (await page.locator(`#${id}`).elementHandle())!;
      const content = (await frame.contentFrame())!;
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const at = await markIn(content);
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => content.evaluate(() => document.querySelector('chiplens-card')?.parentElement === document.documentElement), { timeout: 5_000 }).toBe(true);
      expect(await page.evaluate(() => document.querySelector('chiplens-card'))).toBeNull();
      await page.close();
    });
  }
});
