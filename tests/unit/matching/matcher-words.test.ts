// One list of vendor and generic words for the matcher and the lookup (issue #14).
import { expect, test } from 'vitest';
import { hasContextWord } from '../../../matching/matcher-context';
import { GENERIC_WORDS, VENDOR_WORDS } from '../../../matching/matcher-words';
import { findChip } from '../../../matching/lookup';
import { compileMatcher } from '../../../matching/matcher';
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
