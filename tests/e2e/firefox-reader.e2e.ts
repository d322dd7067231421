// The reader's flows in Firefox ESR, as keyboard.e2e.ts, touch.e2e.ts and card-then-now.e2e.ts
// check them in Chromium: the next/previous-mark shortcut (a headless browser cannot press it, so
// the test sends the background's 'step-mark' message from an extension page) steps through the
// marks with a focus ring and opens each card with focus in it; Esc puts focus back; a tap on a
// name inside a link opens its card and does not follow the link; on a dated article the card
// leads with the status then and now. The card's root is closed: read through WebDriver BiDi.
import { describe, expect, it } from 'vitest';
import { bundledRaw } from '../../rules/bundled-data';
import { buildCardModel } from '../../rules/card-model-builder';
import { parseDataset } from '../../rules/dataset';
import { servePages, waitUntil, withFirefox, type ArticlePage } from './fixtures';

const KEYS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keys</title></head>
<body style="font: 16px/1.5 serif; margin: 16px">
<button id="start">Subscribe</button>
<p>Washington lets the NVIDIA H200 go to approved buyers.</p>
<p>Meanwhile the H20 waits for licences.</p>
<p><a id="after" href="/elsewhere.html">Unrelated story</a></p>
</body></html>`;

const TOUCH = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Touch</title>
<meta name="viewport" content="width=device-width"></head><body style="font: 18px/1.6 serif; margin: 16px">
<p id="target">Read more: <a href="/elsewhere.html">Washington lets the NVIDIA H200 go</a>, the report says.</p>
<p>Other prose, without names.</p></body></html>`;

const DATED = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta property="article:published_time" content="2025-04-16T21:47:12Z"><title>H20</title></head>
<body style="margin:0 auto;max-width:720px;padding:40px 16px;font:18px/1.6 Georgia,serif">
<article><header><h1>US halts H20 sales to China</h1></header>
<p id="target">Washington told NVIDIA that its H20 accelerator now needs a licence for China.</p></article></body></html>`;

const pages = servePages({
  '/keys.html': KEYS,
  '/touch.html': TOUCH,
  '/dated.html': DATED,
  '/elsewhere.html': '<!doctype html><title>Elsewhere</title><p>Elsewhere.</p>',
});
const firefox = withFirefox();

const parsed = parseDataset(bundledRaw);
if (!parsed.ok) throw new Error('the bundled dataset does not parse');

/** The card's dialog (around the card's box): its role and name, and whether focus is in it. */
const dialog = (article: ArticlePage) =>
  article.readCard((card) => {
    const d = card.parentElement!;
    return { role: d.getAttribute('role'), name: d.getAttribute('aria-label'), focused: (d.getRootNode() as ShadowRoot).activeElement === d };
  });

describe('Firefox: keyboard', () => {
  it('the shortcut steps to each mark with a focus ring and opens its card with focus; Esc puts focus back', async () => {
    const article = await firefox.openArticle(pages.url('/keys.html'), { marks: 2 });
    await article.focus('#start');

    await firefox.stepMark(article, 1);
    await article.waitForCard('nvidia-h200');
    expect(await article.focusRing()).toMatch(/H200$/);
    await waitUntil(() => dialog(article), (d) => d?.focused === true, { what: 'focus in the card' });
    expect(await dialog(article)).toEqual({ role: 'dialog', name: 'H200', focused: true });

    await firefox.stepMark(article, 1);
    await article.waitForCard('nvidia-h20');
    expect(await article.focusRing()).toBe('H20');
    await firefox.stepMark(article, -1);
    await article.waitForCard('nvidia-h200');

    await article.press('Escape');
    await article.waitForNoCard();
    expect(await article.focused()).toBe('start');
    expect(await article.focusRing()).toBe(null);
    // The page's own tab order: from the button, Tab goes to the link, not to a mark.
    await article.press('Tab');
    expect(await article.focused()).toBe('after');
    await article.close();
  });
});

describe('Firefox: touch', () => {
  it('a first tap on a name inside a link opens its card and stays on the page; a second tap follows the link', async () => {
    const article = await firefox.openArticle(pages.url('/touch.html'));
    const at = await article.tap({ within: '#target a' });
    expect((await article.waitForCard('nvidia-h200')).chipId).toBe('nvidia-h200');
    // Give a followed link time to load: the page must still be this one.
    await new Promise((r) => setTimeout(r, 500));
    expect(article.path()).toBe('/touch.html');
    expect(await article.driver.evaluate(() => location.pathname)).toBe('/touch.html');

    await article.driver.tap(at.x, at.y);
    await waitUntil(() => Promise.resolve(article.path()), (path) => path === '/elsewhere.html', { what: 'the link to be followed' });
    await article.close();
  });
});

describe('Firefox: then and now', () => {
  it('on an article dated 2025-04-16 the card leads with the status then (licence required, none granted) and now', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const lead = buildCardModel(parsed.dataset, 'nvidia-h20', today, 'en', { articleDate: '2025-04-16' })!.lead;
    expect(lead.statusThen).toBe('denied');

    const article = await firefox.openArticle(pages.url('/dated.html'));
    await article.hover({ within: '#target' });
    const contract = await article.waitForCard('nvidia-h20');
    expect(contract).toEqual({ chipId: 'nvidia-h20', statusNow: lead.statusNow, thenDate: '2025-04-16', statusThen: 'denied' });
    const shown = await article.readCard((card) => card.querySelector('.cl-lead')?.textContent ?? null);
    expect(shown).toBe(lead.then ? `${lead.then} ${lead.now}` : lead.now);
    expect(shown).toMatch(/^When this was published \(16 Apr 2025\): licence required, none granted\. Now: /);
    await article.close();
  });
});
