// The card in Firefox ESR: its UI arrives on the first open (injected by the background), it is
// announced (a polite live region, a dialog named for the chip), and a change of language or
// destination in options reaches the card that is open.
import { describe, expect, it } from 'vitest';
import { servePages, withFirefox } from './fixtures';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chips</title></head>
<body style="font: 20px/1.6 sans-serif; margin: 40px">
<p id="en">Nvidia said the H20 may ship again.</p>
</body></html>`;

const pages = servePages({ '/article.html': ARTICLE });
const firefox = withFirefox();

describe('the card in Firefox', () => {
  it('is announced: a polite live region says the chip and its status; the card is a dialog named for it', async () => {
    const article = await firefox.openArticle(pages.url('/article.html'), { marks: 1 });
    await article.hover({ text: 'H20' });
    await article.waitForCard('nvidia-h20', 10_000);
    const said = () =>
      article.readCard((box) => {
        const root = box.getRootNode() as ShadowRoot;
        const live = root.querySelector('[aria-live]');
        return { live: live?.getAttribute('aria-live'), role: live?.getAttribute('role'), text: live?.textContent ?? '', dialog: root.querySelector('[role="dialog"]')?.getAttribute('aria-label') };
      });
    await expect.poll(async () => (await said())?.text, { timeout: 3_000 }).toMatch(/^H20\. /);
    expect(await said()).toMatchObject({ live: 'polite', role: 'status', dialog: 'H20' });
    await article.close();
  });

  it('a change of language or destination in options shows in the open card at once', async () => {
    const article = await firefox.openArticle(pages.url('/article.html'), { marks: 1 });
    await article.hover({ text: 'H20' });
    await article.waitForCard('nvidia-h20', 10_000);
    const lang = () => article.readCard((box) => box.getAttribute('lang'));
    const focus = () => article.readCard((box) => box.querySelector('.cl-dest--primary')?.getAttribute('data-destination') ?? null);
    expect(await lang()).toBe('en');
    const options = await firefox.openOptions();
    const store = (settings: object) =>
      options.driver.evaluate((value) => (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser.storage.local.set({ settings: value }), settings);
    const base = { lang: 'auto', hoverDelayMs: 250, markInCode: false, focus: 'CN' };
    try {
      await store({ ...base, lang: 'zh' });
      await expect.poll(lang, { timeout: 5_000 }).toBe('zh-CN');
      await store({ ...base, lang: 'zh', focus: 'AE' });
      await expect.poll(focus, { timeout: 5_000 }).toBe('AE');
      expect((await article.card())?.chipId).toBe('nvidia-h20');
    } finally {
      await store(base);
      await options.close();
      await article.close();
    }
  });
});
