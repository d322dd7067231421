// Assertions on the shipped data (rules/data) that follow from the sourced history in
// the project's sourced fact sheet (§2–4); a chip missing from the data fails its checks.
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../../rules/card-model-builder';
import { loadDataFolder } from '../../../rules/commands/check';
import { findChip } from '../../../rules/lookup';
import type { Dataset } from '../../../rules/schema';
import { resolveStatus } from '../../../rules/status';
import { bandwidthLine, caseByCaseWindow, classify2022, classify2023, figuresOf } from '../../../rules/thresholds';

const loaded = loadDataFolder();

describe('rules/data', () => {
  it('parses and passes every integrity check', () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
  });

  const data = loaded.ok ? loaded.dataset : (undefined as unknown as Dataset);
  const chip = (id: string) => {
    const found = data.chips.find((c) => c.id === id);
    if (!found) throw new Error(`rules/data has no chip "${id}"`);
    return found;
  };

  it('finds every chip by each of its names and by its id', () => {
    for (const c of data.chips) for (const q of [...c.names, c.id]) expect(findChip(data, q)?.id, q).toBe(c.id);
  });

  it('builds a card for every chip, in both languages, on dates across the history', () => {
    for (const c of data.chips) {
      for (const date of ['2022-01-01', '2023-12-01', '2025-05-01', '2026-02-01', data.meta.asOf]) {
        for (const lang of ['en', 'zh'] as const) {
          const card = buildCardModel(data, c.id, date, lang);
          expect(card?.destinations[0]?.destinationId).toBe('CN');
        }
      }
    }
  });

  it('H20: TPP 2,368 is below 3A090 (2023) but inside the April-2025 bandwidth line', () => {
    const f = figuresOf(chip('nvidia-h20'));
    expect(f.tpp).toBe(2368);
    expect(classify2023(f).code).toBe('not-3A090');
    expect(bandwidthLine(f).met).toBe(true);
  });

  it('H20 to China: no licence in 2024, denied from 2025-04-09, licensed from about 2025-08', () => {
    expect(resolveStatus(data, 'nvidia-h20', 'CN', '2024-06-01').status).toBe('not-controlled');
    expect(resolveStatus(data, 'nvidia-h20', 'CN', '2025-05-01').status).toBe('denied');
    expect(resolveStatus(data, 'nvidia-h20', 'HK', '2025-09-01').status).toBe('licensed');
  });

  it('H200: 3A090.a, inside the Jan-2026 window; denied before, case-by-case after', () => {
    const f = figuresOf(chip('nvidia-h200'));
    expect(classify2023(f).code).toBe('3A090.a');
    expect(caseByCaseWindow(f, chip('nvidia-h200').soldInUS).met).toBe(true);
    expect(resolveStatus(data, 'nvidia-h200', 'CN', '2025-06-01').status).toBe('denied');
    expect(resolveStatus(data, 'nvidia-h200', 'CN', '2026-02-01').status).toBe('case-by-case');
  });

  it('H100: TPP ≈ 15,830 and PD 19.4 → 3A090.a; I/O 900 ≥ 600 → 3A090 in 2022', () => {
    const f = figuresOf(chip('nvidia-h100'));
    expect(classify2023(f).code).toBe('3A090.a');
    expect(classify2022(f).code).toBe('3A090');
  });

  it('GB300: not allowed to China; licensed to Saudi Arabia after 2025-11-19', () => {
    expect(resolveStatus(data, 'nvidia-gb300', 'CN', '2026-02-01').status).toBe('denied');
    expect(resolveStatus(data, 'nvidia-gb300', 'SA', '2025-12-01').status).toBe('licensed');
  });

  it('B30A: no US approval for China', () => {
    expect(resolveStatus(data, 'nvidia-b30a', 'CN', data.meta.asOf).status).toBe('denied');
  });
});
