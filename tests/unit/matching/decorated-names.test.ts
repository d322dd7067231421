// Vendor-prefixed and generic-suffixed aliases help lookups, but a mark covers the chip name only.
import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../matching/matcher';

const matcher = compileMatcher({
  version: 't',
  chips: [
    { id: 'nvidia-h20', names: ['H20', 'NVIDIA H20', '英伟达H20', 'H20芯片'], needsContext: [] },
    { id: 'nvidia-h200', names: ['H200', '英伟达H200'], needsContext: [] },
  ],
});

describe('decorated aliases', () => {
  test.each([
    ['英伟达的H200芯片', 'H200', 4],
    ['英伟达H20芯片', 'H20', 3],
    ['Nvidia H20 sales', 'H20', 7],
    ['NVIDIA H20', 'H20', 7],
  ])('%s marks only %s', (text, name, start) => {
    expect(matcher.scan(text)).toEqual([{ chipId: name === 'H20' ? 'nvidia-h20' : 'nvidia-h200', text: name, start, end: start + name.length }]);
  });
});

test('a listed spaced spelling wins over a shorter name ("RTX 5090 D" is the 5090D, not the 5090)', () => {
  const m = compileMatcher({
    version: 't',
    chips: [
      { id: 'nvidia-rtx-5090', names: ['RTX 5090'], needsContext: [] },
      { id: 'nvidia-rtx-5090d', names: ['RTX 5090D', 'RTX 5090 D'], needsContext: [] },
    ],
  });
  expect(m.scan('the RTX 5090 D and the RTX 5090D, not the RTX 5090').map((x) => [x.chipId, x.text])).toEqual([
    ['nvidia-rtx-5090d', 'RTX 5090 D'],
    ['nvidia-rtx-5090d', 'RTX 5090D'],
    ['nvidia-rtx-5090', 'RTX 5090'],
  ]);
});
