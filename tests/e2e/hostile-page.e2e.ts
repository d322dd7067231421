// A hostile page in Chromium (tests/pages/hostile.html): it defines <chiplens-card> before the
// content script runs (a class that takes ElementInternals, one that takes the shadow root
// itself, one that disables shadow roots), forces every attachShadow open, watches for the host
// and tries to get in, and dispatches synthetic pointer, click and Escape events. The card must
// still be ChipLens's own: a <chiplens-card> host with a closed root the page never gets, showing
// the real chip, opened and closed only by the reader.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardChipId, cardHostRoots, readCard } from './card-reader';
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

async function openHostile(variant: 'internals' | 'shadow' | 'disabled'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/hostile.html?variant=${variant}`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  return page;
}

/** Centre of the H20 mark in #target (the page can read the highlight registry, and so can we). */
function markCentre(page: Page) {
  return page.evaluate(() => {
    for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>) {
      if (!(r instanceof Range) || !document.getElementById('target')!.contains(r.startContainer)) continue;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error('no mark in #target');
  });
}

/** What the page itself can see of the card. */
const pageView = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { hostile: { internals: ElementInternals[]; rootsSeen: ShadowRoot[]; constructed: number } };
    const host = document.querySelector('chiplens-card');
    return {
      host: host !== null,
      shadowRoot: host?.shadowRoot != null,
      internalsRoots: w.hostile.internals.filter((i) => i.shadowRoot !== null).length,
      rootsOnCard: w.hostile.rootsSeen.filter((r) => r.host.localName === 'chiplens-card').length,
    };
  });

describe('a page that defines <chiplens-card> first', () => {
  for (const variant of ['internals', 'shadow', 'disabled'] as const) {
    it(`(${variant}) never gets the card's root, and the card shows the real chip`, async () => {
      const page = await openHostile(variant);
      const mark = await markCentre(page);
      await page.mouse.move(mark.x, mark.y);
      await expect.poll(() => cardChipId(page), { timeout: 5_000 }).toBe('nvidia-h20');

      // One host, <chiplens-card> on <html>, with a closed root.
      expect(await cardHostRoots(page)).toEqual(['closed']);
      expect(await page.evaluate(() => document.querySelector('chiplens-card')?.parentElement === document.documentElement)).toBe(true);
      // The page sees the host, nothing inside it.
      expect(await pageView(page)).toEqual({ host: true, shadowRoot: false, internalsRoots: 0, rootsOnCard: 0 });
      // What it wrote into the host's light DOM is not part of the card.
      const text = await readCard(page, (card) => card.textContent ?? '');
      expect(text).toContain('H20');
      expect(await readCard(page, (card) => card.getAttribute('data-status-now'))).not.toBe('fake');
      await page.close();
    });
  }
});

describe("a page's synthetic events", () => {
  it('pointer moves, taps and clicks from page script do not open the card; the reader does', async () => {
    const page = await openHostile('internals');
    const { x, y } = await markCentre(page);
    await page.evaluate(
      ([x, y]) => {
        const at = { clientX: x, clientY: y, bubbles: true, composed: true };
        const target = document.elementFromPoint(x!, y!) as HTMLElement;
        target.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
        target.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'touch' }));
        target.dispatchEvent(new MouseEvent('click', at));
        target.click();
      },
      [x, y],
    );
    await page.waitForTimeout(1_000); // past the hover delay (250 ms) and a card's fetch
    expect(await page.locator('chiplens-card').count()).toBe(0);

    await page.mouse.move(x, y);
    await expect.poll(() => cardChipId(page), { timeout: 5_000 }).toBe('nvidia-h20');
    await page.close();
  });

  it('a synthetic Escape does not close the card; the reader\'s Escape does', async () => {
    const page = await openHostile('internals');
    const { x, y } = await markCentre(page);
    await page.mouse.move(x, y);
    await expect.poll(() => cardChipId(page), { timeout: 5_000 }).toBe('nvidia-h20');

    await page.evaluate(() => {
      const esc = () => new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true });
      document.body.dispatchEvent(esc());
      window.dispatchEvent(esc());
      document.dispatchEvent(new Event('fullscreenchange'));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
    });
    await page.waitForTimeout(500);
    expect(await cardChipId(page)).toBe('nvidia-h20');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('chiplens-card').count(), { timeout: 2_000 }).toBe(0);
    await page.close();
  });
});

describe("the card's UI, loaded on the first open", () => {
  it('leaves nothing the page can see or fetch: no global, no script element, no web-accessible file', async () => {
    const page = await openHostile('internals');
    const mark = await markCentre(page);
    await page.mouse.move(mark.x, mark.y);
    await expect.poll(() => cardChipId(page), { timeout: 5_000 }).toBe('nvidia-h20');
    const seen = await page.evaluate(async (origin) => {
      const status = await fetch(`${origin}/card-ui.js`).then(
        (r) => `fetched ${r.status}`,
        () => 'refused',
      );
      return {
        global: Object.keys(window).filter((k) => /chiplens/i.test(k)),
        scripts: [...document.scripts].filter((s) => s.src.startsWith(origin)).length,
        status,
      };
    }, `chrome-extension://${browser.extensionId}`);
    expect(seen).toEqual({ global: [], scripts: 0, status: 'refused' });
    await page.close();
  });
});
