/** @vitest-environment happy-dom */
// The page's publication date, read from markup shaped like real news sites' (trimmed to the parts
// that carry a date, with the decoys around them kept).
import { describe, expect, it } from 'vitest';
import { articleDate } from '../../../card/article-date';
import { isoDay } from '../../../rules/article-day';

const page = (head: string, body = '') => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('articleDate', () => {
  it('Reuters-shaped: article:published_time beside a later modified time and JSON-LD', () => {
    const doc = page(`
      <meta property="og:type" content="article">
      <meta property="article:modified_time" content="2025-04-17T02:11:09Z">
      <meta property="article:published_time" content="2025-04-16T21:47:12Z">
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Nvidia faces $5.5 billion charge","datePublished":"2025-04-16T21:47:12Z","dateModified":"2025-04-17T02:11:09Z"}</script>`);
    expect(articleDate(doc)).toBe('2025-04-16');
  });

  it('JSON-LD only, the article inside @graph after a WebSite and an Organization', () => {
    const doc = page(`<script type="application/ld+json">
      {"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","url":"https://example.com","datePublished":"2001-01-01"},
        {"@type":"Organization","name":"Example"},
        {"@type":["NewsArticle","Article"],"headline":"US halts H20 sales","datePublished":"2025-04-16T08:00:00-04:00"}]}
    </script>`);
    expect(articleDate(doc)).toBe('2025-04-16');
  });

  it('JSON-LD as a top-level array, a broken script before it, and a ReportageNewsArticle', () => {
    const doc = page(`
      <script type="application/ld+json">{ "@type": "NewsArticle", "datePublished": </script>
      <script type="application/ld+json">[{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","datePublished":"2025-08-08"}]</script>`);
    expect(articleDate(doc)).toBe('2025-08-08');
  });

  it('Xinhua-shaped: a publishdate meta and a Chinese date in the header', () => {
    const doc = page(
      `<meta name="keywords" content="英伟达,H20"><meta name="publishdate" content="2025-04-16">`,
      `<div class="header-time"><span class="year"><em>2025</em></span><span class="day"><em>04</em>/<em>16</em></span></div>`,
    );
    expect(articleDate(doc)).toBe('2025-04-16');
  });

  it('Caixin-shaped: only a <time datetime> in the article header (not the site header clock)', () => {
    const doc = page(
      '',
      `<header class="site"><time datetime="2026-12-07T09:00:00+08:00">今日</time></header>
       <article><header><h1>英伟达H20对华销售恢复</h1><time datetime="2025-08-08 10:23">2025年08月08日 10:23</time></header><p>…</p></article>`,
    );
    expect(articleDate(doc)).toBe('2025-08-08');
  });

  it('itemprop=datePublished in microdata, and the Dublin Core and parsely names', () => {
    expect(articleDate(page('', `<div itemscope itemtype="https://schema.org/NewsArticle"><span itemprop="datePublished" content="2025-12-09">9 Dec</span></div>`))).toBe('2025-12-09');
    expect(articleDate(page('<meta name="DC.date.issued" content="2025-01-13">'))).toBe('2025-01-13');
    expect(articleDate(page('<meta name="parsely-pub-date" content="2025-10-30T14:05:00Z">'))).toBe('2025-10-30');
    expect(articleDate(page('<meta name="sailthru.date" content="2025-05-13 09:00:00">'))).toBe('2025-05-13');
  });

  it('prefers the explicit published time over the generic date meta', () => {
    const doc = page('<meta name="date" content="2026-12-07"><meta property="article:published_time" content="2025-04-16T10:00:00+08:00">');
    expect(articleDate(doc)).toBe('2025-04-16');
  });

  it('null when the page says nothing usable', () => {
    expect(articleDate(page('<title>H20</title>', '<p>Published yesterday.</p><time>2025-04-16</time>'))).toBeNull();
    expect(articleDate(page('<meta property="article:published_time" content="not a date">'))).toBeNull();
  });

  it('never throws on hostile JSON-LD, and skips a huge script', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const wide = JSON.stringify({ '@type': Array(10_000).fill('Thing'), '@graph': Array(10_000).fill({ '@type': 'Thing' }) });
    const huge = JSON.stringify({ '@type': 'NewsArticle', datePublished: '2020-01-01', pad: 'x'.repeat(60_000) });
    const doc = page(`
      <script type="application/ld+json">${deep}</script>
      <script type="application/ld+json">${wide}</script>
      <script type="application/ld+json">{"__proto__":{"@type":"NewsArticle","datePublished":"2019-01-01"},"@type":null,"datePublished":{"toString":1}}</script>
      <script type="application/ld+json">${huge}</script>
      <script type="application/ld+json">"just a string"</script>`);
    expect(() => articleDate(doc)).not.toThrow();
    expect(articleDate(doc)).toBeNull();
  });
});

describe('isoDay', () => {
  it.each([
    ['2025-04-16T21:47:12Z', '2025-04-16'],
    ['2025-04-16T23:30:00-04:00', '2025-04-16'], // the publisher's own day
    ['2025/4/16', '2025-04-16'],
    ['2025.04.16', '2025-04-16'],
    ['20250416', '2025-04-16'],
    ['2025年4月16日 10:23', '2025-04-16'],
    [' 2025-04-16 ', '2025-04-16'],
  ])('%s → %s', (value, day) => expect(isoDay(value)).toBe(day));

  it.each(['2025-02-30', '2025-13-01', '0200-01-01', '1744800000', '20250416102300', 'April 16, 2025', '', null, 42, {}])('%s → null', (value) => {
    expect(isoDay(value)).toBeNull();
  });
});
