import { describe, expect, test } from 'vitest';
import { nodeIndexAt } from '../../../../engine/reading/text-offsets';

describe('nodeIndexAt', () => {
  // Nodes "The " | "H2" | "00 again" → starts 0, 4, 6.
  const starts = [0, 4, 6];

  test.each([
    [0, 'start', 0],
    [3, 'start', 0],
    [4, 'start', 1], // a start on a boundary belongs to the later node
    [5, 'start', 1],
    [6, 'start', 2],
    [13, 'start', 2],
    [4, 'end', 0], // an end on a boundary belongs to the earlier node
    [6, 'end', 1],
    [8, 'end', 2],
    [14, 'end', 2],
  ] as const)('offset %i as %s → node %i', (offset, edge, expected) => {
    expect(nodeIndexAt(starts, offset, edge)).toBe(expected);
  });

  test('a single node', () => {
    expect(nodeIndexAt([0], 0, 'start')).toBe(0);
    expect(nodeIndexAt([0], 5, 'end')).toBe(0);
  });

  test('empty text nodes never hold a start or an end', () => {
    // "ab" | "" | "cd": starts 0, 2, 2.
    expect(nodeIndexAt([0, 2, 2], 2, 'start')).toBe(2);
    expect(nodeIndexAt([0, 2, 2], 2, 'end')).toBe(0);
  });
});
