// `npm run bench:matcher`: how long the matcher takes over 1 MB of hard text (what the unit test
// tests/unit/matching/matcher.test.ts checks for marks only). Reports; asserts nothing.
import { compileMatcher } from '../matching/matcher';
import { FIXTURE_INDEX } from '../tests/unit/matching/fixture-index';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TEXTS: [string, string][] = [
  ['letters and separators', 'H-G X '.repeat(200_000)],
  ['near misses', 'H2O H2000 '.repeat(100_000)],
  ['digits', '0123456789'.repeat(100_000)],
  ['one long ASCII run', 'H20/'.repeat(250_000)],
  ['many context-needing names', 'A100 '.repeat(200_000)],
  ['full-width and CJK', 'Ｈ２０芯片ＭＩ－'.repeat(125_000)],
];

const matcher = compileMatcher(FIXTURE_INDEX);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
console.log(`matcher scan of 1 MB texts, median of ${RUNS} runs (Node ${process.version})`);
for (const [label, text] of TEXTS) {
  const times: number[] = [];
  let marks = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    marks = matcher.scan(text).length;
    times.push(performance.now() - t0);
  }
  console.log(`  ${label.padEnd(28)} ${median(times).toFixed(1).padStart(7)} ms  (${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)})  ${marks} marks`);
}
