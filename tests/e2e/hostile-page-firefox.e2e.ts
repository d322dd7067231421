// The hostile page of hostile-page.e2e.ts in Firefox ESR: it defines <chiplens-card> first, forces
// every attachShadow open and dispatches synthetic events; the card is still read only through
// WebDriver BiDi (tests/e2e/card-reader.ts), shows the real chip, and opens and closes only for
// the reader's own pointer and keys.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCardFirefox } from './card-reader';
import { EXTENSION_ORIGIN, ensureFirefoxBuild, launchFirefox, type FirefoxExtensionBrowser } from './firefox';
import { startPageServer, type PageServer } from './server';

let fx: FirefoxExtensionBrowser;
let server: PageServer;

beforeAll(async () => {
  ensureFirefoxBuild();
  [fx, server] = await Promise.all([launchFirefox(), startPageServer()]);
});
afterAll(async () => {
  await fx?.close();
  await server?.close();
});

const cardChip = (page: Page) => readCardFirefox(page, (card) => card.getAttribute('data-chip-id'));

async function openHostile(variant: string): Promise<{ page: Page; x: number; y: number }> {
  const page = await fx.newPage();
  await page.goto(`${server.origin}/hostile.html?variant=${variant}`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, { timeout: 10_000 });
  // Firefox's content script cannot iterate the registry, but the page can.
  const { x, y } = await page.evaluate(() => {
    for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>) {
      if (!(r instanceof Range) || !document.getElementById('target')!.contains(r.startContainer)) continue;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error('no mark in #target');
  });
  return { page, x, y };
}

describe('Firefox: a hostile page', () => {
  it("never gets the card's root, and its synthetic events neither open nor close the card", async () => {
    const { page, x, y } = await openHostile('internals');
    await page.evaluate(
      (x, y) => {
        const at = { clientX: x, clientY: y, bubbles: true, composed: true };
        const target = document.elementFromPoint(x, y) as HTMLElement;
        target.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
        target.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'touch' }));
        target.dispatchEvent(new MouseEvent('click', at));
      },
      x,
      y,
    );
    await new Promise((ok) => setTimeout(ok, 1_000));
    expect(await page.evaluate(() => document.querySelector('chiplens-card') !== null)).toBe(false);

    await page.mouse.move(x, y);
    await expect.poll(() => cardChip(page), { timeout: 10_000 }).toBe('nvidia-h20');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { hostile: { internals: ElementInternals[]; rootsSeen: ShadowRoot[] } };
      return {
        shadowRoot: document.querySelector('chiplens-card')?.shadowRoot != null,
        internalsRoots: w.hostile.internals.filter((i) => i.shadowRoot !== null).length,
        rootsOnCard: w.hostile.rootsSeen.filter((r) => r.host.localName === 'chiplens-card').length,
      };
    });
    expect(seen).toEqual({ shadowRoot: false, internalsRoots: 0, rootsOnCard: 0 });
    // The card's UI came on this first open and left the page nothing to see or fetch.
    const ui = await page.evaluate(async (origin) => {
      const status = await fetch(`${origin}/card-ui.js`).then(
        (r) => `fetched ${r.status}`,
        () => 'refused',
      );
      return { global: Object.keys(window).filter((k) => /chiplens/i.test(k)), status };
    }, EXTENSION_ORIGIN);
    expect(ui).toEqual({ global: [], status: 'refused' });

    await page.evaluate(() => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await cardChip(page)).toBe('nvidia-h20');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('chiplens-card') !== null), { timeout: 3_000 }).toBe(false);
    await page.close();
  });
});
