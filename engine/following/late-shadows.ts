// Shadow roots a page attaches after ChipLens read it. No mutation record announces
// attachShadow, so two kinds are looked for: custom elements not yet defined when ChipLens met
// them (their definition loads later and attaches a root: a podcast player, a comment widget)
// are looked at again a few times, and any element a change touched is checked for a root
// ChipLens has not entered.

/** When custom elements not yet defined are looked at again, ms after they were met. */
const LOOK_AGAIN_MS = [250, 1000, 3000, 10_000, 30_000];

export interface LateShadows {
  /** The page is read from the start: forget what was met before, meet these roots' elements. */
  pageRead(roots: Iterable<Document | ShadowRoot>): void;
  /** Subtrees read since (added, changed, a shadow root entered): meet their custom elements. */
  meet(roots: Iterable<Node>): void;
  /** Elements a change touched: any that hosts a root not entered yet is reported. */
  check(elements: Iterable<Element>): void;
  stop(): void;
}

export interface LateShadowsHooks {
  setTimeout(fn: () => void, ms: number): number;
  /** Whether ChipLens already reads this root. */
  entered(root: ShadowRoot): boolean;
  /** Hosts whose shadow root is new: read them. */
  found(hosts: Element[]): void;
}

export function createLateShadows(hooks: LateShadowsHooks): LateShadows {
  /** Custom elements met without a shadow root ChipLens entered. */
  let waiting = new Set<Element>();
  /** Hosts already reported: reading them again on every class change would be waste. */
  let reported = new WeakSet<Element>();
  let timer = 0;
  let look = 0;

  function report(elements: Iterable<Element>) {
    const hosts: Element[] = [];
    for (const el of elements) {
      const root = el.isConnected ? el.shadowRoot : null;
      if (!root || hooks.entered(root) || reported.has(el)) continue;
      reported.add(el);
      hosts.push(el);
    }
    if (hosts.length) hooks.found(hosts);
  }

  function lookAgain() {
    timer = 0;
    // A defined element may attach its root a little later: it stays for the remaining looks.
    const hosts: Element[] = [];
    for (const el of waiting) {
      if (!el.isConnected) waiting.delete(el);
      else if (el.shadowRoot) {
        waiting.delete(el);
        hosts.push(el);
      }
    }
    report(hosts);
    if (waiting.size && ++look < LOOK_AGAIN_MS.length) schedule();
  }

  function schedule() {
    const wait = LOOK_AGAIN_MS[look]! - (LOOK_AGAIN_MS[look - 1] ?? 0);
    timer = hooks.setTimeout(lookAgain, wait);
  }

  function meet(roots: Iterable<Node>) {
    let added = false;
    const add = (el: Element) => {
      if (waiting.has(el)) return;
      waiting.add(el);
      added = true;
    };
    for (const root of roots) {
      if (root.nodeType === Node.ELEMENT_NODE && (root as Element).matches(':not(:defined)')) add(root as Element);
      const under = (root as ParentNode).querySelectorAll?.(':not(:defined)') ?? [];
      for (let i = 0; i < under.length; i++) add(under[i]!);
    }
    // Newcomers get the whole series of looks.
    if (added) {
      if (timer) clearTimeout(timer);
      look = 0;
      schedule();
    }
  }

  return {
    pageRead(roots) {
      this.stop();
      meet(roots);
    },
    meet,
    check: report,
    stop() {
      if (timer) clearTimeout(timer);
      timer = 0;
      waiting = new Set();
      reported = new WeakSet();
    },
  };
}
