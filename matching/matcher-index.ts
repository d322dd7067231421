// The compact, plain-data view of the dataset that the content script needs to find chip names.
// Built in the background (or the CLI) from a validated Dataset, so the content script never
// bundles zod or the full dataset.
import type { Dataset } from '../rules/schema';

interface MatcherChip {
  id: string;
  /** Every name and alias from the dataset, as written there. */
  names: string[];
  /** The subset of `names` that is marked only with chip context nearby. */
  needsContext: string[];
}

export interface MatcherIndex {
  /** Dataset version the index was built from; a changed version means rebuild the matcher. */
  version: string;
  chips: MatcherChip[];
}

export function buildMatcherIndex(dataset: Dataset): MatcherIndex {
  return {
    version: dataset.meta.version,
    chips: dataset.chips.map((c) => ({ id: c.id, names: [...c.names], needsContext: [...c.needsContext] })),
  };
}
