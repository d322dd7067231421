// "Did you mean" for a search that found no one chip: a vendor or family word on its own
// ("Huawei", "华为", "輝達", "Blackwell", "CDNA") lists that vendor's or family's chips; anything
// else gets the names closest to it (matching/lookup.ts closeNames: prefixes, substrings, then
// small typos). A vendor's spellings are matching/matcher-words.ts's, as the page knows them.
import { closeNames } from './lookup';
import { VENDOR_SPELLINGS } from './matcher-words';
import { nameKey } from './name-key';
import type { Chip, Dataset } from '../rules/schema';

/** The shortest family word that lists a family ("ada" → Ada Lovelace): shorter ones say too little. */
const MIN_FAMILY_KEY = 3;

/** Each chip's vendor and architecture as keys ("nvidia", "blackwellultra", "davinci(ascend950,simd/simt)"). */
function groupKeys(chip: Chip): { vendor: string; family: string } {
  return { vendor: nameKey(chip.vendor), family: nameKey(chip.architecture) };
}

/** Chips a vendor or family word names: the vendor exactly, or the start of the architecture. */
export function chipsInGroup(dataset: Dataset, query: string): Chip[] {
  const q = nameKey(query);
  if (!q) return [];
  const vendorKey = Object.keys(VENDOR_SPELLINGS).find((key) => VENDOR_SPELLINGS[key]?.includes(q)) ?? q;
  return dataset.chips.filter((chip) => {
    const { vendor, family } = groupKeys(chip);
    return vendor === vendorKey || (q.length >= MIN_FAMILY_KEY && family.startsWith(q));
  });
}

/** Names to offer for a query that found no chip, best first, at most `limit`, each a chip's main name. */
export function suggestNames(dataset: Dataset, query: string, limit = 12): string[] {
  const group = chipsInGroup(dataset, query);
  if (group.length > 0) return group.slice(0, limit).map((c) => c.name);
  return closeNames(dataset, query, limit);
}
