// How the content script gets the card's UI on the first open, so a page where no card opens pays
// only for finding and marking. The UI (card-ui.tsx: Preact, ChipCard and the card's CSS) is a
// built script, entrypoints/card-ui.ts → /card-ui.js, and it is NOT a web-accessible resource:
// the background puts it into the asking frame with scripting.executeScript, into the extension's
// isolated world, the content script's own. There it leaves its entry point on that world's
// global object, which the page's scripts never see (each world has its own global; Firefox's
// Xray wrappers likewise), and the page cannot fetch the file to learn the extension is there.
// No imports but types: card-ui.js carries this file too.
import type { CardModel } from '../rules/card-model';

export interface DrawOptions {
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(pointerType: string): void;
}

/**
 * A card drawn on the page: in the page but hidden (not seen, not hit by the pointer, not
 * focusable, not announced) until `show`, so the controller can draw it during the hover delay
 * and only show it when the delay ends.
 */
export interface DrawnCard {
  /** The <chiplens-card> host (what `owns` and focus checks compare against). */
  host: HTMLElement;
  /** Shows another model in the same card (the reader changed language or destination). */
  update(model: CardModel): void;
  /** Moves focus into the card (opened by the keyboard). */
  focus(): void;
  /**
   * Puts the card by its mark, never over it; hidden while the mark is out of view. `scrollFirst`:
   * a sheet may scroll the page so the mark stays above it. False when the mark went away.
   */
  place(range: Range, scrollFirst: boolean): boolean;
  /** Shows it by its mark (placed as `place` does) and announces it; false when the mark went away. */
  show(range: Range, scrollFirst: boolean): boolean;
  remove(): void;
}

export interface CardUi {
  /** Draws the card for `model` on the page, hidden until its `show`. */
  drawCard(model: CardModel, options: DrawOptions): DrawnCard;
}

const SLOT = '__chiplensCardUi';
type Holder = { [SLOT]?: CardUi };

/** Called by card-ui.js once it runs in the frame (and by unit tests, which have no background). */
export function registerCardUi(ui: CardUi): void {
  (globalThis as Holder)[SLOT] ??= ui;
}

/** The UI, once card-ui.js has run in this frame. */
export const registeredCardUi = (): CardUi | null => (globalThis as Holder)[SLOT] ?? null;
