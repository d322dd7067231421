// Blocks waiting to be read until the reader comes near them. On a page with hundreds of names
// (an archive, a long list), reading and painting every one at once costs tens of ms for marks
// nobody may scroll to; an IntersectionObserver says which blocks are within a screen or two of
// the view, including when a hidden block shows, with no script run per scroll event.

/** How far beyond the view a waiting block is read: one screen above, two below. */
const NEAR = '100% 0px 200% 0px';

export interface NearView {
  /** Waits for these blocks to come near the view. */
  wait(blocks: Iterable<Element>): void;
  /** Stops waiting for a block (it was read another way). */
  forget(block: Node): void;
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
        else if (entry.isIntersecting && waiting.delete(block)) near.push(block);
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
