// Touch in Chromium (touch emulation, taps sent as the browser's own input through CDP): a tap on
// a name inside a link opens its card and stays on the page; a second tap follows the link; the
// card's close button closes it.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCard } from './card-reader';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

let browser: ExtensionBrowser;
let server: PageServer;

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Touch</title>
<meta name="viewport" content="width=device-width"></head><body style="font: 18px/1.6 serif; margin: 16px">
<p id="target">Read more: <a href="/elsewhere.html">Washington lets the NVIDIA H200 go</a>, the report says.</p>
<p>Other prose, without names.</p></body></html>`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
  server.route('/touch.html', ARTICLE, { 'content-type': 'text/html; charset=utf-8' });
  server.route('/elsewhere.html', '<!doctype html><title>Elsewhere</title><p>Elsewhere.</p>', { 'content-type': 'text/html; charset=utf-8' });
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** A finger's tap at a point: touchStart then touchEnd, as the browser's own (trusted) input. */
async function tap(cdp: CDPSession, x: number, y: number) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function markCentre(page: Page) {
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  return page.evaluate(() => {
    for (const r of CSS.highlights.get('chiplens')! as unknown as Iterable<AbstractRange>) {
      if (!(r instanceof Range) || !document.querySelector('#target a')!.contains(r.startContainer)) continue;
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error('no mark in the link');
  });
}

const cardOpen = (page: Page) => readCard(page, (card) => card.getAttribute('data-chip-id'));
const closeButton = (page: Page) =>
  readCard(page, (card) => {
    const b = card.parentElement!.querySelector('button.cl-close')!;
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, label: b.getAttribute('aria-label') };
  });

describe('touch', () => {
  it('a first tap on a linked name opens its card and stays; a second tap follows the link', async () => {
    const page = await browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await page.goto(`${server.origin}/touch.html`);
    const mark = await markCentre(page);

    await tap(cdp, mark.x, mark.y);
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe('nvidia-h200');
    expect(new URL(page.url()).pathname).toBe('/touch.html');

    await Promise.all([page.waitForURL('**/elsewhere.html', { timeout: 5_000 }), tap(cdp, mark.x, mark.y)]);
    await page.close();
  });

  it('the card has a close button that closes it', async () => {
    const page = await browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await page.goto(`${server.origin}/touch.html`);
    const mark = await markCentre(page);
    await tap(cdp, mark.x, mark.y);
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe('nvidia-h200');

    const button = (await closeButton(page))!;
    expect(button.label).toBe('Close');
    await tap(cdp, button.x, button.y);
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(null);
    expect(new URL(page.url()).pathname).toBe('/touch.html');
    await page.close();
  });
});
