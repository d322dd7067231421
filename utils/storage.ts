// Settings kept across restarts. One place for every storage key the extension uses.
import { storage } from 'wxt/utils/storage';

/** Host names where the reader switched annotation off (exact host, e.g. "www.reuters.com"). */
export const disabledHosts = storage.defineItem<string[]>('local:disabledHosts', {
  fallback: [],
  version: 1,
});

export interface Settings {
  /** Card and popup language; 'auto' follows the browser. */
  lang: 'auto' | 'en' | 'zh';
  /** Delay before a card opens on hover, ms. */
  hoverDelayMs: number;
  /** Also mark names inside <code> and <pre>. */
  markInCode: boolean;
}

export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: { lang: 'auto', hoverDelayMs: 250, markInCode: false },
  version: 1,
});
