// Every stored record as zod sees it, for the background and the extension's pages (zod stays out
// of the content script, which reads settings and disabledHosts through utils/storage/storage.ts's own
// parsers; a unit test holds those parsers to the schemas here). A corrupt record heals itself:
// what does not parse is replaced by what its parser makes of it (a setting field by field) or
// removed, when it is read and once at each start of the background (healStorage). A write that
// fails because storage is full is told apart, so the options page can say so.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { StoredItem } from './storage';
import { SEEN_KEY } from './seen-record';
import { SeenRecordSchema } from './seen-statuses';
import { FOCUS_PATTERN, HOVER_DELAY_RANGE, SETTING_LANGS, parseSettings, type Settings } from './settings';

z.config({ jitless: true });

const isoTime = z.string().max(40);

export const SettingsSchema = z.object({
  lang: z.enum(SETTING_LANGS),
  hoverDelayMs: z.number().int().min(HOVER_DELAY_RANGE.min).max(HOVER_DELAY_RANGE.max),
  markInCode: z.boolean(),
  focus: z.string().regex(FOCUS_PATTERN),
}) satisfies z.ZodType<Settings>;

export const DisabledHostsSchema = z.array(z.string());

/** The last signed dataset copy accepted (its envelope, re-verified at each start; see utils/updates/dataset-updates.ts). */
const StoredUpdateSchema = z.object({ envelope: z.string(), fetchedAt: isoTime });
export type StoredUpdate = z.infer<typeof StoredUpdateSchema>;

/** How the last check for a dataset update went (the options page shows it). */
const UpdateCheckSchema = z.object({
  /** When, ISO 8601. */
  at: isoTime,
  ok: z.boolean(),
  /** What happened, in English (a maintainer's words, e.g. "the signature does not match…"). */
  message: z.string().max(2_000),
});
export type UpdateCheck = z.infer<typeof UpdateCheckSchema>;

/** What each frame of a tab marked (utils/background/tab-mentions.ts): frameId → chipId → count. */
export const TabRecordSchema = z.object({
  /** Host of the top frame; null until it reports (or where ChipLens does not run). */
  host: z.string().max(253).nullable(),
  frames: z.record(z.string().regex(/^\d+$/), z.record(z.string().max(80), z.number().int().nonnegative())),
});
export type TabRecord = z.infer<typeof TabRecordSchema>;

export const TAB_RECORD_PREFIX = 'mentions:';

/** Says what a failed write means to a reader: a full storage, or the browser's own words. */
export function writeProblem(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  return /quota|storage full|QuotaExceeded/i.test(message) ? 'could not save: storage full' : `could not save: ${message.slice(0, 100)}`;
}

/**
 * An item checked by `schema`; what fails is `fallback` to the code, and replaced in storage by
 * `fallback` (or removed, when the fallback is null) as soon as it is read.
 */
function checkedItem<T>(key: string, schema: z.ZodType<T>, fallback: T, area: 'local' | 'session' = 'local'): Omit<StoredItem<T>, 'watch'> {
  return {
    async getValue() {
      const raw = (await browser.storage[area].get(key))[key];
      if (raw === undefined || raw === null) return fallback;
      const parsed = schema.safeParse(raw);
      if (parsed.success) return parsed.data;
      // Corrupt: heal it (a failed write leaves it, and the next read tries again).
      await (fallback === null ? browser.storage[area].remove(key) : browser.storage[area].set({ [key]: fallback })).catch(() => undefined);
      return fallback;
    },
    async setValue(value) {
      await browser.storage[area].set({ [key]: value });
    },
  };
}

export const datasetUpdate = checkedItem<StoredUpdate | null>('datasetUpdate', StoredUpdateSchema.nullable(), null);
export const updateCheck = checkedItem<UpdateCheck | null>('updateCheck', UpdateCheckSchema.nullable(), null);
export const tabRecord = (tabId: number) => checkedItem<TabRecord | null>(`${TAB_RECORD_PREFIX}${tabId}`, TabRecordSchema.nullable(), null, 'session');

/** Keeps an accepted update and the status that names it, in one write. */
export async function saveUpdate(update: StoredUpdate, check: UpdateCheck): Promise<void> {
  await browser.storage.local.set({ datasetUpdate: update, updateCheck: check });
}

/** How a stored value that fails its schema is healed: its repaired value, or undefined to remove it. */
const LOCAL_REPAIRS: Record<string, { schema: z.ZodType; repair: (raw: unknown) => unknown }> = {
  settings: { schema: SettingsSchema, repair: parseSettings },
  disabledHosts: { schema: DisabledHostsSchema, repair: (raw) => (Array.isArray(raw) ? raw.filter((h) => typeof h === 'string') : []) },
  datasetUpdate: { schema: StoredUpdateSchema, repair: () => undefined },
  updateCheck: { schema: UpdateCheckSchema, repair: () => undefined },
  // What the reader last saw (utils/storage/seen-statuses.ts): a corrupt record starts again.
  [SEEN_KEY]: { schema: SeenRecordSchema, repair: () => undefined },
};

/**
 * Checks every record the extension keeps and heals what does not parse: settings field by field
 * (DEFAULT_SETTINGS where a field is bad), hosts kept where they are strings, the rest removed.
 * Returns the keys it healed. A storage it cannot read or write is left as it is.
 */
export async function healStorage(): Promise<string[]> {
  const healed: string[] = [];
  try {
    const local = await browser.storage.local.get(Object.keys(LOCAL_REPAIRS));
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const [key, raw] of Object.entries(local)) {
      const { schema, repair } = LOCAL_REPAIRS[key]!;
      if (raw === undefined || raw === null || schema.safeParse(raw).success) continue;
      const repaired = repair(raw);
      if (repaired === undefined) remove.push(key);
      else set[key] = repaired;
      healed.push(key);
    }
    const session = await browser.storage.session.get(null);
    for (const [key, raw] of Object.entries(session)) {
      if (!key.startsWith(TAB_RECORD_PREFIX) || TabRecordSchema.safeParse(raw).success) continue;
      await browser.storage.session.remove(key);
      healed.push(key);
    }
    if (Object.keys(set).length) await browser.storage.local.set(set);
    if (remove.length) await browser.storage.local.remove(remove);
  } catch {
    // Unreadable or full: each read still falls back on its own.
  }
  return healed;
}
