import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../../rules/card-model-builder';
import { Dataset } from '../../../rules/schema';
import { CHIPS, event, EVENTS, fixtureDataset, rawDataset } from './fixture-dataset';

const data = fixtureDataset();

describe('buildCardModel', () => {
  it('returns null for a chip the dataset does not have', () => {
    expect(buildCardModel(data, 'nvidia-h21', '2026-01-01', 'en')).toBeNull();
  });

  it('lists every destination in dataset order with its status in plain words', () => {
    const card = buildCardModel(data, 'nvidia-h20', '2025-09-01', 'en');
    expect(card?.destinations.map((d) => [d.destinationId, d.status, d.statusLabel])).toEqual([
      ['CN', 'licensed', 'Licence needed — being granted, with conditions'],
      ['AE', 'unknown', 'Unknown'],
      ['SA', 'unknown', 'Unknown'],
      ['OTHER', 'unknown', 'Unknown'],
    ]);
    const cn = card?.destinations[0];
    expect(cn).toMatchObject({ since: '2025-08-08', conditions: ['15% of revenue to the US government'] });
    expect(cn?.events[0]).toMatchObject({
      id: '2025-08-08-h20-licences', kind: 'licence-decision', kindLabel: 'Licence decision', title: 'Title 2025-08-08-h20-licences',
      sources: [{ title: 'A source', publisher: 'Pub', date: '2025-01-01', url: 'https://example.org/a', reliability: 'primary' }],
    });
    expect(cn?.watch.map((w) => [w.id, w.kindLabel])).toEqual([['2025-07-31-cac-summons', 'China-side measure']]);
  });

  it('localises labels, names, titles and conditions in Chinese', () => {
    const cn = buildCardModel(data, 'nvidia-h20', '2025-09-01', 'zh')?.destinations[0];
    expect(cn).toMatchObject({ destinationName: '中国', statusLabel: '需要许可证——正在发放，附带条件', conditions: ['15%收入上缴美国政府'] });
    expect(cn?.events[0]?.kindLabel).toBe('许可决定');
  });

  it('explains the 2023 and 2022 thresholds, 2023 first, then the 2025 bandwidth line and the 2026 window', () => {
    const card = buildCardModel(data, 'nvidia-h100', '2025-09-01', 'en');
    expect(card?.thresholds.map((t) => [t.regimeLabel, t.classification])).toEqual([
      ['ECCN 3A090 (Oct 2023 rule)', '3A090.a'],
      ['ECCN 3A090 (Oct 2022 rule)', '3A090'],
      ['April 2025 bandwidth line (letters to Nvidia, AMD, Intel; China)', 'inside'],
      ['January 2026 case-by-case window (91 FR 1684; China)', 'inside'],
    ]);
    expect(card?.thresholds[0]?.explanation).toBe('TPP 15,830 ≥ 4,800: 3A090.a, the top tier of controlled AI chips.');
    expect(card?.thresholds[0]?.tests[0]).toEqual({ label: 'TPP ≥ 4,800', met: true });
    expect(card?.thresholds[0]?.specs).toEqual([
      { label: 'TPP', value: '15,830', derived: false, unknown: false },
      { label: 'Performance density (PD)', value: '19.4', derived: false, unknown: false },
    ]);
  });

  it.each([
    ['nvidia-h20', 0, 'TPP 2,368 < 2,400 and PD 2.91 < 3.2: outside 3A090, so these thresholds alone do not require a licence.'],
    ['nvidia-a800', 1, 'I/O 400 GB/s < 600 GB/s: outside 3A090, so these thresholds alone do not require a licence.'],
    ['nvidia-b30a', 0, 'The figures are not published; sources record it as 3A090.a.'],
    ['amd-mi308', 0, 'The figures this test needs are not published, so the classification is unknown.'],
  ])('explains %s (threshold %i)', (chipId, i, sentence) => {
    expect(buildCardModel(data, chipId, '2025-09-01', 'en')?.thresholds[i]?.explanation).toBe(sentence);
  });

  it('shows a recorded classification when the figures are unknown, and marks the figures unknown', () => {
    const t = buildCardModel(data, 'nvidia-b30a', '2025-09-01', 'zh')?.thresholds[0];
    expect(t?.classification).toBe('3A090.a');
    expect(t?.specs[0]).toEqual({ label: 'TPP', value: '未知', derived: false, unknown: true });
  });

  it('carries unconfirmed confidence and the dataset’s version and disclaimer', () => {
    const d = fixtureDataset({
      events: [...EVENTS, event('2026-02-01-rumour', '2026-02-01', 'licence-decision', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'], status: 'licensed' }], {
        confidence: { level: 'reported', note: { en: 'One source', zh: '单一来源' } },
      })],
    });
    const card = buildCardModel(d, 'nvidia-h20', '2026-03-01', 'en');
    const reported = { level: 'reported', label: 'Reported, not confirmed', note: 'One source' };
    expect(card?.destinations[0]?.confidence).toEqual(reported);
    expect(card?.destinations[0]?.events[0]?.confidence).toEqual(reported);
    expect(buildCardModel(d, 'nvidia-h20', '2026-03-01', 'zh')?.destinations[0]?.confidence).toEqual({ level: 'reported', label: '据报道，未经证实', note: '单一来源' });
    expect(card).toMatchObject({ datasetVersion: '2026.11.29', asOf: '2026-11-29', disclaimer: 'Not legal advice.', date: '2026-03-01' });
  });

  it('does not throw on a minimal dataset with no events', () => {
    const d = Dataset.parse({ ...rawDataset(), events: [] });
    for (const c of d.chips) expect(() => buildCardModel(d, c.id, '2026-01-01', 'zh')).not.toThrow();
  });
});

describe('the lines that decide China licensing beside the 3A090 tiers', () => {
  it('the H20: inside the April 2025 bandwidth line, outside the 2026 window (not sold in the US)', () => {
    const card = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en');
    const [line, window] = card!.thresholds.slice(2);
    expect(line?.classification).toBe('inside');
    expect(line?.tests[0]).toEqual({ label: 'DRAM ≥ 1,400 GB/s', met: true });
    expect(window?.classification).toBe('outside');
    expect(window?.tests.find((t) => t.label === 'Sold in the US')?.met).toBe(false);
  });
});

describe('how fresh the card says its answer is', () => {
  const withChecks = () =>
    fixtureDataset({ chips: CHIPS.map((c) => (c.id === 'nvidia-h20' ? { ...c, checked: { CN: '2026-11-25', '*': '2026-10-01' } } : c)) });

  it('carries the dataset’s checked-through date, in words, with the version', () => {
    const en = buildCardModel(withChecks(), 'nvidia-h20', '2026-12-01', 'en')!;
    expect(en.checkedThrough).toBe('2026-11-20');
    expect(en.freshness).toBe('Sources checked through 2026-11-20 · data version 2026.11.29');
    expect(buildCardModel(withChecks(), 'nvidia-h20', '2026-12-01', 'zh')!.freshness).toBe('资料核查截至 2026-11-20 · 数据版本 2026.11.29');
  });

  it('gives each status the day it was last checked: its own destination, else *, else null', () => {
    const card = buildCardModel(withChecks(), 'nvidia-h20', '2026-12-01', 'en')!;
    const checked = Object.fromEntries(card.destinations.map((d) => [d.destinationId, d.checked]));
    expect(checked).toEqual({ CN: '2026-11-25', AE: '2026-10-01', SA: '2026-10-01', OTHER: '2026-10-01' });
    expect(buildCardModel(withChecks(), 'nvidia-h200', '2026-12-01', 'en')!.destinations.map((d) => d.checked)).toEqual([null, null, null, null]);
  });

  it('says newer changes may be missing only past 60 days after the checked-through date', () => {
    expect(buildCardModel(withChecks(), 'nvidia-h20', '2027-01-19', 'en')!.stale).toBeUndefined(); // 60 days
    expect(buildCardModel(withChecks(), 'nvidia-h20', '2027-01-20', 'en')!.stale).toBe('The sources reach only to 2026-11-20, 61 days ago: newer changes may be missing.');
    expect(buildCardModel(withChecks(), 'nvidia-h20', '2027-01-20', 'zh')!.stale).toBe('资料仅核查至 2026-11-20（61 天前），之后的变化可能未收录。');
  });

  it('without a checked-through date, shows the version only and never the review date as the facts’ date', () => {
    const d = Dataset.parse(rawDataset({ meta: { checkedThrough: undefined } }));
    const card = buildCardModel(d, 'nvidia-h20', '2026-12-01', 'en')!;
    expect(card.checkedThrough).toBeNull();
    expect(card.freshness).toBe('data version 2026.11.29');
    expect(card.stale).toBeUndefined();
  });
});

describe('then and now: the status on the article’s date beside today’s', () => {
  it('leads with both when they differ, in plain words and readable dates', () => {
    const card = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en', { articleDate: '2025-04-16' })!;
    expect(card.lead).toEqual({
      destinationId: 'CN',
      statusNow: 'licensed',
      thenDate: '2025-04-16',
      statusThen: 'denied',
      then: 'When this was published (16 Apr 2025): licence required, none granted.',
      now: 'Now: licences granted with conditions, since 8 Aug 2025.',
    });
    const zh = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'zh', { articleDate: '2025-04-16' })!.lead;
    expect([zh.then, zh.now]).toEqual(['本文发布时（2025年4月16日）：须获许可证，未予发放。', '现在：许可证附条件发放，自2025年8月8日起。']);
  });

  it('says it in one line when the status has not changed since the article', () => {
    const lead = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en', { articleDate: '2025-09-01' })!.lead;
    expect(lead).toEqual({
      destinationId: 'CN',
      statusNow: 'licensed',
      thenDate: '2025-09-01',
      statusThen: 'licensed',
      now: 'Same as when this was published (1 Sep 2025): licences granted with conditions, since 8 Aug 2025.',
    });
  });

  it.each([undefined, null, '2025-4-16', '16 April 2025', '2026-03-02'])('speaks of now only without a usable date (%s)', (articleDate) => {
    const lead = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en', { articleDate })!.lead;
    expect(lead).toEqual({ destinationId: 'CN', statusNow: 'licensed', now: 'Now: licences granted with conditions, since 8 Aug 2025.' });
  });
});

describe('the destination of interest', () => {
  it('is China by default and comes first', () => {
    const card = buildCardModel(data, 'nvidia-gb300', '2026-03-01', 'en')!;
    expect(card.focus).toBe('CN');
    expect(card.destinations[0]?.destinationId).toBe('CN');
  });

  it('can be another destination (or a country it covers), which then leads the card', () => {
    const card = buildCardModel(data, 'nvidia-gb300', '2026-03-01', 'en', { focus: 'AE' })!;
    expect(card.focus).toBe('AE');
    expect(card.destinations.map((d) => d.destinationId)).toEqual(['AE', 'CN', 'SA', 'OTHER']);
    expect(card.lead).toMatchObject({ destinationId: 'AE', statusNow: 'licensed' });
    expect(buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en', { focus: 'hk' })!.focus).toBe('CN');
  });
});

describe('why controlled, in words', () => {
  it('H20: below the 3A090 line, yet licence-only for China under the April 2025 bandwidth letters, with its figures', () => {
    const { reach } = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en')!;
    expect(reach.short).toBe('below the 3A090 line; a licence is needed for China under the April 2025 bandwidth letters');
    expect(reach.detail).toContain('DRAM 4,000 GB/s, against DRAM ≥ 1,400 GB/s');
    expect(buildCardModel(data, 'nvidia-h20', '2026-03-01', 'zh')!.reach.short).toBe('低于3A090门槛；但按2025年4月带宽通知函，对中国出口须获许可证');
  });

  it('H200 in 2026: top tier, and case by case for China under the January 2026 rule', () => {
    const { reach } = buildCardModel(data, 'nvidia-h200', '2026-03-01', 'en')!;
    expect(reach.short).toBe('in 3A090.a, the top tier; for China, reviewed case by case under the January 2026 rule');
    expect(reach.detail).toContain('TPP 15,830, against TPP < 21,000');
    expect(reach.detail).not.toContain('against Sold in the US');
  });

  it('carries the card’s words and the glossary in the reader’s language', () => {
    const zh = buildCardModel(data, 'nvidia-h20', '2026-03-01', 'zh')!;
    expect(zh.words.whyControlled).toBe('为何受管制');
    expect(zh.glossary.map((g) => g.term)).toContain('推定拒绝');
    expect(buildCardModel(data, 'nvidia-h20', '2026-03-01', 'en')!.glossary.find((g) => g.term === 'TPP')?.gloss).toMatch(/Total processing performance/);
  });
});
