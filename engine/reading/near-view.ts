// Blocks waiting to be read until the reader comes near them. On a page with hundreds of names
// (an archive, a long list), reading and painting every one at once costs tens of ms for marks
// nobody may scroll to; an IntersectionObserver says which blocks are within a screen or two of
// the view, including when a hidden block shows, with no script run per scroll event.

/**
 * How far beyond the view a waiting block is read: one screen above, two below, half a screen
 * to each side (wide tables). A scrolling box inside the page (an app whose article scrolls in a
 * <div>) and a frame clip their own content: a block there is read when it shows. (The
 * observer's `scrollMargin` would widen those clips, but in Chromium it widens the page's own
 * too, by far more than asked.)
 */
const NEAR = '100% 50% 200% 50%';

export interface NearView {
  /** Waits for these blocks to come near the view. */
  wait(blocks: Iterable<Element>): void;
  /** Stops waiting for a block (it was read another way). */
  forget(block: Node): void;
  /** Stops waiting for blocks that left the page (the observer says nothing of a far one). */
  prune(): void;
  /** Every block still waiting (the popup wants the whole page), no longer waited for. */
  takeAll(): Element[];
  /** Whether a block is waiting. */
  has(block: Node): boolean;
  readonly size: number;
  /** Stops waiting for anything. */
  stop(): void;
}

export function createNearView(onNear: (blocks: Element[]) => void): NearView {
  const waiting = new Set<Element>();
  let observer: IntersectionObserver | null = null;

  function observerFor(): IntersectionObserver {
    observer ??= new IntersectionObserver((entries) => {
      const near: Element[] = [];
      for (const entry of entries) {
        const block = entry.target;
        if (!block.isConnected) waiting.delete(block);
        else if ((entry.isIntersecting || boxless(entry)) && waiting.delete(block)) near.push(block);
        else continue;
        observer?.unobserve(block);
      }
      if (near.length) onNear(near);
    }, { rootMargin: NEAR });
    return observer;
  }

  return {
    wait(blocks) {
      for (const block of blocks) {
        if (waiting.has(block)) continue;
        waiting.add(block);
        observerFor().observe(block);
      }
    },
    prune() {
      for (const block of waiting) {
        if (block.isConnected) continue;
        waiting.delete(block);
        observer?.unobserve(block);
      }
    },
    forget(block) {
      if (waiting.delete(block as Element)) observer?.unobserve(block as Element);
    },
    takeAll() {
      const all = [...waiting].filter((b) => b.isConnected);
      this.stop();
      return all;
    },
    has: (block) => waiting.has(block as Element),
    get size() {
      return waiting.size;
    },
    stop() {
      waiting.clear();
      observer?.disconnect();
      observer = null;
    },
  };
}

/**
 * A block with no box of its own (`display: contents`, a <slot>'s default) never intersects
 * anything: it is read at once rather than never. A hidden block has no box either and waits.
 */
function boxless(entry: IntersectionObserverEntry): boolean {
  const { width, height } = entry.boundingClientRect;
  return width === 0 && height === 0 && getComputedStyle(entry.target).display === 'contents';
}
