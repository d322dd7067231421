// PLACEHOLDER: the rules issue (#3) implements this on top of rules/status.ts and rules/thresholds.ts.
import type { CardModel, Lang } from './card-model';
import type { Dataset } from './schema';

export function buildCardModel(dataset: Dataset, chipId: string, date: string, lang: Lang): CardModel | null {
  const chip = dataset.chips.find((c) => c.id === chipId);
  if (!chip) return null;
  return {
    chipId: chip.id, name: chip.name, vendor: chip.vendor, architecture: chip.architecture,
    summary: chip.summary[lang], chinaSpecific: chip.chinaSpecific, availability: chip.availability,
    lang, date, destinations: [], thresholds: [],
    asOf: dataset.meta.asOf, datasetVersion: dataset.meta.version, disclaimer: dataset.meta.disclaimer[lang],
  };
}
