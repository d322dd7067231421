// PLACEHOLDER: finds a chip by any name or alias; the rules issue (#3) makes it tolerant of
// spacing, hyphens, full-width forms and vendor prefixes (sharing the matcher's normalisation).
import type { Chip, Dataset } from './schema';

export function findChip(dataset: Dataset, query: string): Chip | null {
  const q = query.trim().toLowerCase();
  return dataset.chips.find((c) => c.id === q || c.names.some((n) => n.toLowerCase() === q)) ?? null;
}
