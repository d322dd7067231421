// The two judgements the matcher makes about a match's surroundings: does the text block talk
// about chips at all (for names that need context), and does the match sit inside a URL, a file
// path or an e-mail address (never marked).
import { GENERIC_WORDS, VENDOR_WORDS } from './matcher-words';

/**
 * Words that say a text is about chips; case-insensitive, whole words (plural forms, and German
 * genitives such as "Nvidias", included).
 */
export const CONTEXT_WORDS_ANY_CASE =
  /\b(?:gpus?|chips?|chipmakers?|nvidias?|huaweis?|accelerators?|export[- ]?controls?|semiconductors?|halbleiter\w*|exportkontroll\w*)\b/i;
/**
 * Words that are only context in capitals: "AMD", "Intel" (not "intel" = intelligence). "AI" is
 * not context: it is everywhere ("AI grants for B40 households").
 */
export const CONTEXT_WORDS_EXACT_CASE = /\b(?:AMDs?|Intels?|INTEL)\b/;
/**
 * Chinese and Japanese context words (no word boundaries in CJK text): every CJK vendor and
 * generic word of matching/matcher-words.ts, and these.
 */
const CJK_ONLY_CONTEXT = ['算力', '出口管制', '半导体', '半導體', '半導体', '昇腾', '昇騰', '輸出規制'];
export const CONTEXT_WORDS_CJK = new RegExp([...VENDOR_WORDS, ...GENERIC_WORDS].filter((w) => !/^[a-z]/.test(w)).concat(CJK_ONLY_CONTEXT).join('|'));

/** True when `text` contains one of the chip-context words (docs/matching.md, "8. The context rule"). */
export function hasContextWord(text: string): boolean {
  return CONTEXT_WORDS_CJK.test(text) || CONTEXT_WORDS_ANY_CASE.test(text) || CONTEXT_WORDS_EXACT_CASE.test(text);
}

/** Printable ASCII other than space: the characters URLs, paths and e-mail addresses are made of. */
const isUrlChar = (code: number) => code > 0x20 && code < 0x7f;

/**
 * Signs that a run of non-space ASCII is a URL, a path, a file name or an e-mail address:
 * a scheme, `www.`, `@` before a domain (not `H20@$12k`), a leading `/` `\` `~/` `./`, a
 * backslash, a query (`?q=`), or a domain or file extension (`example.com/…`,
 * `nvidia.technology/h200`, `H200.pdf`). A single slash between words (`H200/H20`) is not a path.
 */
const URL_LIKE = /:\/\/|^www\.|@[a-z0-9-]+\.[a-z]|^(?:\/|\\|~\/|\.\.?\/)|\\|[?&]\w*=|[a-z0-9-]\.[a-z]{2,24}(?:[/?#:]|$)/i;

/**
 * Returns a test for one text: does [start, end) lie in a URL, path or e-mail address? The
 * token judged is the run of printable ASCII around the match (the match itself may hold
 * full-width or CJK characters), so in `英伟达的H20，详见example.com` only `H20` is judged, not
 * the whole unspaced sentence. Matches are asked in order; a run is judged once, so a long
 * run with many names stays linear.
 */
export function urlJudge(text: string): (start: number, end: number) => boolean {
  let runFrom = -1;
  let runTo = -1;
  let verdict = false;
  return (start, end) => {
    if (start >= runFrom && end <= runTo) return verdict;
    runFrom = start;
    while (runFrom > 0 && isUrlChar(text.charCodeAt(runFrom - 1))) runFrom--;
    runTo = end;
    while (runTo < text.length && isUrlChar(text.charCodeAt(runTo))) runTo++;
    // Trailing sentence punctuation is not part of the token: "…the H200." is not a file name.
    verdict = URL_LIKE.test(text.slice(runFrom, runTo).replace(/[.,;:!?)\]'"]+$/, ''));
    return verdict;
  };
}
