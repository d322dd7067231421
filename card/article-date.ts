// The page's publication date, so the card can say what the status was when the article was
// written. `dateClues` reads what publishers put there for machines (meta tags, JSON-LD scripts,
// itemprop="datePublished", a <time> in the first article's header), capped in size; the
// background turns them into a day (rules/article-day.ts), keeping the parsing out of the content
// script. `articleDate` is both steps together. Pure: a Document in; never throws; bounded.
import { CLUE_LIMITS as L, dayFromClues, type DateClues } from '../rules/article-day';

export function dateClues(doc: Document): DateClues {
  const meta: [string, string][] = [];
  for (const m of [...doc.querySelectorAll('meta[content]')].slice(0, 300)) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    if (meta.length < L.meta && key.length <= L.key && /date|publish|issued/.test(key)) meta.push([key, m.getAttribute('content')!.slice(0, L.value)]);
  }
  const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')]
    .slice(0, 20)
    .map((s) => s.textContent ?? '')
    .filter((text) => text.length <= L.json) // a page could make one of megabytes
    .slice(0, L.ld);
  const marked = doc.querySelector('[itemprop="datePublished"]');
  const micro = marked && (marked.getAttribute('content') ?? marked.getAttribute('datetime') ?? marked.textContent ?? '').slice(0, L.value);
  const time = ['article header time[datetime]', 'article time[pubdate]', 'article time[datetime]', 'main header time[datetime]']
    .map((where) => doc.querySelector(where)?.getAttribute('datetime'))
    .find(Boolean);
  return { meta, ld, micro, time: time?.slice(0, L.value) ?? null };
}

/** The page's publication day (YYYY-MM-DD), or null. */
export const articleDate = (doc: Document): string | null => dayFromClues(dateClues(doc));
