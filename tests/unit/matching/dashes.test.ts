// Names written with a non-breaking hyphen, another dash or a no-break space match as with a
// hyphen or a space (issue #13: `MI‑308`, `MI‑325X` in headings were missed).
import { expect, test } from 'vitest';
import { compileMatcher } from '../../../matching/matcher';
import { nameKey } from '../../../matching/name-key';

const matcher = compileMatcher({
  version: 't',
  chips: [
    { id: 'amd-mi308', names: ['MI308', 'MI308X'], needsContext: [] },
    { id: 'amd-mi325x', names: ['MI325X'], needsContext: [] },
    { id: 'nvidia-h20', names: ['H20'], needsContext: [] },
    { id: 'nvidia-rtx-5090', names: ['RTX 5090'], needsContext: [] },
  ],
});
const marks = (text: string) => matcher.scan(text).map((m) => [m.chipId, m.text]);

const DASHES = { hyphen: '-', 'non-breaking hyphen': '\u2011', 'Unicode hyphen': '\u2010', 'figure dash': '\u2012', 'en dash': '\u2013', 'minus sign': '\u2212', 'small hyphen-minus': '\ufe63', 'full-width hyphen-minus': '\uff0d' };

test.each(Object.entries(DASHES))('a heading with no other chip word: MI308 and MI325X written with a %s', (_label, dash) => {
  // Headings carry no context words; a code's letters and digits joined by a dash are the code.
  expect(marks(`MI${dash}308 and MI${dash}325X: what the licences allow`)).toEqual([
    ['amd-mi308', `MI${dash}308`],
    ['amd-mi325x', `MI${dash}325X`],
  ]);
});

test.each([['NBSP', '\u00a0'], ['narrow NBSP', '\u202f'], ['ideographic space', '\u3000']])('RTX 5090 written with a %s', (_label, space) => {
  expect(marks(`the RTX${space}5090 launch`)).toEqual([['nvidia-rtx-5090', `RTX${space}5090`]]);
});

test('a single letter and digits stay a loose spelling that needs context (the H-20 bomber)', () => {
  expect(marks('China’s H\u201120 flies')).toEqual([]);
  expect(marks('Nvidia’s H\u201120 ships')).toEqual([['nvidia-h20', 'H\u201120']]);
  // A space is loose too: `MI 308` may be a room number.
  expect(marks('room MI 308')).toEqual([]);
});

test('a model number after a dash is not part of the name, whichever dash', () => {
  for (const dash of ['-', '\u2011', '\u2012', '\u2212', '\ufe63', '\uff0d']) expect(marks(`MI308${dash}1234`)).toEqual([]);
  expect(marks('MI308\u2013400 range')).toEqual([['amd-mi308', 'MI308']]); // an en dash is a range
});

test.each(Object.entries(DASHES))('nameKey drops a %s', (_label, dash) => {
  expect(nameKey(`MI${dash}325X`)).toBe('mi325x');
});
