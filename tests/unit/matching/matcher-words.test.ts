// One list of vendor and generic words for the matcher and the lookup (issue #14).
import { describe, expect, test } from 'vitest';
import { hasContextWord } from '../../../matching/matcher-context';
import { GENERIC_WORDS, VENDOR_SPELLINGS, VENDOR_WORDS } from '../../../matching/matcher-words';
import { findChip } from '../../../matching/lookup';
import { compileMatcher } from '../../../matching/matcher';
import { buildMatcherIndex } from '../../../matching/matcher-index';
import { nameKey } from '../../../matching/name-key';
import { chipsInGroup } from '../../../matching/suggest';
import { loadDataFolder } from '../../../rules/cli/commands/check';
import { fixtureDataset } from '../rules/fixture-dataset';

const data = fixtureDataset();
const matcher = compileMatcher({ version: 't', chips: [{ id: 'nvidia-h20', names: ['H20'], needsContext: [] }, { id: 'nvidia-b40', names: ['B40'], needsContext: ['B40'] }] });

// As pages write them: "amd" and "intel" are context only in capitals ("intel" = intelligence).
const onPage = (word: string) => ({ amd: 'AMD', intel: 'Intel' })[word] ?? word;

test.each(VENDOR_WORDS)('the vendor word %s is chip context on a page', (word) => {
  expect(hasContextWord(`${onPage(word)} said`)).toBe(true);
  expect(matcher.scan(`${onPage(word)} B40`).map((m) => m.text)).toEqual(['B40']);
});

test.each(VENDOR_WORDS)('lookup finds H20 after the vendor word %s', (word) => {
  expect(findChip(data, `${word} H20`)?.id).toBe('nvidia-h20');
});

test.each(GENERIC_WORDS)('lookup finds H20 before the generic word %s', (word) => {
  expect(findChip(data, `H20 ${word}`)?.id).toBe('nvidia-h20');
});

test.each(GENERIC_WORDS)('the generic word %s is chip context on a page', (word) => {
  expect(hasContextWord(`the ${word.toUpperCase()} said`)).toBe(true);
});

describe('the popup finds every vendor form the page marks (one vendor list: matching/matcher-words.ts)', () => {
  const loaded = loadDataFolder();
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const real = loaded.dataset;
  const page = compileMatcher(buildMatcherIndex(real));
  const cjk = (word: string) => !/^[a-z]/.test(word);
  // Each vendor spelling before each name of that vendor's chips, as a page writes it: Latin
  // spellings capitalised with a space, CJK ones without (英伟达H20, 輝達H20).
  const forms = Object.entries(VENDOR_SPELLINGS).flatMap(([vendor, spellings]) =>
    real.chips
      .filter((c) => nameKey(c.vendor) === vendor)
      .flatMap((c) => c.names.flatMap((name) => spellings.map((word) => ({ chipId: c.id, text: cjk(word) ? `${word}${name}` : `${onPage(word === 'nvidia' ? 'Nvidia' : word)} ${name}` })))),
  );

  test('every vendor has chips in the real dataset', () => {
    for (const vendor of Object.keys(VENDOR_SPELLINGS)) expect(real.chips.some((c) => nameKey(c.vendor) === vendor), vendor).toBe(true);
  });

  test('where the page marks a chip after a vendor word, the lookup finds that chip', () => {
    const missed: string[] = [];
    let marked = 0;
    for (const { chipId, text } of forms) {
      const marks = page.scan(text, { context: true });
      if (!marks.some((m) => m.chipId === chipId)) continue;
      marked++;
      if (findChip(real, text)?.id !== chipId) missed.push(text);
    }
    expect(marked).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });

  test.each(Object.entries(VENDOR_SPELLINGS).flatMap(([vendor, spellings]) => spellings.map((word) => [word, vendor])))(
    '%s alone lists the chips of %s',
    (word, vendor) => {
      const theirs = real.chips.filter((c) => nameKey(c.vendor) === vendor).map((c) => c.id);
      expect(chipsInGroup(real, word).map((c) => c.id)).toEqual(theirs);
    },
  );
});
