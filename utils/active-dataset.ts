// The dataset the extension answers from: the copy bundled with this version, validated once.
import { bundledRaw } from '../rules/bundled-data';
import { parseDataset } from '../rules/dataset';
import type { Dataset } from '../rules/schema';

export function loadActiveDataset(): Dataset {
  const parsed = parseDataset(bundledRaw);
  // The build already refused invalid data, so this only trips on a broken build.
  if (!parsed.ok) throw new Error(`ChipLens: bundled dataset invalid: ${parsed.errors.join('; ')}`);
  return parsed.dataset;
}
