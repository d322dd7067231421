// The rests of long pages (read-down.ts) waiting for the reader to scroll near them. An
// IntersectionObserver cannot do this alone: a reader who jumps past a rest's first block (a
// link to an anchor, the End key, a restored scroll position) never makes it intersect. So on
// scroll and resize, once a frame, each rest's first block is measured (a few boxes).
import { farLine, type Rest } from './read-down';

export interface WaitingRests {
  wait(rests: Iterable<Rest>): void;
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
  const isNear = (rest: Rest) => {
    if (!rest.sentinel.isConnected) return true; // read it now: sweepRest finds its way
    const box = rest.sentinel.getBoundingClientRect();
    // Hidden now (no box): it waits, as a hidden deferred block does.
    return box.height > 0 && box.top <= farLine(rest.sentinel);
  };
  const look = () => {
    frame = 0;
    const near = waiting.filter(isNear);
    if (!near.length) return;
    waiting = waiting.filter((r) => !near.includes(r));
    if (!waiting.length) listen(false);
    onNear(near);
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

  return {
    wait(rests) {
      const added = [...rests];
      if (!added.length) return;
      waiting.push(...added);
      listen(true);
    },
    covers(block) {
      return waiting.some(
        ({ container, from }) =>
          container.contains(block) && (block.contains(from) || (from.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
      );
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
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
