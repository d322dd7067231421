// The one list of words that stand around a chip name without being part of it: vendors before
// it (`Nvidia H20`, `英伟达H20`, `輝達H20`) and generic words after it (`H20 chips`, `H20芯片`).
// matching/lookup.ts strips them from a query; matching/matcher.ts (prepareMatcher) leaves a dataset
// name that is another name plus one of them out of the page's marks; every vendor word is also a
// chip-context word of matching/matcher-context.ts (tests/unit/matching/matcher-words.test.ts checks).
// Written in the normal form of `nameKey` (lower case, no spaces), as the keys they are cut from.

/** Vendors, in every spelling pages use (simplified, traditional, Taiwanese). */
export const VENDOR_WORDS = ['nvidia', '英伟达', '英偉達', '辉达', '輝達', 'amd', '超威', 'intel', '英特尔', '英特爾', 'huawei', '华为', '華為'];

/** Product lines that may stand before a name in a query (`Instinct MI308X`, `GeForce RTX 5090`). */
export const LINE_WORDS = ['instinct', 'geforce', 'radeon', 'habana'];

/** Generic words after a name; plural before singular, so the longer one is cut first. */
export const GENERIC_WORDS = ['芯片', '晶片', '显卡', '顯卡', '加速卡', '加速器', 'gpus', 'gpu', 'chips', 'chip', 'accelerators', 'accelerator'];
