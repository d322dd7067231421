// The cheap pre-test must not hide names without digits, nor let every text through.
import { expect, test } from 'vitest';
import { compileMatcher } from '../../../rules/matcher';

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
