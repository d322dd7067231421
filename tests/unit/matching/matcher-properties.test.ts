import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compileMatcher, CUE_REACH, prepareMatcher } from '../../../matching/matcher';
import { nameKey } from '../../../matching/name-key';
import { hasContextWord, urlJudge } from '../../../matching/matcher-context';
import { looseRuns } from '../../../matching/matcher-variants';
import { FIXTURE_INDEX } from './fixture-index';

const matcher = compileMatcher(FIXTURE_INDEX);

const names = FIXTURE_INDEX.chips.flatMap((c) => c.names);
const pieces = [
  'H2O', 'H2000', 'SH', 'GB', 'X', 's', "'s", '-class', '-', ' ', '　', '/', '.', '.pdf', '@', '://', '_', '\n',
  '英伟达', '的', '芯片', '，', '。', '、', 'は', 'を', '“', '”', '(', ')', 'Ｈ', '２', '０', 'ＭＩ', '３', 'GPU', 'ai',
  '0', '1', '2', '8', 'A', 'B', 'C', 'H', 'M', 'I', 'NVL', 'HGX', 'Instinct', '\u{20000}', 'x', '8x', '0x', '12345x', '\t', '\n\n', '\r\n',
];
const text = fc
  .array(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...names) },
      { weight: 3, arbitrary: fc.constantFrom(...pieces) },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    ),
    { maxLength: 30 },
  )
  .map((a) => a.join(''));
const WORD = /[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/;

test('every mention is a whole token of the input, sorted and non-overlapping', () => {
  let total = 0;
  fc.assert(
    fc.property(text, fc.boolean(), (input, context) => {
      const mentions = matcher.scan(input, { context });
      total += mentions.length;
      let previousEnd = 0;
      for (const m of mentions) {
        expect(m.text).toBe(input.slice(m.start, m.end));
        expect(m.start).toBeGreaterThanOrEqual(previousEnd);
        expect(m.end).toBeGreaterThan(m.start);
        previousEnd = m.end;
        // The only word character allowed right before a name is the x of a count (8xH100).
        const before = input.slice(0, m.start);
        if (WORD.test(before.at(-1) ?? '')) expect(before).toMatch(/(?:^|[^A-Za-z0-9_\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])[1-9][0-9]{0,3}[xX]$/);
        // The only word character allowed right after a name is a plural "s" that ends the token.
        const after = input[m.end] ?? '';
        if (WORD.test(after)) {
          expect(after).toBe('s');
          expect(WORD.test(input[m.end + 1] ?? '')).toBe(false);
        }
      }
    }),
    { numRuns: 2000 },
  );
  expect(total).toBeGreaterThan(500); // the generator does produce names, so the checks ran
});

test('context only adds marks: scanning with {context: true} finds a superset', () => {
  fc.assert(
    fc.property(text, (input) => {
      const without = matcher.scan(input).map((m) => `${m.start}:${m.chipId}`);
      const withContext = new Set(matcher.scan(input, { context: true }).map((m) => `${m.start}:${m.chipId}`));
      for (const key of without) expect(withContext.has(key)).toBe(true);
    }),
    { numRuns: 1000 },
  );
});

/**
 * The matcher finds names with the bare trie and checks boundaries and platform words in code.
 * This is the rule as first written: one regex of the whole rule (PreparedMatcher.pattern) run
 * as a plain global regex, each hit then judged by the same table, URL test and context rule.
 * Both must give the same marks, with and without context.
 */
const prepared = prepareMatcher(FIXTURE_INDEX);
const rulePattern = new RegExp(prepared.pattern, 'g');
// The same not-a-chip veto (random text can spell "bus" or "van" beside a name).
const cues = new RegExp(prepared.notChip, 'i');
const vetoed = (input: string, s: number, e: number) => cues.test(`${input.slice(Math.max(0, s - CUE_REACH), s)}\0${input.slice(e, e + CUE_REACH)}`);
function referenceScan(input: string, options: { context?: boolean; strict?: boolean }) {
  const insideUrl = urlJudge(input);
  const found: { chipId: string; start: number; end: number; text: string; needsContext: boolean }[] = [];
  rulePattern.lastIndex = 0;
  for (let m = rulePattern.exec(input); m; m = rulePattern.exec(input)) {
    const [whole, before = '', core = '', after] = m;
    const entry = prepared.names[nameKey(core)];
    if (!entry || insideUrl(m.index, m.index + whole.length) || vetoed(input, m.index, m.index + whole.length)) continue;
    const loose = looseRuns(core) > entry[2];
    const hasPlatform = before !== '' || after !== undefined;
    found.push({ chipId: entry[0], start: m.index, end: m.index + whole.length, text: whole, needsContext: (entry[1] === 1 || loose) && !hasPlatform });
  }
  const strip = ({ needsContext: _, ...mention }: (typeof found)[number]) => mention;
  if (options.strict) return found.filter((c) => !c.needsContext).map(strip);
  const context = options.context === true || found.some((c) => !c.needsContext) || hasContextWord(input);
  return (context ? found : found.filter((c) => !c.needsContext)).map(strip);
}

test('the trie-and-checks scan finds exactly what the whole rule as one regex finds', () => {
  const dense = fc
    .array(
      fc.oneof(
        fc.constantFrom(...names, 'HGX', 'DGX', 'Instinct', ' ', '  ', '-', 'NVL72', 'NVL', 'SXM5', 'PCIe', 'OAM', 'x', 's', '.', '1', 'D', 'chip'),
        fc.tuple(fc.constantFrom('HGX', 'DGX', 'Instinct', 'INSTINCT', 'xHGX', '1.DGX'), fc.constantFrom(' ', '  ', '-', ' - '), fc.constantFrom(...names)).map((t) => t.join('')),
        // Listed names loosely spaced: `HGX H-20`, `Instinct MI 308X`.
        fc.constantFrom(...names).map((n) => n.replace(/(?<=[A-Za-z])(?=\d)/, '-')),
      ),
      { maxLength: 12 },
    )
    .map((a) => a.join(''));
  fc.assert(
    fc.property(fc.oneof(text, dense), fc.constantFrom({}, { context: true }, { strict: true }), (input, options) => {
      expect(matcher.scan(input, options)).toEqual(referenceScan(input, options));
    }),
    { numRuns: 4000 },
  );
  for (const input of ['HGX H-20 boards', 'DGX A-100 cluster', 'Instinct MI 308X shipments', 'HGX  H 20', 'DGX HGX H20']) {
    expect(matcher.scan(input), input).toEqual(referenceScan(input, {}));
  }
});

// The cue words are tested first and the whole not-a-chip rule compiled only when one is there:
// wherever the rule matches, the first test must.
const cuePieces = [
  '\0', ' ', '. ', '。', 'King Air', 'king air', 'Beechcraft', 'Hyundai', "'s", '’s', 'van', ' der', 'vans', 'road', 'road map', 'street',
  'plane', 'data plane', 'data-plane', 'bus', 'memory bus', 'buses', 'aircraft', 'jetliner', 'motorway', 'Autobahn', 'diesel', 'B40',
  '汽车', '汽车芯片', '现代', '面包车', '公路', '麒麟', 'Nvidia', 'chips', 'GPU', '芯片', 'x', 'H100', 'stealth', 'households', ',', '-',
];
test('the cue words are found wherever the whole not-a-chip rule matches', () => {
  const prepared = prepareMatcher(FIXTURE_INDEX);
  const rule = new RegExp(prepared.notChip, 'i');
  const hint = new RegExp(prepared.notChipHint, 'i');
  let cued = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...cuePieces), { maxLength: 14 }), (parts) => {
      const window = parts.join('');
      if (!rule.test(window)) return;
      cued++;
      expect(hint.test(window)).toBe(true);
    }),
    { numRuns: 5000 },
  );
  expect(cued).toBeGreaterThan(100);
});
