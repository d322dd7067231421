// The annotation engine in Chromium: what gets marked (read back from CSS.highlights in the
// page, exactly what a reader sees underlined), what never does, following page changes, frames
// and shadow roots, the per-site switch, and the counts the popup shows.
import { describe, expect, test } from 'vitest';
import { chromium as playwrightChromium, type Frame, type Page } from 'playwright-core';
import { cardChipId } from './card-reader';
import { CHROMIUM } from './chromium';
import { servePages, withChromium } from './fixtures';

const server = servePages();
const chromium = withChromium();

/** Texts of the marked ranges in a page or frame (optionally only those inside `within`), sorted. */
function marked(target: Page | Frame, within?: string): Promise<string[]> {
  return target.evaluate((selector) => {
    const highlight = CSS.highlights.get('chiplens');
    if (!highlight) return [];
    const scope = selector ? document.querySelector(selector) : null;
    return [...(highlight as unknown as Iterable<AbstractRange>)]
      .filter((r) => !selector || (scope?.contains(r.startContainer) ?? false))
      .map((r) => (r instanceof Range ? r.toString() : ''))
      .sort();
  }, within);
}

const settled = (target: Page | Frame, expected: string[], within?: string) =>
  expect.poll(() => marked(target, within), { timeout: 5000 }).toEqual([...expected].sort());

/** Opens a page of the server (marks or not: the test says what it expects). */
async function open(path: string): Promise<Page> {
  return (await chromium.openArticle(server.url(path), { marks: 0 })).page;
}

async function setDisabledHosts(hosts: string[]): Promise<void> {
  await chromium.browser.worker.evaluate(async (value) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      disabledHosts: value,
    });
  }, hosts);
}

/** Counts the background holds for a tab, summed over frames (what the popup lists). */
async function reportedCounts(page: Page): Promise<Record<string, number>> {
  const tabId = await chromium.browser.tabIdOf(page);
  return chromium.browser.worker.evaluate(async (key) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    const record = (await chrome.storage.session.get(key))[key] as { frames: Record<string, Record<string, number>> } | undefined;
    const sum: Record<string, number> = {};
    for (const frame of Object.values(record?.frames ?? {})) for (const [id, n] of Object.entries(frame)) sum[id] = (sum[id] ?? 0) + n;
    return sum;
  }, `mentions:${tabId}`);
}

describe('marking', () => {
  test('an English article: every chip name marked once, also across inline tags', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    expect(await marked(page, '#split')).toEqual(['H20', 'H200']);
    await expect.poll(() => reportedCounts(page), { timeout: 3000 }).toEqual({
      'nvidia-h200': 3,
      'nvidia-h20': 2,
      'amd-mi308': 1,
      'nvidia-gb300': 1,
      'nvidia-b30a': 1,
    });
    await page.close();
  });

  test('Chinese text: names inside CJK sentences', async () => {
    const page = await open('engine-zh.html');
    await settled(page, ['H200'], '#one');
    await settled(page, ['H20', 'MI308'], '#two');
    await page.close();
  });

  test('nothing marked in fields, editable regions, code, scripts, styles or hidden text', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    const inside = await page.evaluate(() => {
      const highlight = CSS.highlights.get('chiplens')!;
      const traps = ['input', 'textarea', 'select', 'button', '[contenteditable]', 'script', 'style', 'code', 'pre', '[hidden]', '#display-none', '#visibility-hidden', 'noscript', 'template', 'svg'];
      return [...(highlight as unknown as Iterable<Range>)]
        .map((r) => r.startContainer.parentElement)
        .filter((el) => traps.some((t) => el?.closest(t)))
        .map((el) => el!.outerHTML);
    });
    expect(inside).toEqual([]);
    await page.close();
  });
});

describe('reading like a reader', () => {
  test('context found anywhere in the paragraph; <wbr>, ruby and custom elements do not split a name; a footnote, a count or a box does not join it', async () => {
    server.route(
      '/reader.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Street prices</title></head><body>
      <p id="br"><strong>Street prices for China GPUs</strong><br>L20: about $8,000<br>B40: about $11,500</p>
      <p id="code">Nvidia's driver installs as <code>driver-570</code>, and on the L20 it worked.</p>
      <p id="code-context">On the <code>gpu</code> partition, the A100 nodes sat idle.</p>
      <p id="footnote">The H200<sup>1</sup> and an 8xH100 node.</p>
      <p id="custom">Nvidia's <chip-link>L20</chip-link> cards; <stock-tag>Huawei</stock-tag> says 910C.</p>
      <a id="teaser" href="#"><span style="display:block">Exclusive</span><span style="display:block">H20 shipments resume</span></a>
      <div id="flex" style="display:flex"><span>Model</span><span>B30A</span></div>
      <p id="badge"><span style="display:inline-block;padding:0 4px">NEW</span>MI308 decision</p>
      <p id="none">Malaysia widens cash aid for B40 households.</p>
      <p id="wbr">The rack-scale GB<wbr>300 reference board.</p>
      <p id="ruby" lang="zh"><ruby>昇腾<rt>shēngténg</rt></ruby>910C出货</p>
      </body></html>`,
    );
    const page = await open('reader.html');
    // The ruby mark's range spans the annotation between its ends, so its text holds it.
    await settled(page, ['910C', 'A100', 'B30A', 'B40', 'GB300', 'H100', 'H20', 'H200', 'L20', 'L20', 'L20', 'MI308', '昇腾shēngténg910C']);
    await settled(page, ['H100', 'H200'], '#footnote');
    await settled(page, ['B40', 'L20'], '#br');
    await settled(page, [], '#none');
    await page.close();
  });

  test("a chip in the title vouches for ambiguous names in the article, not in the site's sidebar", async () => {
    server.route(
      '/title.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>US weighs H20 licences</title></head><body>
      <nav><a href="#">Markets</a> <a href="#">B40 aid explained</a></nav>
      <article><h1>US weighs H20 licences</h1><p id="story">Buyers said the B40s sold out within a week.</p>
      <aside id="specbox">Spec box: B40, 96 GB</aside></article>
      <aside><h2>Related stories</h2><ul><li id="related">Malaysia widens cash aid for B40 households</li>
      <li id="related-chip">Nvidia's B40 sales slump</li></ul></aside>
      <footer>A100 motorway works: expect delays</footer>
      </body></html>`,
    );
    const page = await open('title.html');
    await settled(page, ['B40', 'B40', 'B40', 'H20']);
    await settled(page, ['B40'], '#specbox'); // the article's own aside is the article's
    await settled(page, ['B40'], '#story');
    await settled(page, ['B40'], '#related-chip');
    await page.close();

    // A "Related" box inside the article, and a sidebar beside it in <main>, are the site's too.
    server.route(
      '/title-main.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>US weighs H20 licences</title></head><body>
      <main><article><h1>US weighs H20 licences</h1><p id="story">Buyers said the B40s sold out.</p>
      <aside aria-label="Related stories"><ul><li id="related-in">Malaysia widens cash aid for B40 households</li></ul></aside></article>
      <aside><ul><li id="beside">Li Auto L20 recall widens</li></ul></aside></main>
      </body></html>`,
    );
    const inMain = await open('title-main.html');
    await settled(inMain, ['B40', 'H20']);
    await settled(inMain, ['B40'], '#story');
    await inMain.close();

    // With no <article>, <main> is the article: its note box is its own. A teaser <article> in a
    // box of links is not.
    server.route(
      '/title-docs.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>US weighs H20 licences</title></head><body>
      <main><h1>US weighs H20 licences</h1><aside id="note" aria-label="Note"><p>B40 cards are exempt.</p></aside>
      <aside aria-label="Related stories"><article><h3 id="teaser">Malaysia widens cash aid for B40 households</h3></article></aside></main>
      </body></html>`,
    );
    const docs = await open('title-docs.html');
    await settled(docs, ['B40', 'H20']);
    await settled(docs, ['B40'], '#note');
    await docs.close();
  });

  test('closing a <details> takes its marks away; opening it brings them back', async () => {
    server.route(
      '/details.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Q&amp;A</title></head><body>
      <p>Nvidia's H20 is licensed case by case.</p>
      <details id="faq" open><summary>Why the H200?</summary><p>The H200 and the GB300 were named in the rule.</p></details>
      <details id="specs"><summary>Specs</summary>The B30A has 144 GB of memory.</details>
      </body></html>`,
    );
    const page = await open('details.html');
    await settled(page, ['GB300', 'H20', 'H200', 'H200']);
    // Text right inside a closed <details> (no element around it) is not marked until it opens.
    await page.click('#specs summary');
    await settled(page, ['B30A'], '#specs');
    await page.click('#specs summary');
    await settled(page, [], '#specs');
    await page.click('#faq summary');
    await settled(page, ['H20', 'H200']);
    await expect.poll(() => reportedCounts(page), { timeout: 3000 }).toEqual({ 'nvidia-h20': 1, 'nvidia-h200': 1 });
    await page.click('#faq summary');
    await settled(page, ['GB300', 'H20', 'H200', 'H200']);
    await page.close();
  });
});

describe('following the page', () => {
  test('added, changed and removed text', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Late news: the H20 and the MI308.';
      document.body.append(p);
    });
    await settled(page, ['H20', 'MI308'], '#added');

    await page.evaluate(() => void (document.querySelector('#added')!.firstChild! as Text).replaceData(0, 100, 'Now only the GB300.'));
    await settled(page, ['GB300'], '#added');

    await page.evaluate(() => document.querySelector('#lead')!.remove());
    await settled(page, ['GB300', 'H20', 'H200', 'H200', 'H200']);
    await expect.poll(() => reportedCounts(page), { timeout: 3000 }).toEqual({ 'nvidia-h200': 3, 'nvidia-h20': 1, 'nvidia-gb300': 1 });

    // A hidden paragraph that becomes visible is read then.
    await page.evaluate(() => document.querySelector('#display-none')!.removeAttribute('style'));
    await settled(page, ['H20'], '#display-none');
    await page.close();
  });

  test('text hidden after it was marked loses its marks, and gets them back when shown', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'MI308'], '#lead');
    const all = ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308'];

    // A block hidden by an attribute (a collapsed section).
    await page.evaluate(() => void (document.querySelector<HTMLElement>('#lead')!.hidden = true));
    await settled(page, ['H20', 'H200', 'H200', 'H200']);
    await expect.poll(() => reportedCounts(page), { timeout: 3000 }).toEqual({ 'nvidia-h200': 3, 'nvidia-h20': 1 });
    await page.evaluate(() => void (document.querySelector<HTMLElement>('#lead')!.hidden = false));
    await settled(page, all);

    // An inline element hidden by a class, inside a marked paragraph.
    await page.evaluate(() => {
      document.head.append(Object.assign(document.createElement('style'), { textContent: '.gone { display: none }' }));
      document.querySelector('#split a')!.classList.add('gone');
    });
    await settled(page, ['H200'], '#split');
    await page.evaluate(() => document.querySelector('#split a')!.classList.remove('gone'));
    await settled(page, ['H20', 'H200'], '#split');

    // A card link (an inline <a> around a block) hidden by a filter.
    await page.evaluate(() => {
      const card = Object.assign(document.createElement('a'), { id: 'card', href: '#card' });
      card.append(Object.assign(document.createElement('div'), { textContent: 'Card: GB300 racks ship' }));
      document.body.append(card);
    });
    await settled(page, ['GB300'], '#card');
    await page.evaluate(() => void (document.querySelector<HTMLElement>('#card')!.hidden = true));
    await settled(page, [], '#card');
    await page.evaluate(() => void (document.querySelector<HTMLElement>('#card')!.hidden = false));
    await settled(page, ['GB300'], '#card');
    await page.close();
  });

  test('a thread collapsed by a class on the parent of its paragraphs (a style-sheet rule) loses its marks; expanded, gets them back', async () => {
    server.route(
      '/thread.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Thread</title>
      <style>.collapsed > .md { display: none } .hide-p > p { display: none }</style></head><body>
      <div class="comment" id="c1"><div class="md"><p>Nvidia's H20 and GB300 again.</p></div></div>
      <div class="md" id="c2"><p>The B30A is next.</p></div>
      <p>Top: the H200 story.</p>
      </body></html>`,
    );
    const page = await open('thread.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H200']);
    await page.evaluate(() => {
      document.getElementById('c1')!.classList.add('collapsed'); // the paragraph's grandparent
      document.getElementById('c2')!.classList.add('hide-p'); // its parent
    });
    await settled(page, ['H200']);
    await page.evaluate(() => {
      document.getElementById('c1')!.classList.remove('collapsed');
      document.getElementById('c2')!.classList.remove('hide-p');
    });
    await settled(page, ['B30A', 'GB300', 'H20', 'H200']);
    await page.close();
  });

  test('text added while hidden is marked once it shows, and loses its marks when a resize hides it again (a media query, an attribute)', async () => {
    const page = await chromium.browser.context.newPage();
    await page.setViewportSize({ width: 500, height: 800 });
    await page.goto(`${server.origin}/engine-en.html`);
    await page.evaluate(() => {
      document.head.append(Object.assign(document.createElement('style'), { textContent: '@media (max-width: 600px) { #wide-only { display: none } }' }));
      document.body.append(Object.assign(document.createElement('p'), { id: 'wide-only', textContent: 'Wide screens only: the B30A.' }));
    });
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    await settled(page, [], '#wide-only');
    await page.setViewportSize({ width: 1280, height: 800 });
    await settled(page, ['B30A'], '#wide-only');
    // Narrow again: the media query hides it, and its mark goes (no attribute changed); wide, back.
    await page.setViewportSize({ width: 500, height: 800 });
    await settled(page, [], '#wide-only');
    await page.setViewportSize({ width: 1280, height: 800 });
    await settled(page, ['B30A'], '#wide-only');

    // Added hidden, shown later by removing the attribute ("load more").
    await page.evaluate(() => {
      const more = Object.assign(document.createElement('section'), { id: 'more', hidden: true });
      more.append(Object.assign(document.createElement('p'), { textContent: 'More: the MI308 and the H800.' }));
      document.body.append(more);
    });
    await page.waitForTimeout(300); // the page watcher has read it (and found it hidden)
    await settled(page, [], '#more');
    await page.evaluate(() => document.querySelector('#more')!.removeAttribute('hidden'));
    await settled(page, ['H800', 'MI308'], '#more');
    await page.close();
  });

  test('a ticker inside a marked paragraph leaves its marks as they are (no re-painting, no flicker)', async () => {
    server.route(
      '/ticker.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Live</title></head><body>
      <p id="live">Nvidia's H20 and H200 are quoted at <span id="t">0</span> yuan.</p>
      </body></html>`,
    );
    const page = await open('ticker.html');
    await settled(page, ['H20', 'H200']);
    await page.evaluate(() => {
      const w = window as unknown as { before: unknown[] };
      w.before = [...(CSS.highlights.get('chiplens') as unknown as Iterable<Range>)];
    });
    for (let i = 1; i <= 5; i++) {
      await page.evaluate((n) => void (document.getElementById('t')!.textContent = String(n * 1000)), i);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(500);
    const same = await page.evaluate(() => {
      const before = (window as unknown as { before: unknown[] }).before;
      const now = [...(CSS.highlights.get('chiplens') as unknown as Iterable<Range>)];
      return now.length === before.length && now.every((r) => before.includes(r));
    });
    expect(same).toBe(true);
    await settled(page, ['H20', 'H200']);
    await page.close();
  });

  test('a name split by an edit inside an inline tag is re-read as one', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['H20', 'H200'], '#split');
    await page.evaluate(() => void ((document.querySelector('#split b')!.firstChild as Text).data = 'GB3'));
    await settled(page, ['GB300', 'H20'], '#split');
    await page.close();
  });
});

describe('single-page apps and infinite scroll', () => {
  test('a client-side navigation replaces the marks and the counts', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    await page.evaluate(() => {
      history.pushState({}, '', '?story=2');
      const h1 = Object.assign(document.createElement('h1'), { textContent: 'Next story: the B30A' });
      const p = Object.assign(document.createElement('p'), { textContent: 'Only one chip here, the B30A again.' });
      document.body.replaceChildren(h1, p);
    });
    await settled(page, ['B30A', 'B30A']);
    await expect.poll(() => reportedCounts(page), { timeout: 3000 }).toEqual({ 'nvidia-b30a': 2 });
    await page.close();
  });

  test("another article put up by the app changes the page's context: marks follow as on a fresh load", async () => {
    server.route(
      '/spa-context.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Nvidia H20 returns to China | Desk</title></head><body>
      <main id="app"><h1>Nvidia H20 returns to China</h1><p>Shipments of the H20 resumed; the B40s too.</p></main>
      <script>
        window.render = (h1, text, title) => {
          const app = document.getElementById('app');
          app.replaceChildren(Object.assign(document.createElement('h1'), { textContent: h1 }), Object.assign(document.createElement('p'), { textContent: text }));
          setTimeout(() => { document.title = title; }, 100); // head managers set the title after the render
        };
      </script></body></html>`,
    );
    const page = await open('spa-context.html');
    await settled(page, ['B40', 'H20', 'H20']);
    await page.evaluate(() => (window as unknown as { render(...a: string[]): void }).render('A100 motorway reopens', 'Aid for B40 households and the A100 works.', 'Berlin traffic | Desk'));
    await settled(page, []);
    await page.evaluate(() => (window as unknown as { render(...a: string[]): void }).render('Nvidia B30A samples ship', 'Buyers said the B40s sold out.', 'Nvidia B30A samples ship | Desk'));
    await settled(page, ['B30A', 'B40']);
    await page.close();

    // Away and back within a moment, the title and <h1> set just after the content: the text
    // read in between under the wrong context is read again.
    server.route(
      '/spa-flip.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Nvidia H20 news</title></head><body>
      <header><h1 id="h">Nvidia H20 news</h1></header><main id="m"><p>Analysts expect B40s.</p></main>
      <script>
        window.show = (t, body) => {
          document.getElementById('m').innerHTML = body;
          setTimeout(() => { document.title = t; document.getElementById('h').textContent = t; }, 30);
        };
      </script></body></html>`,
    );
    const flip = await open('spa-flip.html');
    await settled(flip, ['B40', 'H20']);
    await flip.evaluate(() => {
      const show = (window as unknown as { show(t: string, b: string): void }).show;
      show('Budget news', '<p>Aid for B40 households.</p>');
      setTimeout(() => show('Nvidia H20 returns', '<p>Analysts now expect B40s too.</p>'), 100);
    });
    await settled(flip, ['B40', 'H20']);
    await flip.close();
  });

  test("a stream of articles (the next story appended, the title following it): each article's own heading is its context", async () => {
    server.route(
      '/stream.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Malaysia budget: cash aid for B40 households</title></head><body>
      <main id="stream"><article><h1>Malaysia budget: cash aid for B40 households</h1>
      <p id="budget">B40 households get RM1,000; the L20 bus route is extended.</p></article></main>
      <script>
        window.next = () => {
          const a = document.createElement('article');
          a.innerHTML = '<h1>Nvidia resumes H20 sales to China</h1><p id="chips">The A100 was banned in 2022.</p>';
          document.getElementById('stream').append(a);
          document.title = 'Nvidia resumes H20 sales to China';
        };
      </script></body></html>`,
    );
    const page = await open('stream.html');
    await page.waitForTimeout(500);
    expect(await marked(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as { next(): void }).next());
    await settled(page, ['A100', 'H20']);
    await page.waitForTimeout(2000); // the page is read again once the new title has held for 1.5 s
    expect(await marked(page, '#budget')).toEqual([]);
    expect(await marked(page)).toEqual(['A100', 'H20']);
    await page.close();

    // The first story in <main> (not an <article>), the next one appended as an <article>: the
    // first keeps its own headline's context (none), not the new title's.
    server.route(
      '/stream-main.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Chip supply: what buyers say</title></head><body>
      <main class="container"><h1>Chip supply: what buyers say</h1><p id="first">Some asked for the H-20 or the A100.</p></main>
      <script>
        window.next = () => {
          const a = document.createElement('article');
          a.innerHTML = '<h1>Nvidia resumes H20 sales</h1><p id="second">The A100 was banned.</p>';
          document.querySelector('main').after(a);
          document.title = 'Nvidia resumes H20 sales';
        };
      </script></body></html>`,
    );
    const mainFirst = await open('stream-main.html');
    await mainFirst.waitForTimeout(500);
    expect(await marked(mainFirst, '#first')).toEqual([]);
    await mainFirst.evaluate(() => (window as unknown as { next(): void }).next());
    await settled(mainFirst, ['A100'], '#second');
    await mainFirst.waitForTimeout(2000);
    expect(await marked(mainFirst, '#first')).toEqual([]);
    await mainFirst.close();

    // Comments as <article>s (no headline of their own) are not a stream: the story keeps the
    // page's context, and so do they.
    server.route(
      '/comments.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Nvidia's H20 banned in China</title></head><body>
      <header><h1>Nvidia's H20 banned in China</h1></header>
      <article><h2>Background</h2><p id="story">Chinese buyers had ordered H20s and B40s.</p></article>
      <section><article><h3>reader42</h3><p id="comment">The B40 was the better buy.</p></article>
      <article><h3>anon</h3><p>Agreed.</p></article></section></body></html>`,
    );
    const thread = await open('comments.html');
    await settled(thread, ['B40', 'H20'], '#story');
    await settled(thread, ['B40'], '#comment');
    await thread.close();
  });

  test('batches appended while scrolling are all marked', async () => {
    const page = await open('engine-zh.html');
    await settled(page, ['H20', 'H200', 'MI308']);
    await page.evaluate(async () => {
      for (let batch = 0; batch < 10; batch++) {
        const list = document.createElement('section');
        for (let i = 0; i < 5; i++) list.append(Object.assign(document.createElement('p'), { textContent: `第${batch}-${i}条：GB300出货` }));
        document.body.append(list);
        await new Promise((ok) => setTimeout(ok, 30));
      }
    });
    await expect.poll(() => marked(page).then((m) => m.filter((t) => t === 'GB300').length), { timeout: 5000 }).toBe(50);
    await page.close();
  });
});

describe('hover', () => {
  test('pointing at a mark opens the card for that chip; text beside it does not', async () => {
    const page = await open('engine-en.html');
    await settled(page, ['H200'], '#item');
    const centre = (selector: string, which: 'mark' | 'after') =>
      page.evaluate(
        ([sel, w]) => {
          const li = document.querySelector(sel!)!;
          const r = li.firstChild!.parentElement!.getBoundingClientRect();
          const range = new Range();
          range.selectNodeContents(li);
          const box = range.getBoundingClientRect();
          return w === 'mark' ? { x: box.left + box.width / 2, y: box.top + box.height / 2 } : { x: r.right - 5, y: box.top + box.height / 2 };
        },
        [selector, which] as const,
      );
    const cardChip = () => cardChipId(page); // the card's root is closed: read through CDP

    const beside = await centre('#item', 'after');
    await page.mouse.move(beside.x, beside.y);
    await page.waitForTimeout(600);
    expect(await cardChip()).toBeNull();

    const onMark = await centre('#item', 'mark');
    await page.mouse.move(onMark.x, onMark.y);
    await expect.poll(cardChip, { timeout: 5000 }).toBe('nvidia-h200');
    await page.close();
  });
});

describe('frames and shadow roots', () => {
  test('same-origin frames mark their own documents; an open shadow root is marked and styled', async () => {
    const page = await open('engine-frames.html');
    await settled(page, ['H20'], '#top');
    const srcdocFrame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    const second = page.frames().find((f) => f.url().endsWith('engine-zh.html'))!;
    await settled(srcdocFrame, ['H20', 'H200']);
    await settled(second, ['H20', 'H200', 'MI308']);

    const inShadow = () =>
      page.evaluate(() => {
        const root = document.querySelector('#shadow-host')!.shadowRoot!;
        const highlight = CSS.highlights.get('chiplens');
        const ranges = highlight ? [...(highlight as unknown as Iterable<Range>)] : [];
        return {
          marks: ranges.filter((r) => r.startContainer.getRootNode() === root).map((r) => r.toString()),
          styled: root.adoptedStyleSheets.some((s) => [...s.cssRules].some((rule) => rule.cssText.includes('::highlight(chiplens)'))),
        };
      });
    await expect.poll(inShadow, { timeout: 5000 }).toEqual({ marks: ['H20'], styled: true });
    await page.close();
  });

  test('a section hidden or shown around a shadow host takes the marks inside it away or brings them', async () => {
    server.route(
      '/shadow-hide.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Cards</title></head><body>
      <section id="shown"><x-card t="Nvidia H20 chips"></x-card></section>
      <section id="closed" hidden><x-card t="Nvidia H200 chips"></x-card></section>
      <script>
        customElements.define('x-card', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>' + this.getAttribute('t') + '</p>'; }
        });
      </script></body></html>`,
    );
    const page = await open('shadow-hide.html');
    await settled(page, ['H20']);
    await page.evaluate(() => {
      document.getElementById('shown')!.hidden = true;
      document.getElementById('closed')!.hidden = false;
    });
    await settled(page, ['H200']);
    await page.close();
  });

  test('shadow roots that come late are read: a custom element defined later, a host added with its root', async () => {
    server.route(
      '/late-shadow.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Podcast</title></head><body>
      <p>Nvidia's H20 story.</p><late-player id="player"></late-player><div id="slot"></div><app-shell></app-shell>
      <script>
        // Defined at once; its shadow root holds a widget whose definition comes later.
        customElements.define('app-shell', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<late-widget></late-widget>'; }
        });
        setTimeout(() => customElements.define('late-widget', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>Widget: MI308 prices</p>'; }
        }), 800);
        // Added after the page was read, defined later still.
        setTimeout(() => document.body.append(document.createElement('late-card')), 400);
        setTimeout(() => customElements.define('late-card', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>Card: H200 lead times</p>'; }
        }), 900);
        setTimeout(() => customElements.define('late-player', class extends HTMLElement {
          connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<p>Podcast: what the B30A can do</p>'; }
        }), 600);
        setTimeout(() => {
          const host = document.createElement('div');
          host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside: GB300 racks</p>';
          document.getElementById('slot').append(host);
        }, 300);
      </script></body></html>`,
    );
    const page = await open('late-shadow.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H200', 'MI308']);
    await page.close();
  });

  test('the counts of all frames add up in the background', async () => {
    const page = await open('engine-frames.html');
    // Top H20 + shadow H20, srcdoc H20 + H200, second page H200 + H20 + MI308.
    await expect.poll(() => reportedCounts(page), { timeout: 5000 }).toEqual({ 'nvidia-h20': 4, 'nvidia-h200': 2, 'amd-mi308': 1 });
    await page.close();
  });
});

describe('the per-site switch', () => {
  test('off removes every mark in every tab of the site and leaves body.innerHTML as a browser without ChipLens has it; on marks again', async () => {
    // The page as a browser without the extension parses it.
    const plain = await playwrightChromium.launch({ executablePath: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
    const plainPage = await plain.newPage();
    await plainPage.goto(`${server.origin}/engine-en.html`);
    const baseline = await plainPage.evaluate(() => document.body.innerHTML);
    await plain.close();

    const page = await open('engine-en.html');
    const other = await open('engine-zh.html');
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    await settled(other, ['H20', 'H200', 'MI308']);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baseline);

    await setDisabledHosts(['127.0.0.1']);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('chiplens'))).toBe(false);
    await expect.poll(() => other.evaluate(() => CSS.highlights.has('chiplens'))).toBe(false);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(baseline);
    expect(await page.evaluate(() => document.querySelector('chiplens-card'))).toBeNull();
    await expect.poll(() => reportedCounts(page), { timeout: 3000 }).toEqual({});

    // Changes while off are not marked.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('p'), { id: 'while-off', textContent: 'H20' })));
    await page.waitForTimeout(300);
    expect(await marked(page)).toEqual([]);

    await setDisabledHosts([]);
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    await settled(other, ['H20', 'H200', 'MI308']);
    await page.close();
    await other.close();
  });
});

describe('a long page', () => {
  // That the reading is sliced (the page is never held) is a unit test with a counted clock
  // (annotator-slices.test.ts); how long the slices take is the bench's "Longest task while marking".
  test('2000 paragraphs: read near the view, then where the reader scrolls; the popup reads it all', async () => {
    const page = await chromium.browser.context.newPage();
    const size = () => page.evaluate(() => CSS.highlights.get('chiplens')?.size ?? 0);
    const ALL = 10_005; // 5 per paragraph + 5 in the intro
    await page.goto(`${server.origin}/engine-bench.html?n=2000`);
    // Only what is within a screen above and two below the view is marked, and all of it is.
    const nearView = () =>
      page.evaluate(() => {
        const ranges = [...((CSS.highlights.get('chiplens') ?? []) as unknown as Iterable<Range>)];
        const tops = ranges.map((r) => r.getBoundingClientRect().top);
        const paragraphs = [...document.querySelectorAll('#article p')].filter((p) => p.getBoundingClientRect().top < innerHeight);
        return { marks: ranges.length, lowest: Math.min(...tops), highest: Math.max(...tops), height: innerHeight, inView: paragraphs.length };
      });
    const allInViewMarked = async () => {
      const n = await nearView();
      return n.marks > 0 && n.marks >= 5 + 5 * n.inView;
    };
    await expect.poll(allInViewMarked, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(300); // nothing further down comes
    const near = await nearView();
    expect(near.marks).toBeLessThan(ALL / 10);
    expect(near.lowest).toBeGreaterThanOrEqual(-near.height);
    expect(near.highest).toBeLessThanOrEqual(3 * near.height);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await settled(page, ['B30A', 'GB300', 'H20', 'H200', 'MI308'], '#article p:last-child');

    // Opening the popup reads the whole page, so its counts cover the page.
    const popup = await chromium.browser.openPopup(await chromium.browser.tabIdOf(page));
    await expect.poll(size, { timeout: 20_000, interval: 200 }).toBe(ALL);
    const listed = popup.locator('li[data-count]');
    await expect
      .poll(() => listed.evaluateAll((els) => els.reduce((sum, e) => sum + Number(e.getAttribute('data-count')), 0)), { timeout: 5000 })
      .toBe(ALL);
    await Promise.all([popup.close(), page.close()]);
  });

  test('a long article is read down as the reader goes: a sidebar written after it shows marked at once; a jump to an anchor is marked; scrolling through marks what reading it all marks', async () => {
    // Over 150,000 characters: read from the top to a little past the view (read-down.ts).
    const prose = 'Officials said the rules would be reviewed later this year, with conditions on end use. '.repeat(3);
    const paragraph = (i: number) => {
      const name = ['the <b>H2</b>00', `H20 <span>batch ${i}</span>`, 'B30A<script>/* x */</script>', '英伟达的H200芯片', 'MI308X'][i % 5];
      return `<p id="p${i}">${i % 7 ? prose : `${prose} ${name} ${prose}`}</p>`;
    };
    server.route(
      '/read-down.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Archive</title></head><body style="margin:0;font:16px/24px sans-serif">
      <main style="display:grid;grid-template-columns:1fr 280px;gap:20px">
        <article id="article">${Array.from({ length: 900 }, (_, i) => paragraph(i)).join('')}<div id="late"></div></article>
        <aside id="side" style="grid-column:2;grid-row:1;align-self:start"><h2>Most read</h2><p>Nvidia's GB300 racks ship</p></aside>
      </main>
      <footer><p>Covered: the Ascend 910C</p></footer>
      <script>document.getElementById('late').attachShadow({ mode: 'open' }).innerHTML = '<p>Deep in the page: the H800</p>';</script>
      </body></html>`,
    );
    const everything = async (page: Page) => (await marked(page)).length;

    const page = await open('read-down.html');
    // The sidebar shows at the top though it is written after 900 paragraphs: marked at once.
    await settled(page, ['GB300'], '#side');
    await page.waitForTimeout(300);
    const atLoad = await everything(page);
    expect(atLoad).toBeLessThan(40);
    expect(await marked(page, '#p890')).toEqual([]);

    // A jump (no scroll through what lies between) marks where it lands.
    await page.evaluate(() => document.getElementById('p700')!.scrollIntoView());
    await settled(page, ['H200'], '#p700');

    // Scrolling through the page screen by screen marks what the popup's read-all marks.
    for (let y = 0, height = await page.evaluate(() => document.documentElement.scrollHeight); y < height; y += 1500) {
      await page.evaluate((to) => scrollTo(0, to), y);
      await page.waitForTimeout(40);
    }
    // Every name the page holds (each seventh paragraph's, the sidebar's, the footer's, the shadow
    // root's), however long a busy machine takes to read what the scroll passed.
    await expect.poll(() => everything(page), { timeout: 10_000 }).toBe(Math.ceil(900 / 7) + 3);
    const scrolled = await marked(page);
    const whole = await open('read-down.html');
    const popup = await chromium.browser.openPopup(await chromium.browser.tabIdOf(whole));
    await expect.poll(() => everything(whole), { timeout: 10_000 }).toBe(scrolled.length);
    expect(await marked(whole)).toEqual(scrolled);
    expect(scrolled).toEqual(expect.arrayContaining(['Ascend 910C', 'H800', 'GB300', 'H200', 'MI308X', 'B30A']));
    await Promise.all([popup.close(), page.close(), whole.close()]);
  });

  test('text a reader cannot see is not marked: unslotted light DOM, a filled slot\'s fallback, display:contents in hidden boxes, visually hidden text', async () => {
    server.route(
      '/unseen.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Unseen</title></head><body>
      <p>Nvidia's H20 story.</p>
      <div id="video">H100 fallback text</div>
      <div id="card"><span slot="title">B30A card</span></div>
      <div id="paywall" style="display:none"><p><span style="display:contents">Locked: the H800 story.</span></p></div>
      <div style="visibility:hidden"><p><span style="display:contents">Teaser: GB300 supply.</span></p></div>
      <p>Specs <span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">for screen readers: B200</span> follow.</p>
      <script>
        document.getElementById('video').attachShadow({ mode: 'open' }).innerHTML = '<p>Video: the MI308 lab</p>';
        document.getElementById('card').attachShadow({ mode: 'open' }).innerHTML = '<h3><slot name="title">H200 default title</slot></h3>';
      </script></body></html>`,
    );
    const page = await open('unseen.html');
    await settled(page, ['B30A', 'H20', 'MI308']);
    await page.evaluate(() => document.getElementById('paywall')!.removeAttribute('style'));
    await settled(page, ['B30A', 'H20', 'H800', 'MI308']);
    await page.close();

    // Gauges show instead of their text; an editor entering edit mode takes its marks away.
    server.route(
      '/gauges.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Gauges</title></head><body>
      <p>Nvidia's H20 story.</p><meter value="0.5">H200 at 50%</meter><progress value="3" max="10">B300 upload</progress>
      <div id="editor"><p>Draft: the GB300 racks.</p></div>
      </body></html>`,
    );
    const gauges = await open('gauges.html');
    await settled(gauges, ['GB300', 'H20']);
    await gauges.evaluate(() => document.getElementById('editor')!.setAttribute('contenteditable', 'true'));
    await settled(gauges, ['H20']);
    await gauges.evaluate(() => document.getElementById('editor')!.setAttribute('contenteditable', 'false'));
    await settled(gauges, ['GB300', 'H20']);
    await gauges.close();
  });

  test("the page hears nothing from ChipLens: no window message (it would name the extension's id to any script)", async () => {
    const page = await chromium.browser.context.newPage();
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      addEventListener('message', (e) => heard.push(JSON.stringify(e.data)));
    });
    await page.goto(`${server.origin}/engine-en.html`);
    await settled(page, ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308']);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    await page.close();
  });

  test('forms whose fields (and images whose names) are named like DOM properties (nextSibling, parentNode, localName, contains) neither hang the page nor stop the marking', async () => {
    server.route(
      '/clobber.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Forms</title></head><body>
      <p id="a">Nvidia's H20 <form style="display:inline"><input name="nextSibling"><input name="parentNode"></form> and the H200.</p>
      <div id="b">The B30A <form><input name="localName"><input name="parentElement"> GB300 order</form></div>
      <form id="c"><input name="contains">MI308 request <b>form</b></form>
      <p id="d">After the forms: the H100.</p>
      <img name="parentNode" alt=""><img name="nodeType" alt="">
      </body></html>`,
    );
    const page = await open('clobber.html');
    await settled(page, ['B30A', 'GB300', 'H100', 'H20', 'H200', 'MI308']);
    // The page still answers: a walk that went round for ever would have frozen it.
    expect(await page.evaluate(() => document.title)).toBe('Forms');
    await page.close();
  });

  test('a page that clears the highlight registry gets the marks back', async () => {
    const page = await open('engine-en.html');
    const all = ['B30A', 'GB300', 'H20', 'H20', 'H200', 'H200', 'H200', 'MI308'];
    await settled(page, all);
    await page.evaluate(() => CSS.highlights.clear());
    await settled(page, all);
    await page.evaluate(() => CSS.highlights.get('chiplens')!.clear());
    await settled(page, all);
    await page.close();
  });

  test('closing a popover takes its marks away; opening it brings them back', async () => {
    server.route(
      '/popover.html',
      `<!doctype html><html><head><meta charset="utf-8"><title>Popover</title></head><body>
      <p>Nvidia's H20 story.</p><div popover id="tip"><p>The H800 was the first China part.</p></div>
      <div id="host"></div>
      <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<div popover id="inner"><p>The B30A ships.</p></div>';</script>
      </body></html>`,
    );
    const page = await open('popover.html');
    await settled(page, ['H20']);
    await page.evaluate(() => document.getElementById('tip')!.showPopover());
    await settled(page, ['H20', 'H800']);
    await page.evaluate(() => document.getElementById('tip')!.hidePopover());
    await settled(page, ['H20']);
    await page.evaluate(() => document.getElementById('tip')!.showPopover());
    await settled(page, ['H20', 'H800']);
    // One inside a shadow root (its toggle event stays in the shadow tree).
    const inner = (show: boolean) =>
      page.evaluate((on) => {
        const el = document.getElementById('host')!.shadowRoot!.getElementById('inner')!;
        if (on) el.showPopover();
        else el.hidePopover();
      }, show);
    await inner(true); // an auto popover: opening it closes #tip
    await settled(page, ['B30A', 'H20']);
    await inner(false);
    await settled(page, ['H20']);
    await page.close();
  });

  test('blocks with no box of their own (display: contents) are read, not left waiting', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `<div style="display: contents">Nvidia H20 row ${i}</div>`).join('');
    server.route('/contents.html', `<!doctype html><html><head><meta charset="utf-8"><title>Rows</title></head><body>${rows}</body></html>`);
    const page = await open('contents.html');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('chiplens')?.size ?? 0), { timeout: 10_000 }).toBe(450);
    await page.close();
  });
});
