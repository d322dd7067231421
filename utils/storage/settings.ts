// The reader's settings as data: their shape, defaults, limits and the parser every stored value
// goes through. No browser here, so the options form (components/) and unit tests can import
// values from it; utils/storage/storage.ts keeps them in browser.storage, and
// utils/storage/checked-storage.ts holds the same shape as a zod schema.
import type { Lang } from '../../rules/card-model';

/** 'auto': the page's language, where it is Chinese or English, then the browser's (utils/reader-lang.ts). */
export const SETTING_LANGS = ['auto', 'en', 'zh'] as const satisfies readonly ('auto' | Lang)[];

export interface Settings {
  /** Card and popup language (SETTING_LANGS). */
  lang: (typeof SETTING_LANGS)[number];
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

/**
 * A hover delay as it may be kept: whole ms within HOVER_DELAY_RANGE, or null when `ms` is not a
 * finite number. Both the options form (what the reader typed) and parseSettings (what storage
 * holds) go through it, so the two cannot hold the delay to different limits.
 */
export function clampHoverDelay(ms: unknown): number | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
  return Math.min(Math.max(Math.round(ms), HOVER_DELAY_RANGE.min), HOVER_DELAY_RANGE.max);
}

/** Stored settings, field by field: a missing or malformed field takes its default. */
export function parseSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    lang: SETTING_LANGS.find((lang) => lang === r.lang) ?? DEFAULT_SETTINGS.lang,
    hoverDelayMs: clampHoverDelay(r.hoverDelayMs) ?? DEFAULT_SETTINGS.hoverDelayMs,
    markInCode: typeof r.markInCode === 'boolean' ? r.markInCode : DEFAULT_SETTINGS.markInCode,
    focus: typeof r.focus === 'string' && FOCUS_PATTERN.test(r.focus) ? r.focus : DEFAULT_SETTINGS.focus,
  };
}
