// The card's UI, loaded on the first open (card-ui-slot.ts says how): a ChipCard in a closed
// shadow root on a <chiplens-card> host appended to <html> (never <body>, so switching off leaves
// the page's body untouched). The page cannot read or change it (docs/decisions.md, "The card is
// the extension's alone"). The controller (card.ts, in the content script) decides when to open
// and close; this file only draws, places and announces.
// Placement is a few lines here rather than @floating-ui/dom (6 KB gzipped for the one placement
// we need: below, else above, else the side with more room, cut to fit; a sheet on a narrow
// window; never over the mark).
import { render } from 'preact';
import { ChipCard } from '../components/ChipCard';
import cardCss from '../components/chip-card.css?inline';
import type { CardModel } from '../rules/card-model';
import type { CardUi, DrawnCard, DrawOptions } from './card-ui-slot';
import shellCss from './card.css?inline';

/** The card's tallest (card.css's max-height without the viewport term): longer cards scroll inside. */
const CARD_MAX_PX = 460;

interface Box {
  left: number;
  top: number;
  bottom: number;
}

/** Below this window width the card is a sheet across the bottom (or top) of the viewport. */
const SHEET_BELOW_PX = 480;

interface Placement {
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

/** What a screen reader says when a card opens without taking focus (a hover): the chip and its status. */
const announcement = (model: CardModel): string => [model.name, model.lead.then, model.lead.now].filter(Boolean).join('. ');

function drawCard(model: CardModel, options: DrawOptions): DrawnCard {
  const { host, shadow } = createHost();
  const style = document.createElement('style');
  style.textContent = shellCss + cardCss;
  const float = document.createElement('div');
  float.className = 'cl-float';
  float.style.visibility = 'hidden'; // until the first position is known
  // A polite live region, there before its text: a hover opens the card without moving focus,
  // and this is how a screen reader hears which chip and what status.
  const live = document.createElement('div');
  live.className = 'cl-live';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  shadow.append(style, live, float);
  // A dialog named for the chip (not modal: the page stays usable), with a close button for
  // touch and keyboard; its words come with the model.
  float.setAttribute('role', 'dialog');
  float.setAttribute('aria-label', model.name);
  float.addEventListener('pointerenter', options.onPointerEnter);
  float.addEventListener('pointerleave', (e) => options.onPointerLeave(e.pointerType));

  function paint(next: CardModel) {
    float.setAttribute('aria-label', next.name);
    render(
      <>
        <button type="button" class="cl-close" aria-label={next.words.close} onClick={options.onClose}>
          ×
        </button>
        <ChipCard model={next} />
      </>,
      float,
    );
  }
  paint(model);
  // In the page while still hidden: its style and layout are worked out during the hover delay,
  // so showing it is one style change (visibility) in the next frame. Hidden, it is not seen, not
  // hit by the pointer, not focusable and not in the accessibility tree; its live region is empty.
  (document.fullscreenElement ?? document.documentElement).append(host);
  let shown = false;
  let focused = false;
  let current = model;

  return {
    host,
    update(next) {
      current = next;
      paint(next);
      if (shown) live.textContent = announcement(next);
    },
    focus() {
      focused = true;
      // Focus moves into the dialog, so it is announced by its name and Tab reaches its links.
      float.tabIndex = -1;
      float.focus({ preventScroll: true });
    },
    place(range, scrollFirst) {
      const mark = range.getBoundingClientRect();
      if (mark.width === 0 && mark.height === 0) return false; // the marked text went away
      const view = { width: document.documentElement.clientWidth, height: window.innerHeight };
      // The card's own height, not the height it was last cut to (scrollHeight), within its CSS cap.
      const natural = { width: float.getBoundingClientRect().width, height: Math.min(float.scrollHeight, CARD_MAX_PX) };
      const p = placeCard(mark, natural, view);
      if (scrollFirst && p.scroll > 0) {
        window.scrollBy({ top: p.scroll, behavior: 'instant' });
        return this.place(range, false); // the scroll event will place it again; this paints the first frame right
      }
      const visible = mark.bottom > 0 && mark.top < view.height && p.maxHeight > 0;
      Object.assign(float.style, {
        left: `${p.x}px`,
        top: `${p.y}px`,
        maxHeight: `${p.maxHeight}px`,
        visibility: shown && visible ? 'visible' : 'hidden',
      });
      return true;
    },
    show(range, scrollFirst) {
      shown = true;
      if (!this.place(range, scrollFirst)) return false;
      // Filled once the card shows, after the region has been in the page a moment, so it is heard
      // as a change; not when focus moved into the card (the dialog's name is announced then).
      setTimeout(() => focused || (live.textContent = announcement(current)), 50);
      return true;
    },
    remove() {
      render(null, float);
      host.remove();
    },
  };
}

export const cardUi: CardUi = { drawCard };
