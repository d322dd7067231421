// What changed since the reader last looked: each chip's statuses (toward every destination) as
// they were when its card was last opened, against the statuses now. Pure: the record is kept by
// utils/storage/seen-statuses.ts, the card and the popup show the result.
import type { CardModel, Lang } from './card-model';
import type { StatusCode } from './schema';
import { statusPhrase } from './labels';
import { uiWords } from './ui-words';

/** A chip's statuses toward each destination (id → status), as of one data version and day. */
export interface StatusSnapshot {
  version: string;
  day: string;
  statuses: Record<string, StatusCode>;
}

/** What the reader saw when they last opened a chip's card. */
export interface SeenEntry extends StatusSnapshot {
  /**
   * What that opening found changed (the statuses before, where they differed), kept for the rest
   * of that day: the card's model is built as the pointer reaches a mark, and a card opened again
   * the same day should still say what changed.
   */
  changed?: { day: string; version: string; from: Record<string, StatusCode> };
}

/** chip id → what the reader last saw of it. */
export type SeenRecord = Record<string, SeenEntry>;

/** The change a card shows, toward the destination it leads with. */
export interface StatusChange {
  destinationId: string;
  was: StatusCode;
  now: StatusCode;
  /** The data version the change was noticed in. */
  version: string;
  /** "Changed since you last looked (data 2026.12.07): was …; now …." in the card's language. */
  line: string;
}

/** A card answer that may say what changed (the background adds it; see utils/storage/seen-statuses.ts). */
export type CardWithChange = CardModel & { change?: StatusChange };

export const snapshotOf = (model: CardModel): StatusSnapshot => ({
  version: model.datasetVersion,
  day: model.date,
  statuses: Object.fromEntries(model.destinations.map((d) => [d.destinationId, d.status])),
});

/** The statuses that differ between two snapshots' (destinations known to both), as they were before. */
function differences(before: Record<string, StatusCode>, now: Record<string, StatusCode>): Record<string, StatusCode> {
  return Object.fromEntries(Object.entries(before).filter(([dest, was]) => dest in now && now[dest] !== was));
}

/**
 * The reader opens a card: the entry to keep from now on, and what changed since the last opening
 * (null for a first look, or when nothing did). A change found earlier the same day is still reported.
 */
export function lookAgain(entry: SeenEntry | undefined, now: StatusSnapshot): { entry: SeenEntry; changed: Record<string, StatusCode> | null } {
  if (!entry) return { entry: { ...now }, changed: null };
  const fresh = differences(entry.statuses, now.statuses);
  if (Object.keys(fresh).length > 0) {
    // A change on top of one seen earlier today reports the older "before" (what the reader knew).
    const from = entry.changed?.day === now.day ? { ...fresh, ...entry.changed.from } : fresh;
    const kept = differences(from, now.statuses);
    if (Object.keys(kept).length > 0) return { entry: { ...now, changed: { day: now.day, version: now.version, from: kept } }, changed: kept };
    return { entry: { ...now }, changed: null };
  }
  if (entry.changed && entry.changed.day === now.day) {
    const kept = differences(entry.changed.from, now.statuses);
    if (Object.keys(kept).length > 0) return { entry: { ...now, changed: { ...entry.changed, from: kept } }, changed: kept };
  }
  return { entry: { ...now }, changed: null };
}

/** The change toward `focus` a card should show, in the card's language; null when there is none. */
export function changeToward(changed: Record<string, StatusCode> | null, now: StatusSnapshot, focus: string, lang: Lang): StatusChange | null {
  const was = changed?.[focus];
  const current = now.statuses[focus];
  if (!was || !current || was === current) return null;
  const line = uiWords(lang).changedSince(now.version, statusPhrase(was, lang), statusPhrase(current, lang));
  return { destinationId: focus, was, now: current, version: now.version, line };
}

/**
 * For lists (the popup's "On this page"): the status toward `destinationId` the reader last saw, when
 * it differs from `statusNow` and they have not opened the card since; null otherwise.
 */
export function unseenChange(entry: SeenEntry | undefined, destinationId: string, statusNow: StatusCode): StatusCode | null {
  const was = entry?.statuses[destinationId];
  return was && was !== statusNow ? was : null;
}
