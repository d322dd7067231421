// The first-run page in Firefox ESR with the built Firefox extension: the sample card comes from
// the background, each sample name shows its own card, and the keys are the browser's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirefoxBuild, launchFirefox, type FirefoxExtensionBrowser } from './firefox';

let firefox: FirefoxExtensionBrowser;

beforeAll(async () => {
  ensureFirefoxBuild();
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
});

describe('first-run page, Firefox', () => {
  it('shows the sample with its card, switches cards by name, and lists the keys', async () => {
    const page = await firefox.openExtensionPage('welcome.html');
    await page.waitForSelector('.demo-card article[data-chip-id="nvidia-h20"]', { timeout: 10_000 });
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Welcome to ChipLens');
    await page.$$eval('.demo-mark', (marks) => (marks as HTMLButtonElement[]).find((m) => m.textContent === 'MI308X')?.click());
    await page.waitForSelector('.demo-card article[data-chip-id^="amd-mi308"]', { timeout: 10_000 });
    const keys = await page.$$eval('.keys dt', (dts) => dts.map((d) => d.textContent));
    expect(keys).toHaveLength(4);
    expect(keys[3]).toBe('Esc');
    expect(keys[0]).toMatch(/J/);
    await page.close();
  });
});
