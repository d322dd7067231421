// @vitest-environment happy-dom
// The mark registry's paints during a long read: the marks the reader can see paint at once, the
// far rest waits for the read's end (each paint makes Chromium re-check every range of the registry,
// docs/bench.md). happy-dom has no CSS.highlights nor layout: the registry's Highlight is a Set
// here, and each paragraph says where its box is.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createMarkRegistry, type Mark } from '../../../../engine/marks/marks';

class FakeHighlight extends Set<Range> {
  priority = 0;
}

let highlights: Map<string, FakeHighlight>;
beforeEach(() => {
  highlights = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights });
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
  window.scrollTo(0, 0);
});

/** A paragraph whose box starts `top` px below the top of the page (the view scrolls over it). */
function paragraph(text: string, top: number): HTMLElement {
  const p = document.createElement('p');
  p.textContent = text;
  p.getBoundingClientRect = () => ({ x: 0, y: top - scrollY, left: 0, top: top - scrollY, right: 600, bottom: top - scrollY + 20, width: 600, height: 20 }) as DOMRect;
  document.body.append(p);
  return p;
}

function markIn(p: HTMLElement, chipId = 'h200'): Mark {
  const text = p.firstChild as Text;
  const range = new Range();
  range.setStart(text, 0);
  range.setEnd(text, 4);
  return { chipId, range, block: p, nodes: [text] };
}

const painted = () => [...(highlights.get('chiplens') ?? [])].map((r) => r.toString());

test('during a long read a mark far below the view waits; one in the view paints alone', () => {
  const marks = createMarkRegistry();
  marks.show();
  marks.add(markIn(paragraph('B300 far below', 5000)));
  marks.paint(true);
  expect(painted()).toEqual([]);
  marks.add(markIn(paragraph('H200 in the view', 100)));
  marks.paint(true);
  expect(painted()).toEqual(['H200']);
  marks.paint();
  expect(painted().sort()).toEqual(['B300', 'H200']);
  expect(marks.size).toBe(2);
});

test("a mark within half a screen of the view counts as near; the read's end paints everything", () => {
  const marks = createMarkRegistry();
  marks.show();
  marks.add(markIn(paragraph('H200 just below', innerHeight * 1.4)));
  marks.paint(true);
  expect(painted()).toEqual(['H200']);
  marks.add(markIn(paragraph('B300 far below', innerHeight * 3)));
  marks.paint(true);
  expect(painted()).toEqual(['H200']);
  marks.paint();
  expect(painted().sort()).toEqual(['B300', 'H200']);
});

test('a mark found far paints once the reader scrolls to it', () => {
  const marks = createMarkRegistry();
  marks.show();
  marks.add(markIn(paragraph('B300 far below', 5000)));
  marks.paint(true);
  expect(painted()).toEqual([]);
  marks.paint(true); // the view has not moved: still far
  expect(painted()).toEqual([]);
  window.scrollTo(0, 4800);
  expect(scrollY).toBe(4800);
  marks.paint(true);
  expect(painted()).toEqual(['B300']);
});

test('a mark in the view whose text was read again without it leaves at the next near paint; a far one at the end', () => {
  const marks = createMarkRegistry();
  const near = paragraph('H200 in the view', 100);
  const far = paragraph('B300 far below', 5000);
  marks.add(markIn(near));
  marks.add(markIn(far));
  marks.show();
  marks.paint();
  expect(painted().sort()).toEqual(['B300', 'H200']);
  marks.dropBlock(far);
  marks.paint(true);
  expect(painted().sort()).toEqual(['B300', 'H200']);
  marks.dropBlock(near);
  marks.paint(true);
  expect(painted()).toEqual(['B300']);
  marks.paint();
  expect(painted()).toEqual([]);
});

test('a block read again with the same marks does not count as a change: nothing near waits', () => {
  const marks = createMarkRegistry();
  const near = paragraph('H200 in the view', 100);
  marks.add(markIn(near));
  marks.show();
  marks.paint();
  const before = highlights.get('chiplens')!;
  const range = [...before][0];
  marks.dropBlock(near);
  marks.add(markIn(near));
  marks.add(markIn(paragraph('B300 far below', 5000)));
  marks.paint(true);
  expect([...before]).toEqual([range]); // the same range, still painted, and the far one waits
});

test("a changed chip's second highlight paints with its mark", () => {
  const marks = createMarkRegistry();
  marks.show();
  marks.setChanged(new Set(['b300']));
  marks.add(markIn(paragraph('B300 far below', 5000), 'b300'));
  marks.add(markIn(paragraph('B300 in the view', 100), 'b300'));
  marks.paint(true);
  const changed = () => [...(highlights.get('chiplens-changed') ?? [])].map((r) => (r.startContainer as Text).data);
  expect(changed()).toEqual(['B300 in the view']);
  marks.paint();
  expect(changed().sort()).toEqual(['B300 far below', 'B300 in the view']);
  marks.clear();
  expect(highlights.size).toBe(0);
});

test('a page that cleared the registry gets both highlights back', () => {
  const marks = createMarkRegistry();
  marks.show();
  marks.setChanged(new Set(['b300']));
  marks.add(markIn(paragraph('B300 in the view', 100), 'b300'));
  marks.paint();
  highlights.clear();
  marks.repair();
  expect([...highlights.keys()].sort()).toEqual(['chiplens', 'chiplens-changed']);
});
