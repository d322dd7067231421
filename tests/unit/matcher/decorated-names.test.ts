// Vendor-prefixed and generic-suffixed aliases help lookups, but a mark covers the chip name only.
import { describe, expect, test } from 'vitest';
import { compileMatcher } from '../../../rules/matcher';

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
