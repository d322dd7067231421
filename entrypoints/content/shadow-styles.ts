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
  roots(): ShadowRoot[];
}

export function createShadowStyles(): ShadowStyles {
  let sheet: CSSStyleSheet | null = null;
  const adopted = new Set<ShadowRoot>();
  return {
    adopt(root) {
      if (adopted.has(root)) return;
      try {
        sheet ??= new CSSStyleSheet();
        sheet.replaceSync(markCss);
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        adopted.add(root);
      } catch {
        // A browser or page that refuses constructed sheets: the marks there stay unstyled.
      }
    },
    release() {
      for (const root of adopted) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      adopted.clear();
    },
    roots: () => [...adopted],
  };
}
