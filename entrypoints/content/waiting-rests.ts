// The rests of long pages (read-down.ts) waiting for the reader to come near them. An
// IntersectionObserver on each rest's sentinel sees it come near however the page moves (a
// scrolling box, one inside a shadow root, a layout shift). It cannot see a reader who jumps
// past a sentinel (an anchor link, the End key, a restored scroll position): the sentinel never
// intersects. So on scroll and resize, once a frame, the sentinels are measured too (a few boxes).
import { isWithin, upOf } from './dom';
import { farLine, type Rest } from './read-down';

/** As near-view.ts: a screen above the view, two below, half a screen to each side. */
const NEAR = '100% 50% 200% 50%';

export interface WaitingRests {
  /** Waits for these; rests in `readFrom` (read again from its top) are replaced by them. */
  wait(rests: Iterable<Rest>, readFrom?: Node | null): void;
  /** Whether a block's text lies in a rest not read yet (its marks, if any, stay until then). */
  covers(block: Node): boolean;
  /** Every rest still waiting, no longer waited for. */
  takeAll(): Rest[];
  readonly size: number;
  stop(): void;
}

export function createWaitingRests(onNear: (rests: Rest[]) => void): WaitingRests {
  let waiting: Rest[] = [];
  let frame = 0;
  let observer: IntersectionObserver | null = null;

  const isNear = (rest: Rest) => {
    // Gone, or hidden since (no box, and it would wait for ever): read it now; the read stops
    // again at the next text that is far and shows.
    if (!rest.sentinel.isConnected) return true;
    const box = rest.sentinel.getBoundingClientRect();
    return box.height === 0 || box.top <= farLine(rest.sentinel);
  };
  const hand = (near: Set<Rest>) => {
    if (!near.size) return;
    waiting = waiting.filter((r) => !near.has(r));
    for (const r of near) observer?.unobserve(r.sentinel);
    if (!waiting.length) listen(false);
    onNear([...near]);
  };
  const look = () => {
    frame = 0;
    hand(new Set(waiting.filter(isNear)));
  };
  const soon = () => {
    frame ||= requestAnimationFrame(look);
  };
  let listening = false;
  function listen(on: boolean) {
    if (on === listening) return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    // Capture: a scrolling box inside the page scrolls without the window scrolling.
    document[method]('scroll', soon, { capture: true, passive: true } as AddEventListenerOptions);
    window[method]('resize', soon, { passive: true } as AddEventListenerOptions);
  }
  const observe = (rest: Rest) => {
    observer ??= new IntersectionObserver(
      (entries) => {
        const near = new Set<Rest>();
        for (const entry of entries) {
          if (entry.isIntersecting) for (const r of waiting) if (r.sentinel === entry.target) near.add(r);
        }
        hand(near);
      },
      { rootMargin: NEAR },
    );
    observer.observe(rest.sentinel);
  };

  return {
    wait(rests, readFrom) {
      const added = [...rests];
      if (readFrom) {
        // A root read again from its top (a rescan) leaves its own rests: the old ones go.
        const replaced = waiting.filter((r) => isWithin(readFrom, r.container));
        for (const r of replaced) observer?.unobserve(r.sentinel);
        waiting = waiting.filter((r) => !replaced.includes(r));
      }
      if (!added.length) {
        if (!waiting.length) listen(false);
        return;
      }
      waiting.push(...added);
      added.forEach(observe);
      listen(true);
    },
    covers(block) {
      return waiting.some(({ container, from }) => {
        // The block, or the host of the shadow tree it is in, as seen from the container's tree.
        let n: Node | null = block;
        while (n && !isWithin(container, n)) n = upOf(n);
        return n !== null && (n.contains(from) || (from.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      });
    },
    takeAll() {
      const all = waiting;
      this.stop();
      return all;
    },
    get size() {
      return waiting.length;
    },
    stop() {
      waiting = [];
      listen(false);
      observer?.disconnect();
      observer = null;
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
