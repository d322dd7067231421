// Hidden text: names in text a reader cannot see are not marked, and marks go when their text
// hides (a collapsed section, a closed menu, a media query after a resize). Each element found
// hiding a name is remembered, so that when a change shows it again only its text is read.
// Only elements with marks in or around them have their style read: each read costs a restyle.
import type { Matcher } from '../../matching/matcher';
import type { Mark, MarkRegistry } from '../marks/marks';
import { climb, tagOf, upOf } from '../reading/dom';
import { blockAround, type SkipRules } from '../reading/skip-rules';
import { markHolders } from './stale-marks';

/** How many levels above a marked block an attribute change is looked at for hiding it. */
const CHANGE_REACH = 3;

export interface HiddenText {
  /** Whether a matched text node shows (`shown` keeps the answer per parent for one pass); one that does not is remembered. */
  shows(shown: Map<Node, boolean>, text: Text): boolean;
  /** A root a rescan cannot read: remembered if it hides text that may hold a name. */
  unreadable(root: Node): void;
  /**
   * Attributes changed on these elements: marks under one that hides its text now go. Returns
   * the text shown again, to read, and the marked blocks the change touched, to read again.
   */
  attributesChanged(changed: Element[]): { revealed: Node[]; touched: Node[] };
  /** The viewport changed size: marks of text a media query hid go. */
  resized(): void;
  /** Elements that hid text and show it now, forgotten as hiders (read their blocks). */
  shownAgain(): Node[];
  clear(): void;
}

export function createHiddenText(rules: SkipRules, marks: MarkRegistry, matcher: Matcher): HiddenText {
  /** Elements that hid a mention: an attribute change may reveal them. */
  const hidden = new Set<Element>();
  /** The last open state seen of each <details> whose attributes changed. */
  const detailsOpen = new WeakMap<Element, boolean>();

  /** Elements that hid text and now show it (among those `maybe` picks), forgotten as hiders. */
  function shownAgain(maybe: (el: Element) => boolean): Node[] {
    const revealed: Node[] = [];
    for (const el of hidden) {
      if (!el.isConnected) hidden.delete(el);
      else if (maybe(el) && rules.readable(el)) {
        hidden.delete(el);
        revealed.push(blockAround(el));
      }
    }
    return revealed;
  }

  /** Whether a name may stand in `el` (pages add many hidden elements; most are not worth keeping). */
  function mayHoldName(el: Element): boolean {
    const text = el.textContent ?? '';
    if (text.length > 100_000 || matcher.regions(text).length) return true;
    // Text in shadow roots is not in textContent.
    const all = el.querySelectorAll('*');
    if (all.length > 2000) return true;
    for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) return true;
    return el.shadowRoot != null;
  }

  return {
    shows(shown, text) {
      const parent = text.parentNode!;
      let shows = shown.get(parent);
      if (shows === undefined) {
        const hider = rules.hides(text);
        if (hider) hidden.add(hider);
        shows = !hider;
        shown.set(parent, shows);
      }
      return shows;
    },
    unreadable(r) {
      if (r.nodeType === Node.ELEMENT_NODE && r.isConnected && rules.hidesText(r as Element) && mayHoldName(r as Element)) {
        hidden.add(r as Element);
      }
    },
    attributesChanged(changed) {
      const changedSet = new Set<Node>(changed);
      // A hider shows again if it or an ancestor changed (one climb each, not hidden × changed).
      const revealed = shownAgain((el) => climb(el, (n) => changedSet.has(n)) !== null);
      const hiddenNow = new Set<Element>();
      const touched = new Set<Node>();
      // Only an element with marks in it or around it can take marks away by hiding, so only
      // those have their style checked: a check makes the browser recalculate the page's style
      // now, and a page that restyles thousands of cells a frame would pay for it every time.
      let holders: Set<Node> | null = null;
      const holdsMarks = (el: Element) => (holders ??= markHolders(marks)).has(el);
      for (const el of changed) {
        if (!el.isConnected) continue;
        const block = blockAround(el);
        const inMarked = marks.hasBlock(block);
        // Hidden now (a collapsed section, a closed menu, a card link): its marks go until it
        // shows again.
        if ((inMarked || holdsMarks(el)) && rules.hidesText(el)) hiddenNow.add(el);
        // A change on or inside a marked block (a span hidden by a class) is read again there:
        // its own text only, so a class toggled on <body> does not re-read the page.
        if (inMarked) touched.add(block);
        // A <details> opened or closed: its content shows or hides with it (checkVisibility
        // sees that), so read it all again; other attribute changes on it are not that.
        if (tagOf(el) === 'details') {
          const open = (el as HTMLDetailsElement).open;
          if (detailsOpen.get(el) !== open) revealed.push(el);
          detailsOpen.set(el, open);
        }
      }
      // A class on a marked block's parent or a little above it that hides the block through a
      // style sheet (a comment thread collapsed, `.collapsed > .body { display: none }`): the
      // marked blocks just below a changed element are checked too. Farther up (a class on
      // <body>) is not followed (README, "Known limits").
      if (marks.size) {
        for (const block of marks.blocks()) {
          let up = 0;
          const near = climb(upOf(block), (n) => changedSet.has(n) || ++up >= CHANGE_REACH);
          if (!near || !changedSet.has(near)) continue;
          if (block.nodeType === Node.ELEMENT_NODE && block.isConnected && rules.hidesText(block as Element)) hiddenNow.add(block as Element);
        }
      }
      if (hiddenNow.size) {
        // One climb per marked block, not one scan of the marks per hidden element.
        const under = (block: Node) => climb(block, (n) => hiddenNow.has(n as Element)) as Element | null;
        const hiders = new Map([...marks.blocks()].map((b) => [b, under(b)] as const));
        marks.dropWhere((m) => hiders.get(m.block) != null);
        for (const hider of hiders.values()) if (hider) hidden.add(hider);
      }
      return { revealed, touched: [...touched] };
    },
    resized() {
      // One style check per marked text's parent, once per burst of resize events.
      const hiders = new Map<Node, Element | null>();
      const hiderOf = (mark: Mark) => {
        const parent = mark.nodes[0]!.parentNode!;
        if (!hiders.has(parent)) hiders.set(parent, mark.nodes[0]!.isConnected ? rules.hides(mark.nodes[0]!) : null);
        return hiders.get(parent)!;
      };
      const before = marks.size;
      marks.dropWhere((m) => hiderOf(m) !== null);
      if (marks.size !== before) for (const hider of hiders.values()) if (hider) hidden.add(hider);
    },
    shownAgain: () => shownAgain(() => true),
    clear: () => hidden.clear(),
  };
}
