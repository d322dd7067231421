// The one normal form of a name (matching/name-key.ts), which the matcher, the lookup, the name
// rules and the integrity check all compare.
import { expect, test } from 'vitest';
import { nameKey } from '../../../matching/name-key';

test.each([
  ['H20', 'h20'],
  ['H-20', 'h20'],
  ['h 20', 'h20'],
  ['ｈ２０', 'h20'],
  ['ＨＧＸ　Ｈ２０', 'hgxh20'],
  ['HGX H20', 'hgxh20'],
  ['  Instinct MI308X ', 'instinctmi308x'],
  ['昇腾 910C', '昇腾910c'],
  ['MI‑308', 'mi308'],
  ['H\u2011200', 'h200'],
  ['H\u202f200', 'h200'],
  ['GB300 NVL72', 'gb300nvl72'],
  ['H.20', 'h20'],
  ['Grace·Hopper', 'gracehopper'],
])('nameKey(%j) is %j', (input, key) => {
  expect(nameKey(input)).toBe(key);
});
