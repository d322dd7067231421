// What the reader last saw of each chip (rules/changes.ts): kept in storage.local under
// 'seenStatuses', checked by zod on every read (a record that does not parse is dropped and starts
// again, which costs at most one missed "changed" line). The background notes each card it builds
// (noteCardSeen); the popup reads the record (seen-record.ts, no zod) to show which chips on the page changed.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { changeToward, lookAgain, snapshotOf, unseenChange, type CardWithChange, type SeenRecord } from '../../rules/changes';
import type { CardModel } from '../../rules/card-model';
import { StatusCode, type StatusCode as Status } from '../../rules/schema';
import { SEEN_KEY } from './seen-record';

export { SEEN_KEY };

z.config({ jitless: true });

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

/** The whole record, through zod: one that does not parse starts again. */
async function readRecord(): Promise<SeenRecord> {
  const parsed = SeenRecordSchema.safeParse((await browser.storage.local.get(SEEN_KEY))[SEEN_KEY] ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * The background, answering a page's request for a card: notes what the card shows as seen and
 * adds what changed since the reader last opened it (toward the destination the card leads with).
 * A storage that cannot be read or written leaves the card as it was.
 */
export async function noteCardSeen(model: CardModel | null): Promise<CardWithChange | null> {
  if (!model) return model;
  try {
    const record = await readRecord();
    const now = snapshotOf(model);
    const { entry, changed } = lookAgain(record[model.chipId], now);
    await browser.storage.local.set({ [SEEN_KEY]: { ...record, [model.chipId]: entry } });
    const change = changeToward(changed, now, model.lead.destinationId, model.lang);
    return change ? { ...model, change } : model;
  } catch {
    return model;
  }
}

/**
 * The chips whose status toward `focus` moved since the reader last opened their card (for
 * marking them differently on the page); `statusNow` resolves a chip's status today.
 */
export async function changedChips(focus: string, statusNow: (chipId: string) => Status | null): Promise<string[]> {
  try {
    const record = await readRecord();
    return Object.keys(record).filter((id) => {
      const now = statusNow(id);
      return now !== null && unseenChange(record[id], focus, now) !== null;
    });
  } catch {
    return [];
  }
}
