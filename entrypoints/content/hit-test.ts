// Which mark is under the pointer. The marks are not elements, so there is no event target to
// read: find the caret at the pointer, look up the marks in that text node, and keep the one whose
// boxes contain the point (the caret APIs return the nearest caret even beside the text).
import type { Mark, MarkRegistry } from './marks';

interface Caret {
  node: Node;
}

type CaretPositionFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node } | null;

function caretAt(x: number, y: number, shadowRoots: ShadowRoot[]): Caret | null {
  const doc = document as Document & { caretPositionFromPoint?: CaretPositionFromPoint };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer } : null;
}

const inside = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

export function markAt(marks: MarkRegistry, x: number, y: number, shadowRoots: ShadowRoot[]): Mark | null {
  if (!marks.size) return null;
  const caret = caretAt(x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  for (const mark of marks.at(caret.node as Text)) {
    for (const rect of mark.range.getClientRects()) if (inside(rect, x, y)) return mark;
  }
  return null;
}
