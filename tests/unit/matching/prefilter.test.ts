// The cheap pre-test must not hide names without digits, nor let every text through.
import { expect, test } from 'vitest';
import { compileMatcher } from '../../../matching/matcher';

const matcher = compileMatcher({
  version: 't',
  chips: [
    { id: 'nvidia-gh200', names: ['GH200', 'Grace Hopper', 'Grace Hopper Superchip'], needsContext: ['Grace Hopper'] },
    { id: 'nvidia-b300', names: ['B300', 'Blackwell Ultra'], needsContext: [] },
  ],
});

test('names without a digit are still found', () => {
  expect(matcher.scan('Nvidia ships Blackwell Ultra systems').map((m) => m.text)).toEqual(['Blackwell Ultra']);
  expect(matcher.scan('The Grace Hopper Superchip pairs a CPU and a GPU').map((m) => m.text)).toEqual(['Grace Hopper Superchip']);
});

test('a name that is also a person needs chip context', () => {
  expect(matcher.scan('Grace Hopper wrote the first compiler.')).toEqual([]);
  expect(matcher.scan('Nvidia’s Grace Hopper chip').map((m) => m.text)).toEqual(['Grace Hopper']);
});

test('strict scans report only names that need no context', () => {
  const m = compileMatcher({
    version: 't',
    chips: [
      { id: 'nvidia-h20', names: ['H20'], needsContext: [] },
      { id: 'nvidia-rtx-pro-6000d', names: ['RTX Pro 6000D', 'B40'], needsContext: ['B40'] },
    ],
  });
  expect(m.scan('Budget 2026: AI grants for B40 households')).toEqual([]);
  expect(m.scan('B40 chips', { strict: true })).toEqual([]);
  expect(m.scan('B40 chips').map((x) => x.text)).toEqual(['B40']);
  expect(m.scan('H20 and B40 chips', { strict: true }).map((x) => x.text)).toEqual(['H20']);
});
