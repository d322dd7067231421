// Issue #15's reader checks in Firefox ESR, as placement.e2e.ts, popup.e2e.ts and
// card-language.e2e.ts make them in Chromium: the card never covers the marked name nor leaves
// the viewport (100% zoom, 200% zoom, a 390 px phone); the popup's "did you mean" buttons for
// loose or wrong names; a Chinese page in an English browser gets its card in Chinese on 'auto'.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { servePages, waitUntil, withFirefox, type ArticlePage, type Popup } from './fixtures';

// A long article: one H200 in #target, filler prose (no chip names) far above and below it.
const filler = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of ordinary prose about markets, weather and the like, long enough to wrap.</p>`).join('');
const PLACEMENT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Placement</title>
<meta name="viewport" content="width=device-width"></head>
<body style="font: 16px/1.5 serif; margin: 0 auto; max-width: 720px; padding: 0 12px">${filler}
<p id="target">Washington lets the NVIDIA H200 go to approved buyers.</p>${filler}</body></html>`;

const langPage = (lang: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>H20</title></head>
<body style="font:18px/1.6 serif;padding:40px"><p id="target">${text}</p></body></html>`;

const pages = servePages({
  '/placement.html': PLACEMENT,
  '/zh.html': langPage('zh-CN', '美国商务部表示，英伟达的H20芯片对华出口需要许可证，相关企业正在等待审批结果。'),
  '/en.html': langPage('en', 'The Commerce Department said that the NVIDIA H20 chip needs a licence for exports to China.'),
});
const firefox = withFirefox();

type Rect = { left: number; top: number; right: number; bottom: number };

/** The box of the mark in #target (what is underlined), in the window's coordinates; null if none. */
const markBox = (article: ArticlePage) =>
  article.driver.evaluate((): Rect | null => {
    const target = document.getElementById('target')!;
    for (const r of (CSS.highlights.get('chiplens') ?? []) as unknown as Iterable<AbstractRange>) {
      if (!(r instanceof Range) || !target.contains(r.startContainer)) continue;
      const { left, top, right, bottom } = r.getBoundingClientRect();
      return { left, top, right, bottom };
    }
    return null;
  });

/** The part of the window the page shows: the card is placed in it (a scrollbar is not page). */
const viewport = (article: ArticlePage) =>
  article.driver.evaluate(() => ({ width: document.documentElement.clientWidth, height: window.innerHeight, dpr: window.devicePixelRatio }));

/** Scrolls so the mark in #target sits at `fraction` of the window's height; returns its box. */
async function putMark(article: ArticlePage, fraction: number): Promise<Rect> {
  await article.driver.evaluate(() => document.getElementById('target')!.scrollIntoView({ block: 'center', behavior: 'instant' }));
  // The marks are read lazily near the view: wait for the one in #target.
  const box = await waitUntil(() => markBox(article), (b) => b !== null, { timeout: 10_000, what: 'the mark in #target' });
  await article.driver.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), box!.top - fraction * (await viewport(article)).height);
  // Firefox may still move the page a few pixels after the scroll (seen: 10 px, which put the
  // pointer just off the name): point at the mark only once it has stayed put for two frames.
  let last = '';
  const settled = await waitUntil(
    async () => {
      await article.driver.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const now = await markBox(article);
      const same = JSON.stringify(now) === last;
      last = JSON.stringify(now);
      return same ? now : null;
    },
    (b) => b !== null,
    { what: 'the mark to stay put' },
  );
  return settled!;
}

/** The card's floating box (around the card; it scrolls when the card is cut), or null when closed. */
const floatBox = (article: ArticlePage) =>
  article.readCard((card) => {
    const float = card.parentElement!;
    const r = float.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && float.checkVisibility({ visibilityProperty: true });
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, visible };
  });

// 200% zoom: WebDriver BiDi has no command for the browser's page zoom (Ctrl +), so it is
// emulated as what a 1280x900 window shows at 200%: a 640x450 CSS-pixel viewport with
// devicePixelRatio 2 (browsingContext.setViewport), the same layout zoom gives the page.
const views = [
  { name: '100% zoom', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: '200% zoom (640x450 at devicePixelRatio 2)', width: 640, height: 450, deviceScaleFactor: 2 },
  { name: 'a 390 px phone', width: 390, height: 844, deviceScaleFactor: 1 },
];

describe('Firefox: card placement', () => {
  it.each(views)('never covers the mark nor leaves the viewport at $name', async ({ width, height, deviceScaleFactor }) => {
    const article = await firefox.openArticle(pages.url('/placement.html'), { marks: 0 });
    await (article.page as Page).setViewport({ width, height, deviceScaleFactor });
    const view = await viewport(article);
    expect(view.dpr).toBe(deviceScaleFactor);
    expect(view.height).toBe(height);
    // A phone has no hover: there the reader taps (trusted touch input).
    const phone = width < 480;
    for (const fraction of [0.15, 0.5, 0.85]) {
      const before = await putMark(article, fraction);
      const [x, y] = [(before.left + before.right) / 2, (before.top + before.bottom) / 2];
      if (phone) await article.driver.tap(x, y);
      else await article.driver.moveMouse(x, y);
      await waitUntil(() => floatBox(article), (box) => box?.visible === true, { what: `the card at ${fraction} of ${width}x${height}` });
      // The page may have scrolled (a sheet makes room below the mark): read the mark again.
      const mark = (await markBox(article))!;
      const card = (await floatBox(article))!;
      const where = `mark at ${fraction} of ${width}x${height}: card ${JSON.stringify(card)}, mark ${JSON.stringify(mark)}, view ${JSON.stringify(view)}`;
      const overlaps = card.left < mark.right && card.right > mark.left && card.top < mark.bottom && card.bottom > mark.top;
      expect(overlaps, where).toBe(false);
      expect(card.top, where).toBeGreaterThanOrEqual(0);
      expect(card.left, where).toBeGreaterThanOrEqual(0);
      expect(card.bottom, where).toBeLessThanOrEqual(view.height);
      expect(card.right, where).toBeLessThanOrEqual(view.width);
      // On a phone the card is a sheet at the bottom, below the mark (the page scrolls if need be).
      if (phone) expect(card.top, where).toBeGreaterThanOrEqual(mark.bottom);
      // The mark stays in view, so the reader sees which name the card is about.
      expect(mark.top, where).toBeGreaterThanOrEqual(0);
      expect(mark.bottom, where).toBeLessThanOrEqual(view.height);
      await article.press('Escape');
      await article.waitForNoCard();
      if (!phone) {
        // Off the mark, so hovering it again is a new hover: the page reads the pointer once a frame,
        // so let two frames see it away (a reader's hand takes longer than that).
        await article.driver.moveMouse(1, 1);
        await article.driver.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      }
    }
    await article.close();
  });
});

/** The search's card title (the chip's name as the card shows it), or null. */
const resultTitle = (popup: Popup) => popup.driver.evaluate(() => document.querySelector('.cl-search-result [data-chip-id] h2')?.textContent ?? null);

describe('Firefox: the popup\'s "did you mean"', () => {
  it('a miss offers close names as buttons, reachable by keyboard; a loose name finds its chip', async () => {
    const article = await firefox.openArticle(pages.url('/ui-en.html'));
    const popup = await firefox.openPopup(article);
    await waitUntil(() => popup.driver.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type), (t) => t === 'search', { what: 'focus in the search box' });

    // Typed where the focus already is: no click first.
    await popup.driver.type('h2oo');
    expect(await waitUntil(() => popup.suggestions(), (s) => s.length > 0, { what: 'suggestions for h2oo' })).toEqual(['H20', 'H200']);
    expect(await popup.driver.evaluate(() => document.querySelector('.cl-search-result')?.textContent)).toContain('No chip called “h2oo”. Did you mean:');
    await popup.driver.press('Tab');
    expect(await popup.driver.evaluate(() => document.activeElement?.textContent)).toBe('H20');
    await popup.driver.press('Enter');
    await popup.waitForResult('nvidia-h20');
    expect(await popup.driver.evaluate(() => document.querySelector<HTMLInputElement>('input[type="search"]')!.value)).toBe('H20');

    for (const [query, expected] of [
      ['昇腾', ['Ascend 910B', 'Ascend 910C']],
      ['Huawei', ['Ascend 910', 'Ascend 910B', 'Ascend 910C', 'Ascend 910D']],
      ['blackwell', ['B200', 'B30A', 'GB300', 'RTX Pro 6000']],
    ] as const) {
      await popup.search(query);
      const offered = await waitUntil(
        () => popup.suggestions(),
        (s) => expected.every((name) => s.includes(name)),
        { what: `suggestions for ${query} to include ${expected.join(', ')}` },
      );
      expect(offered, query).toEqual(expect.arrayContaining([...expected]));
    }
    // A click on an offered name (a trusted click where the button is) shows that chip.
    const b30a = await popup.driver.evaluate(() => {
      const button = [...document.querySelectorAll('.cl-suggestions button')].find((b) => b.textContent === 'B30A')!;
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await popup.driver.clickAt(b30a.x, b30a.y);
    await popup.waitForResult('nvidia-b30a');
    expect(await resultTitle(popup)).toBe('B30A');

    // Loose spellings of a real name go straight to its card.
    for (const [query, chipId, title] of [
      ['b30', 'nvidia-b30a', 'B30A'],
      ['rtx pro 6000', 'nvidia-rtx-pro-6000', 'RTX Pro 6000'],
      ['  RTX  PRO-6000 ', 'nvidia-rtx-pro-6000', 'RTX Pro 6000'],
    ] as const) {
      await popup.search(query);
      await popup.waitForResult(chipId);
      expect(await resultTitle(popup), query).toBe(title);
    }
    await Promise.all([popup.close(), article.close()]);
  });
});

/** Hovers the H20 on `path` and returns the open card's text. */
async function cardText(path: string): Promise<string> {
  const article = await firefox.openArticle(pages.url(path));
  await article.hover({ within: '#target' });
  await article.waitForCard('nvidia-h20');
  const text = (await article.readCard((card) => card.textContent ?? '')) ?? '';
  await article.close();
  return text;
}

describe('Firefox: the card\'s language on auto', () => {
  it('a Chinese page in an English browser gets its card in Chinese', async () => {
    const probe = await firefox.openArticle(pages.url('/en.html'));
    expect(await probe.driver.evaluate(() => navigator.language)).toMatch(/^en/);
    await probe.close();
    const text = await cardText('/zh.html');
    expect(text).toContain('资料核查');
    expect(text).not.toContain('Sources checked through');
  });

  it('an English page gets its card in English', async () => {
    const text = await cardText('/en.html');
    expect(text).toContain('Sources checked through');
    expect(text).not.toContain('资料核查');
  });
});
