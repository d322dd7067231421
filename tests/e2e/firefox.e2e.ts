// The built Firefox MV3 extension in Debian's Firefox ESR: marks, the hover card, the popup's
// "on this page" list and the site switch — what a reader sees, through the test-facing hooks
// in docs/architecture.md.
import { describe, expect, it } from 'vitest';
import { servePages, withFirefox } from './fixtures';

const ARTICLE = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Chips</title></head>
<body style="font: 20px/1.6 sans-serif; margin: 40px">
<p id="zh">英伟达的H200芯片获准出口，H20仍需许可证。</p>
<p id="en">Nvidia said the H200 may ship to approved customers.</p>
</body></html>`;

/** Long prose with a few names: ChipLens reads only the blocks the names are in (sweep.ts). */
const SPARSE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trade news</title></head><body>
${'<p>Officials said the new rules would be reviewed later this year, with conditions on end use.</p>'.repeat(200)}
<p id="one">Shipments of the <b>H2</b>00 resumed.</p>
${'<p>Analysts expect the review to take several months before any decision is announced.</p>'.repeat(200)}
<div id="host"></div>
<script>document.querySelector('#host').attachShadow({ mode: 'open' }).innerHTML = '<p>Inside: GB300 racks</p>';</script>
<p id="two">英伟达的B30A芯片</p>
</body></html>`;

/** Over 150,000 characters: read down from the top (read-down.ts); a sidebar written after the column. */
const LONG = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Archive</title></head><body style="margin:0">
<main style="display:grid;grid-template-columns:1fr 200px"><article>
<p>First: the H20 ships.</p>
${'<p>Officials said the new rules would be reviewed later this year, with conditions on end use, and more.</p>'.repeat(1600)}
<p id="last">Last: the <b>H2</b>00 ships.</p></article>
<aside style="grid-column:2;grid-row:1"><p>Most read: B30A</p></aside></main></body></html>`;

const pages = servePages({ '/article.html': ARTICLE, '/sparse.html': SPARSE, '/long.html': LONG });
const firefox = withFirefox();

describe('Firefox', () => {
  it('marks H20 and H200 in Chinese and English text without touching the DOM', async () => {
    const article = await firefox.openArticle(pages.url('/article.html'), { marks: 3 });
    const before = ARTICLE.match(/<body[^>]*>([\s\S]*)<\/body>/)![1]!.trim();

    const texts = await article.marks();
    // A generic word after a name (H200芯片) may be marked with it; the name itself must be.
    expect(texts.map((t) => t.replace(/芯片$/, '')).sort()).toEqual(['H20', 'H200', 'H200']);
    expect((await article.page.evaluate(() => document.body.innerHTML)).trim()).toBe(before);
    await article.close();
  });

  it('on a long page with few names, marks them (also across tags and in an open shadow root)', async () => {
    // The shadow root's mark is in the same highlight; its range lives in the shadow tree.
    const article = await firefox.openArticle(pages.url('/sparse.html'), { marks: 3 });
    expect((await article.marks()).sort()).toEqual(['B30A', 'GB300', 'H200']);
    await article.close();
  });

  it('on a page with hundreds of names, marks near the view first, then where it scrolls; the popup reads it all', async () => {
    const article = await firefox.openArticle(pages.url('/engine-bench.html?n=300'), { marks: 5 });
    const page = article.page;
    const all = 5 + 5 * 300;
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await article.markCount()).toBeLessThan(all / 3);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(
      () => {
        const last = document.querySelector('#article p:last-child');
        return [...(CSS.highlights.get('chiplens') ?? [])].filter((r) => last?.contains((r as Range).startContainer)).length === 5;
      },
      { timeout: 10_000 },
    );
    const popup = await firefox.openPopup(article);
    await page.waitForFunction((n) => (CSS.highlights.get('chiplens')?.size ?? 0) === n, { timeout: 20_000 }, all);
    await popup.close();
    await article.close();
  });

  it('on a very long page, reads down to a little past the view (a sidebar written after it too), the rest as it scrolls', async () => {
    const article = await firefox.openArticle(pages.url('/long.html'), { marks: 2 });
    expect((await article.marks()).sort()).toEqual(['B30A', 'H20']);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await article.marks()).toHaveLength(2);
    await article.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect((await article.waitForMarks(3)).sort()).toEqual(['B30A', 'H20', 'H200']);
    await article.close();
  });

  it('shows the card for the chip under the pointer', async () => {
    const article = await firefox.openArticle(pages.url('/article.html'), { marks: 3 });
    const page = article.page;
    await article.hover({ within: '#en', text: 'H200' });

    // The card's root is closed: read through WebDriver BiDi (tests/e2e/card-reader.ts).
    const readOpenCard = () => article.readCard((chip) => ({ id: chip.getAttribute('data-chip-id'), text: chip.textContent ?? '' }));
    await expect.poll(readOpenCard, { timeout: 10_000 }).not.toBeNull();
    const { id, text } = (await readOpenCard())!;
    expect(id).toBe('nvidia-h200');
    expect(text).toContain('H200');
    expect(await page.evaluate(() => document.querySelector('chiplens-card')?.shadowRoot ?? null)).toBeNull(); // closed to the page

    // Moving away closes the card and removes its host element.
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !document.querySelector('chiplens-card'), { timeout: 10_000 });
    await article.close();
  });

  it('lists the marked chips in the popup, and the site switch removes the marks', async () => {
    const article = await firefox.openArticle(pages.url('/article.html'), { marks: 3 });
    const popup = await firefox.openPopup(article);
    const listed = await popup.waitForOnThisPage(2);
    expect(Object.fromEntries(Object.entries(listed).map(([id, entry]) => [id, entry.count]))).toEqual({ 'nvidia-h200': 2, 'nvidia-h20': 1 });

    // The switch is on for a site ChipLens runs on; turning it off clears the page's marks.
    expect((await popup.siteSwitch()).checked).toBe(true);
    await popup.setSiteSwitch(false);
    await article.page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) === 0, { timeout: 10_000 });
    expect(await article.marks()).toEqual([]);

    // And back on: the marks return.
    await popup.setSiteSwitch(true);
    expect((await article.waitForMarks(3)).length).toBe(3);
    await popup.close();
    await article.close();
  });
});
