// Maps an offset in a run's joined text back to one of its text nodes. Pure, so unit-tested.

/**
 * Index of the node holding `offset`, given each node's start offset in the joined text.
 * A start boundary belongs to the later node (offset 5 with starts [0, 5] → node 1), an end
 * boundary to the earlier one (so a mark never starts or ends in an empty position of a neighbour).
 */
export function nodeIndexAt(starts: readonly number[], offset: number, edge: 'start' | 'end'): number {
  let lo = 0;
  let hi = starts.length - 1;
  // Last i with starts[i] <= offset (start) or starts[i] < offset (end).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (edge === 'start' ? s <= offset : s < offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
