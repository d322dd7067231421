// Parses raw dataset JSON into a typed Dataset, turning zod issues into messages that name the
// data file, the record and the field, e.g.
//   rules/data/chips.json: chip "nvidia-h20" › specs.tpp.sources: a known value must cite at least one source
// No browser API: used by the build, the CLI and the background alike.
import type { z } from 'zod';
import { Dataset } from './schema';

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; errors: string[] };

/** Where each top-level key of the dataset lives in the repository. */
export const DATA_FILES = {
  meta: 'rules/data/meta.json',
  sources: 'rules/data/sources.json',
  destinations: 'rules/data/destinations.json',
  chips: 'rules/data/chips.json',
  events: 'rules/data/events.json',
} as const;

type Key = keyof typeof DATA_FILES;
const RECORD_NOUN: Record<Key, string> = { meta: 'meta', sources: 'source', destinations: 'destination', chips: 'chip', events: 'event' };

/** Formats one zod issue against the raw input so the message points at a file and a record. */
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [top, index, ...rest] = issue.path;
  if (typeof top !== 'string' || !(top in DATA_FILES)) {
    return `dataset: ${issue.path.join('.') || '(root)'}: ${issue.message}`;
  }
  const key = top as Key;
  const file = DATA_FILES[key];
  if (typeof index !== 'number') {
    const field = [index, ...rest].filter((p) => p !== undefined).join('.');
    return `${file}: ${field ? `${field}: ` : ''}${issue.message}`;
  }
  const record = (raw as Record<string, unknown[]> | null)?.[key]?.[index] as { id?: unknown } | undefined;
  const label = typeof record?.id === 'string' ? `${RECORD_NOUN[key]} "${record.id}"` : `${RECORD_NOUN[key]} #${index + 1}`;
  const field = rest.map(String).join('.');
  return `${file}: ${label}${field ? ` › ${field}` : ''}: ${issue.message}`;
}

export function parseDataset(raw: unknown): ParseResult {
  const result = Dataset.safeParse(raw);
  if (result.success) return { ok: true, dataset: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => describeIssue(raw, issue)) };
}
