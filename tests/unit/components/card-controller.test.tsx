/** @vitest-environment happy-dom */
// The content script's card controller: placement arithmetic, and the WCAG 1.4.13 timing
// (hover delay, hide grace, hovering the card keeps it, Esc closes, tap opens at once).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCardController, placeCard, type CardController, type MarkTarget } from '../../../entrypoints/content/card';
import { cardModelFixture } from './card-model-fixture';

describe('placeCard', () => {
  const card = { width: 360, height: 300 };
  const view = { width: 1280, height: 900 };

  it('goes below the mark, left-aligned with it', () => {
    expect(placeCard({ left: 500, top: 100, bottom: 120 }, card, view)).toEqual({ x: 500, y: 126 });
  });
  it('goes above when there is no room below', () => {
    expect(placeCard({ left: 500, top: 700, bottom: 720 }, card, view)).toEqual({ x: 500, y: 394 });
  });
  it('stays inside the viewport near the right edge and when it fits neither side', () => {
    expect(placeCard({ left: 1200, top: 100, bottom: 120 }, card, view).x).toBe(1280 - 8 - 360);
    const tall = placeCard({ left: 10, top: 200, bottom: 220 }, { width: 360, height: 800 }, view);
    expect(tall.y).toBeGreaterThanOrEqual(8);
    expect(tall.y + 800).toBeLessThanOrEqual(900 - 8 + 1e-9);
  });
});

describe('createCardController', () => {
  let ctx: ContentScriptContext;
  let controller: CardController;
  let target: MarkTarget;
  // The card's root is closed: the test keeps each root attached, as only a test in the same realm can.
  let roots: ShadowRoot[] = [];
  const cardRoot = () => roots.find((r) => r.host === document.querySelector('chiplens-card')) ?? null;
  const cardEl = () => cardRoot()?.querySelector('[data-chip-id]') ?? null;
  /** The reader's own key press (the card ignores a page's synthetic events). */
  const trusted = <E extends Event>(e: E): E => Object.defineProperty(e, 'isTrusted', { value: true });

  beforeEach(() => {
    vi.useFakeTimers();
    fakeBrowser.reset();
    roots = [];
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    const send = vi.fn(async (msg: { type: string; chipId?: string }) =>
      msg.type === 'card' ? cardModelFixture() : msg.type === 'card-style' ? '.cl-card { color: rgb(1, 2, 3); }' : undefined,
    );
    fakeBrowser.runtime.sendMessage = send as never;
    const p = document.createElement('p');
    p.textContent = 'The H20 chip.';
    document.body.replaceChildren(p);
    const text = p.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 7);
    // happy-dom has no layout: give the mark a box.
    range.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 100, width: 30, height: 20 });
    target = { chipId: 'nvidia-h20', range };
    ctx = new ContentScriptContext('test');
    controller = createCardController(ctx);
  });
  afterEach(() => {
    ctx.abort();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('opens after the hover delay, on <html> not <body>, and a move away closes after the grace', async () => {
    const bodyBefore = document.body.innerHTML;
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(200);
    expect(cardEl()).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(cardEl()?.getAttribute('data-chip-id')).toBe('nvidia-h20');
    expect(document.querySelector('chiplens-card')!.parentElement).toBe(document.documentElement);
    expect(document.querySelector('chiplens-card')!.shadowRoot).toBeNull(); // closed: the page cannot read it
    expect(document.body.innerHTML).toBe(bodyBefore);

    controller.point(null, 'hover');
    await vi.advanceTimersByTimeAsync(200);
    expect(cardEl()).not.toBeNull(); // still within the grace period
    await vi.advanceTimersByTimeAsync(150);
    expect(document.querySelector('chiplens-card')).toBeNull();
  });

  it('stays open while the pointer is on the card', async () => {
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    const float = cardRoot()!.querySelector('.cl-float')!;
    controller.point(null, 'hover');
    float.dispatchEvent(new PointerEvent('pointerenter'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(cardEl()).not.toBeNull();
    expect(controller.owns(document.querySelector('chiplens-card'))).toBe(true);
    expect(controller.owns(document.body)).toBe(false);
  });

  it('opens at once on a tap and closes on a tap elsewhere', async () => {
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    expect(cardEl()).not.toBeNull();
    controller.point(null, 'tap');
    expect(document.querySelector('chiplens-card')).toBeNull();
  });

  it('closes on Esc, unless the page handled it, the reader is typing or the page sent it', async () => {
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    const input = document.body.appendChild(document.createElement('input'));
    input.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    const handled = trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    handled.preventDefault();
    window.dispatchEvent(handled);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })); // synthetic
    expect(cardEl()).not.toBeNull();
    document.body.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(document.querySelector('chiplens-card')).toBeNull();
  });

  it('asks the background once per chip for the card, and once per page for its stylesheet', async () => {
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    controller.close();
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    expect(cardEl()).not.toBeNull();
    const asked = vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([msg]) => (msg as unknown as { type: string }).type);
    expect(asked.sort()).toEqual(['card', 'card-style']);
    // The sheet the background sent styles the card, inside its own root.
    expect(cardRoot()!.querySelector('style')!.textContent).toContain('.cl-card { color: rgb(1, 2, 3); }');
  });

  it('sends the page’s publication-date clues with the card request', async () => {
    const meta = Object.assign(document.createElement('meta'), { content: '2025-04-16T08:00:00Z' });
    meta.setAttribute('property', 'article:published_time');
    document.head.append(meta);
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    meta.remove();
    const card = vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([msg]) => msg as unknown as { type: string; clues?: { meta: string[][] } }).find((m) => m.type === 'card')!;
    expect(card.clues?.meta).toEqual([['article:published_time', '2025-04-16T08:00:00Z']]);
  });
});
