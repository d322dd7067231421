// Data updates in Firefox ESR: the background (an event page there) fetches across origins,
// verifies with WebCrypto and serves the newer data to the next page; a tampered copy is
// refused and the good one kept. The same build-time key and local server as updates.e2e.ts.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxExtensionBrowser } from './firefox';
import type { PageServer } from './server';
import { BUNDLED_VERSION, laterVersion, newerData, setUpUpdates, tamper } from './update-fixture';

let fx: FirefoxExtensionBrowser;
let server: PageServer;
let sign: (raw: unknown) => Promise<string>;
let publish: (envelope: string) => void;

beforeAll(async () => {
  let dist: string;
  ({ server, sign, publish, dist } = await setUpUpdates('firefox'));
  fx = await launchFirefox(dist);
});
afterAll(async () => {
  await fx?.close();
  await server?.close();
});

async function marksOnNewNamePage(): Promise<number> {
  const page = await fx.newPage();
  await page.goto(`${server.origin}/new-name.html`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, { timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 300));
  const marks = await page.evaluate(() => CSS.highlights.get('chiplens')?.size ?? 0);
  await page.close();
  return marks;
}

/** Presses "Check now" and returns the last check's text once it matches `expected`. */
async function checkNow(options: Page, expected: RegExp): Promise<void> {
  await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Check now')!.click());
  await options.waitForFunction((source) => new RegExp(source).test(document.querySelector('.last-check')?.textContent ?? ''), { timeout: 10_000 }, expected.source);
}

const shownVersion = (options: Page) => options.evaluate(() => document.querySelector('[data-version]')?.getAttribute('data-version'));

describe('Firefox: signed data updates', () => {
  it('a newer signed copy is used by the next page; a tampered one is refused', async () => {
    expect(await marksOnNewNamePage()).toBe(1);
    const options = await fx.openExtensionPage('options.html');
    await options.waitForFunction(() => document.querySelector('[data-version]') !== null, { timeout: 10_000 });
    expect(await shownVersion(options)).toBe(BUNDLED_VERSION);

    publish(await sign(newerData(laterVersion(1))));
    await checkNow(options, new RegExp(`updated from .* to ${laterVersion(1).replace(/\./g, '\\.')}`));
    expect(await shownVersion(options)).toBe(laterVersion(1));
    expect(await marksOnNewNamePage()).toBe(2);

    publish(tamper(await sign(newerData(laterVersion(2)))));
    await checkNow(options, /refused: the signature does not match/);
    expect(await shownVersion(options)).toBe(laterVersion(1));
    expect(await marksOnNewNamePage()).toBe(2);
  });
});
