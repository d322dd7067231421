// Shadow roots a page attaches after ChipLens read it. No mutation record announces
// attachShadow, so two kinds are looked for: custom elements not yet defined when the page was
// read (their definition loads later and attaches a root: a podcast player, a comment widget)
// are looked at again a few times, and any element a change touched is checked for a root
// ChipLens has not entered.

/** When undefined custom elements are looked at again, ms after the page was read. */
const LOOK_AGAIN_MS = [250, 1000, 3000, 10_000, 30_000];

export interface LateShadows {
  /** The page was read: note its custom elements not yet defined, and look at them later. */
  pageRead(roots: Iterable<Document | ShadowRoot>): void;
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
  let waiting: Element[] = [];
  let timer = 0;
  let look = 0;

  const isNewHost = (el: Element) => el.isConnected && el.shadowRoot != null && !hooks.entered(el.shadowRoot);

  function report(elements: Iterable<Element>) {
    const hosts = [...elements].filter(isNewHost);
    if (hosts.length) hooks.found(hosts);
  }

  function lookAgain() {
    timer = 0;
    const defined = waiting.filter((el) => el.matches(':defined'));
    waiting = waiting.filter((el) => el.isConnected && !defined.includes(el));
    report(defined);
    if (waiting.length && ++look < LOOK_AGAIN_MS.length) schedule();
  }

  function schedule() {
    const wait = LOOK_AGAIN_MS[look]! - (LOOK_AGAIN_MS[look - 1] ?? 0);
    timer = hooks.setTimeout(lookAgain, wait);
  }

  return {
    pageRead(roots) {
      waiting = [];
      for (const root of roots) for (const el of root.querySelectorAll(':not(:defined)')) waiting.push(el);
      look = 0;
      if (timer) clearTimeout(timer);
      timer = 0;
      if (waiting.length) schedule();
    },
    check: report,
    stop() {
      if (timer) clearTimeout(timer);
      timer = 0;
      waiting = [];
    },
  };
}
