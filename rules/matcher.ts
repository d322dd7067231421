// Finds chip names in text. PLACEHOLDER (naive): the annotation-engine issue (#4) replaces the
// body with the real compiled matcher; the API below is the contract the content script, the
// popup lookup and the CLI rely on.
import type { MatcherIndex } from './matcher-index';

export interface Mention {
  chipId: string;
  /** UTF-16 offsets into the scanned text: [start, end). */
  start: number;
  end: number;
  /** The matched text, exactly as it stands in the input. */
  text: string;
}

export interface ScanOptions {
  /**
   * Names that need context (see MatcherIndex.needsContext) are matched only when the text
   * itself has chip context, unless the caller already knows the context is there (true).
   */
  context?: boolean;
}

export interface Matcher {
  /** Dataset version this matcher was built from. */
  readonly version: string;
  scan(text: string, options?: ScanOptions): Mention[];
}

export function compileMatcher(index: MatcherIndex): Matcher {
  const names = index.chips
    .flatMap((c) => c.names.map((n) => ({ id: c.id, n })))
    .sort((a, b) => b.n.length - a.n.length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![A-Za-z0-9])(${names.map((x) => escape(x.n)).join('|')})(?![A-Za-z0-9])`, 'gi');
  const byName = new Map(names.map((x) => [x.n.toLowerCase(), x.id]));
  return {
    version: index.version,
    scan(text) {
      const out: Mention[] = [];
      for (const m of text.matchAll(re)) {
        const chipId = byName.get(m[0].toLowerCase());
        if (chipId && m.index !== undefined) out.push({ chipId, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
      return out;
    },
  };
}
