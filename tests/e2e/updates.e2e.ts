// Data updates in Chromium, end to end: a build that trusts a key made for this test and looks
// for updates on a local server. A newer signed copy, fetched when the reader presses "Check
// now", is what pages are marked with from then on; a tampered copy or an error page is refused
// with a reason on the options page, and the last good copy stays in use.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ExtensionBrowser } from './chromium';
import type { PageServer } from './server';
import { BUNDLED_VERSION, laterVersion, newerData, setUpUpdates, tamper } from './update-fixture';

let browser: ExtensionBrowser;
let server: PageServer;
let sign: (raw: unknown) => Promise<string>;
let publish: (envelope: string) => void;

beforeAll(async () => {
  let dist: string;
  ({ server, sign, publish, dist } = await setUpUpdates('chrome'));
  browser = await launchChromium(dist);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

async function marksOnNewNamePage(): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/new-name.html`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  await page.waitForTimeout(300); // one pass marks both at once; nothing more comes
  const marks = await page.evaluate(() => CSS.highlights.get('chiplens')?.size ?? 0);
  await page.close();
  return marks;
}

/** Presses "Check now" and waits until the last check reads as `expected`. */
async function checkNow(options: Page, expected: RegExp): Promise<void> {
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(() => options.locator('.last-check').textContent(), { timeout: 10_000 }).toMatch(expected);
}

describe('signed data updates', () => {
  it('a newer signed copy is used at once; a tampered one or an error page is refused and the good one kept', async () => {
    expect(await marksOnNewNamePage()).toBe(1);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const version = () => options.locator('[data-version]').getAttribute('data-version');
    await expect.poll(version).toBe(BUNDLED_VERSION);

    publish(await sign(newerData(laterVersion(1))));
    await checkNow(options, new RegExp(`updated from .* to ${laterVersion(1).replace(/\./g, '\\.')}`));
    expect(await options.locator('.last-check').getAttribute('data-ok')).toBe('true');
    expect(await version()).toBe(laterVersion(1));
    expect(await options.locator('fieldset.dataset').textContent()).toMatch(/Updated .* from the signed published copy/);
    expect(await marksOnNewNamePage()).toBe(2);

    publish(tamper(await sign(newerData(laterVersion(2)))));
    await checkNow(options, /refused: the signature does not match/);
    expect(await options.locator('.last-check').getAttribute('data-ok')).toBe('false');
    expect(await version()).toBe(laterVersion(1));

    publish('<html>Service unavailable</html>');
    await checkNow(options, /refused: not JSON/);
    expect(await version()).toBe(laterVersion(1));
    expect(await marksOnNewNamePage()).toBe(2);
    await options.close();
  });
});
