// Hostile signed copies in Chromium (issue 17's red-team cases): copies signed with the key the
// build trusts, valid in shape, that the extension cannot live with. A 1,000-character alias
// (the matcher's build overflowed the stack: no marks on any page), a far-future version
// (9999.99.99, or a calendar date years ahead: every later copy would be refused as older) and a
// stop word as an alias ("the": every "the" opened the H20 card). Each is refused with its reason
// on the options page, the last good copy stays in use, and pages still mark with it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ExtensionBrowser } from './chromium';
import type { PageServer } from './server';
import { BUNDLED_VERSION, newerData, setUpUpdates } from './update-fixture';

let browser: ExtensionBrowser;
let server: PageServer;
let sign: (raw: unknown) => Promise<string>;
let publish: (envelope: string) => void;

beforeAll(async () => {
  let dist: string;
  ({ server, sign, publish, dist } = await setUpUpdates('chrome'));
  server.route('/the.html', '<!doctype html><html lang="en"><body><p>The H200 and the rest of the line.</p></body></html>');
  browser = await launchChromium(dist);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** The version after `v` on the same day: 2026.12.07 → 2026.12.07-1 → 2026.12.07-2. */
const after = (v: string) => (/-\d+$/.test(v) ? v.replace(/\d+$/, (n) => String(Number(n) + 1)) : `${v}-1`);

/** The texts marked on a page, once its marks have settled. */
async function markedOn(path: string): Promise<string[]> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  await page.waitForTimeout(300); // one pass marks them all; nothing more comes
  const texts = await page.evaluate(() => [...(CSS.highlights.get('chiplens') as unknown as Iterable<Range>)].map((r) => r.toString()));
  await page.close();
  return texts.sort();
}

async function checkNow(options: Page, expected: RegExp): Promise<void> {
  await options.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(() => options.locator('.last-check').textContent(), { timeout: 15_000 }).toMatch(expected);
}

describe('hostile signed copies', () => {
  it('each is refused with its reason shown; the last good copy stays in use and pages still mark', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const version = () => options.locator('[data-version]').getAttribute('data-version');
    await expect.poll(version).toBe(BUNDLED_VERSION);

    // A good copy first: it adds a name (H20Z) the bundled data does not know.
    const good = after(BUNDLED_VERSION);
    publish(await sign(newerData(good)));
    await checkNow(options, new RegExp(`updated from .* to ${good.replace(/\./g, '\\.')}`));
    expect(await markedOn('/new-name.html')).toEqual(['H200', 'H20Z']);

    let next = good;
    const hostile: [what: string, raw: () => unknown, reason: RegExp][] = [
      ['a 1,000-character alias', () => withName(newerData((next = after(next))), `H20${'X'.repeat(997)}`), /longer than \d+ characters|characters long/],
      ['version 9999.99.99', () => newerData('9999.99.99'), /9999\.99\.99 does not name a calendar date|9999\.99\.99 is later than/],
      ['a version years ahead', () => newerData('2999.12.31'), /2999\.12\.31 is later than the check's day/],
      ['an as-of date years ahead', () => withAsOf(newerData((next = after(next))), '2999-12-31'), /asOf: 2999-12-31 is later than the check's day/],
      ['a stop word as an alias', () => withName(newerData((next = after(next))), 'the'), /"the" is a common word/],
    ];
    for (const [what, raw, reason] of hostile) {
      publish(await sign(raw()));
      await checkNow(options, new RegExp(`refused: .*(${reason.source})`)); // each reason differs from the last
      expect(await options.locator('.last-check').getAttribute('data-ok'), what).toBe('false');
      expect(await version(), what).toBe(good);
    }

    // Still the good copy's marks, and never "the".
    expect(await markedOn('/new-name.html')).toEqual(['H200', 'H20Z']);
    expect(await markedOn('/the.html')).toEqual(['H200']);

    // A later legitimate copy is still taken (nothing was pinned).
    const later = after(next);
    publish(await sign(newerData(later)));
    await checkNow(options, new RegExp(`updated from ${good.replace(/\./g, '\\.')} to ${later.replace(/\./g, '\\.')}`));
    await options.close();
  });
});

function withName(raw: ReturnType<typeof newerData>, name: string) {
  raw.chips.find((c) => c.id === 'nvidia-h20')!.names.push(name);
  return raw;
}

function withAsOf(raw: ReturnType<typeof newerData>, asOf: string) {
  (raw.meta as { asOf?: string }).asOf = asOf;
  return raw;
}
