// Turns pointer movement into card.point calls: hover at most once a frame, and only when the
// mark under the pointer changes; a touch, pen or click on a mark is a tap. Only the reader's own
// (trusted) events count: a page's script cannot open or close the card with synthetic ones.
import type { Session } from '../engine/session/session';
import type { CardController, MarkTarget } from './card';
import { markAt } from '../engine/marks/hit-test';
import type { Mark, MarkRegistry } from '../engine/marks/marks';

const target = (mark: Mark | null): MarkTarget | null => (mark ? { chipId: mark.chipId, range: mark.range } : null);

export function followPointer(session: Session, marks: MarkRegistry, card: CardController, shadowRoots: () => ShadowRoot[]): void {
  const { signal } = session;
  let last: PointerEvent | null = null;
  let frame = 0;
  /** The mark last reported; undefined after the pointer was over the card. */
  let current: Mark | null | undefined = null;

  document.addEventListener(
    'pointermove',
    (e) => {
      if (!e.isTrusted || e.pointerType !== 'mouse') return;
      last = e;
      frame ||= session.requestAnimationFrame(() => {
        frame = 0;
        if (!last) return;
        if (card.owns(last.target)) {
          current = undefined;
          return;
        }
        const mark = markAt(marks, last.clientX, last.clientY, shadowRoots());
        if (mark === current) return;
        current = mark;
        card.point(target(mark), 'hover', last.timeStamp); // the hover delay counts from the event
      });
    },
    { passive: true, capture: true, signal },
  );

  /** The last touch or pen tap on a mark inside a link, whose card was not open before it. */
  let firstTapInLink: Mark | null = null;

  document.addEventListener(
    'pointerdown',
    (e) => {
      if (!e.isTrusted || e.pointerType === 'mouse' || card.owns(e.target)) return;
      const mark = markAt(marks, e.clientX, e.clientY, shadowRoots());
      // Without hover, the first tap on a linked name opens its card; the second follows the link.
      firstTapInLink = mark && !card.isOpenOn(target(mark)!) && inLink(mark) ? mark : null;
      current = mark;
      card.point(target(current), 'tap');
    },
    { passive: true, capture: true, signal },
  );

  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || card.owns(e.target)) return;
      const touch = (e as PointerEvent).pointerType && (e as PointerEvent).pointerType !== 'mouse';
      const mark = markAt(marks, e.clientX, e.clientY, shadowRoots());
      if (touch) {
        if (mark && mark === firstTapInLink) e.preventDefault();
        firstTapInLink = null;
        return;
      }
      if (mark) card.point(target(mark), 'tap');
    },
    // Not passive: a first tap on a linked name must not follow the link.
    { capture: true, signal },
  );
}

/** Whether the mark's text sits inside a link (marks start in a text node). */
const inLink = (mark: Mark) => !!mark.range.startContainer.parentElement?.closest('a[href]');
