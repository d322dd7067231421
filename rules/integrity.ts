// Cross-record checks zod cannot express alone (ids that exist, one owner per alias, …).
// Placeholder: the rules issue (#3) fills this in; it returns messages naming file and field.
import type { Dataset } from './schema';

export function checkIntegrity(_dataset: Dataset): string[] {
  return [];
}
