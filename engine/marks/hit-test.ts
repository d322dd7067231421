// Which mark is under the pointer. The marks are not elements, so there is no event target to
// read: find the caret at the pointer, look up the marks in that text node, and keep the one whose
// boxes contain the point (the caret APIs return the nearest caret even beside the text).
import type { Mark, MarkRegistry } from './marks';

type CaretPositionFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node } | null;

/** The text node at the pointer (caretPositionFromPoint: Chrome 128+, Firefox 20+). */
function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): Node | null {
  const pos = (document as Document & { caretPositionFromPoint: CaretPositionFromPoint }).caretPositionFromPoint(x, y, { shadowRoots });
  return pos?.offsetNode ?? null;
}

const inside = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

export function markAt(marks: MarkRegistry, x: number, y: number, shadowRoots: ShadowRoot[]): Mark | null {
  if (!marks.size) return null;
  const caret = caretAt(x, y, shadowRoots);
  if (caret?.nodeType !== Node.TEXT_NODE) return null;
  for (const mark of marks.at(caret as Text)) {
    for (const rect of mark.range.getClientRects()) if (inside(rect, x, y)) return mark;
  }
  return null;
}
