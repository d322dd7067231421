// README screenshots from the built extension in headless Chromium: the card on the demo article
// in light, in dark (prefers-color-scheme, and the page's own dark toggle), on the Chinese demo,
// and at a 390 px phone width (the card as a sheet at the bottom).
//
// Usage: npx wxt build && npx tsx scripts/screenshots.ts [outDir]   (default docs/screenshots;
// the build is read from <WXT_OUT_DIR or .output>/chrome-mv3)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/chromium';
import { startPageServer } from '../tests/e2e/server';

interface Shot {
  file: string;
  page: string;
  scheme: 'light' | 'dark';
  viewport: { width: number; height: number };
  /** The marked name to point at (its first mark in the article). */
  name: string;
}

const DESKTOP = { width: 1280, height: 820 };
const SHOTS: Shot[] = [
  { file: 'card-light.png', page: '/demo-en.html', scheme: 'light', viewport: DESKTOP, name: 'H20' },
  { file: 'card-dark.png', page: '/demo-en.html', scheme: 'dark', viewport: DESKTOP, name: 'H20' },
  { file: 'card-zh.png', page: '/demo-zh.html', scheme: 'light', viewport: DESKTOP, name: 'H20' },
  { file: 'phone.png', page: '/demo-en.html', scheme: 'light', viewport: { width: 390, height: 844 }, name: 'H200' },
];

/** Scrolls the first mark reading `name` in the article to a third of the way down, and returns its centre. */
async function pointAtMark(page: Page, name: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
  const find = (wanted: string) => {
    for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>) {
      if (r instanceof Range && r.toString() === wanted && r.startContainer.parentElement?.closest('article p')) return r;
    }
    throw new Error(`no mark reading ${wanted} in the article`);
  };
  await page.evaluate(
    ([wanted, findSource]) => {
      const range = (new Function(`return ${findSource}`)() as (w: string) => Range)(wanted);
      const top = range.getBoundingClientRect().top + scrollY;
      scrollTo(0, Math.max(0, top - innerHeight / 3));
    },
    [name, find.toString()] as const,
  );
  await page.waitForTimeout(300); // the page settles after scrolling (marks re-read near the view)
  return page.evaluate(
    ([wanted, findSource]) => {
      const rect = (new Function(`return ${findSource}`)() as (w: string) => Range)(wanted).getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    [name, find.toString()] as const,
  );
}

async function main() {
  const outDir = process.argv[2] ?? 'docs/screenshots';
  await mkdir(outDir, { recursive: true });
  const [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
  try {
    for (const shot of SHOTS) {
      const page = await browser.context.newPage();
      await page.setViewportSize(shot.viewport);
      await page.emulateMedia({ colorScheme: shot.scheme, reducedMotion: 'reduce' });
      await page.goto(`${server.origin}${shot.page}`);
      // The demo article's own dark look is a checkbox (no script on the page).
      if (shot.scheme === 'dark') await page.evaluate(() => ((document.getElementById('dark') as HTMLInputElement | null)?.click()));
      const mark = await pointAtMark(page, shot.name);
      await page.mouse.move(1, 1);
      await page.mouse.move(mark.x, mark.y, { steps: 4 });
      await page.waitForFunction(() => document.querySelector('chiplens-card') !== null, undefined, { timeout: 10_000 });
      await page.waitForTimeout(400); // the card's first paint (its UI loads on the first open)
      await page.screenshot({ path: join(outDir, shot.file) });
      console.log(`${join(outDir, shot.file)}: ${shot.page}, ${shot.scheme}, ${shot.viewport.width}×${shot.viewport.height}, pointing at ${shot.name}`);
      await page.close();
    }
  } finally {
    await Promise.all([browser.close(), server.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
