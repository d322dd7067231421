// Settings kept across restarts: the items the content script reads (utils/storage/checked-storage.ts
// holds the background's own records and checks every item with zod).
// A few lines over browser.storage.local rather than @wxt-dev/storage: the content script reads
// these on every page load, and the library (with its version bookkeeping, which reads storage as
// soon as an item is defined) was a sixth of the script's start-up time. Every read goes through
// a parser, so a value an older version or another tool left behind cannot reach the code.
import { browser } from 'wxt/browser';

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

export interface Settings {
  /** Card and popup language; 'auto': the page's, where it is Chinese or English, then the browser's (utils/reader-lang.ts). */
  lang: 'auto' | 'en' | 'zh';
  /** Delay before a card opens on hover, ms. */
  hoverDelayMs: number;
  /** Also mark names inside <code> and <pre>. */
  markInCode: boolean;
  /** The destination of interest: a dataset destination id ("CN", "AE", "OTHER"…); cards and the popup lead with it. */
  focus: string;
}

/** What the options page offers for the hover delay, ms; a stored value is held to it. */
export const HOVER_DELAY_RANGE = { min: 0, max: 2000, step: 50 } as const;

export const DEFAULT_SETTINGS: Settings = { lang: 'auto', hoverDelayMs: 250, markInCode: false, focus: 'CN' };

/** What a stored destination of interest may look like (the background checks it against the dataset). */
export const FOCUS_PATTERN = /^[A-Z][A-Z0-9]{1,11}$/;

/** Stored settings, field by field: a missing or malformed field takes its default. */
export function parseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const delay = r.hoverDelayMs;
  return {
    lang: r.lang === 'en' || r.lang === 'zh' || r.lang === 'auto' ? r.lang : DEFAULT_SETTINGS.lang,
    hoverDelayMs: typeof delay === 'number' && Number.isFinite(delay) ? Math.min(Math.max(Math.round(delay), HOVER_DELAY_RANGE.min), HOVER_DELAY_RANGE.max) : DEFAULT_SETTINGS.hoverDelayMs,
    markInCode: typeof r.markInCode === 'boolean' ? r.markInCode : DEFAULT_SETTINGS.markInCode,
    focus: typeof r.focus === 'string' && FOCUS_PATTERN.test(r.focus) ? r.focus : DEFAULT_SETTINGS.focus,
  };
}

export const settings = defineItem<Settings>('settings', DEFAULT_SETTINGS, parseSettings);

// The background's own records (the dataset update, the last check, per-tab counts) are read
// through zod in utils/storage/checked-storage.ts, which also heals what is corrupt; zod stays out of here
// because the content script imports this file.
