// Which parts of a page ChipLens reads: the element rules for the text walk, and what counts as
// inline (text that flows on within one block) versus a break between blocks.
import { climb, parentElementOf, parentOf, tagOf } from './dom';

/**
 * Tags whose text flows within the surrounding block; any other element breaks a run of text.
 * Not <sup> and <sub>: after a name they are a footnote or a note (`H200<sup>1</sup>` is the
 * H200 and footnote 1, not an "H2001").
 */
const INLINE: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'label', 'mark', 'nobr', 'q', 'rb', 'ruby', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'time', 'tt', 'u', 'var', 'wbr',
]);

/**
 * Elements that show nothing in the line of text (or, for ruby annotations, above it): never
 * read, and text on both sides of one still reads as one (`H<script>…</script>200` is H200 to a
 * reader, `<ruby>昇腾<rt>shēngténg</rt></ruby>910C` is 昇腾910C), though `textContent` joins
 * their text in. The walks (text-runs.ts), the sweep (sweep.ts) and read-down.ts all use this one.
 */
export const SHOWS_NOTHING: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript', 'rt', 'rp']);

/**
 * Never read: what shows nothing (above), what is not prose, what the reader edits, and
 * ChipLens's own card. Any other element here shows a box that splits the text around it.
 */
const NEVER = new Set([
  ...SHOWS_NOTHING, 'textarea', 'input', 'select', 'option', 'button',
  'iframe', 'object', 'canvas', 'video', 'audio', 'svg', 'math', 'head', 'title', 'chiplens-card',
  'meter', 'progress', // their text is fallback: a gauge shows instead
]);

const CODE = new Set(['code', 'pre', 'kbd', 'samp']);

export interface SkipOptions {
  /** Also read <code>, <pre>, <kbd>, <samp> (settings.markInCode). */
  markInCode: boolean;
  /** Whether an element renders nothing (injectable for tests without layout). */
  isHidden?: (el: Element) => boolean;
  /** Whether an element is laid out in the line (injectable for tests without layout). */
  flowsInline?: (el: Element) => boolean;
}

/**
 * Whether an element's text flows in its block: the inline tags, and a custom element that
 * holds only text (`<stock-tag>英偉達</stock-tag>`, `<chip-link>L20</chip-link>`), laid out
 * inline unless styled otherwise. A custom element that holds elements or a shadow root is a
 * component (a card, a feed item, `<app-root>`): a block. One styled as a box that touches a
 * word still splits it (SkipRules.flowsInline).
 */
export function isInline(el: Element): boolean {
  const tag = tagOf(el);
  return INLINE.has(tag) || (tag.includes('-') && !el.firstElementChild && !el.shadowRoot);
}

/**
 * Whether an element is laid out in the line (not a box of its own: block, flex, inline-block…).
 * No computed style at all (no layout engine) leaves it to the tag.
 */
function flowsInlineByStyle(el: Element): boolean {
  const display = getComputedStyle(el).display;
  return display === '' || display === 'inline' || display === 'contents' || display === 'ruby' || display === 'ruby-text';
}

/** The node a text node's run belongs to: its nearest non-inline ancestor (or its tree's root). */
export function blockOf(node: Node): Node {
  return climb(parentOf(node), (p) => p.nodeType !== Node.ELEMENT_NODE || !isInline(p as Element), parentOf) ?? node;
}

/** The block a node is (a non-inline element) or the one its text flows in (blockOf). */
export function blockAround(node: Node): Node {
  return node.nodeType === Node.ELEMENT_NODE && !isInline(node as Element) ? node : blockOf(node);
}

/**
 * Rendered nothing a reader sees: display:none (also closed <details>, unslotted content),
 * visibility:hidden, or the "visually hidden" clip for screen readers (a 1px box that clips).
 */
function isHiddenByCss(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function') return getComputedStyle(el).display === 'none';
  if (el.checkVisibility({ visibilityProperty: true })) return clippedAway(el);
  // display:contents has no box, so checkVisibility says false while its children may still
  // render: they do when it is visible and the box around it shows (a <slot> is one too).
  const style = getComputedStyle(el);
  if (style.display !== 'contents') return true;
  if (style.visibility !== 'visible') return true;
  const around = parentElementOf(el) ?? (parentOf(el) as ShadowRoot | null)?.host ?? null;
  return around !== null && isHiddenByCss(around);
}

/**
 * The `.sr-only` pattern: a box of at most 1×1 px whose overflow is clipped. The style is asked
 * first: nearly no element clips, and its box would cost a layout query per marked text.
 */
function clippedAway(el: Element): boolean {
  const style = getComputedStyle(el);
  if (!/hidden|clip/.test(style.overflow) && !/^rect/.test(style.clip) && !/^(?:inset|polygon|circle|ellipse)/.test(style.clipPath)) return false;
  const box = el.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1;
}

export interface SkipRules {
  /**
   * For the text walk: whether an element's text may hold marks, by its tag (localName) alone.
   * It runs for every element, so it is cheap; what needs style or layout is left to `hides`.
   */
  readsTag(localName: string): boolean;
  /**
   * For text that holds a mention: the element that keeps it from the reader (hidden, or
   * editable), or null when it shows. Asked only there, since nearly all text has no mention.
   */
  hides(text: Text): Element | null;
  /** Whether a rescan may start at `root`: it renders and no ancestor is skipped. */
  readable(root: Node): boolean;
  /** Whether no element from `node` up is skipped by its tag (whether it renders is not asked). */
  readsTags(node: Node): boolean;
  /**
   * Whether an element is laid out in the line. Asked only where a word touches a word across
   * elements (`<b>H</b>200`, or a badge `<span>NEW</span>H200` styled as a box), so rarely.
   */
  flowsInline(el: Element): boolean;
  /**
   * Whether `el` keeps its text from the reader (hidden, or editable) though no ancestor is
   * skipped by tag: an element whose marks must go. (An SVG part or a <pre> never held any.)
   */
  hidesText(el: Element): boolean;
}

export function createSkipRules(options: SkipOptions): SkipRules {
  const isHidden = options.isHidden ?? isHiddenByCss;
  const readsTag = (tag: string) => !NEVER.has(tag) && (options.markInCode || !CODE.has(tag));
  // isContentEditable and checkVisibility both look at the ancestors: the nearest element is enough.
  const shows = (el: Element) => !(el as HTMLElement).isContentEditable && !(el as HTMLElement).hidden && !isHidden(el);
  /** Whether an element from `node` up (in its own tree) is skipped by its tag. */
  const skippedAbove = (node: Node) => climb(node, (n) => n.nodeType === Node.ELEMENT_NODE && !readsTag(tagOf(n as Element)), parentOf) !== null;
  return {
    readsTag,
    flowsInline: options.flowsInline ?? flowsInlineByStyle,
    hides(text) {
      const el = text.parentElement;
      if (!el) return null;
      // Text right inside a closed <details> (not in its <summary>): the element shows, the
      // text does not.
      if (tagOf(el) === 'details' && !(el as HTMLDetailsElement).open) return el;
      // Text right inside a shadow host shows only where a slot takes it; a slot's own text is
      // fallback, shown only while nothing is assigned to it.
      if (el.shadowRoot && !text.assignedSlot) return el;
      if (tagOf(el) === 'slot' && (el as HTMLSlotElement).assignedNodes().length > 0) return el;
      return el.ownerDocument.designMode === 'on' || !shows(el) ? el : null;
    },
    hidesText(el) {
      if (skippedAbove(el)) return false;
      return el.ownerDocument.designMode === 'on' || !shows(el);
    },
    readsTags(node) {
      if (!node.isConnected || node.ownerDocument?.designMode === 'on') return false;
      return !skippedAbove(node);
    },
    readable(root) {
      if (!root.isConnected || root.ownerDocument?.designMode === 'on') return false;
      // The nearest element must show (it decides for the text below it); none may be skipped.
      const nearest = climb(root, (n) => n.nodeType === Node.ELEMENT_NODE, parentOf) as Element | null;
      return !(nearest && (!readsTag(tagOf(nearest)) || !shows(nearest))) && !skippedAbove(root);
    },
  };
}
