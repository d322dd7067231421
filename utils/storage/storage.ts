// Settings kept across restarts: the stored items the content script reads (utils/storage/checked-storage.ts
// holds the background's own records and checks every item with zod).
// A few lines over browser.storage.local rather than @wxt-dev/storage: the content script reads
// these on every page load, and the library (with its version bookkeeping, which reads storage as
// soon as an item is defined) was a sixth of the script's start-up time. Every read goes through
// a parser, so a value an older version or another tool left behind cannot reach the code.
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

// The settings' shape, defaults and parser live in utils/storage/settings.ts (no browser there).
export type { Settings } from './settings';

export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `listener` with each new value; returns the unwatch function. */
  watch(listener: (value: T) => void): () => void;
}

function defineItem<T>(key: string, fallback: T, parse: (raw: unknown) => T): StoredItem<T> {
  const read = (raw: unknown) => (raw === undefined || raw === null ? fallback : parse(raw));
  return {
    async getValue() {
      const stored = await browser.storage.local.get(key);
      return read(stored[key]);
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) listener(read(changes[key]!.newValue));
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}

/** Host names where the reader switched annotation off (exact host, e.g. "www.reuters.com"). */
export const disabledHosts = defineItem<string[]>('disabledHosts', [], (raw) =>
  Array.isArray(raw) ? raw.filter((h): h is string => typeof h === 'string') : [],
);

export const settings = defineItem<Settings>('settings', DEFAULT_SETTINGS, parseSettings);

// The background's own records (the dataset update, the last check, per-tab counts) are read
// through zod in utils/storage/checked-storage.ts, which also heals what is corrupt; zod stays out of here
// because the content script imports this file.
