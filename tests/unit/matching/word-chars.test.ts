// One rule for "a name must not touch a word character": the matcher's regex class and the page
// reader's per-unit test must say the same for every UTF-16 unit, or the reader would join text
// the matcher then refuses (issue #14).
import { expect, test } from 'vitest';
import { WORD_CHAR_CLASS, isWordUnit } from '../../../matching/word-chars';
import { compileMatcher } from '../../../matching/matcher';

test('the regex class and isWordUnit agree on every UTF-16 unit', () => {
  const re = new RegExp(`^${WORD_CHAR_CLASS}$`);
  const disagree: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (re.test(String.fromCharCode(c)) !== isWordUnit(c)) disagree.push(c);
  expect(disagree).toEqual([]);
});

test('word characters are ASCII and full-width letters, digits and _; CJK and punctuation are not', () => {
  for (const ch of ['a', 'Z', '0', '9', '_', 'Ａ', 'ｚ', '０', '９']) expect(isWordUnit(ch.charCodeAt(0)), ch).toBe(true);
  for (const ch of ['芯', '英', '-', ' ', '.', '/', '＿', 'é', '\u00a0', '@', '[', '`', '{']) expect(isWordUnit(ch.charCodeAt(0)), ch).toBe(false);
});

test('a name touching a word character on either side is not marked; CJK beside it is', () => {
  const matcher = compileMatcher({ version: 't', chips: [{ id: 'h20', names: ['H20'], needsContext: [] }] });
  const marks = (text: string) => matcher.scan(text).map((m) => m.text);
  for (const text of ['H2000', 'SH20', 'H20A', '_H20', 'H20_', 'ＡH20', 'H20０']) expect(marks(text), text).toEqual([]);
  expect(marks('英伟达H20芯片')).toEqual(['H20']);
});
