import { describe, expect, it } from 'vitest';
import { bandwidthLine, caseByCaseWindow, classify2022, classify2023, type Figures } from '../../../rules/thresholds';

const figs = (tpp: number | null, pd: number | null, io: number | null = null, bw: number | null = null): Figures => ({
  tpp, performanceDensity: pd, interconnectGBs: io, memoryBandwidthGBs: bw,
});

// Figures from /work/shared/facts.md §2 and §4.
const H100 = figs(15830, 19.4, 900, 3350);
const H20 = figs(2368, 2.9, 900, 4000);
const A800 = figs(4992, 6.0, 400, 2039);
const H200 = figs(15830, 19.4, 900, 4800);

describe('3A090, Oct 2023 rule', () => {
  it.each([
    ['H100', H100, '3A090.a'],
    ['A800', A800, '3A090.a'],
    ['H20', H20, 'not-3A090'],
    ['TPP 4,800 exactly', figs(4800, 1), '3A090.a'],
    ['TPP 4,799 with PD 1.6 (.b, first branch)', figs(4799, 1.6), '3A090.b'],
    ['TPP 4,799 with PD 1.59', figs(4799, 1.59), 'not-3A090'],
    ['TPP 1,600 with PD 5.92 (.a by density)', figs(1600, 5.92), '3A090.a'],
    ['TPP 1,599 with PD 10', figs(1599, 10), 'not-3A090'],
    ['TPP 1,600 with PD 3.2 (.b, second branch)', figs(1600, 3.2), '3A090.b'],
    ['TPP 2,399 with PD 3.19', figs(2399, 3.19), 'not-3A090'],
    ['TPP 2,400 with PD 5.91', figs(2400, 5.91), '3A090.b'],
  ])('%s → %s', (_name, f, code) => {
    expect(classify2023(f).code).toBe(code);
  });

  it('reports each test with its label, the figure and whether it is met', () => {
    const r = classify2023(H100);
    expect(r.tests[0]).toEqual({ label: 'TPP ≥ 4,800', figure: 'TPP 15,830', met: true });
    expect(r.tests.map((t) => t.met)).toEqual([true, true, false, false]);
  });

  it('is unknown when a missing figure could change the answer', () => {
    expect(classify2023(figs(null, null)).code).toBe('unknown');
    expect(classify2023(figs(3000, null)).code).toBe('unknown');
    expect(classify2023(figs(3000, null)).tests[1]?.met).toBeNull();
  });

  it('decides without the density when the TPP alone decides', () => {
    expect(classify2023(figs(5000, null)).code).toBe('3A090.a');
    expect(classify2023(figs(1000, null)).code).toBe('not-3A090');
  });
});

describe('3A090, Oct 2022 rule (TPP AND interconnect)', () => {
  it.each([
    ['H100: I/O 900 ≥ 600', H100, '3A090'],
    ['A800: I/O 400 < 600', A800, 'not-3A090'],
    ['H20: TPP 2,368 < 4,800', H20, 'not-3A090'],
    ['both exactly on the line', figs(4800, null, 600), '3A090'],
    ['I/O just under', figs(4800, null, 599.9), 'not-3A090'],
    ['TPP known, I/O unknown', figs(5000, null, null), 'unknown'],
    ['TPP below decides even with I/O unknown', figs(4000, null, null), 'not-3A090'],
  ])('%s → %s', (_name, f, code) => {
    expect(classify2022(f).code).toBe(code);
  });

  it('shows the interconnect figure in GB/s', () => {
    expect(classify2022(A800).tests[1]).toEqual({ label: 'I/O ≥ 600 GB/s', figure: 'I/O 400 GB/s', met: false });
  });
});

describe('April 2025 bandwidth line', () => {
  it('catches the H20 on its 4.0 TB/s DRAM bandwidth', () => {
    const r = bandwidthLine(H20);
    expect(r.met).toBe(true);
    expect(r.tests[0]).toEqual({ label: 'DRAM ≥ 1,400 GB/s', figure: 'DRAM 4,000 GB/s', met: true });
  });

  it('uses the combined figure when neither alone reaches its line', () => {
    expect(bandwidthLine(figs(null, null, 800, 1000)).met).toBe(true);
    expect(bandwidthLine(figs(null, null, 600, 1000)).met).toBe(false);
    expect(bandwidthLine(figs(null, null, null, 1000)).met).toBeNull();
  });
});

describe('Jan 2026 case-by-case window', () => {
  it('takes the H200 (TPP < 21,000, 4,800 < 6,500 GB/s, sold in the US)', () => {
    expect(caseByCaseWindow(H200, true).met).toBe(true);
  });
  it('leaves out a China-only chip and anything above the ceilings', () => {
    expect(caseByCaseWindow(H20, false).met).toBe(false);
    expect(caseByCaseWindow(figs(21000, null, null, 4000), true).met).toBe(false);
    expect(caseByCaseWindow(figs(15000, null, null, 6500), true).met).toBe(false);
    expect(caseByCaseWindow(figs(15000, null, null, null), true).met).toBeNull();
  });
});
