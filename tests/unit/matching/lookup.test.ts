import { describe, expect, it, test } from 'vitest';
import { closeNames, findChip, searchChips } from '../../../matching/lookup';
import { fixtureDataset } from '../rules/fixture-dataset';

const data = fixtureDataset();

describe('findChip', () => {
  it.each([
    ['H20', 'nvidia-h20'],
    ['h20', 'nvidia-h20'],
    ['H-20', 'nvidia-h20'],
    ['H 20', 'nvidia-h20'],
    ['ｈ２０', 'nvidia-h20'],
    ['Nvidia H20', 'nvidia-h20'],
    ['NVIDIA’s H20', 'nvidia-h20'],
    ["Nvidia's H20", 'nvidia-h20'],
    ['英伟达H20', 'nvidia-h20'],
    ['英伟达的H20芯片', 'nvidia-h20'],
    ['nvidia-h20', 'nvidia-h20'],
    ['HGX H20', 'nvidia-h20'],
    ['H200', 'nvidia-h200'],
    ['H200 GPU', 'nvidia-h200'],
    ['MI308X', 'amd-mi308'],
    ['Instinct MI308X', 'amd-mi308'],
    ['AMD Instinct MI308X', 'amd-mi308'],
    ['amd mi308', 'amd-mi308'],
    ['GB300 NVL72', 'nvidia-gb300'],
  ])('%s → %s', (query, id) => {
    expect(findChip(data, query)?.id).toBe(id);
  });

  it.each(['H21', '', '  ', 'Nvidia', 'H2'])('finds nothing for %j', (query) => {
    expect(findChip(data, query)).toBeNull();
  });
});

describe('searchChips', () => {
  it('puts the exact match first, then prefix matches, in dataset order', () => {
    expect(searchChips(data, 'H20').map((c) => c.id)).toEqual(['nvidia-h20', 'nvidia-h200']);
    expect(searchChips(data, 'h').map((c) => c.id)).toEqual(['nvidia-h100', 'nvidia-h800', 'nvidia-h20', 'nvidia-h200']);
  });
  it('matches inside names and respects the limit', () => {
    expect(searchChips(data, '308').map((c) => c.id)).toEqual(['amd-mi308']);
    expect(searchChips(data, '80').map((c) => c.id)).toEqual(['nvidia-a800', 'nvidia-h800']);
    expect(searchChips(data, 'Nvidia H2').map((c) => c.id)).toEqual(['nvidia-h20', 'nvidia-h200']);
    expect(searchChips(data, 'h', 2)).toHaveLength(2);
    expect(searchChips(data, '')).toEqual([]);
  });
});

describe('closeNames', () => {
  it('suggests names near a typo', () => {
    expect(closeNames(data, 'H21')).toContain('H20');
    expect(closeNames(data, 'zzzzzz')).toEqual([]);
  });
});

describe('lookup with plurals and generic words after the name', () => {
  test.each([
    ['H20 chips', 'nvidia-h20'],
    ['H20s', 'nvidia-h20'],
    ["H20's", 'nvidia-h20'],
    ['H200 GPUs', 'nvidia-h200'],
    ['MI308 accelerators', 'amd-mi308'],
  ])('%s → %s', async (query, id) => {
    const { loadDataFolder } = await import('../../../rules/cli/commands/check');
    const loaded = loadDataFolder();
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(findChip(loaded.dataset, query)?.id).toBe(id);
  });
});

describe('one vendor-word list and one normal form with the matcher (issues #13, #14)', () => {
  test.each([
    ['輝達H20', 'nvidia-h20'],
    ['輝達的H20', 'nvidia-h20'],
    ['辉达H20', 'nvidia-h20'],
    ['英偉達 H20 晶片', 'nvidia-h20'],
    ['MI\u2011308X', 'amd-mi308'],
    ['MI\u2212308', 'amd-mi308'],
    ['H\u202f200', 'nvidia-h200'],
  ])('%s → %s', (query, id) => {
    expect(findChip(data, query)?.id).toBe(id);
  });
});

describe('a series written without its letter', () => {
  test.each([
    ['MI350', 'amd-mi355x'], // MI350X; the data may also list MI350 itself
    ['AMD MI350', 'amd-mi355x'],
    ['MI325', 'amd-mi325x'], // "MI325 products" in AMD's filings
    ['MI300', 'amd-mi300x'],
  ])('%s → %s', async (query, id) => {
    const { loadDataFolder } = await import('../../../rules/cli/commands/check');
    const loaded = loadDataFolder();
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(findChip(loaded.dataset, query)?.id).toBe(id);
  });

  test('finds nothing where the letter tells chips apart, and suggests them', () => {
    const base = data.chips[0]!;
    const ascend = (letter: string) => ({ ...base, id: `huawei-ascend-910${letter}`, vendor: 'Huawei', name: `Ascend 910${letter.toUpperCase()}`, names: [`Ascend 910${letter.toUpperCase()}`] });
    const withAscends = { ...data, chips: [...data.chips, ascend('b'), ascend('c')] };
    expect(findChip(withAscends, 'Ascend 910')).toBeNull();
    expect(closeNames(withAscends, 'Ascend 910')).toEqual(['Ascend 910B', 'Ascend 910C']);
    expect(findChip(withAscends, 'Ascend 910C')?.id).toBe('huawei-ascend-910c');
    expect(findChip(data, 'MI30')).toBeNull(); // two characters short is not a series
  });
});
