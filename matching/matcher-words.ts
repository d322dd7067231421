// The one list of words that stand around a chip name without being part of it: vendors before
// it (`Nvidia H20`, `英伟达H20`, `輝達H20`) and generic words after it (`H20 chips`, `H20芯片`).
// Everything that knows these words takes them from here, so the page and the popup cannot
// disagree about them again (the popup once missed 輝達H20, which the page marked):
// - matching/lookup.ts strips them from a query, and matching/suggest.ts lists a vendor's chips
//   for any of its spellings;
// - matching/matcher.ts (prepareMatcher) leaves a dataset name that is another name plus one of
//   them out of the page's marks, and matching/name-rules.ts judges such a name as its core;
// - matching/matcher-context.ts counts them as chip context on a page (its CJK words are built
//   from these; its English words are written with their case rules, and
//   tests/unit/matching/matcher-words.test.ts checks each of these is among them).
// Written in the normal form of `nameKey` (lower case, no spaces), as the keys they are cut from.

/** Each vendor, by its dataset name's key, in every spelling pages use (simplified, traditional, Taiwanese, Japanese). */
export const VENDOR_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  nvidia: ['nvidia', '英伟达', '英偉達', '辉达', '輝達', 'エヌビディア'],
  amd: ['amd', '超威'],
  intel: ['intel', '英特尔', '英特爾'],
  huawei: ['huawei', '华为', '華為'],
};

/** Every vendor spelling. */
export const VENDOR_WORDS = Object.values(VENDOR_SPELLINGS).flat();

/** Product lines that may stand before a name in a query (`Instinct MI308X`, `GeForce RTX 5090`). */
export const LINE_WORDS = ['instinct', 'geforce', 'radeon', 'habana'];

/** Generic words after a name; plural before singular, so the longer one is cut first. */
export const GENERIC_WORDS = ['芯片', '晶片', '显卡', '顯卡', '加速卡', '加速器', 'gpus', 'gpu', 'chips', 'chip', 'accelerators', 'accelerator'];

let decoration: RegExp | undefined;

/**
 * A name's key without a vendor word at its start and a generic word at its end
 * (`英伟达h20芯片` → `h20`); the key itself when it has neither.
 */
export function undecorated(key: string): string {
  decoration ??= new RegExp(`^(?:${VENDOR_WORDS.join('|')})|(?:${GENERIC_WORDS.join('|')})$`, 'g');
  return key.replace(decoration, '');
}
