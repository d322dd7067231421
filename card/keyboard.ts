// The keyboard's way to the marks: the browser's shortcut (manifest `commands`, forwarded by the
// background as a 'step-mark' message) steps to the next or previous mark in reading order,
// scrolls it into view with a focus ring (a second Highlight) and opens its card with focus in it;
// Esc puts focus back (card.tsx). A focused link whose text holds a mark opens that card too.
// Marks are not made focusable: the page's own tab order is untouched.
import type { Session } from '../engine/session/session';
import type { CardController } from './card';
import type { Mark, MarkRegistry } from '../engine/marks/marks';

const FOCUS_HIGHLIGHT = 'chiplens-focus';

/** What the background sends when a shortcut is pressed: step 1 (next) or -1 (previous). */
export const stepOf = (m: unknown): 1 | -1 | 0 => ((m as { type?: unknown } | null)?.type === 'step-mark' ? ((m as { step?: unknown }).step === -1 ? -1 : 1) : 0);

/** The marks in the text under `root` (the registry indexes marks by text node). */
function marksIn(marks: MarkRegistry, root: Node): Mark[] {
  const found = new Set<Mark>();
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) marks.at(n as Text).forEach((m) => found.add(m));
  return [...found];
}

/** `readAll`: the shortcut may go past what has been read near the view. */
export function followKeyboard(session: Session, marks: MarkRegistry, card: CardController, readAll: () => void) {
  const ring = new Highlight();
  let at: Mark | null = null;
  /** The card opened because a link took focus: it closes when focus moves on. */
  let byFocus = false;

  const where = (m: Mark) => {
    const r = m.range.getBoundingClientRect();
    return r.width || r.height ? r.top + scrollY + r.left / 1e5 : null; // reading order, laid-out marks only
  };

  function step(dir: 1 | -1) {
    readAll();
    const list = [...marks.blocks()].flatMap((b) => marksIn(marks, b)).flatMap((m) => {
      const y = where(m);
      return y === null ? [] : [{ m, y }];
    });
    if (!list.length) return;
    list.sort((a, b) => (a.y - b.y) * dir);
    const from = at && list.some((e) => e.m === at) ? where(at)! : scrollY - dir; // none yet: from the top of the view
    const next = (list.find((e) => (e.y - from) * dir > 0) ?? list[0]!).m;
    at = next;
    ring.clear();
    ring.add(next.range);
    CSS.highlights.set(FOCUS_HIGHLIGHT, ring);
    next.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    byFocus = false;
    card.point({ chipId: next.chipId, range: next.range }, 'key');
  }

  document.addEventListener(
    'focusin',
    (e) => {
      if (!e.isTrusted || card.owns(e.target)) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      const mark = link && marksIn(marks, link)[0];
      if (mark) {
        byFocus = true;
        card.point({ chipId: mark.chipId, range: mark.range }, 'tap');
      } else if (byFocus) {
        byFocus = false;
        card.close();
      }
    },
    { signal: session.signal },
  );
  card.onClose(() => {
    at = null;
    CSS.highlights.delete(FOCUS_HIGHLIGHT);
  });
  return step;
}
