// The card's text and the CLI's, word for word in both languages: every phrase the one table of UI
// words (rules/ui-words.ts) holds for the card model and the CLI, as the reader sees it assembled.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { CardModel } from '../../../rules/card-model';
import { buildCardModel } from '../../../rules/card-model-builder';
import { runLookup } from '../../../rules/cli/commands/lookup';
import { fixtureDataset, rawDataset } from './fixture-dataset';

const data = fixtureDataset();

/** What the card shows in sentences: the lead, why controlled, the thresholds with their specs, the footer. */
function cardText(m: CardModel | null) {
  if (!m) return null;
  return {
    lead: [m.lead.then, m.lead.now].filter(Boolean),
    reach: [m.reach.short, m.reach.detail].filter(Boolean),
    thresholds: m.thresholds.map((t) => `${t.regimeLabel}: ${t.classification}. ${t.explanation} [${t.specs.map((s) => `${s.label} ${s.value}`).join(' | ')}]`),
    footer: [m.freshness, m.stale].filter(Boolean),
  };
}

describe('the card text, word for word', () => {
  it('zh: H20 after the August 2025 licences, on an April 2025 article: both days, the bandwidth line', () => {
    expect(cardText(buildCardModel(data, 'nvidia-h20', '2025-09-01', 'zh', { articleDate: '2025-04-16' }))).toEqual({
      lead: [
        '本文发布时（2025年4月16日）：须获许可证，未予发放。',
        '现在：许可证附条件发放，自2025年8月8日起。',
      ],
      reach: [
        '低于3A090门槛；但按2025年4月带宽通知函，对中国出口须获许可证',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）适用于此芯片：DRAM 4,000 GB/s（门槛 DRAM ≥ 1,400 GB/s）；DRAM + I/O 4,900 GB/s（门槛 DRAM + I/O ≥ 1,700 GB/s）。',
      ],
      thresholds: [
        'ECCN 3A090（2023年10月规则）: not-3A090. TPP 2,368 < 2,400 且 PD 2.91 < 3.2：不在3A090范围内，仅凭这些门槛无需许可证。 [TPP 2,368 | 性能密度 (PD) 2.91]',
        'ECCN 3A090（2022年10月规则）: not-3A090. TPP 2,368 < 4,800：不在3A090范围内，仅凭这些门槛无需许可证。 [TPP 2,368 | 芯片间 I/O 900 GB/s]',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 在内. 在线内：2025年4月的通知函要求此类带宽的芯片对华出口须获许可证。 [显存带宽 4,000 GB/s | 芯片间 I/O 900 GB/s]',
        '2026年1月逐案审查窗口（91 FR 1684；中国）: 不在内. 不在窗口内；该窗口仅涵盖在美国销售、TPP低于21,000且显存带宽低于6,500 GB/s的芯片。 [TPP 2,368 | 显存带宽 4,000 GB/s]',
      ],
      footer: [
        '资料核查截至 2026-11-20 · 数据版本 2026.11.29',
      ],
    });
  });

  it('zh: H200 in the 2026 case-by-case window, status unchanged since the article', () => {
    expect(cardText(buildCardModel(data, 'nvidia-h200', '2026-02-01', 'zh', { articleDate: '2026-01-20' }))).toEqual({
      lead: [
        '与本文发布时（2026年1月20日）相同：须获许可证，逐案审查，自2026年1月15日起。',
      ],
      reach: [
        '属3A090.a最高一档；按2026年1月规则，对中国逐案审查',
        '2026年1月逐案审查窗口（91 FR 1684；中国）适用于此芯片：TPP 15,830（门槛 TPP < 21,000）；DRAM 4,800 GB/s（门槛 DRAM < 6,500 GB/s）；在美国销售。',
      ],
      thresholds: [
        'ECCN 3A090（2023年10月规则）: 3A090.a. TPP 15,830 ≥ 4,800：属3A090.a，即受管制AI芯片的最高一档。 [TPP 15,830 | 性能密度 (PD) 19.4]',
        'ECCN 3A090（2022年10月规则）: 3A090. TPP 15,830 ≥ 4,800 且 I/O 900 GB/s ≥ 600 GB/s：按2022年规则属3A090管制范围。 [TPP 15,830 | 芯片间 I/O 900 GB/s]',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 在内. 在线内：2025年4月的通知函要求此类带宽的芯片对华出口须获许可证。 [显存带宽 4,800 GB/s | 芯片间 I/O 900 GB/s]',
        '2026年1月逐案审查窗口（91 FR 1684；中国）: 在内. 在窗口内：若出口商满足规则条件，对华许可申请逐案审查。 [TPP 15,830 | 显存带宽 4,800 GB/s]',
      ],
      footer: [
        '资料核查截至 2026-11-20 · 数据版本 2026.11.29',
      ],
    });
  });

  it('zh: MI308: no figures, no recorded tier; the rule that reaches it is an event', () => {
    expect(cardText(buildCardModel(data, 'amd-mi308', '2025-05-01', 'zh'))).toEqual({
      lead: [
        '现在：须获许可证，未予发放，自2025年4月9日起。',
      ],
      reach: [
        '相关数据未公布；对中国出口须获许可证：标题 2025-04-09-is-informed',
      ],
      thresholds: [
        'ECCN 3A090（2023年10月规则）: unknown. 判断所需的数据未公布，分类未知。 [TPP 未知 | 性能密度 (PD) 未知]',
        'ECCN 3A090（2022年10月规则）: unknown. 判断所需的数据未公布，分类未知。 [TPP 未知 | 芯片间 I/O 未知]',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 未知. 判断所需的数据未公布。 [显存带宽 未知 | 芯片间 I/O 未知]',
        '2026年1月逐案审查窗口（91 FR 1684；中国）: 不在内. 不在窗口内；该窗口仅涵盖在美国销售、TPP低于21,000且显存带宽低于6,500 GB/s的芯片。 [TPP 未知 | 显存带宽 未知]',
      ],
      footer: [
        '资料核查截至 2026-11-20 · 数据版本 2026.11.29',
      ],
    });
  });

  it('zh: B30A: no figures, the tier the sources record', () => {
    expect(cardText(buildCardModel(data, 'nvidia-b30a', '2025-09-01', 'zh'))).toEqual({
      lead: [
        '现在：须获许可证，未予发放，自2025年8月19日起。',
      ],
      reach: [
        '属3A090.a最高一档',
      ],
      thresholds: [
        'ECCN 3A090（2023年10月规则）: 3A090.a. 相关数据未公布；来源记载为3A090.a。 [TPP 未知 | 性能密度 (PD) 未知]',
        'ECCN 3A090（2022年10月规则）: unknown. 判断所需的数据未公布，分类未知。 [TPP 未知 | 芯片间 I/O 未知]',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 未知. 判断所需的数据未公布。 [显存带宽 未知 | 芯片间 I/O 未知]',
        '2026年1月逐案审查窗口（91 FR 1684；中国）: 不在内. 不在窗口内；该窗口仅涵盖在美国销售、TPP低于21,000且显存带宽低于6,500 GB/s的芯片。 [TPP 未知 | 显存带宽 未知]',
      ],
      footer: [
        '资料核查截至 2026-11-20 · 数据版本 2026.11.29',
      ],
    });
  });

  it('zh: A100 under the 2022 rule (both tests met)', () => {
    expect(cardText(buildCardModel(data, 'nvidia-a100', '2023-01-01', 'zh'))).toEqual({
      lead: [
        '现在：须获许可证，未予发放，自2022年10月7日起。',
      ],
      reach: [
        '属3A090.a最高一档',
      ],
      thresholds: [
        'ECCN 3A090（2023年10月规则）: 3A090.a. TPP 4,992 ≥ 4,800：属3A090.a，即受管制AI芯片的最高一档。 [TPP 4,992 | 性能密度 (PD) 6.04]',
        'ECCN 3A090（2022年10月规则）: 3A090. TPP 4,992 ≥ 4,800 且 I/O 600 GB/s ≥ 600 GB/s：按2022年规则属3A090管制范围。 [TPP 4,992 | 芯片间 I/O 600 GB/s]',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 在内. 在线内：2025年4月的通知函要求此类带宽的芯片对华出口须获许可证。 [显存带宽 2,039 GB/s | 芯片间 I/O 600 GB/s]',
        '2026年1月逐案审查窗口（91 FR 1684；中国）: 在内. 在窗口内：若出口商满足规则条件，对华许可申请逐案审查。 [TPP 4,992 | 显存带宽 2,039 GB/s]',
      ],
      footer: [
        '资料核查截至 2026-11-20 · 数据版本 2026.11.29',
      ],
    });
  });

  it('zh: H20 before the April 2025 letters: no licence needed', () => {
    expect(cardText(buildCardModel(data, 'nvidia-h20', '2025-01-01', 'zh'))).toEqual({
      lead: [
        '现在：无需美国许可证，自2023年11月9日起。',
      ],
      reach: [
        '低于3A090门槛；按这些数据无需许可证',
      ],
      thresholds: [
        'ECCN 3A090（2023年10月规则）: not-3A090. TPP 2,368 < 2,400 且 PD 2.91 < 3.2：不在3A090范围内，仅凭这些门槛无需许可证。 [TPP 2,368 | 性能密度 (PD) 2.91]',
        'ECCN 3A090（2022年10月规则）: not-3A090. TPP 2,368 < 4,800：不在3A090范围内，仅凭这些门槛无需许可证。 [TPP 2,368 | 芯片间 I/O 900 GB/s]',
        '2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 在内. 在线内：2025年4月的通知函要求此类带宽的芯片对华出口须获许可证。 [显存带宽 4,000 GB/s | 芯片间 I/O 900 GB/s]',
        '2026年1月逐案审查窗口（91 FR 1684；中国）: 不在内. 不在窗口内；该窗口仅涵盖在美国销售、TPP低于21,000且显存带宽低于6,500 GB/s的芯片。 [TPP 2,368 | 显存带宽 4,000 GB/s]',
      ],
      footer: [
        '资料核查截至 2026-11-20 · 数据版本 2026.11.29',
      ],
    });
  });

  it('en: MI308: no figures, no recorded tier; the rule that reaches it is an event', () => {
    expect(cardText(buildCardModel(data, 'amd-mi308', '2025-05-01', 'en'))).toEqual({
      lead: [
        'Now: licence required, none granted, since 9 Apr 2025.',
      ],
      reach: [
        'figures not published; a licence is needed for China: Title 2025-04-09-is-informed',
      ],
      thresholds: [
        'ECCN 3A090 (Oct 2023 rule): unknown. The figures this test needs are not published, so the classification is unknown. [TPP unknown | Performance density (PD) unknown]',
        'ECCN 3A090 (Oct 2022 rule): unknown. The figures this test needs are not published, so the classification is unknown. [TPP unknown | Chip-to-chip I/O unknown]',
        'April 2025 bandwidth line (letters to Nvidia, AMD, Intel; China): unknown. The figures this test needs are not published. [DRAM bandwidth unknown | Chip-to-chip I/O unknown]',
        'January 2026 case-by-case window (91 FR 1684; China): outside. Outside the window, which covers only chips sold in the US with TPP < 21,000 and DRAM < 6,500 GB/s. [TPP unknown | DRAM bandwidth unknown]',
      ],
      footer: [
        'Sources checked through 2026-11-20 · data version 2026.11.29',
      ],
    });
  });

  it('en: H20 before the April 2025 letters: no licence needed', () => {
    expect(cardText(buildCardModel(data, 'nvidia-h20', '2025-01-01', 'en'))).toEqual({
      lead: [
        'Now: no US licence needed, since 9 Nov 2023.',
      ],
      reach: [
        'below the 3A090 line; no licence needed on these figures',
      ],
      thresholds: [
        'ECCN 3A090 (Oct 2023 rule): not-3A090. TPP 2,368 < 2,400 and PD 2.91 < 3.2: outside 3A090, so these thresholds alone do not require a licence. [TPP 2,368 | Performance density (PD) 2.91]',
        'ECCN 3A090 (Oct 2022 rule): not-3A090. TPP 2,368 < 4,800: outside 3A090, so these thresholds alone do not require a licence. [TPP 2,368 | Chip-to-chip I/O 900 GB/s]',
        'April 2025 bandwidth line (letters to Nvidia, AMD, Intel; China): inside. Inside the line: the April 2025 letters require a licence for China for chips with this bandwidth. [DRAM bandwidth 4,000 GB/s | Chip-to-chip I/O 900 GB/s]',
        'January 2026 case-by-case window (91 FR 1684; China): outside. Outside the window, which covers only chips sold in the US with TPP < 21,000 and DRAM < 6,500 GB/s. [TPP 2,368 | DRAM bandwidth 4,000 GB/s]',
      ],
      footer: [
        'Sources checked through 2026-11-20 · data version 2026.11.29',
      ],
    });
  });
});

describe('rules lookup, word for word', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiplens-words-'));
  for (const [key, value] of Object.entries(rawDataset())) writeFileSync(join(dir, `${key}.json`), JSON.stringify(value));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function lookup(...args: string[]): string[] {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(runLookup(args, dir)).toBe(0);
      return log.mock.calls.map((c) => String(c[0])).join('\n').split('\n');
    } finally {
      log.mockRestore();
    }
  }

  it('zh: every label, and the other destinations with their dates', () => {
    expect(lookup('GB300', '--on', '2026-02-01', '--lang', 'zh')).toEqual([
      'GB300 (NVIDIA Test) → 中国 [CN], 2026-02-01',
      '状态: 需要许可证——推定拒绝／不予放行 [denied]',
      '起始: 2025-03-18',
      '上次核查: —',
      '依据:',
      '  2023-10-17  法规: 标题 2023-10-17-3a090-update',
      '              Pub, 2025-01-01: A source',
      '              https://example.org/a',
      '值得关注:',
      '  2025-12-04  法案: 标题 2025-12-04-safe-chips-act',
      '门槛:',
      '  ECCN 3A090（2023年10月规则）: 3A090.a. TPP 36,000 ≥ 4,800：属3A090.a，即受管制AI芯片的最高一档。',
      '  ECCN 3A090（2022年10月规则）: unknown. 判断所需的数据未公布，分类未知。',
      '  2025年4月带宽线（致英伟达、AMD、英特尔的通知函；中国）: 在内. 在线内：2025年4月的通知函要求此类带宽的芯片对华出口须获许可证。',
      '  2026年1月逐案审查窗口（91 FR 1684；中国）: 不在内. 不在窗口内；该窗口仅涵盖在美国销售、TPP低于21,000且显存带宽低于6,500 GB/s的芯片。',
      '其他目的地:',
      '  阿联酋 [AE]: 需要许可证——正在发放，附带条件 (自 2025-11-19)',
      '  沙特 [SA]: 需要许可证——正在发放，附带条件 (自 2025-11-19)',
      '  其他 [OTHER]: 未知',
      '',
      '非法律意见。 (资料核查截至 2026-11-20 · 数据版本 2026.11.29)',
    ]);
  });

  it('labels the conditions in each language', () => {
    expect(lookup('H20', '--on', '2025-09-01', '--lang', 'zh')).toContain('条件:');
    expect(lookup('H20', '--on', '2025-09-01')).toContain('Conditions:');
  });

  it('en: the labels and the other destinations with their dates', () => {
    const out = lookup('GB300', '--on', '2026-02-01');
    for (const line of ['Status: Licence needed — presumption of denial / not allowed [denied]', 'Since: 2025-03-18', 'Checked: —', 'Why:', 'Watch:', 'Thresholds:', 'Other destinations:']) {
      expect(out).toContain(line);
    }
    expect(out).toContain('  UAE [AE]: Licence needed — being granted, with conditions (since 2025-11-19)');
  });
});
