// The publication day of a page, from the clues its content script read (entrypoints/content/
// article-date.ts): meta tags, JSON-LD scripts, microdata, an article header's <time>. The clues
// are parsed here, in the background, so the content script stays small and a page's hostile
// JSON-LD is parsed away from the page. Pure; never throws; bounded.

/** What the content script reads from the page, each part already capped in size. */
export interface DateClues {
  /** [lowercased property/name/itemprop, content] of meta tags whose key speaks of a date. */
  meta: [string, string][];
  /** The text of the first few JSON-LD scripts no longer than MAX_JSON_LD. */
  ld: string[];
  /** The first itemprop="datePublished" element's content, datetime or text. */
  micro: string | null;
  /** The datetime of the first <time> in the article's header (or the article). */
  time: string | null;
}

/** Limits both sides keep: the content script when it reads, the background's schema when it receives. */
export const CLUE_LIMITS = { meta: 20, key: 40, value: 64, ld: 4, json: 50_000 } as const;

/** Meta keys (lowercase) that hold the publication date: explicit ones first, then older names. */
const EXPLICIT = ['article:published_time', 'og:published_time', 'datepublished'];
const NAMED = ['parsely-pub-date', 'sailthru.date', 'publishdate', 'pubdate', 'publish-date', 'dc.date.issued', 'dcterms.issued', 'date'];

/** JSON-LD nodes looked at per script, at most. */
const MAX_NODES = 200;

/** "2025-04-16T10:00:00+08:00", "2025/4/16", "20250416", "2025年4月16日" → "2025-04-16"; else null. */
export function isoDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^\s*(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})|(\d{2})(\d{2}))(?!\d)/.exec(value.slice(0, 64));
  if (!m) return null;
  const [y, mo, d] = [+m[1]!, +(m[2] ?? m[4]!), +(m[3] ?? m[5]!)];
  const day = new Date(Date.UTC(y, mo - 1, d));
  // A real calendar day in a plausible range (not 2025-02-30, not year 0200).
  if (y < 1990 || y > 2100 || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

/** datePublished of the first article-like node, breadth-first through arrays and @graph. */
function fromJsonLd(text: string): string | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null; // not JSON: the page's own problem
  }
  const queue = [root];
  for (let seen = 0; queue.length && seen < MAX_NODES; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node.slice(0, MAX_NODES));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      const types = Array.isArray(o['@type']) ? o['@type'].slice(0, 8) : [o['@type']];
      const day = types.some((t) => typeof t === 'string' && /Article|BlogPosting|Report/.test(t)) && isoDay(o.datePublished);
      if (day) return day;
      if (o['@graph']) queue.push(o['@graph']);
    }
  }
  return null;
}

export function dayFromClues(clues: DateClues): string | null {
  const meta = (names: string[]) => {
    for (const name of names) {
      for (const [key, content] of clues.meta) {
        const day = key === name && isoDay(content);
        if (day) return day;
      }
    }
    return null;
  };
  return meta(EXPLICIT) ?? clues.ld.reduce<string | null>((found, text) => found ?? fromJsonLd(text), null) ?? isoDay(clues.micro) ?? meta(NAMED) ?? isoDay(clues.time);
}
