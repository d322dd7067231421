import { describe, expect, test } from 'vitest';
import { compileMatcher, type ScanOptions } from '../../../matching/matcher';
import { FIXTURE_INDEX } from './fixture-index';

const matcher = compileMatcher(FIXTURE_INDEX);

/** [chipId, exact text, start offset] per expected mark, in order. */
type Expected = [string, string, number][];

const scan = (text: string, options?: ScanOptions): Expected =>
  matcher.scan(text, options).map((m) => [m.chipId, m.text, m.start]);

describe('finds names in running text', () => {
  test.each<[string, string, Expected]>([
    ['English headline', 'Nvidia resumes H20 sales to China', [['nvidia-h20', 'H20', 15]]],
    ['two chips', 'The H200 outsells the H20.', [['nvidia-h200', 'H200', 4], ['nvidia-h20', 'H20', 22]]],
    ['Chinese, no spaces', '英伟达的H20和MI308芯片', [['nvidia-h20', 'H20', 4], ['amd-mi308', 'MI308', 8]]],
    ['a vendor-prefixed alias marks the name only', '英伟达H20遭禁', [['nvidia-h20', 'H20', 3]]],
    ['Chinese Ascend', '华为昇腾910C量产', [['huawei-ascend-910c', '昇腾910C', 2]]],
    ['Japanese particles', 'エヌビディアのH20は', [['nvidia-h20', 'H20', 7]]],
    ['Japanese object marker', 'H200を輸出', [['nvidia-h200', 'H200', 0]]],
    ['German compound', 'Nvidias H20-Chips', [['nvidia-h20', 'H20', 8]]],
    ['German plural compound', 'die H200-GPUs', [['nvidia-h200', 'H200', 4]]],
    ['German context', 'Exportkontrollen für H20', [['nvidia-h20', 'H20', 21]]],
    ['lower case', 'the h200 and mi308x', [['nvidia-h200', 'h200', 4], ['amd-mi308', 'mi308x', 13]]],
    ['multi-word name', 'the RTX Pro 6000D card', [['nvidia-rtx-pro-6000d', 'RTX Pro 6000D', 4]]],
    ['multi-word name, no space before digits', 'Ascend910C and Ascend 910C', [['huawei-ascend-910c', 'Ascend910C', 0], ['huawei-ascend-910c', 'Ascend 910C', 15]]],
  ])('%s: %s', (_label, text, expected) => {
    expect(scan(text)).toEqual(expected);
  });
});

describe('punctuation, possessives and plurals: the mark covers the name only', () => {
  test.each<[string, Expected]>([
    ["H20's sales", [['nvidia-h20', 'H20', 0]]],
    ['H20’s sales', [['nvidia-h20', 'H20', 0]]],
    ['selling H20s', [['nvidia-h20', 'H20', 8]]],
    ['H20-class chips', [['nvidia-h20', 'H20', 0]]],
    ['H200-based servers', [['nvidia-h200', 'H200', 0]]],
    ['H200/H20', [['nvidia-h200', 'H200', 0], ['nvidia-h20', 'H20', 5]]],
    ['(H20)', [['nvidia-h20', 'H20', 1]]],
    ['H20, then', [['nvidia-h20', 'H20', 0]]],
    ['“H20”', [['nvidia-h20', 'H20', 1]]],
    ['禁售H20。', [['nvidia-h20', 'H20', 2]]],
    ['H20、MI308', [['nvidia-h20', 'H20', 0], ['amd-mi308', 'MI308', 4]]],
    ['ends with H200.', [['nvidia-h200', 'H200', 10]]],
    ['Is it H20?', [['nvidia-h20', 'H20', 6]]],
  ])('%s', (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });
});

describe('separators and full-width forms, offsets into the original text', () => {
  test.each<[string, Expected]>([
    ['Nvidia H-20 chips', [['nvidia-h20', 'H-20', 7]]],
    ['Nvidia H 20 chips', [['nvidia-h20', 'H 20', 7]]],
    ['AMD MI 308 and MI-308X', [['amd-mi308', 'MI 308', 4], ['amd-mi308', 'MI-308X', 15]]],
    ['Ｈ２００芯片', [['nvidia-h200', 'Ｈ２００', 0]]],
    ['英伟达ＭＩ３０８', [['amd-mi308', 'ＭＩ３０８', 3]]],
    ['mixed Ｈ20 width', [['nvidia-h20', 'Ｈ20', 6]]],
    ['full-width space: ＨＧＸ　Ｈ２００', [['nvidia-h200', 'ＨＧＸ　Ｈ２００', 18]]],
  ])('%s', (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });

  test('an en dash plus digits is a range, not a model number: H100–200 marks H100', () => {
    expect(scan('the H100\u2013200 range')).toEqual([['nvidia-h100', 'H100', 4]]);
  });

  test('a loose variant with no context is not marked (H 20 cm is a height)', () => {
    expect(scan('height H 20 cm')).toEqual([]);
  });
});

describe('platform words are part of the mark', () => {
  test.each<[string, Expected]>([
    ['HGX H200 servers', [['nvidia-h200', 'HGX H200', 0]]],
    ['a DGX H100 box', [['nvidia-h100', 'DGX H100', 2]]],
    ['the H200 NVL', [['nvidia-h200', 'H200 NVL', 4]]],
    ['GB300 NVL72 racks', [['nvidia-gb300', 'GB300 NVL72', 0]]],
    ['AMD Instinct MI308X', [['amd-mi308', 'Instinct MI308X', 4]]],
    ['H100 SXM and H100 PCIe', [['nvidia-h100', 'H100 SXM', 0], ['nvidia-h100', 'H100 PCIe', 13]]],
    ['HGX H20', [['nvidia-h20', 'HGX H20', 0]]],
  ])('%s', (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });
});

describe('longest match wins', () => {
  test.each<[string, Expected]>([
    ['GB300 vs B300', [['nvidia-gb300', 'GB300', 0], ['nvidia-b300', 'B300', 9]]],
    ['H200 not H20', [['nvidia-h200', 'H200', 0], ['nvidia-h20', 'H20', 9]]],
    ['Instinct MI308X', [['amd-mi308', 'Instinct MI308X', 0]]],
    ['MI308X', [['amd-mi308', 'MI308X', 0]]],
    ['昇腾910C', [['huawei-ascend-910c', '昇腾910C', 0]]],
  ])('%s', (text, expected) => {
    expect(scan(text)).toEqual(expected);
  });
});

describe('never part of a longer token, a look-alike, a URL, a path or an e-mail address', () => {
  test.each([
    'H2O is water',
    'H2000 series',
    'SH200 valve',
    'AH20 route',
    'GB3000 drive',
    'MI3080 part',
    'B30AX module',
    'H20A is a different code',
    'H20_x and x_H20',
    'see example.com/h200-specs',
    'at https://example.com/products/H20/',
    'the folder /products/H20/',
    'open H200.pdf now',
    'write to h20@example.com',
    'part H200-1234 in stock',
    'part H200\u20111234 in stock',
    '型号Ｈ２００－１２３４现货',
    '型号H200－1234现货',
    'v2.H200 build',
    'C:\\chips\\H20\\x',
    '?chip=H20',
  ])('%s', (text) => {
    expect(scan(text, { context: true })).toEqual([]);
  });
});

describe('context rule: needsContext names and loose variants', () => {
  test.each<[string, ScanOptions | undefined, Expected]>([
    ['A100 alone', undefined, []],
    ['B40 alone', undefined, []],
    ['A100 alone', { context: true }, [['nvidia-a100', 'A100', 0]]],
    ['the A100 GPU', undefined, [['nvidia-a100', 'A100', 4]]],
    ['A100 chips', undefined, [['nvidia-a100', 'A100', 0]]],
    ['A100 and H100', undefined, [['nvidia-a100', 'A100', 0], ['nvidia-h100', 'H100', 9]]],
    ['Nvidia B40', undefined, [['nvidia-rtx-pro-6000d', 'B40', 7]]],
    ['AI demand for A100', undefined, []], // "AI" alone is not chip context
    ['AI accelerator demand for A100', undefined, [['nvidia-a100', 'A100', 26]]],
    ['export controls hit A100', undefined, [['nvidia-a100', 'A100', 20]]],
    ['英伟达A100', undefined, [['nvidia-a100', 'A100', 3]]],
    ['算力A100', undefined, [['nvidia-a100', 'A100', 2]]],
    ['DGX A100', undefined, [['nvidia-a100', 'DGX A100', 0]]],
    ['910C alone', undefined, []],
    ['华为910C', undefined, [['huawei-ascend-910c', '910C', 2]]],
    // Lower-case "ai" and "intel" are not context; two context-needing names do not vouch for each other.
    ['ai and intel on A100', undefined, []],
    ['A100 and B40', undefined, []],
    ['MI 308', undefined, []],
    ['MI 308 and MI308', undefined, [['amd-mi308', 'MI 308', 0], ['amd-mi308', 'MI308', 11]]],
  ])('%s (%o)', (text, options, expected) => {
    expect(scan(text, options)).toEqual(expected);
  });
});

describe('compiled once, cheap on text without names', () => {
  test('version comes from the index', () => {
    expect(matcher.version).toBe('test-1');
  });

  test('an empty index matches nothing', () => {
    expect(compileMatcher({ version: 'empty', chips: [] }).scan('H20')).toEqual([]);
  });

  test('names without digits match case-sensitively and still work without the digit prefilter', () => {
    const m = compileMatcher({ version: 'v', chips: [{ id: 'x-gaudi', names: ['Gaudi'], needsContext: [] }] });
    expect(m.scan('Intel Gaudi and gaudi').map((x) => [x.text, x.start])).toEqual([['Gaudi', 6]]);
  });

  // What a slow scan would hide: every repeat found, to the end of the text. How long a scan
  // takes is the bench's to report (scan throughput), not a test's to assert; the long timeout
  // only stops a scan that never ends.
  test.each([
    ['letters and separators', 0, 'H-G X '.repeat(200_000)],
    ['near misses', 0, 'H2O H2000 '.repeat(100_000)],
    ['digits', 0, '0123456789'.repeat(100_000)],
    ['one long ASCII run', 250_000, 'H20/'.repeat(250_000)],
    ['many context-needing names', 0, 'A100 '.repeat(200_000)],
    ['full-width and CJK', 125_000, 'Ｈ２０芯片ＭＩ－'.repeat(125_000)],
  ])('1 MB of %s is scanned to the end: %i marks', (_label, marks, text) => {
    expect(matcher.scan(text)).toHaveLength(marks);
  }, 60_000);
});
