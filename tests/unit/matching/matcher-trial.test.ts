// A dataset is accepted only if the extension can run on its names (issue #17): the matcher is
// built, compiled and tried on ordinary news within a budget, and refused with a clear message.
import { describe, expect, test } from 'vitest';
import { loadDataFolder } from '../../../rules/cli/commands/check';
import { PROBE_TEXT, trialMatcher } from '../../../matching/matcher-trial';
import { FIXTURE_INDEX } from './fixture-index';

const fixture = { meta: { version: 'test-1' }, chips: FIXTURE_INDEX.chips };
/** The fixture with extra names on its first chip. */
const withNames = (extra: string[]) => ({ ...fixture, chips: fixture.chips.map((c, i) => (i === 0 ? { ...c, names: [...c.names, ...extra] } : c)) });
const errorsOf = (result: ReturnType<typeof trialMatcher>) => (result.ok ? [] : result.errors);

describe('accepted', () => {
  test('the shipped dataset', () => {
    const loaded = loadDataFolder();
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    expect(trialMatcher(loaded.dataset)).toEqual({ ok: true });
  });

  test('the fixture names', () => {
    expect(trialMatcher(fixture)).toEqual({ ok: true });
  });
});

describe('refused cleanly, with a message a person can act on', () => {
  test('an alias of 1,000 characters (a paste mistake): no stack overflow', () => {
    const errors = errorsOf(trialMatcher(withNames(['AB1-'.repeat(250)])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^chip nvidia-h20: name "AB1-AB1-.*… \(1000 characters\)" is too long for the matcher \(at most 64 characters\)$/);
  });

  test('50,000 aliases: no "Regular expression too large"', () => {
    const errors = errorsOf(trialMatcher(withNames(Array.from({ length: 50_000 }, (_, i) => `X${i}Z`))));
    expect(errors).toEqual([`50019 names are too many for the matcher (at most 1000)`]);
  });

  test('common words as aliases mark ordinary news', () => {
    const errors = errorsOf(trialMatcher(withNames(['the', 'and', '的', 'G20'])));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^the matcher marks ordinary words in a probe of everyday news: /);
    for (const word of ['"the" (nvidia-h20)', '"and" (nvidia-h20)', '"的" (nvidia-h20)', '"G20" (nvidia-h20)']) expect(errors[0]).toContain(word);
  });

  test('a word that needs context is tried with context too', () => {
    const chips = fixture.chips.map((c) => (c.id === 'nvidia-a100' ? { ...c, names: [...c.names, 'Chapter 11'], needsContext: [...c.needsContext, 'Chapter 11'] } : c));
    expect(errorsOf(trialMatcher({ ...fixture, chips }))).toEqual([
      'the matcher marks ordinary words in a probe of everyday news: "Chapter 11" (nvidia-a100)',
    ]);
  });

  test('a regex over the size budget', () => {
    const errors = errorsOf(trialMatcher(fixture, { maxSourceChars: 1000 }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^the names make a matcher of \d+ characters of regex, over the budget of 1000: fewer or shorter names$/);
  });

  test('over the time budget (a budget no build can meet)', () => {
    expect(errorsOf(trialMatcher(fixture, { maxMs: -1 }))).toEqual([expect.stringMatching(/^building, compiling and trying the matcher took \d+ ms, over the budget of -1 ms/)]);
  });
});

test('the probe holds no name of the shipped dataset (else the shipped data would be refused)', () => {
  expect(PROBE_TEXT).not.toMatch(/\bH20\b|\bA100\b|\bB40\b/);
});
