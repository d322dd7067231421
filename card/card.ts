// The card's controller, in the content script on every page: when a card opens and closes. The
// card's UI (drawing, placement, Preact, its CSS) loads on the first open (card-ui-slot.ts).
// Behaviour follows WCAG 1.4.13: hover delay before opening, a grace period before hiding,
// hovering the card keeps it open, Esc closes, a tap opens at once and a tap elsewhere closes.
// Only the reader's own (trusted) events open or close it.
// The hover delay is put to use (as Wikipedia's Page Previews does): the card's UI is asked for as
// the pointer arrives on a mark, the chip's model once the pointer has rested there a moment, and
// the card is drawn, hidden, before the delay ends, so that when it ends only showing it is left.
// A pointer that only passes over marks asks for no model and leaves nothing in the page.
import type { Session } from '../engine/session/session';
import type { CardModel } from '../rules/card-model';
import { sendToBackground } from '../utils/messages/messages';
import { settings, type Settings } from '../utils/storage/storage';
import { dateClues } from './article-date';
import { registeredCardUi, type CardUi, type DrawnCard } from './card-ui-slot';

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
   * (hover delay, hide grace, hovering the card itself keeps it open, Esc closes). `at`: when the
   * pointer arrived (an event's timeStamp), from which the hover delay counts; now if not given.
   */
  point(target: MarkTarget | null, how: How, at?: number): void;
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
/**
 * How long the pointer rests on a mark before its card's model is asked for: a pointer passing
 * over marks asks for none (Page Previews waits 150 ms of its 500 ms delay; the model takes a
 * round trip of some ms to the background, well within what is left of the 250 ms).
 */
const REST_MS = 50;
/** How long before the hover delay ends the card is drawn, hidden, on the page. */
const DRAW_LEAD_MS = 150;

interface OpenCard {
  target: MarkTarget;
  how: How;
  drawn: DrawnCard;
}

/** A card being drawn, or drawn and hidden, for the mark the pointer rests on. */
interface Drawing {
  target: MarkTarget;
  drawn: Promise<DrawnCard | null>;
}

let loading: Promise<CardUi | null> | undefined;

/** The card's UI, asking the background for it the first time; null if it could not come (asked again next time). */
function loadCardUi(): Promise<CardUi | null> {
  const ui = registeredCardUi();
  if (ui) return Promise.resolve(ui);
  // Answered by injecting card-ui.js into this frame (utils/background/card-ui-injection.ts).
  return (loading ??= sendToBackground({ type: 'card-ui' })
    .catch(() => undefined)
    .then(() => {
      loading = undefined;
      return registeredCardUi();
    }));
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function createCardController(session: Session): CardController {
  const { signal } = session;
  let models = new Map<string, Promise<CardModel | null>>(); // one fetch per chip per page (and per language and destination)
  let hoverDelayMs = 250;
  let asked: Pick<Settings, 'lang' | 'focus'> | null = null; // what the cards in `models` were asked in
  let open: OpenCard | null = null;
  let pending: MarkTarget | null = null; // waiting for the hover delay or the model
  let drawing: Drawing | null = null; // pending's card, hidden until it shows
  let timers: number[] = []; // pending's: rest, draw, show
  let hideTimer: number | undefined;
  let overCard = false;
  let generation = 0; // bumps whenever an in-flight open must be dropped
  let returnTo: Element | null = null; // where focus was before a shortcut moved it into the card
  const closed: (() => void)[] = [];

  /** The reader changed language or destination in options: open cards follow at once. */
  function settingsChanged(s: Settings) {
    hoverDelayMs = s.hoverDelayMs;
    const was = asked;
    asked = { lang: s.lang, focus: s.focus };
    if (!was || (was.lang === s.lang && was.focus === s.focus)) return;
    models = new Map();
    dropDrawing(); // drawn in the old words; drawn again if it is to show
    if (!open) return;
    const showing = open;
    void model(showing.target.chipId).then((next) => {
      if (next && open === showing) {
        showing.drawn.update(next);
        showing.drawn.place(showing.target.range, false);
      }
    });
  }
  void settings.getValue().then(settingsChanged);
  session.onEnd(settings.watch(settingsChanged));

  function model(chipId: string): Promise<CardModel | null> {
    let p = models.get(chipId);
    if (!p) {
      const cache = models;
      // The page's publication-date clues go along: the card then says the status on that day too.
      p = sendToBackground({ type: 'card', chipId, clues: dateClues(document), pageLang: document.documentElement.lang.slice(0, 35) }).catch(() => {
        cache.delete(chipId); // try again next time (e.g. the background was restarting)
        return null;
      });
      models.set(chipId, p);
    }
    return p;
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
    const hadFocus = document.activeElement === open.drawn.host;
    open.drawn.remove();
    open = null;
    if (replacing) return;
    if (hadFocus) (returnTo as HTMLElement | null)?.focus?.({ preventScroll: true });
    returnTo = null;
    closed.forEach((f) => f());
  }

  function clearTimers() {
    timers.forEach((t) => clearTimeout(t));
    timers = [];
  }

  /** Removes the hidden card drawn for a pending open (never the open card). */
  function dropDrawing() {
    const was = drawing;
    drawing = null;
    void was?.drawn.then((drawn) => drawn?.remove());
  }

  /** Forgets the pending open, if any: its timers, its hidden card, an open on its way. */
  function dropPending() {
    clearTimers();
    dropDrawing();
    if (pending) generation++;
    pending = null;
  }

  function close() {
    dropPending();
    generation++;
    removeCard();
  }

  function scheduleHide() {
    if (hideTimer !== undefined) return;
    hideTimer = session.setTimeout(() => {
      hideTimer = undefined;
      if (!overCard) removeCard();
    }, HIDE_GRACE_MS);
  }

  const handlers = {
    onClose: close,
    onPointerEnter() {
      overCard = true;
      cancelHide();
    },
    onPointerLeave(pointerType: string) {
      overCard = false;
      // A finger lifting also "leaves": a tapped card stays until a tap elsewhere.
      if (open?.how === 'hover' && pointerType !== 'touch') scheduleHide();
    },
  };

  /** The target's card, drawn hidden on the page and placed by its mark (once its model and the UI are here). */
  function draw(target: MarkTarget): Drawing {
    if (drawing && sameMark(drawing.target, target)) return drawing;
    dropDrawing();
    const entry: Drawing = {
      target,
      drawn: Promise.all([model(target.chipId), loadCardUi()]).then(([cardModel, ui]) => {
        if (drawing !== entry || !session.live) return null; // dropped: the pointer left, the card closed
        if (!cardModel || !ui) {
          drawing = null; // asked again when the card is to show (e.g. the background was restarting)
          return null;
        }
        const drawn = ui.drawCard(cardModel, handlers);
        drawn.place(target.range, false);
        return drawn;
      }),
    };
    drawing = entry;
    return entry;
  }

  async function show(target: MarkTarget, how: How) {
    const mine = generation;
    const entry = draw(target);
    const drawn = await entry.drawn;
    if (!drawn || mine !== generation || !session.live) return; // could not come, or the pointer left / the card closed
    if (drawing !== entry) return show(target, how); // dropped for the reader's new language: drawn again
    drawing = null;
    pending = null;
    clearTimers();
    removeCard(true);
    open = { target, how, drawn };
    // Not for a hover: the page moving under the pointer would take the mark away from it.
    if (!drawn.show(target.range, how !== 'hover')) return close();
    if (how === 'key') drawn.focus();
  }

  function sameMark(a: MarkTarget | null, b: MarkTarget) {
    return a !== null && a.chipId === b.chipId && a.range === b.range;
  }

  window.addEventListener(
    'keydown',
    (e: KeyboardEvent) => {
      // Conservative: the page's own Esc handling (dialogs, editors, IMEs) wins; a page's synthetic
      // Escape is not the reader's.
      if (!open || !e.isTrusted || e.key !== 'Escape' || e.defaultPrevented || e.isComposing || isEditable(e.target)) return;
      close();
    },
    { signal },
  );
  document.addEventListener('fullscreenchange', (e) => e.isTrusted && close(), { signal });
  let frame = 0; // one placement per frame however many scroll events arrive
  function placeSoon() {
    if (!open || frame) return;
    frame = session.requestAnimationFrame(() => {
      frame = 0;
      if (open && !open.drawn.place(open.target.range, false)) close();
    });
  }
  window.addEventListener('scroll', placeSoon, { capture: true, passive: true, signal });
  window.addEventListener('resize', placeSoon, { passive: true, signal });
  session.onEnd(close);

  return {
    point(target, how, at) {
      if (!target) {
        dropPending();
        if (!open) return;
        if (how === 'tap') close();
        else if (!overCard && open.how !== 'key') scheduleHide();
        return;
      }
      if (how === 'key' && document.activeElement !== open?.drawn.host) returnTo = document.activeElement;
      if (open && sameMark(open.target, target)) {
        cancelHide();
        if (how !== 'hover' && open.how === 'hover') open.how = how;
        if (how === 'key') open.drawn.focus();
        return;
      }
      if (how === 'hover' && sameMark(pending, target)) return; // already on its way
      if (sameMark(pending, target)) {
        // A tap or the keyboard on the mark the pointer rests on: its card (drawn, or on its way) shows now.
        clearTimers();
        generation++;
      } else dropPending();
      pending = target;
      if (how !== 'hover') return void show(target, how);
      // The hover delay counts from the pointer's arrival (pointer.ts looks once a frame).
      // (At most 100 ms: a clock that disagrees must not open the card at once.)
      const since = at === undefined ? 0 : Math.min(100, Math.max(0, performance.now() - at));
      const after = (ms: number, f: () => void) => timers.push(session.setTimeout(f, Math.max(0, ms - since)));
      void loadCardUi(); // once per frame, on the first hover: the UI takes longest to come
      after(Math.min(REST_MS, hoverDelayMs), () => void model(target.chipId));
      after(Math.max(REST_MS, hoverDelayMs - DRAW_LEAD_MS), () => void draw(target).drawn);
      after(hoverDelayMs, () => void show(target, how));
    },
    close,
    onClose: (f) => closed.push(f),
    isOpenOn: (target) => sameMark(open?.target ?? null, target),
    owns(target) {
      if (!open || !(target instanceof Node)) return false;
      return target === open.drawn.host || open.drawn.host.contains(target);
    },
  };
}
