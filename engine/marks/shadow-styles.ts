// Marks inside open shadow roots need the ::highlight rule inside the shadow tree in Firefox:
// Firefox ESR 153 paints nothing there from the manifest-injected marks.css, while Chromium 156
// inherits the document's ::highlight style through the host (both checked by screenshot).
// Adopting a constructed sheet changes only the root's adoptedStyleSheets list, never its DOM,
// and switching off takes it back out.
import markCss from './marks.css?inline';

export interface ShadowStyles {
  adopt(root: ShadowRoot): void;
  /** Takes the sheet back out of every root (switching off leaves nothing behind). */
  release(): void;
  /** The roots whose host is in the page now. */
  roots(): ShadowRoot[];
  /**
   * Forgets roots whose host left the page, so a long-lived app that keeps replacing components
   * does not keep every old one alive (called when the whole page is read again).
   */
  prune(): void;
}

export function createShadowStyles(): ShadowStyles {
  let sheet: CSSStyleSheet | null = null;
  const adopted = new Set<ShadowRoot>();
  // Roots met during a slice of reading get their sheet together when the slice ends: each
  // adoption invalidates the page's style, and the slice's checks of what is hidden would
  // otherwise recalculate it once per root (3,000 widgets with shadow roots took seconds).
  let pending: ShadowRoot[] = [];
  const flush = () => {
    const roots = pending;
    pending = [];
    for (const root of roots) {
      try {
        sheet ??= new CSSStyleSheet();
        if (!sheet.cssRules.length) sheet.replaceSync(markCss);
        // A root met again after it left the page and came back may have it still.
        if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } catch {
        // A browser or page that refuses constructed sheets: the marks there stay unstyled.
      }
    }
  };
  return {
    adopt(root) {
      if (adopted.has(root)) return;
      adopted.add(root);
      if (!pending.length) queueMicrotask(flush);
      pending.push(root);
    },
    release() {
      pending = [];
      for (const root of adopted) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // Never adopted there (refused above).
        }
      }
      adopted.clear();
    },
    roots: () => [...adopted].filter((root) => root.host.isConnected),
    // A forgotten root whose host comes back keeps the sheet (harmless once the highlight is
    // gone) and is adopted again when met.
    prune() {
      for (const root of adopted) if (!root.host.isConnected) adopted.delete(root);
    },
  };
}
