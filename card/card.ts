// The hover card: a ChipCard in a closed shadow root on a <chiplens-card> host appended to <html>
// (never <body>, so switching off leaves the page's body untouched) only while a card is open.
// The page cannot read or change it (docs/decisions.md, "The card is the extension's alone"), and
// only the reader's own (trusted) events open or close it.
// Behaviour follows WCAG 1.4.13: hover delay before opening, a grace period before hiding,
// hovering the card keeps it open, Esc closes, a tap opens at once and a tap elsewhere closes.
// Placement is a few lines here rather than @floating-ui/dom, which cost 6 KB gzipped of the
// content script's 25 KB budget for the one placement we need (below, else above, else the side
// with more room, cut to fit; a sheet on a narrow window; never over the mark).
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ChipCard } from '../components/ChipCard';
import type { CardModel } from '../rules/card-model';
import { sendToBackground } from '../utils/messages/messages';
import { settings } from '../utils/storage/storage';
import { dateClues } from './article-date';
import shellCss from './card.css?inline';

export interface MarkTarget {
  chipId: string;
  /** The marked range under the pointer (a live Range in the page). */
  range: Range;
}

/** `key`: a keyboard shortcut; opens at once with focus in the card, Esc puts focus back. */
type How = 'hover' | 'tap' | 'key';

export interface CardController {
  /**
   * The pointer is over this mark, or over no mark (null). `tap` comes from a touch or a click
   * and opens at once; `hover` waits for the hover delay. The card decides when to open and close
   * (hover delay, hide grace, hovering the card itself keeps it open, Esc closes).
   */
  point(target: MarkTarget | null, how: How): void;
  /** Called whenever the card goes away (not when it is replaced by another). */
  onClose(listener: () => void): void;
  /** Close now (the site was switched off, the page navigated). */
  close(): void;
  /** Whether this mark's card is open. */
  isOpenOn(target: MarkTarget): boolean;
  /** Whether an event target is inside the card, so moves over the card don't count as "no mark". */
  owns(target: EventTarget | null): boolean;
}

/** Time the pointer may spend between the mark and the card (or off both) before the card hides. */
const HIDE_GRACE_MS = 300;
/** The card's tallest (card.css's max-height without the viewport term): longer cards scroll inside. */
const CARD_MAX_PX = 460;

interface OpenCard {
  target: MarkTarget;
  how: How;
  host: HTMLElement;
  float: HTMLElement;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface Box {
  left: number;
  top: number;
  bottom: number;
}

/** Below this window width the card is a sheet across the bottom (or top) of the viewport. */
export const SHEET_BELOW_PX = 480;

export interface Placement {
  x: number;
  y: number;
  /** The card's height cap (px): its natural height, or the room on its side of the mark. */
  maxHeight: number;
  /** A sheet: centred at the bottom (or top) of a narrow window. */
  sheet: boolean;
  /** How far to scroll the page down so a sheet fits below the mark (only asked for on opening). */
  scroll: number;
}

/**
 * Where the card goes (viewport px). It never covers the mark and never leaves the viewport:
 * below the mark if it fits, else above if it fits, else on the side with more room with its
 * height cut to that room. On a narrow window it is a sheet at the bottom of the viewport, or at
 * the top when the mark sits too low for it (`scroll` says how far the page could scroll so it
 * fits below). Pure, so it is unit-tested over a grid of marks and views.
 */
export function placeCard(mark: Box, card: { width: number; height: number }, view: { width: number; height: number }, gap = 6, pad = 8): Placement {
  const sheet = view.width < SHEET_BELOW_PX;
  // A sheet leaves at least 30% of the window to the page, so the mark keeps some context.
  const height = Math.min(card.height, sheet ? Math.round(view.height * 0.7) : card.height);
  const roomBelow = Math.max(0, view.height - pad - (mark.bottom + gap));
  const roomAbove = Math.max(0, mark.top - gap - pad);
  // Scrolling the mark up (never past the top pad) would make the sheet fit below it.
  const scroll = sheet && height > roomBelow ? Math.max(0, Math.min(height - roomBelow, mark.top - pad)) : 0;
  const below = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove);
  const maxHeight = Math.floor(Math.min(height, below ? roomBelow : roomAbove));
  // Whole pixels, rounded away from the mark.
  let y: number;
  if (sheet) y = below ? Math.floor(view.height - pad - maxHeight) : pad;
  else y = below ? Math.ceil(mark.bottom + gap) : Math.floor(mark.top - gap - maxHeight);
  // A sheet is centred (the card is at most the window's width less `pad` either side: chip-card.css).
  const x = Math.max(pad, sheet ? (view.width - card.width) / 2 : Math.min(mark.left, view.width - pad - card.width));
  return { x: Math.round(x), y, maxHeight, sheet, scroll: Math.ceil(scroll) };
}

export function createCardController(ctx: ContentScriptContext): CardController {
  const models = new Map<string, Promise<CardModel | null>>(); // one fetch per chip per page
  // The card's stylesheet (components/chip-card.css) comes from the background with the first
  // card, like its words: the content script on every page does not carry it.
  let sheet: Promise<string> | undefined;
  let hoverDelayMs = 250;
  let open: OpenCard | null = null;
  let pending: MarkTarget | null = null; // waiting for the hover delay or the model
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let overCard = false;
  let generation = 0; // bumps whenever an in-flight open must be dropped
  let returnTo: Element | null = null; // where focus was before a shortcut moved it into the card
  const closed: (() => void)[] = [];

  void settings.getValue().then((s) => (hoverDelayMs = s.hoverDelayMs));
  ctx.onInvalidated(settings.watch((s) => (hoverDelayMs = s.hoverDelayMs)));

  function model(chipId: string): Promise<CardModel | null> {
    let p = models.get(chipId);
    if (!p) {
      // The page's publication-date clues go along: the card then says the status on that day too.
      p = sendToBackground({ type: 'card', chipId, clues: dateClues(document) }).catch(() => {
        models.delete(chipId); // try again next time (e.g. the background was restarting)
        return null;
      });
      models.set(chipId, p);
    }
    return p;
  }

  function cardSheet(): Promise<string> {
    return (sheet ??= sendToBackground({ type: 'card-style' }).then(
      (css) => (typeof css === 'string' ? css : ''),
      () => ((sheet = undefined), ''), // ask again with the next card
    ));
  }

  function cancelHide() {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  }

  /** Removes the open card, leaving any pending open alone; focus in it goes back where it was. */
  function removeCard(replacing = false) {
    cancelHide();
    overCard = false;
    if (!open) return;
    const hadFocus = document.activeElement === open.host;
    render(null, open.float);
    open.host.remove();
    open = null;
    if (replacing) return;
    if (hadFocus) (returnTo as HTMLElement | null)?.focus?.({ preventScroll: true });
    returnTo = null;
    closed.forEach((f) => f());
  }

  function close() {
    clearTimeout(showTimer);
    generation++;
    pending = null;
    removeCard();
  }

  function scheduleHide() {
    if (hideTimer !== undefined) return;
    hideTimer = ctx.setTimeout(() => {
      hideTimer = undefined;
      if (!overCard) removeCard();
    }, HIDE_GRACE_MS);
  }

  /**
   * The card's host, made in a document of its own: that document has no window, so no custom
   * element registry, and a page that defined <chiplens-card> first cannot construct it. Its closed
   * root is attached there, before the page's definition can upgrade it, so the page's class never
   * gets the root (attachInternals().shadowRoot stays null) nor can refuse it (disabledFeatures).
   */
  function createHost(): { host: HTMLElement; shadow: ShadowRoot } {
    const host = document.implementation.createHTMLDocument('').createElement('chiplens-card');
    return { shadow: host.attachShadow({ mode: 'closed' }), host: document.adoptNode(host) };
  }

  function mount(target: MarkTarget, how: How, cardModel: CardModel, cardCss: string) {
    removeCard(true);
    const { host, shadow } = createHost();
    const style = document.createElement('style');
    style.textContent = shellCss + cardCss;
    const float = document.createElement('div');
    float.className = 'cl-float';
    float.style.visibility = 'hidden'; // until the first position is known
    float.addEventListener('pointerenter', () => {
      overCard = true;
      cancelHide();
    });
    float.addEventListener('pointerleave', (e) => {
      overCard = false;
      // A finger lifting also "leaves": a tapped card stays until a tap elsewhere.
      if (open?.how === 'hover' && e.pointerType !== 'touch') scheduleHide();
    });
    shadow.append(style, float);
    // A dialog named for the chip (not modal: the page stays usable), with a close button for
    // touch and keyboard; its words come with the model.
    float.setAttribute('role', 'dialog');
    float.setAttribute('aria-label', cardModel.name);
    render(
      <>
        <button type="button" class="cl-close" aria-label={cardModel.words.close} onClick={close}>
          ×
        </button>
        <ChipCard model={cardModel} />
      </>,
      float,
    );
    (document.fullscreenElement ?? document.documentElement).append(host);

    open = { target, how, host, float };
    place(true);
    if (how === 'key') {
      // Focus moves into the dialog, so it is announced by its name and Tab reaches its links.
      float.tabIndex = -1;
      float.focus({ preventScroll: true });
    }
  }

  /**
   * Puts the open card by its mark, never over it (placeCard); hides it while the mark is
   * scrolled out of view. A tapped or keyed sheet may scroll the page on opening so the mark
   * stays above it.
   */
  function place(opening = false) {
    if (!open) return;
    const { float } = open;
    const mark = open.target.range.getBoundingClientRect();
    if (mark.width === 0 && mark.height === 0) return close(); // the marked text went away
    const view = { width: document.documentElement.clientWidth, height: window.innerHeight };
    // The card's own height, not the height it was last cut to (scrollHeight), within its CSS cap.
    const natural = { width: float.getBoundingClientRect().width, height: Math.min(float.scrollHeight, CARD_MAX_PX) };
    const p = placeCard(mark, natural, view);
    // Not for a hover: the page moving under the pointer would take the mark away from it.
    if (opening && p.scroll > 0 && open.how !== 'hover') {
      window.scrollBy({ top: p.scroll, behavior: 'instant' });
      return place(); // the scroll event will place it again, this paints the first frame right
    }
    const visible = mark.bottom > 0 && mark.top < view.height && p.maxHeight > 0;
    Object.assign(float.style, {
      left: `${p.x}px`,
      top: `${p.y}px`,
      maxHeight: `${p.maxHeight}px`,
      visibility: visible ? 'visible' : 'hidden',
    });
  }

  async function show(target: MarkTarget, how: How) {
    const mine = ++generation;
    const [cardModel, cardCss] = await Promise.all([model(target.chipId), cardSheet()]);
    if (mine !== generation || ctx.isInvalid || !cardModel) return;
    pending = null;
    mount(target, how, cardModel, cardCss);
  }

  function sameMark(a: MarkTarget | null, b: MarkTarget) {
    return a !== null && a.chipId === b.chipId && a.range === b.range;
  }

  ctx.addEventListener(window, 'keydown', (e: KeyboardEvent) => {
    // Conservative: the page's own Esc handling (dialogs, editors, IMEs) wins; a page's synthetic
    // Escape is not the reader's.
    if (!open || !e.isTrusted || e.key !== 'Escape' || e.defaultPrevented || e.isComposing || isEditable(e.target)) return;
    close();
  });
  ctx.addEventListener(document, 'fullscreenchange', (e) => e.isTrusted && close());
  let frame = 0; // one placement per frame however many scroll events arrive
  function placeSoon() {
    if (!open || frame) return;
    frame = ctx.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  }
  ctx.addEventListener(window, 'scroll', placeSoon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', placeSoon, { passive: true });
  ctx.onInvalidated(close);

  return {
    point(target, how) {
      if (!target) {
        clearTimeout(showTimer);
        if (pending) generation++;
        pending = null;
        if (!open) return;
        if (how === 'tap') close();
        else if (!overCard && open.how !== 'key') scheduleHide();
        return;
      }
      if (how === 'key' && document.activeElement !== open?.host) returnTo = document.activeElement;
      if (open && sameMark(open.target, target)) {
        cancelHide();
        if (how !== 'hover' && open.how === 'hover') open.how = how;
        return;
      }
      if (how === 'hover' && sameMark(pending, target)) return; // already on its way
      clearTimeout(showTimer);
      pending = target;
      void model(target.chipId); // fetched during the hover delay, so the card paints when it ends
      if (how !== 'hover') void show(target, how);
      else showTimer = ctx.setTimeout(() => void show(target, how), hoverDelayMs);
    },
    close,
    onClose: (f) => closed.push(f),
    isOpenOn: (target) => sameMark(open?.target ?? null, target),
    owns(target) {
      if (!open || !(target instanceof Node)) return false;
      return target === open.host || open.host.contains(target);
    },
  };
}
