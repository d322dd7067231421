// The card on dated articles (Chromium): the page's publication date, from its meta tags or
// JSON-LD, makes the card say the status on that day beside today's (the test contract's
// data-then-date / data-status-then / data-status-now); an undated page gets now only; and at a
// 320 px window the card fits, with nothing sticking out sideways.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledRaw } from '../../rules/bundled-data';
import { buildCardModel } from '../../rules/card-model-builder';
import { parseDataset } from '../../rules/dataset';
import { cardLocator, readCard } from './card-reader';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

let browser: ExtensionBrowser;
let server: PageServer;

const parsed = parseDataset(bundledRaw);
if (!parsed.ok) throw new Error('the bundled dataset does not parse');
const today = new Date().toISOString().slice(0, 10);
/** What the background will lead with for the H20, for a page dated `day`. */
const expected = (day?: string) => buildCardModel(parsed.dataset, 'nvidia-h20', today, 'en', { articleDate: day ?? null })!.lead;

const article = (head: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">${head}<title>H20</title></head>
<body style="margin:0 auto;max-width:720px;padding:40px 16px;font:18px/1.6 Georgia,serif">
<article><header><h1>US halts H20 sales to China</h1></header>
<p id="target">Washington told NVIDIA that its H20 accelerator now needs a licence for China.</p></article></body></html>`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
  server.route('/dated-meta.html', article('<meta property="article:published_time" content="2025-04-16T21:47:12Z">'));
  const sameDay = buildCardModel(parsed.dataset, 'nvidia-h20', today, 'en')!.destinations[0]!.since!;
  server.route(
    '/dated-jsonld.html',
    article(`<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"${sameDay}T08:00:00+08:00"}]}</script>`),
  );
  server.route('/undated.html', article(''));
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

async function openCard(path: string, width = 1000): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: 700 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  const mark = await page.evaluate(() => {
    const r = [...(CSS.highlights.get('chiplens')! as unknown as Iterable<Range>)][0]!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.move(mark.x, mark.y);
  await cardLocator(page).waitFor({ state: 'visible', timeout: 5_000 });
  return page;
}

const contract = (page: Page) =>
  readCard(page, (card) => ({
    now: card.getAttribute('data-status-now'),
    thenDate: card.getAttribute('data-then-date'),
    then: card.getAttribute('data-status-then'),
    lead: card.querySelector('.cl-lead')?.textContent ?? null,
  }));

describe('then and now on a dated article', () => {
  it('article:published_time 2025-04-16: the status then (licence-only, none granted) beside now', async () => {
    const page = await openCard('/dated-meta.html');
    const lead = expected('2025-04-16');
    expect(lead.statusThen).toBe('denied');
    const read = await contract(page);
    expect(read).toEqual({ now: lead.statusNow, thenDate: '2025-04-16', then: 'denied', lead: lead.then ? `${lead.then} ${lead.now}` : lead.now });
    expect(read?.lead).toMatch(/^When this was published \(16 Apr 2025\): licence required, none granted\. Now: /);
    await page.close();
  });

  it('JSON-LD datePublished inside @graph, on a day with today’s status: one line, still dated', async () => {
    const page = await openCard('/dated-jsonld.html');
    const read = await contract(page);
    expect(read?.thenDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(read?.then).toBe(read?.now);
    expect(read?.lead).toMatch(/^Same as when this was published \(/);
    await page.close();
  });

  it('no date on the page: now only, no then-attributes', async () => {
    const page = await openCard('/undated.html');
    expect(await contract(page)).toEqual({ now: expected().statusNow, thenDate: null, then: null, lead: expected().now });
    await page.close();
  });
});

describe('a 320 px window', () => {
  it('the card fits the window and nothing in it sticks out sideways', async () => {
    const page = await openCard('/dated-meta.html', 320);
    const fit = await readCard(page, (card) => {
      const r = card.getBoundingClientRect();
      // Open every line, so the widest content (tables, long source names) is laid out too.
      for (const d of card.querySelectorAll('details')) d.open = true;
      const wide = [...card.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > r.right + 0.5).map((e) => e.className || e.localName);
      return { left: r.left, right: r.right, scroll: card.scrollWidth - card.clientWidth, wide };
    });
    expect(fit!.left).toBeGreaterThanOrEqual(0);
    expect(fit!.right).toBeLessThanOrEqual(320);
    expect(fit!.scroll).toBeLessThanOrEqual(0);
    expect(fit!.wide).toEqual([]);
    await page.close();
  });
});
