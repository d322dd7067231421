// The ECCN 3A090 arithmetic, per rule version, plus the two bandwidth-based lines that are not
// 3A090 text (the April-2025 "is-informed" letters and the Jan-2026 case-by-case window).
// Pure: figures in, classification and every test (label, the chip's figure, met) out.
// Unknown figures give met: null; a result is 'unknown' only when the known figures cannot decide it.
import type { Chip, ClassificationCode, Regime } from './schema';

export interface Figures {
  tpp: number | null;
  performanceDensity: number | null;
  memoryBandwidthGBs: number | null;
  interconnectGBs: number | null;
}

interface ThresholdTest {
  /** e.g. "TPP ≥ 4,800". */
  label: string;
  /** The chip's figures the test reads, e.g. "TPP 15,830"; "?" marks an unknown figure. */
  figure: string;
  met: boolean | null;
}

export interface Classification {
  regime: Regime;
  code: ClassificationCode;
  tests: ThresholdTest[];
}

export interface LineResult {
  met: boolean | null;
  tests: ThresholdTest[];
}

type Tri = boolean | null;
const all = (...xs: Tri[]): Tri => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const any = (...xs: Tri[]): Tri => (xs.includes(true) ? true : xs.includes(null) ? null : false);
const gte = (v: number | null, min: number): Tri => (v === null ? null : v >= min);
const lt = (v: number | null, max: number): Tri => (v === null ? null : v < max);

// One formatter: toLocaleString with options builds a new Intl.NumberFormat on every call, which
// was most of the time spent building a card.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

const show = (name: string, v: number | null, unit = ''): string => `${name} ${v === null ? '?' : `${formatNumber(v)}${unit}`}`;

export function figuresOf(chip: Chip): Figures {
  return {
    tpp: chip.specs.tpp.value,
    performanceDensity: chip.specs.performanceDensity.value,
    memoryBandwidthGBs: chip.specs.memoryBandwidthGBs.value,
    interconnectGBs: chip.specs.interconnectGBs.value,
  };
}

/** Oct 2022: 3A090 needs BOTH TPP ≥ 4,800 and aggregate bidirectional I/O ≥ 600 GB/s. */
export function classify2022(f: Figures): Classification {
  const tests: ThresholdTest[] = [
    { label: 'TPP ≥ 4,800', figure: show('TPP', f.tpp), met: gte(f.tpp, 4800) },
    { label: 'I/O ≥ 600 GB/s', figure: show('I/O', f.interconnectGBs, ' GB/s'), met: gte(f.interconnectGBs, 600) },
  ];
  const met = all(...tests.map((t) => t.met));
  return { regime: '2022', code: met === null ? 'unknown' : met ? '3A090' : 'not-3A090', tests };
}

/** Oct 2023: interconnect dropped; TPP and performance density (PD) tiers .a and .b. */
export function classify2023(f: Figures): Classification {
  const { tpp, performanceDensity: pd } = f;
  const both = `${show('TPP', tpp)}, ${show('PD', pd)}`;
  const tests: ThresholdTest[] = [
    { label: 'TPP ≥ 4,800', figure: show('TPP', tpp), met: gte(tpp, 4800) },
    { label: 'TPP ≥ 1,600 and PD ≥ 5.92', figure: both, met: all(gte(tpp, 1600), gte(pd, 5.92)) },
    { label: '2,400 ≤ TPP < 4,800 and 1.6 ≤ PD < 5.92', figure: both, met: all(gte(tpp, 2400), lt(tpp, 4800), gte(pd, 1.6), lt(pd, 5.92)) },
    { label: 'TPP ≥ 1,600 and 3.2 ≤ PD < 5.92', figure: both, met: all(gte(tpp, 1600), gte(pd, 3.2), lt(pd, 5.92)) },
  ];
  const [t1, t2, t3, t4] = tests.map((t) => t.met) as [Tri, Tri, Tri, Tri];
  const a = any(t1, t2);
  const b = any(t3, t4);
  const code: ClassificationCode =
    a === true ? '3A090.a' : a === null ? 'unknown' : b === true ? '3A090.b' : b === null ? 'unknown' : 'not-3A090';
  return { regime: '2023', code, tests };
}

export function classify(regime: Regime, f: Figures): Classification {
  return regime === '2022' ? classify2022(f) : classify2023(f);
}

/**
 * Jan 2026 (91 FR 1684): licence review for China moves to case-by-case for chips with
 * TPP < 21,000 and DRAM bandwidth < 6,500 GB/s that were sold in the US.
 */
export function caseByCaseWindow(f: Figures, soldInUS: boolean): LineResult {
  const tests: ThresholdTest[] = [
    { label: 'TPP < 21,000', figure: show('TPP', f.tpp), met: lt(f.tpp, 21000) },
    { label: 'DRAM < 6,500 GB/s', figure: show('DRAM', f.memoryBandwidthGBs, ' GB/s'), met: lt(f.memoryBandwidthGBs, 6500) },
    { label: 'Sold in the US', figure: soldInUS ? 'sold in the US' : 'not sold in the US', met: soldInUS },
  ];
  return { met: all(...tests.map((t) => t.met)), tests };
}

/** April 2025 is-informed letters (per FT): any one of the bandwidth tests brings a chip in. */
export function bandwidthLine(f: Figures): LineResult {
  const combined = f.memoryBandwidthGBs === null || f.interconnectGBs === null ? null : f.memoryBandwidthGBs + f.interconnectGBs;
  const tests: ThresholdTest[] = [
    { label: 'DRAM ≥ 1,400 GB/s', figure: show('DRAM', f.memoryBandwidthGBs, ' GB/s'), met: gte(f.memoryBandwidthGBs, 1400) },
    { label: 'I/O ≥ 1,100 GB/s', figure: show('I/O', f.interconnectGBs, ' GB/s'), met: gte(f.interconnectGBs, 1100) },
    { label: 'DRAM + I/O ≥ 1,700 GB/s', figure: show('DRAM + I/O', combined, ' GB/s'), met: gte(combined, 1700) },
  ];
  return { met: any(...tests.map((t) => t.met)), tests };
}
