// Build-time guard (wxt.config.ts `build:before`): an invalid dataset stops the build with
// messages naming the file and field.
import { bundledRaw } from './bundled-data';
import { parseDataset } from './dataset';
import { checkIntegrity } from './integrity';
import { checkRunnable } from './runnable';
import { MISSING_CHECKED_THROUGH } from './schema';

export function assertBundledDatasetValid(today: string = new Date().toISOString().slice(0, 10)): void {
  const parsed = parseDataset(bundledRaw);
  const problems = parsed.ok ? [...(parsed.dataset.meta.checkedThrough ? [] : [MISSING_CHECKED_THROUGH]), ...checkIntegrity(parsed.dataset)] : parsed.errors;
  const errors = parsed.ok && problems.length === 0 ? checkRunnable(parsed.dataset, { today }) : problems;
  if (errors.length > 0) {
    throw new Error(`ChipLens: the rules dataset is invalid (${errors.length} problem${errors.length > 1 ? 's' : ''}):\n  ${errors.join('\n  ')}`);
  }
}
