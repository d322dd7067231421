// The one normal form of a chip name, `nameKey`: what "the same name" means everywhere a name
// is compared, never what is shown. The matcher (which chip a hit on a page is), the popup's and
// the CLI's lookup (which chip a query names), the name rules and the dataset's integrity check
// (a name owned by two chips) all compare keys, so they cannot disagree about whether two
// spellings are one name.

/**
 * NFKC (full-width ｈ２０ → h20), lower case, and no white space, hyphens, dashes, underscores,
 * dots or middle dots: `nameKey('ＨＧＸ h‑20') === nameKey('HGX H20') === 'hgxh20'`. A key is only
 * ever compared with another key, so the extra characters it drops (`.`, `_`) never widen what
 * the page marks: the matcher's trie decides what is a name, the key only which chip it is.
 */
export function nameKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s\-\u2010-\u2015\u2212_.·・]+/g, '');
}
