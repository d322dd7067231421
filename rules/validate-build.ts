// Build-time guard (wxt.config.ts `build:before`): an invalid dataset stops the build with
// messages naming the file and field.
import { bundledRaw } from './bundled-data';
import { parseDataset } from './dataset';
import { checkIntegrity } from './integrity';

export function assertBundledDatasetValid(): void {
  const parsed = parseDataset(bundledRaw);
  const errors = parsed.ok ? checkIntegrity(parsed.dataset) : parsed.errors;
  if (errors.length > 0) {
    throw new Error(`ChipLens: the rules dataset is invalid (${errors.length} problem${errors.length > 1 ? 's' : ''}):\n  ${errors.join('\n  ')}`);
  }
}
