// The rests of long pages (read-down.ts) waiting for the reader to come near them. Each rest's
// sentinel waits in an IntersectionObserver (near-view.ts), which sees it come near however the
// page moves (a scrolling box, one inside a shadow root, a layout shift). It cannot see a reader
// who jumps past a sentinel (an anchor link, the End key, a restored scroll position): the
// sentinel never intersects. So on scroll and resize, once a frame, the sentinels are measured
// too (a few boxes).
import { climb, isWithin } from './dom';
import { createNearView } from './near-view';
import { farLine, type Rest } from './read-down';

export interface WaitingRests {
  /** Waits for these; rests in `readFrom` (read again, down from its top or whole) are replaced by them. */
  wait(rests: Iterable<Rest>, readFrom?: Node | null): void;
  /** Whether a block's text lies in a rest not read yet (its marks, if any, stay until then). */
  covers(block: Node): boolean;
  /** Every rest still waiting, no longer waited for. */
  takeAll(): Rest[];
  /** Forgets rests whose column left the page. */
  prune(): void;
  readonly size: number;
  stop(): void;
}

/** `signal`: once aborted, no listener stays (and none is added). */
export function createWaitingRests(onNear: (rests: Rest[]) => void, signal?: AbortSignal): WaitingRests {
  let waiting: Rest[] = [];
  let frame = 0;
  // The sentinels, watched as deferred blocks are (near-view.ts).
  const sentinels = createNearView((near) => hand(new Set(waiting.filter((r) => near.includes(r.sentinel)))));

  const isNear = (rest: Rest) => {
    // Gone, or hidden since (no box, and it would wait for ever): read it now; the read stops
    // again at the next text that is far and shows.
    if (!rest.sentinel.isConnected) return true;
    const box = rest.sentinel.getBoundingClientRect();
    return box.height === 0 || box.top <= farLine(rest.sentinel);
  };
  const hand = (near: Set<Rest>) => {
    if (!near.size) return;
    drop((r) => near.has(r));
    if (!waiting.length) listen(false);
    onNear([...near]);
  };
  /** Stops waiting for the rests `gone` picks (a sentinel another rest shares stays watched). */
  const drop = (gone: (r: Rest) => boolean) => {
    const [out, kept] = [waiting.filter(gone), waiting.filter((r) => !gone(r))];
    waiting = kept;
    for (const r of out) if (!kept.some((k) => k.sentinel === r.sentinel)) sentinels.forget(r.sentinel);
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
    document[method]('scroll', soon, { capture: true, passive: true, signal } as AddEventListenerOptions);
    window[method]('resize', soon, { passive: true, signal } as AddEventListenerOptions);
  }
  return {
    wait(rests, readFrom) {
      const added = [...rests];
      if (readFrom) {
        // A root read again from its top (a rescan) leaves its own rests: the old ones go.
        drop((r) => isWithin(readFrom, r.container));
      }
      if (!added.length) {
        if (!waiting.length) listen(false);
        return;
      }
      waiting.push(...added);
      sentinels.wait(added.map((r) => r.sentinel));
      listen(true);
    },
    covers(block) {
      return waiting.some(({ container, from }) => {
        // The block, or the host of the shadow tree it is in, as seen from the container's tree.
        const n = climb(block, (b) => isWithin(container, b));
        // A start gone from the page: the rest is read whole, so all of it is covered.
        if (n && !from.isConnected) return true;
        return n !== null && (n.contains(from) || (from.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      });
    },
    takeAll() {
      const all = waiting;
      this.stop();
      return all;
    },
    prune() {
      drop((r) => !r.container.isConnected);
      if (!waiting.length) listen(false);
    },
    get size() {
      return waiting.length;
    },
    stop() {
      waiting = [];
      listen(false);
      sentinels.stop();
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
