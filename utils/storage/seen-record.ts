// What the reader last saw of each chip (rules/changes.ts), as the extension's pages read it:
// without zod, which would triple the popup's size. Each entry is checked by hand and one that
// does not look right is left out (the background's writes go through zod: seen-statuses.ts).
import { browser } from 'wxt/browser';
import type { SeenEntry, SeenRecord } from '../../rules/changes';
import type { StatusCode } from '../../rules/schema';

export const SEEN_KEY = 'seenStatuses';

const STATUSES: readonly string[] = ['not-controlled', 'licensed', 'case-by-case', 'denied', 'unknown'] satisfies StatusCode[];

const isStatuses = (raw: unknown): raw is Record<string, StatusCode> =>
  typeof raw === 'object' && raw !== null && Object.values(raw).every((s) => STATUSES.includes(s as string));

/** The entries that look right; anything else is dropped. */
function readSeen(raw: unknown): SeenRecord {
  if (typeof raw !== 'object' || raw === null) return {};
  const entries = Object.entries(raw as Record<string, Partial<SeenEntry>>).filter(
    ([, e]) => typeof e?.version === 'string' && typeof e.day === 'string' && isStatuses(e.statuses),
  );
  return Object.fromEntries(entries.map(([id, e]) => [id, { version: e.version!, day: e.day!, statuses: e.statuses! }]));
}

/** The record, read and watched (the popup's useStored takes it as it is). */
export const seenStatuses = {
  async getValue(): Promise<SeenRecord> {
    return readSeen((await browser.storage.local.get(SEEN_KEY))[SEEN_KEY]);
  },
  watch(listener: (value: SeenRecord) => void): () => void {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SEEN_KEY in changes) listener(readSeen(changes[SEEN_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};
