// The one rule "a name must not touch a word character", for both sides that apply it:
// - the matcher (matching/matcher.ts) builds its boundaries from WORD_CHAR_CLASS, so H2000,
//   SH200 and H20A are not marks;
// - the page reader (engine/reading/text-runs.ts) asks isWordUnit whether two text nodes that a
//   reader sees as separate boxes (`<span>NEW</span>H200`) would glue into one token if joined:
//   only then does it split the run, so the matcher sees the same words a reader does.
// If the two disagreed, the reader would join what the matcher then refuses (or split a name the
// matcher would mark), so both are derived from the one table below.
//
// Word characters are ASCII letters, digits and `_`, and their full-width forms (Ｈ２０ matches in
// place): the characters names are spelled with. CJK characters are not: Chinese is written
// without spaces, so `英伟达H20芯片` must still mark H20. All are single UTF-16 units.

/** Inclusive UTF-16 ranges, as [from, to] pairs. */
const RANGES = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a, 0xff10, 0xff19, 0xff21, 0xff3a, 0xff41, 0xff5a];

/** Whether a UTF-16 code unit (charCodeAt) is a word character. Cheap: the page reader calls it per text node. */
export function isWordUnit(c: number): boolean {
  for (let i = 0; i < RANGES.length; i += 2) if (c >= RANGES[i]! && c <= RANGES[i + 1]!) return true;
  return false;
}

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** The same set as a regex character class source (no `u` flag needed): `[\u0030-\u0039…]`. */
export const WORD_CHAR_CLASS = `[${RANGES.map((c, i) => (i % 2 ? `-${hex(c)}` : hex(c))).join('')}]`;
