import { expect, test } from 'vitest';
import { nameUnits, namesToRegexSource } from '../../../matching/matcher-variants';

test.each([
  // [name, text that must match the whole name, text that must not]
  ['H20', 'ｈ-２0', 'H20X'],
  ['MI308X', 'Mi 308x', 'MI308 X'],
  ['Ascend 910C', 'ascend910c', 'Ascend910 C'],
  ['昇腾910C', '昇腾 910C', '昇 腾910C'],
  ['Gaudi', 'Ｇaudi', 'gaudi'],
])('units of %j accept %j but not %j', (name, accepted, rejected) => {
  const re = new RegExp(`^${nameUnits(name).join('')}$`);
  expect(re.test(accepted)).toBe(true);
  expect(re.test(rejected)).toBe(false);
});

test('the trie regex prefers the longest name at one position', () => {
  const re = new RegExp(namesToRegexSource(['H20', 'H200', 'HGX H20']));
  expect(re.exec('H200')?.[0]).toBe('H200');
  expect(re.exec('HGX H20')?.[0]).toBe('HGX H20');
  expect(re.exec('H20')?.[0]).toBe('H20');
});

test('a name thousands of characters long builds without recursion (no "Maximum call stack size exceeded")', () => {
  // The trie was once emitted by recursion, one call per character: a pasted paragraph as an
  // alias killed the background's matcher build. (matching/matcher-trial.ts refuses such a name.)
  const long = 'AB1-'.repeat(1500);
  const source = namesToRegexSource([long, 'H20']);
  expect(source.length).toBeGreaterThan(long.length);
  expect(new RegExp(namesToRegexSource([long.slice(0, 400), 'H20'])).exec(`x ${long.slice(0, 400)}`)?.[0]).toBe(long.slice(0, 400));
});
