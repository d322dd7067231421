// The marks on this document: one CSS Highlight holding every marked Range, plus ChipLens's own
// indexes of them. Firefox's content scripts cannot iterate a Highlight (Xray wrappers), and the
// hit test needs "marks in this text node" fast, so every lookup goes through these maps.
// New marks wait in `pending` until paint(): Chromium re-validates every range of a changed
// Highlight on the next frame, so adding marks in many small steps costs O(marks²) in rendering.
// A block's marks dropped to read it again stay in the Highlight until paint() too: the reading
// (a ticker in a marked paragraph) puts the same marks back, and those keep their range, so the
// Highlight does not change at all, and nothing flickers off while new marks wait.
// During a long read paint(true) paints only the changes near the view (a reader sees them);
// the far rest waits for the read's end, when one paint re-validates every range once.

const HIGHLIGHT_NAME = 'chiplens';
/** Marks of chips whose status moved since the reader last opened their card (marks.css). */
const CHANGED_NAME = 'chiplens-changed';

export interface Mark {
  chipId: string;
  range: Range;
  /** The run's block (see text-runs.ts): rescans replace marks block by block. */
  block: Node;
  /** Every text node the range touches (usually one). */
  nodes: Text[];
}

export interface MarkRegistry {
  add(mark: Mark): void;
  /**
   * Removes the marks of one block, to read it again: they leave the Highlight at the next
   * paint(), unless the reading adds the same marks back (which then keep their ranges).
   */
  dropBlock(block: Node): void;
  /** Removes every mark the predicate picks. */
  dropWhere(pick: (mark: Mark) => boolean): void;
  /** Blocks that currently hold marks. */
  blocks(): Iterable<Node>;
  /** Whether a block currently holds marks. */
  hasBlock(block: Node): boolean;
  /** Marks touching a text node. */
  at(node: Text): readonly Mark[];
  /** Marks per chip id: exactly one per marked range. */
  counts(): Record<string, number>;
  readonly size: number;
  /**
   * Puts marks added since the last call into the Highlight (they paint from the next frame),
   * and takes dropped ones out. `nearOnly`: only those near the view (their block within half a
   * screen of it); the others wait for a later call.
   */
  paint(nearOnly?: boolean): void;
  /** Registers the highlight with the page (marks paint). */
  show(): void;
  /**
   * Puts the marks back if the page took them away (the registry is the page's too: a site
   * resetting its own highlights may clear it, or empty or replace our Highlight).
   */
  repair(): void;
  /** Unregisters the highlight and forgets every mark. */
  clear(): void;
  /**
   * The chips to mark as changed as well (a second Highlight over their marks, synced at paint():
   * few marks, so it is rebuilt rather than kept in step mark by mark).
   */
  setChanged(chipIds: ReadonlySet<string>): void;
  /** Called after any change, at most once per call site batch (the caller throttles). */
  onChange(listener: () => void): void;
}

export function createMarkRegistry(): MarkRegistry {
  const highlight = new Highlight();
  const byBlock = new Map<Node, Mark[]>();
  const byNode = new Map<Text, Mark[]>();
  const listeners: (() => void)[] = [];
  let pending = new Set<Range>();
  /** Ranges of dropped marks, by start node, still in the Highlight until paint(). */
  let retiring = new Map<Node, Range[]>();
  let retiringCount = 0;
  let shown = false;
  let size = 0;
  let changedIds: ReadonlySet<string> = new Set();
  let changedHighlight: Highlight | null = null;
  /** What changedHighlight holds (Firefox's content scripts cannot iterate it). */
  let changedRanges: Range[] = [];
  let changedDirty = false;
  const changed = () => listeners.forEach((l) => l());
  /**
   * Marks whose change waits for paint() (added, or retiring), in order; those before `farUpTo`
   * were found far from the view as it was at `viewAt` (checked again only once it moved).
   */
  let waiting: Mark[] = [];
  let farUpTo = 0;
  let viewAt = '';

  const sameRange = (a: Range, b: Range) =>
    a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

  /** `retire`: leave the range in the Highlight until paint() (see above); else out at once. */
  function unindex(mark: Mark, retire: boolean) {
    if (changedIds.has(mark.chipId)) changedDirty = true;
    if (pending.delete(mark.range)) {
      // Never painted.
    } else if (!retire) {
      highlight.delete(mark.range);
    } else {
      const start = mark.range.startContainer;
      const list = retiring.get(start);
      if (list) list.push(mark.range);
      else retiring.set(start, [mark.range]);
      retiringCount++;
      waiting.push(mark);
    }
    size--;
    for (const node of mark.nodes) {
      const list = byNode.get(node)?.filter((m) => m !== mark);
      if (list?.length) byNode.set(node, list);
      else byNode.delete(node);
    }
  }

  /**
   * Rebuilds the changed chips' Highlight; the page's registry is touched only when there are some,
   * and only when they differ (any change to it makes Chromium re-check every range: marks.ts top).
   */
  function syncChanged() {
    changedDirty = false;
    if (!changedHighlight) return;
    const ranges: Range[] = [];
    for (const list of shown ? byBlock.values() : []) {
      for (const m of list) {
        if (!changedIds.has(m.chipId)) continue;
        if (pending.has(m.range)) changedDirty = true; // gets its second highlight when it paints
        else ranges.push(m.range);
      }
    }
    if (ranges.length === changedRanges.length && ranges.every((r, i) => r === changedRanges[i]) && (!ranges.length || CSS.highlights.has(CHANGED_NAME))) return;
    changedRanges = ranges;
    changedHighlight.clear();
    for (const range of ranges) changedHighlight.add(range);
    if (ranges.length) CSS.highlights.set(CHANGED_NAME, changedHighlight);
    else CSS.highlights.delete(CHANGED_NAME);
  }

  /** Whether a mark's change still waits for paint(): it is pending, or retiring. */
  const waits = (mark: Mark) => pending.has(mark.range) || !!retiring.get(mark.range.startContainer)?.includes(mark.range);

  /**
   * Puts the waiting changes near the view into the Highlight, keeps the others waiting; one box
   * per block, each looked at once per view (again only once the view moved).
   */
  function paintNear() {
    const view = `${scrollX},${scrollY},${innerWidth},${innerHeight}`;
    if (view !== viewAt) [viewAt, farUpTo] = [view, 0];
    const far: Mark[] = waiting.slice(0, farUpTo);
    const near = new Map<Node, boolean>();
    for (let i = farUpTo; i < waiting.length; i++) {
      const mark = waiting[i]!;
      if (!waits(mark)) continue;
      let isNear = near.get(mark.block);
      if (isNear === undefined) near.set(mark.block, (isNear = nearView(mark.block)));
      if (!isNear) far.push(mark);
      else if (pending.delete(mark.range)) highlight.add(mark.range);
      else {
        const list = retiring.get(mark.range.startContainer)!;
        list.splice(list.indexOf(mark.range), 1);
        retiringCount--;
        highlight.delete(mark.range);
      }
    }
    waiting = far;
    farUpTo = far.length;
  }

  return {
    add(mark) {
      // Two walks over the same text (a rescan racing the first pass) must not double a mark.
      if (byNode.get(mark.nodes[0]!)?.some((m) => sameRange(m.range, mark.range))) return;
      const dropped = retiring.get(mark.range.startContainer);
      const same = dropped ? dropped.findIndex((r) => sameRange(r, mark.range)) : -1;
      if (same >= 0) {
        mark.range = dropped!.splice(same, 1)[0]!;
        retiringCount--;
      } else {
        pending.add(mark.range);
        waiting.push(mark);
      }
      size++;
      if (changedIds.has(mark.chipId)) changedDirty = true;
      const list = byBlock.get(mark.block);
      if (list) list.push(mark);
      else byBlock.set(mark.block, [mark]);
      for (const node of mark.nodes) {
        const at = byNode.get(node);
        if (at) at.push(mark);
        else byNode.set(node, [mark]);
      }
      changed();
    },
    dropBlock(block) {
      const list = byBlock.get(block);
      if (!list) return;
      byBlock.delete(block);
      for (const mark of list) unindex(mark, true);
      changed();
    },
    dropWhere(pick) {
      let any = false;
      for (const [block, list] of byBlock) {
        const keep = list.filter((m) => !pick(m));
        if (keep.length === list.length) continue;
        any = true;
        for (const mark of list) if (!keep.includes(mark)) unindex(mark, false);
        if (keep.length) byBlock.set(block, keep);
        else byBlock.delete(block);
      }
      if (any) changed();
    },
    blocks: () => byBlock.keys(),
    hasBlock: (block) => byBlock.has(block),
    at: (node) => byNode.get(node) ?? [],
    counts() {
      const counts: Record<string, number> = {};
      for (const list of byBlock.values()) for (const m of list) counts[m.chipId] = (counts[m.chipId] ?? 0) + 1;
      return counts;
    },
    get size() {
      return size;
    },
    paint(nearOnly) {
      if (nearOnly) paintNear();
      else {
        waiting = [];
        farUpTo = 0;
        for (const list of retiring.values()) for (const range of list) highlight.delete(range);
        retiring = new Map();
        retiringCount = 0;
        for (const range of pending) highlight.add(range);
        pending = new Set();
      }
      // The registry is shared with the page: if a page script deleted our entry, put it back.
      if (shown && !CSS.highlights.has(HIGHLIGHT_NAME)) CSS.highlights.set(HIGHLIGHT_NAME, highlight);
      if (changedDirty) syncChanged();
    },
    show() {
      shown = true;
      CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    },
    repair() {
      if (!shown) return;
      if (highlight.size !== size - pending.size + retiringCount) {
        highlight.clear();
        for (const list of byBlock.values()) for (const m of list) if (!pending.has(m.range)) highlight.add(m.range);
        retiring = new Map();
        retiringCount = 0;
        waiting = waiting.filter((m) => pending.has(m.range));
        farUpTo = 0;
      }
      // By size, not identity: Firefox hands a content script a wrapper, not our own object.
      if (CSS.highlights.get(HIGHLIGHT_NAME)?.size !== highlight.size) CSS.highlights.set(HIGHLIGHT_NAME, highlight);
      if (changedIds.size) syncChanged();
    },
    clear() {
      // A page loaded with its site switched off has nothing to clear: leave the page's
      // highlight registry untouched (the first use of it costs a millisecond or more).
      if (!shown && size === 0 && pending.size === 0) return;
      shown = false;
      CSS.highlights.delete(HIGHLIGHT_NAME);
      highlight.clear();
      pending = new Set();
      retiring = new Map();
      retiringCount = 0;
      waiting = [];
      farUpTo = 0;
      byBlock.clear();
      byNode.clear();
      size = 0;
      syncChanged();
      changed();
    },
    setChanged(chipIds) {
      changedIds = chipIds;
      if (chipIds.size && !changedHighlight) {
        changedHighlight = new Highlight();
        changedHighlight.priority = 1; // over the plain mark where both paint
      }
      syncChanged();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

/**
 * Whether a block is within half a screen of the view (a reader sees its marks now, or soon).
 * A block with no box (a shadow root, `display: contents`) counts as near: better painted soon.
 */
function nearView(block: Node): boolean {
  if (block.nodeType !== Node.ELEMENT_NODE) return true;
  const box = (block as Element).getBoundingClientRect();
  if (!box.width && !box.height) return true;
  return box.bottom >= -innerHeight / 2 && box.top <= innerHeight * 1.5 && box.right >= -innerWidth / 2 && box.left <= innerWidth * 1.5;
}
