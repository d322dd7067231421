// Page context: whether a name that needs context (B40, a bare "H20") counts in a block. A chip
// named outright in the title or main heading vouches for the article, not for the site's
// navigation, sidebars and footers; on a stream of stories only each story's own headline
// vouches for it; failing that, the block's own text must hold chip words.
import type { Matcher } from '../../matching/matcher';
import { hasContextWord } from '../../matching/matcher-context';
import { climb, isWithin, tagOf } from '../reading/dom';
import { createSkipRules } from '../reading/skip-rules';
import { blockRuns } from '../reading/text-runs';

/** How long a new page context must last before the whole page is read again under it. */
const CONTEXT_SETTLES_MS = 1500;

/** ARIA roles of the parts of a page that are the site's, not the article's. */
const SITE_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);
/** Labels of a box of links to other pages ("Related stories", 相关阅读, "Read more"). */
const ELSEWHERE =
  /\brelated\b|\bread (?:more|next)\b|\bmore (?:stories|news|from|on)\b|\brecommended\b|\bpopular\b|\btrending\b|相关|相關|推荐|推薦|延伸阅读|延伸閱讀|更多(?:阅读|閱讀|文章|新闻|新聞|报道|報導)|热门|熱門|関連/i;

/** Whether an <aside>/<footer> is labelled, by aria-label or its first heading, as links elsewhere. */
function pointsElsewhere(el: Element): boolean {
  const label = el.getAttribute('aria-label') ?? el.querySelector('h1, h2, h3, h4, h5, h6, header, strong')?.textContent ?? '';
  return ELSEWHERE.test(label.slice(0, 200));
}

/** The context as one pass sees it: each answer is worked out once for that pass. */
export interface PassContext {
  /** Whether names that need context count in this block. */
  holds(block: Node): boolean;
  /** Blocks under these roots are read again: what this pass knew of their own text is stale. */
  forget(roots: Node[]): void;
}

export interface PageContext {
  /** The context for a pass starting now. */
  forPass(): PassContext;
  /** Looks at the title and main heading now (a whole-page pass starts); no re-read is pending. */
  refresh(): void;
  /** The page changed: if its title or <h1> now says otherwise, the page is read again once that holds. */
  mayHaveChanged(): void;
  stop(): void;
}

export function createPageContext(matcher: Matcher, setTimeout: (fn: () => void, ms: number) => number, readAgain: () => void): PageContext {
  // Context is what a reader sees in the block: a code span's "GPU" counts even when code is
  // not marked.
  const contextRules = createSkipRules({ markInCode: true });
  /** The page's context now (see hasPageContext). */
  let pageContext = false;
  let rereadTimer = 0;

  /**
   * Page-level context: when the title or the main heading names a chip outright, names that
   * need context count anywhere on the page (an article about the H20 may later just say "H20s").
   */
  function hasPageContext(): boolean {
    const heading = document.querySelector('h1')?.textContent ?? '';
    // Only a name that needs no context counts: "AI grants for B40 households" must not vouch
    // for every ambiguous name on the page.
    return matcher.scan(`${document.title}\n${heading}`, { strict: true }).length > 0;
  }

  /**
   * Whether the page is a stream of stories: two or more headlines (<h1>s) of their own, each a
   * top-level <article>'s or, for a first story not in an article, the page's first <h1> outside
   * them (`main`). Null when the page is one story.
   */
  function streamOf(): { main: Element | null } | null {
    let stories = 0;
    for (const a of document.getElementsByTagName('article')) {
      if (a.querySelector('h1') && !a.parentElement?.closest('article')) stories++;
    }
    const main = [...document.getElementsByTagName('h1')].find((h) => !h.closest('article') && !inSiteChrome(h)) ?? null;
    return stories + (main ? 1 : 0) > 1 ? { main } : null;
  }

  function forPass(): PassContext {
    const context = pageContext;
    /** Chip context in a block's own text, checked once each and only when a name needs it. */
    const blockContext = new Map<Node, boolean>();
    /** In a stream of stories, each one's own context (see pageContextFor), checked once each. */
    const storyContext = new Map<Element | 'main', boolean>();
    /** Whether the page is a stream of stories (looked at once per pass, when needed). */
    let stream: { main: Element | null } | null | undefined;

    /**
     * Whether the page's own context holds for a block: not in the site's navigation, sidebars
     * and footers; and on a page that is a stream of stories (an infinite scroll appends the
     * next one, and the title follows whichever is on screen), a block in a story takes its
     * context from that story's headline alone: one story's chip must not vouch for "B40
     * households" in the next.
     */
    function pageContextFor(block: Node): boolean {
      let has = context;
      if (stream === undefined) stream = streamOf();
      if (stream) {
        const article = outermostArticle(block);
        // The story's own headline: its article's <h1>, or, outside every article, the page's.
        const story = article ?? 'main';
        let known = storyContext.get(story);
        if (known === undefined) {
          const headline = (article ? article.querySelector('h1') : stream.main)?.textContent;
          known = headline ? matcher.scan(headline, { strict: true }).length > 0 : context;
          storyContext.set(story, known);
        }
        has = known;
      }
      return has && !inSiteChrome(block);
    }

    /**
     * Chip context anywhere in a block's own text, not only in the run a name stands in: a line
     * break, an image or a code span splits a paragraph into runs, not into separate texts.
     */
    function blockHasContext(block: Node): boolean {
      let has = blockContext.get(block);
      if (has === undefined) {
        const text = [...blockRuns(block, contextRules)].map((r) => r.text).join('\n');
        has = hasContextWord(text) || matcher.scan(text, { strict: true }).length > 0;
        blockContext.set(block, has);
      }
      return has;
    }

    return {
      // The page's own context (a chip in its title) holds in its article, not in the site's
      // navigation, sidebars and footers ("Berlin's A100 motorway" under "Related stories").
      holds: (block) => pageContextFor(block) || blockHasContext(block),
      forget(roots) {
        for (const block of blockContext.keys()) if (roots.some((r) => isWithin(r, block))) blockContext.delete(block);
      },
    };
  }

  return {
    forPass,
    refresh() {
      pageContext = hasPageContext();
      clearTimeout(rereadTimer);
      rereadTimer = 0;
    },
    /**
     * A single-page app put up another article (its title or <h1> changed): text read from now
     * on is read under the new context at once, and the whole page again once the context has
     * held still for a while: even if it came back to where it was, text read in between was
     * read under another one. A title that blinks "New message!" never holds still, so it never
     * has the page read every second.
     */
    mayHaveChanged() {
      const now = hasPageContext();
      if (now === pageContext) return;
      pageContext = now;
      clearTimeout(rereadTimer);
      rereadTimer = setTimeout(() => {
        rereadTimer = 0;
        readAgain();
      }, CONTEXT_SETTLES_MS);
    },
    stop() {
      clearTimeout(rereadTimer);
      rereadTimer = 0;
    },
  };
}

/**
 * Whether a block sits in the site's navigation, a sidebar or a footer, across shadow roots.
 * An <aside> or <footer> inside the <article> is the article's own (a spec box) unless it is
 * labelled as links elsewhere ("Related stories"); one beside an <article> in <main> is a
 * sidebar; an <article> inside one is a teaser in a box of links.
 */
function inSiteChrome(block: Node): boolean {
  let box: Element | null = null; // the nearest <aside>/<footer> above the block
  let inArticle = false;
  let verdict: boolean | undefined; // decided before the top
  climb(block, (n) => {
    if (n.nodeType !== Node.ELEMENT_NODE) return false;
    const el = n as Element;
    const [tag, role] = [tagOf(el), el.getAttribute('role')];
    if (tag === 'nav' || (role && SITE_ROLES.has(role))) verdict = true;
    else if (tag === 'aside' || tag === 'footer') {
      if (inArticle || pointsElsewhere(el)) verdict = true;
      box ??= el;
    } else if (tag === 'article') {
      if (box) verdict = false;
      inArticle = true;
    } else if (tag === 'main') {
      // With no <article> of its own (teasers in boxes do not count), <main> is the article
      // and its boxes are its own.
      verdict = box !== null && [...el.querySelectorAll('article')].some((a) => !a.parentElement?.closest('aside, footer'));
    }
    return verdict !== undefined;
  });
  return verdict ?? box !== null;
}

/** The outermost <article> around a node, across shadow roots. */
function outermostArticle(node: Node): Element | null {
  let article: Element | null = null;
  climb(node, (n) => {
    if (n.nodeType === Node.ELEMENT_NODE && tagOf(n as Element) === 'article') article = n as Element;
    return false;
  });
  return article;
}
