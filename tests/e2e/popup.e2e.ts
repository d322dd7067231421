// The popup in Chromium, acting on a page's tab through popup.html?tabId=N: lists the marked chips
// with their counts and statuses, looks chips up by any name (offering close names on a miss),
// lists every chip by status, follows the options page at once, and switches marking off and on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { servePages, withChromium } from './fixtures';

const pages = servePages();
const chromium = withChromium();

/** The English article (3 H20 marks among others) and the popup acting on its tab. */
async function markedPageAndPopup() {
  const article = await chromium.openArticle(pages.url('/ui-en.html'));
  return { article, popup: await chromium.openPopup(article) };
}

/** The site switch, found by its role and its name (which names the host). */
const siteSwitchIn = (popup: Awaited<ReturnType<typeof chromium.openPopup>>) =>
  popup.page.getByRole('switch', { name: new RegExp(new URL(pages.origin).hostname.replaceAll('.', '\\.')) });

const chipCount = (JSON.parse(readFileSync('rules/data/chips.json', 'utf8')) as unknown[]).length;

describe('popup', () => {
  it('lists the chips marked in the tab with their counts', async () => {
    const article = await chromium.openArticle(pages.url('/ui-en.html'));
    const marks = await article.markCount();
    const popup = await chromium.openPopup(article);
    const listed = await popup.waitForOnThisPage();
    expect(listed['nvidia-h20']?.count).toBe(3);
    expect(Object.values(listed).reduce((sum, entry) => sum + entry.count, 0)).toBe(marks);
    await Promise.all([popup.close(), article.close()]);
  });

  it('finds a chip by a loose name and shows its card', async () => {
    const { article, popup } = await markedPageAndPopup();
    for (const query of ['H-20', '英伟达H20']) {
      await popup.search(query);
      await popup.waitForResult('nvidia-h20');
      expect(await popup.page.locator('.cl-search-result [data-chip-id="nvidia-h20"] h2').textContent()).toBe('H20');
    }
    await popup.search('no-such-chip-9000');
    await popup.page.getByText(/No chip called|数据集中没有/).waitFor({ timeout: 5_000 });
    expect(await popup.result()).toBe(null);
    await Promise.all([popup.close(), article.close()]);
  });

  it('switches marking off and on for the site, and remembers it', async () => {
    const { article, popup: first } = await markedPageAndPopup();
    const bodyBefore = await article.page.evaluate(() => document.body.innerHTML);
    let popup = first;
    let toggle = siteSwitchIn(popup);
    await toggle.waitFor({ timeout: 5_000 });
    expect(await toggle.isChecked()).toBe(true);

    await toggle.uncheck();
    await expect.poll(() => article.markCount(), { timeout: 5_000 }).toBe(0);
    expect(await article.page.evaluate(() => document.body.innerHTML)).toBe(bodyBefore);

    await popup.close();
    popup = await chromium.openPopup(article);
    toggle = siteSwitchIn(popup);
    await toggle.waitFor({ timeout: 5_000 });
    expect(await toggle.isChecked()).toBe(false); // survives reopening

    await toggle.check();
    await expect.poll(() => article.markCount(), { timeout: 5_000 }).toBe(3);
    await Promise.all([popup.close(), article.close()]);
  });

  it('offers the switch on a page loaded while its site is off, and turns it back on', async () => {
    const { article, popup: first } = await markedPageAndPopup();
    await siteSwitchIn(first).uncheck();
    await first.close();

    await article.page.reload();
    const popup = await chromium.openPopup(article);
    const toggle = siteSwitchIn(popup);
    await toggle.waitFor({ timeout: 5_000 });
    await expect.poll(() => toggle.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    expect(await article.markCount()).toBe(0);

    await toggle.check();
    await expect.poll(() => article.markCount(), { timeout: 5_000 }).toBe(3);
    await Promise.all([popup.close(), article.close()]);
  });

  it('opens with the focus in the search box; a miss offers close names as buttons, reachable by keyboard', async () => {
    const { article, popup: opened } = await markedPageAndPopup();
    const popup = opened.page;
    const box = popup.getByRole('searchbox');
    await box.waitFor({ timeout: 5_000 });
    await expect.poll(() => popup.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    // Typed where the focus already is: no click first.
    await popup.keyboard.type('h2oo');
    const offered = popup.locator('.cl-suggestions button');
    await expect.poll(() => opened.suggestions(), { timeout: 5_000 }).toEqual(['H20', 'H200']);
    expect(await popup.locator('.cl-search-result').textContent()).toContain('No chip called “h2oo”. Did you mean:');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('H20');
    await popup.keyboard.press('Enter');
    await opened.waitForResult('nvidia-h20');
    expect(await box.inputValue()).toBe('H20');

    for (const [query, expected] of [
      ['昇腾', ['Ascend 910B', 'Ascend 910C']],
      ['Huawei', ['Ascend 910', 'Ascend 910B', 'Ascend 910C', 'Ascend 910D']],
      ['blackwell', ['B200', 'B30A', 'GB300', 'RTX Pro 6000']],
    ] as const) {
      await opened.search(query);
      await expect.poll(() => opened.suggestions(), { timeout: 5_000 }).toEqual(expect.arrayContaining([...expected]));
    }
    await offered.filter({ hasText: /^B30A$/ }).click();
    await opened.waitForResult('nvidia-b30a');

    for (const [query, chipId] of [['b30', 'nvidia-b30a'], ['rtx pro 6000', 'nvidia-rtx-pro-6000'], ['  RTX  PRO-6000 ', 'nvidia-rtx-pro-6000']] as const) {
      await opened.search(query);
      await opened.waitForResult(chipId);
    }
    await Promise.all([opened.close(), article.close()]);
  });

  it('says each chip\'s status toward the destination of interest, lists every chip by status, and follows the options page at once', async () => {
    const { article, popup: opened } = await markedPageAndPopup();
    const popup = opened.page;
    const h20 = popup.locator('li[data-chip-id="nvidia-h20"]');
    await expect.poll(() => h20.getAttribute('data-status'), { timeout: 5_000 }).toBe('licensed');
    expect(await h20.textContent()).toMatch(/^H20 Licences granted 3 marks$/);
    expect(await popup.locator('.cl-on-page').textContent()).toContain('Status for China (incl. Hong Kong and Macau), today');

    const browse = popup.locator('details.cl-browse');
    await browse.waitFor({ timeout: 5_000 });
    expect(await browse.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await browse.locator('summary').click();
    expect(await browse.locator('li[data-browse-chip-id]').count()).toBe(chipCount);
    expect(await browse.locator('[data-status="licensed"] li[data-browse-chip-id="nvidia-h20"]').count()).toBe(1);
    await browse.getByRole('button', { name: 'H200', exact: true }).click();
    await opened.waitForResult('nvidia-h200');

    // The options page, with the popup still open: the destination of interest, then the language.
    const options = (await chromium.openOptions()).page;
    const destination = options.getByRole('combobox', { name: /Destination of interest/ });
    expect(await destination.inputValue()).toBe('CN');
    await destination.selectOption('OTHER');
    await expect.poll(() => h20.getAttribute('data-status'), { timeout: 5_000 }).toBe('not-controlled');
    expect(await popup.locator('.cl-on-page').textContent()).toContain('Status for Most other countries, today');
    await expect.poll(async () => (await opened.result())?.statusNow, { timeout: 5_000 }).toBe('not-controlled');

    await options.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await popup.getByRole('heading', { name: '本页芯片' }).waitFor({ timeout: 5_000 });
    expect(await h20.textContent()).toBe('H20 无需许可证 3 处');
    await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await options.getByRole('heading', { name: 'ChipLens 设置' }).waitFor({ timeout: 5_000 });

    await options.getByRole('combobox', { name: '语言' }).selectOption('auto');
    await options.getByRole('combobox', { name: /关注的目的地|Destination of interest/ }).selectOption('CN');
    await expect.poll(() => h20.getAttribute('data-status'), { timeout: 5_000 }).toBe('licensed');
    await Promise.all([options.close(), opened.close(), article.close()]);
  });

  it('keeps its quiet text readable in dark mode (at least 4.5:1)', async () => {
    const { article, popup: opened } = await markedPageAndPopup();
    const popup = opened.page;
    await popup.emulateMedia({ colorScheme: 'dark' });
    const count = popup.locator('li[data-chip-id="nvidia-h20"] .cl-count');
    await count.waitFor({ timeout: 5_000 });
    const ratio = await count.evaluate((el) => {
      const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const fg = lum(getComputedStyle(el).color);
      const bg = lum(getComputedStyle(document.body).backgroundColor);
      return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await Promise.all([opened.close(), article.close()]);
  });

  it('speaks the page\'s language on auto: a Chinese page in an English browser gets a Chinese popup and card', async () => {
    const article = await chromium.openArticle(pages.url('/ui-zh.html'));
    const opened = await chromium.openPopup(article);
    const popup = opened.page;
    expect(await popup.evaluate(() => navigator.language)).toMatch(/^en/);
    await popup.getByRole('heading', { name: '本页芯片' }).waitFor({ timeout: 5_000 });
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await popup.locator('li[data-chip-id="nvidia-h20"] button').click();
    const card = popup.locator('.cl-search-result [data-chip-id="nvidia-h20"]');
    await card.waitFor({ timeout: 5_000 });
    expect(await card.textContent()).toMatch(/现在/);
    await Promise.all([opened.close(), article.close()]);
  });
});
