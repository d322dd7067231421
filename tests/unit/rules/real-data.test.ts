// Assertions on the shipped data (rules/data) that follow from the sourced history in
// the project's sourced fact sheet (§2–4); a chip missing from the data fails its checks.
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../../rules/card-model-builder';
import { loadDataFolder } from '../../../rules/cli/commands/check';
import { findChip } from '../../../matching/lookup';
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

// The data role's status review of 2026-12-07 (.tmp/research/status-review.md, "Unit-test-ready
// facts"): each status on its date, and a source the controlling events cite for it. A fact
// without a source id is a documented gap (no US rule decides it): its status is `unknown`.
describe('statuses re-checked on 2026-12-07, each with its source', () => {
  const data = loaded.ok ? loaded.dataset : (undefined as unknown as Dataset);
  const FACTS: [chip: string, asked: string, date: string, status: string, source: string | null][] = [
    ['nvidia-a100', 'CN', '2022-06-01', 'not-controlled', 'ecfr-15-cfr-774'],
    ['nvidia-a100', 'CN', '2022-09-01', 'case-by-case', 'nvidia-8k-2022-08-31'],
    ['nvidia-a100', 'CN', '2022-10-07', 'denied', 'fr-2022-21658'],
    ['nvidia-a100', 'RU', '2022-01-01', 'not-controlled', 'ecfr-15-cfr-738'],
    ['nvidia-a100', 'RU', '2022-03-01', 'denied', 'fr-2022-04300'],
    ['nvidia-a100', 'IR', '2021-01-01', 'denied', 'bis-ear-746-1'],
    ['nvidia-a100', 'SY', '2021-01-01', 'denied', 'bis-ear-746-1'],
    ['nvidia-a100', 'AE', '2021-06-01', 'not-controlled', 'ecfr-15-cfr-738'],
    ['nvidia-h100', 'OTHER', '2022-06-01', 'not-controlled', 'ecfr-15-cfr-774'],
    ['intel-gaudi-2', 'CN', '2022-06-01', 'not-controlled', 'ecfr-15-cfr-774'],
    ['amd-mi250x', 'CN', '2022-01-01', 'not-controlled', 'ecfr-15-cfr-774'],
    ['amd-mi300x', 'CN', '2023-08-01', 'unknown', null],
    ['huawei-ascend-910b', 'CN', '2026-12-07', 'unknown', null],
    ['huawei-ascend-910c', 'OTHER', '2026-12-07', 'unknown', null],
    ['nvidia-h200', 'CN', '2025-12-20', 'denied', 'fr-2023-23055'],
    ['nvidia-h200', 'CN', '2026-01-14', 'denied', 'fr-2023-23055'],
    ['nvidia-h200', 'CN', '2026-01-15', 'case-by-case', 'fr-2026-00789'],
    ['nvidia-h200', 'CN', '2026-05-13', 'case-by-case', 'fr-2026-00789'],
    ['nvidia-h200', 'CN', '2026-05-14', 'licensed', 'reuters-2026-05-14-h200-ten-firms'],
    ['nvidia-h200', 'CN', '2026-12-07', 'licensed', 'nvda-10q-2026-07-26'],
    ['nvidia-h200', 'HK', '2026-09-01', 'licensed', 'cnbc-2026-07-14-kessler-h200'],
    ['amd-mi325x', 'CN', '2026-01-20', 'case-by-case', 'fr-2026-00789'],
    ['amd-mi325x', 'CN', '2026-03-01', 'licensed', 'amd-10q-2026-03-28'],
    ['amd-mi325x', 'CN', '2026-12-07', 'licensed', 'amd-10q-2026-06-27'],
    ['amd-mi308', 'CN', '2025-08-01', 'case-by-case', 'outpost-2025-07-mi308-resume'],
    ['amd-mi308', 'CN', '2025-09-03', 'licensed', 'fudzilla-2025-09-04-mi308'],
    ['amd-mi308', 'CN', '2025-12-31', 'licensed', 'amd-10q-2026-06-27'],
    ['nvidia-h20', 'CN', '2025-05-01', 'denied', 'nvidia-8k-2025-04-15'],
    ['nvidia-h20', 'CN', '2026-12-07', 'licensed', 'nvda-10q-2026-07-26'],
    ['nvidia-h20', 'D5', '2026-12-07', 'case-by-case', 'nvidia-8k-2025-04-15'],
    ['nvidia-b30a', 'CN', '2026-12-07', 'denied', 'wion-2025-12-09-h200'],
    ['nvidia-b200', 'CN', '2026-12-07', 'denied', 'fr-2023-23055'],
    ['nvidia-gb300', 'CN', '2026-12-07', 'denied', 'semiwiki-2025-11-02-60-minutes'],
    ['nvidia-gb300', 'AE', '2026-12-07', 'licensed', 'fr-2026-14132'],
    ['nvidia-b200', 'AE', '2026-07-09', 'case-by-case', 'fr-2023-23055'],
    ['nvidia-b200', 'AE', '2026-07-10', 'licensed', 'fr-2026-14132'],
    ['nvidia-gb300', 'SA', '2026-12-07', 'licensed', 'fudzilla-2025-11-20-g42-humain'],
    ['nvidia-b200', 'SA', '2026-12-07', 'case-by-case', 'fr-2023-23055'],
    ['nvidia-rtx-pro-6000d', 'CN', '2026-12-07', 'not-controlled', 'fr-2023-23055'],
    ['nvidia-l20', 'CN', '2026-12-07', 'not-controlled', 'fr-2023-23055'],
    ['nvidia-h100', 'CN', '2026-12-07', 'case-by-case', 'fr-2026-00789'],
    ['intel-gaudi-3', 'CN', '2026-12-07', 'denied', 'fr-2023-23055'],
    ['nvidia-h200', 'OTHER', '2026-12-07', 'not-controlled', 'fr-2023-23055'],
    ['nvidia-h200', 'SY', '2026-12-07', 'case-by-case', 'fr-2025-16724'],
  ];

  it.each(FACTS)('%s → %s on %s: %s (%s)', (chipId, asked, date, status, source) => {
    const r = resolveStatus(data, chipId, asked, date);
    expect(r.status).toBe(status);
    if (source === null) expect(r.events).toEqual([]);
    else expect(r.events.flatMap((e) => e.sources)).toContain(source);
  });

  it('"MI350" is the MI350 series on the MI355X record: denied for China', () => {
    const found = findChip(data, 'MI350');
    expect(found?.id).toBe('amd-mi355x');
    const r = resolveStatus(data, 'amd-mi355x', 'CN', '2026-12-07');
    expect(r.status).toBe('denied');
    expect(r.events.flatMap((e) => e.sources)).toContain('fr-2023-23055');
  });

  it('the sources reach to meta.checkedThrough (2026-10-09) and no further; the card says so, and warns after 60 days', () => {
    expect(data.meta.checkedThrough).toBe('2026-10-09');
    expect(data.sources.every((s) => s.date <= data.meta.checkedThrough!)).toBe(true);
    const on = (date: string) => buildCardModel(data, 'nvidia-h200', date, 'en')!;
    expect(on('2026-12-08').freshness).toMatch(/^Sources checked through 2026-10-09 · data version /);
    expect(on('2026-12-08').stale).toBeUndefined(); // 60 days
    expect(on('2026-12-09').stale).toBe('The sources reach only to 2026-10-09, 61 days ago: newer changes may be missing.');
  });

  it('lookup --json for H200 → CN carries the dataset’s checkedThrough and the status’s last check', () => {
    const view = buildCardModel(data, 'nvidia-h200', '2026-12-07', 'en')!.destinations.find((d) => d.destinationId === 'CN')!;
    const { checked } = data.chips.find((c) => c.id === 'nvidia-h200')!;
    expect(view.checked).toBe(checked.CN ?? checked['*']);
    expect(view.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
