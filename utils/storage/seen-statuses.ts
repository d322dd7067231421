// What the reader last saw of each chip (rules/changes.ts): kept in storage.local under
// 'seenStatuses', checked by zod on every read (a record that does not parse is dropped and starts
// again, which costs at most one missed "changed" line). The background notes each card it builds
// (noteCardSeen); the popup reads the record to show which chips on the page changed.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { changeToward, lookAgain, snapshotOf, type CardWithChange, type SeenRecord } from '../../rules/changes';
import type { CardModel } from '../../rules/card-model';
import { StatusCode } from '../../rules/schema';

z.config({ jitless: true });

export const SEEN_KEY = 'seenStatuses';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const version = z.string().max(40);
const statuses = z.record(z.string().max(12), StatusCode);

export const SeenRecordSchema = z.record(
  z.string().max(80),
  z.object({
    version,
    day,
    statuses,
    changed: z.object({ day, version, from: statuses }).optional(),
  }),
);

const parse = (raw: unknown): SeenRecord => {
  const parsed = SeenRecordSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
};

/** The record, read and watched (the popup's useStored takes it as it is). */
export const seenStatuses = {
  async getValue(): Promise<SeenRecord> {
    return parse((await browser.storage.local.get(SEEN_KEY))[SEEN_KEY]);
  },
  watch(listener: (value: SeenRecord) => void): () => void {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SEEN_KEY in changes) listener(parse(changes[SEEN_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};

/**
 * The background, answering a page's request for a card: notes what the card shows as seen and
 * adds what changed since the reader last opened it (toward the destination the card leads with).
 * A storage that cannot be read or written leaves the card as it was.
 */
export async function noteCardSeen(model: CardModel | null): Promise<CardWithChange | null> {
  if (!model) return model;
  try {
    const record = await seenStatuses.getValue();
    const now = snapshotOf(model);
    const { entry, changed } = lookAgain(record[model.chipId], now);
    await browser.storage.local.set({ [SEEN_KEY]: { ...record, [model.chipId]: entry } });
    const change = changeToward(changed, now, model.lead.destinationId, model.lang);
    return change ? { ...model, change } : model;
  } catch {
    return model;
  }
}
