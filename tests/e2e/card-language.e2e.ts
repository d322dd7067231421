// The card's language on 'auto' (Chromium, whose UI language here is English): a Chinese page
// gets a Chinese card and an English page an English one, as the popup already does.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cardLocator, readCard } from './card-reader';
import { launchChromium, type ExtensionBrowser } from './chromium';
import { startPageServer, type PageServer } from './server';

let browser: ExtensionBrowser;
let server: PageServer;

const page = (lang: string, text: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>H20</title></head>
<body style="font:18px/1.6 serif;padding:40px"><p>${text}</p></body></html>`;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startPageServer()]);
  server.route('/zh.html', page('zh-CN', '美国商务部表示，英伟达的H20芯片对华出口需要许可证，相关企业正在等待审批结果。'));
  server.route('/en.html', page('en', 'The Commerce Department said that the NVIDIA H20 chip needs a licence for exports to China.'));
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

async function cardText(path: string): Promise<string> {
  const tab: Page = await browser.context.newPage();
  await tab.goto(`${server.origin}${path}`);
  await tab.waitForFunction(() => (CSS.highlights.get('chiplens')?.size ?? 0) > 0, undefined, { timeout: 10_000 });
  const mark = await tab.evaluate(() => {
    const r = [...(CSS.highlights.get('chiplens')! as unknown as Iterable<Range>)][0]!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await tab.mouse.move(mark.x, mark.y);
  await cardLocator(tab).waitFor({ state: 'visible', timeout: 5_000 });
  const text = (await readCard(tab, (card) => card.textContent ?? '')) ?? '';
  await tab.close();
  return text;
}

it('a Chinese page in an English browser gets its card in Chinese', async () => {
  const text = await cardText('/zh.html');
  expect(text).toContain('资料核查');
  expect(text).not.toContain('Sources checked through');
});

it('an English page gets its card in English', async () => {
  const text = await cardText('/en.html');
  expect(text).toContain('Sources checked through');
});
