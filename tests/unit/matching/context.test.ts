// Context for names that need it, and addresses that are not marks: cases found on realistic
// pages (the held-out check of the second session).
import { expect, test, vi } from 'vitest';
import { compileMatcher } from '../../../matching/matcher';
import { FIXTURE_INDEX } from './fixture-index';

const matcher = compileMatcher(FIXTURE_INDEX);
const texts = (text: string, context?: boolean | (() => boolean)) => matcher.scan(text, { context }).map((m) => m.text);

test('a context function is asked only when a name needs it and the text has none', () => {
  const ask = vi.fn(() => true);
  expect(texts('H20 and B40', ask)).toEqual(['H20', 'B40']); // H20 vouches for B40
  expect(texts('the H20 ships', ask)).toEqual(['H20']);
  expect(ask).not.toHaveBeenCalled();
  expect(texts('B40: about $11,500', ask)).toEqual(['B40']);
  expect(ask).toHaveBeenCalledTimes(1);
  expect(texts('B40: about $11,500', () => false)).toEqual([]);
});

test('Chinese words for accelerator cards and for Intel and AMD are chip context', () => {
  expect(texts('国产加速卡，性能多半对标A100')).toEqual(['A100']);
  expect(texts('英特尔的910C')).toEqual(['910C']);
  expect(texts('超威与A100')).toEqual(['A100']);
  expect(texts('A100号公路今天封闭')).toEqual([]);
});

test('addresses with long top-level domains are not marks', () => {
  expect(texts('see chipbench.reviews/l20-b40 and nvidia.technology/h200 or shop.digital/H100-deals')).toEqual([]);
  expect(texts('see nvidia.com/h200 for the H200')).toEqual(['H200']);
});

test('German genitives of vendor names are chip context', () => {
  expect(texts('Nvidias älterer A100 bleibt gefragt')).toEqual(['A100']);
  expect(texts('Huaweis Antwort auf den A100')).toEqual(['A100']);
  expect(texts('Intels und AMDs Pläne, dazu der A100')).toEqual(['A100']);
  expect(texts('Die A100 ist gesperrt')).toEqual([]);
});

test('a count written right before a name (8xH100) is not part of the name', () => {
  expect(texts('an 8xH100 node and a 16XH200 box')).toEqual(['H100', 'H200']);
  expect(texts('boxH100, H8xH100, 12345xH100, x H20')).toEqual(['H20']);
  expect(texts('registers 0xA100 and 0xB300, 08xH100')).toEqual([]); // hex, not counts
});

test("a page source's line break and indentation inside a name read as the space the reader sees", () => {
  expect(texts('the RTX Pro\n      6000D and the Ascend\n\t910C')).toEqual(['RTX Pro\n      6000D', 'Ascend\n\t910C']);
  // One line break only: a blank line ends a paragraph.
  expect(texts('the RTX Pro\n\n6000D, and the Ascend\n \n910C')).toEqual([]);
  // Listed names with a space take the break too; a platform word not listed with the name does not.
  expect(texts('GB300\n        NVL72 racks and HGX\n   H200 boards')).toEqual(['GB300\n        NVL72', 'HGX\n   H200']);
  expect(texts('H100\n  SXM and Instinct\n MI308')).toEqual(['H100', 'MI308']);
  // A break where the name has no space splits it.
  expect(texts('Nvidia H\n20 chips')).toEqual([]);
});

test('an @ is an e-mail address only before a domain', () => {
  expect(texts('write to h20@example.com or sales@h200.ai')).toEqual([]);
  expect(texts('H20@$12k and H200@9.5万')).toEqual(['H20', 'H200']);
});
