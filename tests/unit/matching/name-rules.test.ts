// A name must look like a chip name before every page marks it (issue #17): a model code or a
// reviewed name, never a common word, within limits. checkChipNames is the integrity check's.
import { describe, expect, test } from 'vitest';
import { loadDataFolder } from '../../../rules/cli/commands/check';
import { NAME_LIMITS, checkChipNames, nameProblem } from '../../../matching/name-rules';

const chip = (names: string[], needsContext: string[] = []) => ({ id: 'nvidia-h20', names: ['H20', ...names], needsContext });

test('the shipped dataset passes', () => {
  const loaded = loadDataFolder();
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  expect(checkChipNames(loaded.dataset.chips)).toEqual([]);
});

describe('refused: stop words, vendors and generic words, English and Chinese', () => {
  test.each(['the', 'and', 'of', 'a', 'in', 'to', 'for', 'The', 'chip', 'chips', 'GPU', 'Nvidia', 'NVIDIA', 'AMD', 'Huawei', '的', '芯片', '英伟达', '輝達', '华为', '显卡', '出口'])('%j', (name) => {
    expect(checkChipNames([chip([name])])).toEqual([
      `chip nvidia-h20: name ${JSON.stringify(name)} is a common word, a vendor or an everyday code, which every page is full of`,
    ]);
  });

  test.each(['5G', 'G20', 'COVID-19', 'F-35', 'Q3', 'H2O'])('everyday codes with digits: %j', (name) => {
    expect(checkChipNames([chip([name])])).toHaveLength(1);
  });
});

describe('a name without a digit', () => {
  test('is refused unless reviewed or marked only with chip context', () => {
    expect(checkChipNames([chip(['Hopper'])])[0]).toMatch(/^chip nvidia-h20: name "Hopper" has no digit, is not on the reviewed list/);
    expect(checkChipNames([chip(['Grace Hopper'])])).toEqual([]);
    expect(checkChipNames([chip(['Rubin'], ['Rubin'])])).toEqual([]);
  });

  test('a lookup form of an accepted name is judged as that name', () => {
    expect(checkChipNames([chip(['Rubin', 'NVIDIA Rubin', 'Rubin GPU', '輝達Rubin'], ['Rubin'])])).toEqual([]);
    expect(checkChipNames([chip(['NVIDIA Hopper'])])).toHaveLength(1);
  });

  test('a Chinese numeral counts as a digit (深算三号)', () => {
    expect(nameProblem('深算三号')).toBeNull();
  });
});

describe('limits', () => {
  test('length, white space, bare numbers and very short names', () => {
    expect(nameProblem('X1'.repeat(33))).toBe(`is 66 characters long; a name has at most ${NAME_LIMITS.maxLength}`);
    expect(nameProblem(' H20')).toBe('starts or ends with white space');
    expect(nameProblem('2025')).toBe('is only a number');
    expect(nameProblem('X9')).toBe('is shorter than 3 characters');
    expect(nameProblem('H20')).toBeNull();
  });

  test('a message quotes a long name by its start', () => {
    expect(checkChipNames([chip(['AB1-'.repeat(250)])])).toEqual([
      `chip nvidia-h20: name "${'AB1-'.repeat(10)}… (1000 characters)" is 1000 characters long; a name has at most 64`,
    ]);
  });

  test('names per chip and in all', () => {
    const many = Array.from({ length: NAME_LIMITS.maxPerChip }, (_, i) => `H${i + 100}X`);
    expect(checkChipNames([chip(many)])).toEqual([`chip nvidia-h20: ${NAME_LIMITS.maxPerChip + 1} names; a chip has at most ${NAME_LIMITS.maxPerChip}`]);
    const chips = Array.from({ length: 40 }, (_, c) => ({ id: `x-${c}`, names: Array.from({ length: 30 }, (_, i) => `Z${c}X${i}`) }));
    expect(checkChipNames(chips)).toEqual([`1200 chip names in all; the dataset has at most ${NAME_LIMITS.maxTotal}`]);
  });
});
