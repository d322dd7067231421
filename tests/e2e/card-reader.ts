// Reading the card from tests. Its shadow root is closed (the page must not read it), so a test
// reads it the way DevTools does: in Chromium through the DevTools protocol (DOM.getDocument with
// `pierce: true` lists closed roots; the card's box is resolved into a world of the test's own,
// so a hostile page's patched prototypes cannot fool the reading); in Firefox through WebDriver
// BiDi, whose serialisation hands out closed roots when asked (`includeShadowTree: 'all'`).
// The build under test is the one that ships: no hook in the extension.
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';

/**
 * What a test reads from the card: runs in the page with the card's outermost visible box (the
 * element with `data-chip-id`). Must be self-contained (it is sent as source) and return JSON.
 */
export type CardRead<T, A = undefined> = (card: HTMLElement, arg: A) => T;

interface CdpNode {
  backendNodeId: number;
  localName: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/** The first node (depth first) under `node` with attribute `name`. */
function findWithAttribute(node: CdpNode, name: string): CdpNode | null {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findWithAttribute(child, name);
    if (found) return found;
  }
  return null;
}

/** The mode of each <chiplens-card> host's shadow root, in document order (Chromium). */
export async function cardHostRoots(page: Page): Promise<(string | null)[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const html = root.children?.find((n) => n.localName === 'html');
    return (html?.children ?? []).filter((n) => n.localName === 'chiplens-card').map((n) => n.shadowRoots?.[0]?.shadowRootType ?? null);
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `read` on the open card's box (Chromium), or returns null when no card is open: the card
 * is the <chiplens-card> host on <html>, and its box the first element in its shadow root that
 * carries `data-chip-id`.
 */
export async function readCard<T, A = undefined>(page: Page, read: CardRead<T, A>, arg?: A): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const html = root.children?.find((n) => n.localName === 'html');
    const host = html?.children?.find((n) => n.localName === 'chiplens-card');
    const shadow = host?.shadowRoots?.[0];
    const box = shadow ? findWithAttribute(shadow, 'data-chip-id') : null;
    if (!box) return null;
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'chiplens-card-reader' });
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: box.backendNodeId, executionContextId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${read.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`reading the card failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The card's chip id, or null when no card is open (Chromium). */
export const cardChipId = (page: Page) => readCard(page, (card) => card.getAttribute('data-chip-id'));

/** Whether a card is open and painted: in the page, visible, with a box of some size. */
export const cardShown = (page: Page) =>
  readCard(page, (card) => {
    const rect = card.getBoundingClientRect();
    return card.isConnected && rect.width > 0 && rect.height > 0 && card.checkVisibility({ visibilityProperty: true });
  }).then((shown) => shown === true);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A few of Playwright's Locator calls, for an element in the card (`selectors` applied in turn
 * with querySelector from the card's box), read through CDP: Playwright's own locators do not
 * enter closed roots. Enough for tests written against a locator to keep their shape.
 */
export interface CardLocator {
  locator(selector: string): CardLocator;
  first(): CardLocator;
  count(): Promise<number>;
  getAttribute(name: string): Promise<string | null>;
  textContent(): Promise<string | null>;
  boundingBox(): Promise<Box | null>;
  waitFor(options: { state: 'visible' | 'attached' | 'detached'; timeout?: number }): Promise<void>;
  scrollIntoViewIfNeeded(): Promise<void>;
  /** With `trial`: throws unless the element is visible and a click at its centre would land on it. */
  click(options: { trial: true }): Promise<void>;
}

type Found = { attached: boolean; visible: boolean; attr: string | null; text: string | null; box: Box | null; hit: boolean };

export function cardLocator(page: Page, selectors: string[] = []): CardLocator {
  const probe = (attr: string | null, scroll = false) =>
    readCard(
      page,
      (card, { selectors, attr, scroll }) => {
        let el: Element | null = card;
        for (const s of selectors) el = el?.querySelector(s) ?? null;
        if (!el?.isConnected) return null; // closed between the snapshot and this read
        if (scroll) el.scrollIntoView({ block: 'nearest' });
        const r = el.getBoundingClientRect();
        const visible = r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
        const root = el.getRootNode() as ShadowRoot;
        const at = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          attached: true,
          visible,
          attr: attr === null ? null : el.getAttribute(attr),
          text: el.textContent,
          box: { x: r.left, y: r.top, width: r.width, height: r.height },
          hit: at !== null && el.contains(at),
        };
      },
      { selectors, attr, scroll },
    ) as Promise<Found | null>;
  return {
    locator: (selector) => cardLocator(page, [...selectors, selector]),
    first: () => cardLocator(page, selectors),
    count: async () => ((await probe(null)) ? 1 : 0),
    getAttribute: async (name) => (await probe(name))?.attr ?? null,
    textContent: async () => (await probe(null))?.text ?? null,
    boundingBox: async () => (await probe(null))?.box ?? null,
    async waitFor({ state, timeout = 5_000 }) {
      const deadline = Date.now() + timeout;
      for (;;) {
        const found = await probe(null);
        if (state === 'detached' ? !found : state === 'attached' ? found : found?.visible) return;
        if (Date.now() > deadline) throw new Error(`card element ${selectors.join(' ') || '(box)'} not ${state} within ${timeout} ms`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
    },
    async scrollIntoViewIfNeeded() {
      await probe(null, true);
    },
    async click() {
      const found = await probe(null);
      if (!found?.visible || !found.hit) throw new Error(`a click on card element ${selectors.join(' ')} would not land on it`);
    },
  };
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { type: string; result?: BidiValue; exceptionDetails?: { text: string } } }>;
}
interface BidiValue {
  type: string;
  sharedId?: string;
  value?: unknown;
}

/** The same read in Firefox (puppeteer over WebDriver BiDi); null when no card is open. */
export async function readCardFirefox<T, A = undefined>(page: FirefoxPage, read: CardRead<T, A>, arg?: A): Promise<T | null> {
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const call = async (functionDeclaration: string, args: BidiValue[] = []) => {
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration,
      arguments: args,
      awaitPromise: false,
      target: { context },
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    if (result.type === 'exception') throw new Error(`reading the card failed: ${result.exceptionDetails?.text}`);
    return result.result!;
  };
  const host = await call("() => [...document.documentElement.children].find((e) => e.localName === 'chiplens-card') ?? null");
  const shadow = (host.value as { shadowRoot?: BidiValue | null } | undefined)?.shadowRoot;
  if (!shadow?.sharedId) return null;
  const value = await call(
    `(root) => { const card = root.querySelector('[data-chip-id]'); return card ? JSON.stringify((${read.toString()})(card, ${JSON.stringify(arg ?? null)})) : null; }`,
    [{ sharedId: shadow.sharedId } as BidiValue],
  );
  return value.type === 'string' ? (JSON.parse(value.value as string) as T) : null;
}
