// The page walks the names' trie in code (matching/name-finder.ts) where it once ran the trie as
// one regex. Both are built from one trie, so they must find the same name at the same place:
// these tests hold the walker to the regex, over the real dataset's names and random text made of
// names, their spellings in the wild (case, full width, hyphens, line breaks) and ordinary words.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { listedNames } from '../../../matching/matcher';
import { SEPARATOR_CLASS, namesToPrefixSource, namesToRegexSource, namesToTrieData } from '../../../matching/matcher-variants';
import { isSeparatorUnit, nameFinder } from '../../../matching/name-finder';
import { FIXTURE_INDEX } from './fixture-index';

const dataset = JSON.parse(readFileSync('rules/data/chips.json', 'utf8')) as { id: string; names: string[]; needsContext?: string[] }[];
const DATASET_NAMES = listedNames({ version: 't', chips: dataset.map((c) => ({ id: c.id, names: c.names, needsContext: c.needsContext ?? [] })) }).names;

/** Every [start, end) the regex finds with the `g` flag, as the content script once ran it. */
function regexHits(source: string, text: string): number[] {
  const re = new RegExp(source, 'g');
  const out: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** The walker as the page builds it; `chars` is how many first characters its first pass checks. */
function finderOf(names: readonly string[], chars = 3) {
  return nameFinder(namesToTrieData(names), namesToPrefixSource(names, chars));
}

function walkerHits(names: readonly string[], text: string, chars = 3): number[] {
  const finder = finderOf(names, chars);
  const out: number[] = [];
  for (let s = finder.find(text, 0); s >= 0; s = finder.find(text, finder.end)) out.push(s, finder.end);
  return out;
}

const INDENTS = [' ', '\t', '\u00a0', '\u3000'];
const BREAKS = ['\n', '\r\n', '\r', '\f'];

/** A source line break with indentation either side, near the 40-unit limits the regex sets. */
const lineGap = fc
  .tuple(fc.integer({ min: 0, max: 42 }), fc.integer({ min: 0, max: 42 }), fc.constantFrom(...BREAKS), fc.constantFrom(...INDENTS))
  .map(([a, b, br, indent]) => `${indent.repeat(a)}${br}${indent.repeat(b)}`);

/** Spellings of a name as pages write them: other case, full width, separators, line breaks. */
function respell(name: string, how: number, gap: string): string {
  switch (how % 8) {
    case 0:
      return name;
    case 1:
      return name.toLowerCase();
    case 2:
      return name.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 3:
      return name.replace(/(?<=[A-Za-z])(?=[0-9])/g, '-');
    case 4:
      return name.replace(/ /g, gap);
    case 5:
      return name.replace(/ /g, '\u00a0 \u2011');
    case 6:
      return name.replace(/(?<=[A-Za-z\u4e00-\u9fff])(?=[0-9])/, gap);
    default:
      return name.replace(/(?<=[A-Za-z])(?=[0-9])/, ' \r\n\t');
  }
}

const pieces = [' ', '  ', '   ', '    ', '-', '\u2011', '\n', '\r\n', '\f', '\t', '\u3000', 'x', 's', '0', '9', 'X', 'the ', '英伟达', '芯片', '，', '\u{1F600}', '\n\n', ' '.repeat(41)];

function textOf(names: readonly string[]) {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...names), fc.nat(), lineGap).map(([n, how, gap]) => respell(n, how, gap)) },
        { weight: 3, arbitrary: fc.constantFrom(...pieces) },
        // A name cut short or run on: where the trie's longest-first order and fallbacks decide.
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...names), fc.nat()).map(([n, k]) => n.slice(0, 1 + (k % n.length))) },
        { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
      ),
      { maxLength: 24 },
    )
    .map((a) => a.join(''));
}

describe.each([
  ['the real dataset', DATASET_NAMES],
  ['the matcher tests’ names', listedNames(FIXTURE_INDEX).names],
])('over %s', (_, names) => {
  const source = namesToRegexSource(names);

  test('the walker finds what the trie regex finds, at the same places', () => {
    let total = 0;
    fc.assert(
      // The first pass, however many characters it checks, only skips places no name starts at.
      fc.property(textOf(names), fc.integer({ min: 1, max: 6 }), (text, chars) => {
        const expected = regexHits(source, text);
        total += expected.length;
        expect(walkerHits(names, text, chars)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    expect(total).toBeGreaterThan(1000); // the texts do hold names, so the comparison ran
  });

  test('at() answers as the regex anchored at that position (flag y)', () => {
    const finder = finderOf(names);
    const sticky = new RegExp(source, 'y');
    fc.assert(
      fc.property(textOf(names), (text) => {
        for (let i = 0; i <= text.length; i++) {
          sticky.lastIndex = i;
          const m = sticky.exec(text);
          expect(finder.at(text, i)).toBe(m ? i + m[0].length : -1);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('every name in the list is found whole, written as listed', () => {
    for (const name of names) expect(walkerHits(names, ` ${name} `), name).toEqual(regexHits(source, ` ${name} `));
  });
});

test('the walker’s separators are exactly SEPARATOR_CLASS, unit by unit', () => {
  const re = new RegExp(`^${SEPARATOR_CLASS}$`);
  for (let c = 0; c < 0x10000; c++) expect(isSeparatorUnit(c), c.toString(16)).toBe(re.test(String.fromCharCode(c)));
});

test('names the dataset could hold but does not today: a leading hyphen, a character outside the BMP, one letter', () => {
  const names = ['-X1', 'A\u{20000}B', 'Q', 'Q7 Max', 'H20'];
  const source = namesToRegexSource(names);
  for (const text of ['a -X1 b', 'xA\u{20000}B', 'Q Q7 Max Q7\n  Max', '\u{20000}A\u{20000}BQ', 'H-20 H20 -X1-X1']) {
    expect(walkerHits(names, text), JSON.stringify(text)).toEqual(regexHits(source, text));
  }
});

test('no names: nothing is ever found', () => {
  const finder = finderOf([]);
  expect(finder.find('H20 anything', 0)).toBe(-1);
  expect(finder.at('H20', 0)).toBe(-1);
});

test('a name thousands of characters long is walked without overflowing the stack', () => {
  const long = 'AB1-'.repeat(400);
  const names = [long, 'H20'];
  expect(walkerHits(names, `x ${long} H20`)).toEqual(regexHits(namesToRegexSource(names), `x ${long} H20`));
});
