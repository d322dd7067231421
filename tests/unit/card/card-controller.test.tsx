/** @vitest-environment happy-dom */
// The content script's card controller: placement arithmetic, and the WCAG 1.4.13 timing
// (hover delay, hide grace, hovering the card keeps it, Esc closes, tap opens at once).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCardController, type CardController, type MarkTarget } from '../../../card/card';
import { cardUi, placeCard } from '../../../card/card-ui';
import { registerCardUi } from '../../../card/card-ui-slot';
import { sessionFromController, type ChildSession } from '../../../engine/session/session';
import { cardModelFixture } from '../components/card-model-fixture';
import type { CardModel } from '../../../rules/card-model';

describe('placeCard', () => {
  const card = { width: 360, height: 300 };
  const view = { width: 1280, height: 900 };

  it('goes below the mark, left-aligned with it', () => {
    expect(placeCard({ left: 500, top: 100, bottom: 120 }, card, view)).toMatchObject({ x: 500, y: 126, maxHeight: 300, sheet: false });
  });
  it('goes above when there is no room below', () => {
    expect(placeCard({ left: 500, top: 700, bottom: 720 }, card, view)).toMatchObject({ x: 500, y: 394, maxHeight: 300 });
  });
  it('stays inside the viewport near the right edge', () => {
    expect(placeCard({ left: 1200, top: 100, bottom: 120 }, card, view).x).toBe(1280 - 8 - 360);
  });
  it('fitting neither side, takes the side with more room and is cut to it rather than covering the mark', () => {
    // The old placer clamped a tall card into the view, over a mark in the middle band.
    const p = placeCard({ left: 10, top: 300, bottom: 320 }, { width: 360, height: 800 }, view);
    expect(p).toMatchObject({ y: 326, maxHeight: 900 - 8 - 326 });
    const up = placeCard({ left: 10, top: 600, bottom: 620 }, { width: 360, height: 800 }, view);
    expect(up).toMatchObject({ y: 8, maxHeight: 600 - 6 - 8 });
  });
  it('is a sheet across a narrow window, below the mark, asking to scroll when the mark sits too low', () => {
    const phone = { width: 390, height: 844 };
    expect(placeCard({ left: 40, top: 100, bottom: 120 }, card, phone)).toMatchObject({ x: 15, y: 844 - 8 - 300, sheet: true, scroll: 0 });
    const low = placeCard({ left: 40, top: 600, bottom: 620 }, card, phone);
    expect(low.scroll).toBe(300 - (844 - 8 - 626));
    // Once scrolled, it fits below.
    expect(placeCard({ left: 40, top: 600 - low.scroll, bottom: 620 - low.scroll }, card, phone)).toMatchObject({ scroll: 0, maxHeight: 300 });
  });

  // Views: desktop, 200% zoom of 1280x900, a phone, a small phone, a short landscape window.
  const views = [
    { width: 1280, height: 900 },
    { width: 640, height: 450 },
    { width: 390, height: 844 },
    { width: 320, height: 568 },
    { width: 800, height: 300 },
  ];
  const cards = [
    { width: 360, height: 120 },
    { width: 360, height: 300 },
    { width: 360, height: 460 },
  ];
  it.each(views)('never covers the mark nor leaves the view at $width x $height', (v) => {
    let checked = 0;
    for (const c of cards)
      for (let top = 0; top + 20 <= v.height; top += 7)
        for (const left of [0, v.width / 3, v.width - 40]) {
          const mark = { left, top, bottom: top + 20, right: left + 40 };
          const p = placeCard(mark, c, v);
          const width = Math.min(c.width, v.width - 16); // chip-card.css: at most the window less 8 px a side
          const box = { left: p.x, right: p.x + width, top: p.y, bottom: p.y + p.maxHeight };
          // Inside the viewport, 8 px from each edge.
          expect(box.left).toBeGreaterThanOrEqual(8);
          expect(box.right).toBeLessThanOrEqual(v.width - 8);
          expect(box.top).toBeGreaterThanOrEqual(8);
          expect(box.bottom).toBeLessThanOrEqual(v.height - 8);
          // Never over the mark: entirely above it or entirely below it.
          expect(box.bottom <= mark.top || box.top >= mark.bottom).toBe(true);
          // Never a sliver: the card gets at least the larger side's room (or its own height).
          const room = Math.max(v.height - 8 - (mark.bottom + 6), mark.top - 6 - 8);
          expect(p.maxHeight).toBeGreaterThanOrEqual(Math.min(p.sheet ? Math.round(v.height * 0.7) : c.height, c.height, Math.floor(room)));
          checked++;
        }
    expect(checked).toBeGreaterThan(50);
  });
});

describe('createCardController', () => {
  let session: ChildSession;
  /** What the background answers a card request with now. */
  let served: CardModel;
  let controller: CardController;
  let target: MarkTarget;
  // The card's root is closed: the test keeps each root attached, as only a test in the same realm can.
  let roots: ShadowRoot[] = [];
  const cardRoot = () => roots.find((r) => r.host === document.querySelector('chiplens-card')) ?? null;
  const cardEl = () => cardRoot()?.querySelector('[data-chip-id]') ?? null;
  /** The card the reader sees: in the page and not hidden (drawn ahead during the hover delay, it is hidden). */
  const shown = () => (cardRoot()?.querySelector<HTMLElement>('.cl-float')?.style.visibility === 'visible' ? cardEl() : null);
  const asked = (type: string) => vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([msg]) => (msg as unknown as { type: string }).type === type);
  /** Another mark of another chip, in a paragraph of its own. */
  function otherMark(i: number): MarkTarget {
    const p = document.body.appendChild(document.createElement('p'));
    p.textContent = `Chip${i}`;
    const range = document.createRange();
    range.selectNodeContents(p.firstChild!);
    range.getBoundingClientRect = () => DOMRect.fromRect({ x: 100, y: 140 + 20 * i, width: 30, height: 20 });
    return { chipId: `chip-${i}`, range };
  }
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
    // happy-dom has no layout: give the card a height, so it is placed where it shows.
    vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockReturnValue(300);
    served = cardModelFixture();
    const send = vi.fn(async (msg: { type: string; chipId?: string }) => (msg.type === 'card' ? served : undefined));
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
    // What card-ui.js does once the background has put it into the frame.
    registerCardUi(cardUi);
    session = sessionFromController(new AbortController());
    controller = createCardController(session);
  });
  afterEach(() => {
    session.end();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('opens after the hover delay, on <html> not <body>, and a move away closes after the grace', async () => {
    const bodyBefore = document.body.innerHTML;
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(200);
    expect(shown()).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(shown()?.getAttribute('data-chip-id')).toBe('nvidia-h20');
    expect(document.querySelector('chiplens-card')!.parentElement).toBe(document.documentElement);
    expect(document.querySelector('chiplens-card')!.shadowRoot).toBeNull(); // closed: the page cannot read it
    expect(document.body.innerHTML).toBe(bodyBefore);

    controller.point(null, 'hover');
    await vi.advanceTimersByTimeAsync(200);
    expect(shown()).not.toBeNull(); // still within the grace period
    await vi.advanceTimersByTimeAsync(150);
    expect(document.querySelector('chiplens-card')).toBeNull();
  });

  it('during the hover delay the card is drawn but hidden: not seen, not focusable, not announced', async () => {
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(249);
    expect(cardEl()?.getAttribute('data-chip-id')).toBe('nvidia-h20'); // drawn ahead, so showing it is all that is left
    const float = cardRoot()!.querySelector<HTMLElement>('.cl-float')!;
    expect(float.style.visibility).toBe('hidden');
    expect(float.tabIndex).toBe(-1); // hidden, and not made focusable
    expect(cardRoot()!.querySelector('[role="status"]')!.textContent).toBe('');
    await vi.advanceTimersByTimeAsync(1);
    expect(shown()).not.toBeNull();
  });

  it('the hover delay counts from the pointer’s arrival, not from when the hit test saw it', async () => {
    controller.point(target, 'hover', performance.now() - 40);
    await vi.advanceTimersByTimeAsync(209);
    expect(shown()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(shown()).not.toBeNull();
  });

  it('a pointer passing over 20 marks asks once for the UI, for no card, and leaves nothing in the page', async () => {
    delete (globalThis as { __chiplensCardUi?: unknown }).__chiplensCardUi; // a fresh frame: no UI yet
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async (msg: { type: string }) => {
      if (msg.type === 'card-ui') registerCardUi(cardUi); // what the injected card-ui.js does
      return msg.type === 'card' ? served : undefined;
    }) as never);
    const seen: string[] = [];
    new MutationObserver(() => seen.push(...[...document.documentElement.children].map((e) => e.localName))).observe(document.documentElement, { childList: true });
    for (let i = 0; i < 20; i++) {
      controller.point(otherMark(i), 'hover', performance.now());
      await vi.advanceTimersByTimeAsync(16); // a frame on each mark
    }
    controller.point(null, 'hover');
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked('card-ui')).toHaveLength(1);
    expect(asked('card')).toHaveLength(0);
    expect(seen).not.toContain('chiplens-card');
    expect(document.querySelector('chiplens-card')).toBeNull();
  });

  it('a pointer resting on marks but leaving each before the delay asks once per chip and leaves nothing drawn', async () => {
    const marks = [otherMark(1), otherMark(2), otherMark(1)];
    for (const mark of marks) {
      controller.point(mark, 'hover');
      await vi.advanceTimersByTimeAsync(200); // long enough to be drawn, hidden
      expect(document.querySelectorAll('chiplens-card')).toHaveLength(1);
      expect(shown()).toBeNull();
    }
    controller.point(null, 'hover');
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelector('chiplens-card')).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(document.querySelector('chiplens-card')).toBeNull();
    expect(asked('card').map(([msg]) => (msg as unknown as { chipId: string }).chipId)).toEqual(['chip-1', 'chip-2']);
  });

  it('a click on the mark the pointer rests on shows the card drawn for it at once', async () => {
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(150);
    const drawn = document.querySelector('chiplens-card');
    expect(drawn).not.toBeNull();
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    expect(shown()).not.toBeNull();
    expect([...document.querySelectorAll('chiplens-card')]).toEqual([drawn]);
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

  it('from the shortcut: opens at once as a named dialog with focus in it; Esc puts focus back; moving the mouse off does not close it', async () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    controller.point(target, 'key');
    await vi.advanceTimersByTimeAsync(0);
    const float = cardRoot()!.querySelector('.cl-float') as HTMLElement;
    expect(float.getAttribute('role')).toBe('dialog');
    expect(float.getAttribute('aria-label')).toBe(cardModelFixture().name);
    expect(cardRoot()!.activeElement).toBe(float);
    controller.point(null, 'hover');
    await vi.advanceTimersByTimeAsync(1000);
    expect(cardEl()).not.toBeNull();
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(document.querySelector('chiplens-card')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('has a close button named from the card words', async () => {
    const closed = vi.fn();
    controller.onClose(closed);
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    const button = cardRoot()!.querySelector('button.cl-close') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Close');
    button.click();
    expect(document.querySelector('chiplens-card')).toBeNull();
    expect(closed).toHaveBeenCalledOnce();
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

  it('asks the background once per chip for the card; the card UI brings its own stylesheet', async () => {
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    controller.close();
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    expect(cardEl()).not.toBeNull();
    const asked = vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.map(([msg]) => (msg as unknown as { type: string }).type);
    expect(asked).toEqual(['card']); // the UI is registered here already
    // Its styles (components/chip-card.css, card.css) sit inside its own root.
    expect(cardRoot()!.querySelector('style')).not.toBeNull();
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

  it('is announced: a polite live region names the chip and its status when a hover opens it', async () => {
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(300);
    const live = cardRoot()!.querySelector('[role="status"]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    await vi.advanceTimersByTimeAsync(100);
    const { name, lead } = cardModelFixture();
    expect(live.textContent).toContain(name);
    expect(live.textContent).toContain(lead.now);
  });

  it('opened by the keyboard, focus says it (the dialog is named), not the live region too', async () => {
    controller.point(target, 'key');
    await vi.advanceTimersByTimeAsync(200);
    expect(cardRoot()!.querySelector('[role="status"]')!.textContent).toBe('');
  });

  it('after Esc, pointing at the same mark again opens it again', async () => {
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(300);
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(document.querySelector('chiplens-card')).toBeNull();
    controller.point(null, 'hover');
    controller.point(target, 'hover');
    await vi.advanceTimersByTimeAsync(300);
    expect(shown()?.getAttribute('data-chip-id')).toBe('nvidia-h20');
  });

  it('a change of language or destination in options shows in the open card at once', async () => {
    await fakeBrowser.storage.local.set({ settings: { lang: 'en', hoverDelayMs: 250, markInCode: false, focus: 'CN' } });
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    expect(cardEl()?.getAttribute('lang')).toBe('en');
    served = cardModelFixture({ lang: 'zh', name: 'H20（中文）' });
    await fakeBrowser.storage.local.set({ settings: { lang: 'zh', hoverDelayMs: 250, markInCode: false, focus: 'CN' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(cardEl()?.getAttribute('lang')).toBe('zh-CN');
    expect(cardRoot()!.querySelector('.cl-float')!.getAttribute('aria-label')).toBe('H20（中文）');
    // The next card is asked in the new language too, not taken from the old answers.
    served = cardModelFixture({ lang: 'zh', focus: 'AE' });
    await fakeBrowser.storage.local.set({ settings: { lang: 'zh', hoverDelayMs: 250, markInCode: false, focus: 'AE' } });
    await vi.advanceTimersByTimeAsync(0);
    const asked = vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([msg]) => (msg as unknown as { type: string }).type === 'card');
    expect(asked).toHaveLength(3);
  });

  it('a change of the hover delay alone asks for nothing again', async () => {
    await fakeBrowser.storage.local.set({ settings: { lang: 'en', hoverDelayMs: 250, markInCode: false, focus: 'CN' } });
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    await fakeBrowser.storage.local.set({ settings: { lang: 'en', hoverDelayMs: 600, markInCode: false, focus: 'CN' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls.filter(([msg]) => (msg as unknown as { type: string }).type === 'card')).toHaveLength(1);
  });

  it('ends with its session: the open card goes, and nothing opens after', async () => {
    controller.point(target, 'tap');
    await vi.advanceTimersByTimeAsync(0);
    controller.point({ ...target, chipId: 'nvidia-h200' }, 'hover');
    session.end();
    expect(document.querySelector('chiplens-card')).toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(document.querySelector('chiplens-card')).toBeNull();
  });
});
