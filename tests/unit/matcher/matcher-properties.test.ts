import fc from 'fast-check';
import { expect, test } from 'vitest';
import { compileMatcher, prepareMatcher } from '../../../rules/matcher';
import { urlJudge } from '../../../rules/matcher-context';
import { FIXTURE_INDEX } from './fixture-index';

const matcher = compileMatcher(FIXTURE_INDEX);

const names = FIXTURE_INDEX.chips.flatMap((c) => c.names);
const pieces = [
  'H2O', 'H2000', 'SH', 'GB', 'X', 's', "'s", '-class', '-', ' ', '　', '/', '.', '.pdf', '@', '://', '_', '\n',
  '英伟达', '的', '芯片', '，', '。', '、', 'は', 'を', '“', '”', '(', ')', 'Ｈ', '２', '０', 'ＭＩ', '３', 'GPU', 'ai',
  '0', '1', '2', '8', 'A', 'B', 'C', 'H', 'M', 'I', 'NVL', 'HGX', 'Instinct', '\u{20000}',
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
        expect(WORD.test(input[m.start - 1] ?? '')).toBe(false);
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
 * The matcher finds names with the bare trie and checks boundaries and platform words in code;
 * this is the one regex that states the whole rule (PreparedMatcher.pattern), run as a plain
 * global regex. Both must find the same names at the same places.
 */
const rulePattern = new RegExp(prepareMatcher(FIXTURE_INDEX).pattern, 'g');
function regexReference(input: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  rulePattern.lastIndex = 0;
  for (let m = rulePattern.exec(input); m; m = rulePattern.exec(input)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

test('the trie-and-checks scan finds exactly what the single rule regex finds', () => {
  const hits = fc.oneof(
    text,
    // Dense text of names, platform words and separators: the boundary and platform cases.
    fc
      .array(
        fc.oneof(
          fc.constantFrom(...names, 'HGX', 'DGX', 'Instinct', ' ', '  ', '-', 'NVL72', 'NVL', 'SXM5', 'PCIe', 'OAM', 'x', 's', '.', '1', 'D'),
          fc.tuple(fc.constantFrom('HGX', 'DGX', 'Instinct', 'INSTINCT', 'xHGX', '1.DGX'), fc.constantFrom(' ', '  ', '-', ' - '), fc.constantFrom(...names)).map((t) => t.join('')),
        ),
        { maxLength: 12 },
      )
      .map((a) => a.join('')),
  );
  fc.assert(
    fc.property(hits, (input) => {
      const insideUrl = urlJudge(input);
      const expected = regexReference(input)
        .filter((r) => !insideUrl(r.start, r.end))
        .map(({ start, end }) => ({ start, end }));
      const actual = matcher.scan(input, { context: true }).map((m) => ({ start: m.start, end: m.end }));
      expect(actual).toEqual(expected);
    }),
    { numRuns: 3000 },
  );
});
