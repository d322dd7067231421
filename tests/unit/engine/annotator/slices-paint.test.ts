// @vitest-environment happy-dom
// When marks paint during a long read (slices.ts with the real registry, marks.ts): marks in the
// reader's view appear while the read goes on, the far rest when it ends — each paint makes
// Chromium re-check every range of the registry, so a read of 1,500 names painted every 300 ms
// cost 4–5 times one paint (docs/bench.md). The clock is counted (each look moves it 4 ms);
// happy-dom has no layout nor CSS.highlights, so each paragraph says where its box is and the
// registry's Highlight is a Set.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createAnnotator } from '../../../../engine/annotator/annotator';
import { createMarkRegistry } from '../../../../engine/marks/marks';
import { compileMatcher } from '../../../../matching/matcher';
import { FIXTURE_INDEX } from '../../matching/fixture-index';
import { manualSession, type ManualSession } from '../manual-session';

class FakeHighlight extends Set<Range> {
  priority = 0;
}

let session: ManualSession;
let highlights: Map<string, FakeHighlight>;
beforeEach(() => {
  session = manualSession();
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 4));
  highlights = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** `count` paragraphs 40 px apart, each naming a chip: the first screen's are in the view. */
function longPage(count: number): HTMLElement[] {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p>H200 item ${i}</p>`).join('');
  const ps = [...document.querySelectorAll('p')];
  ps.forEach((p, i) => {
    p.getBoundingClientRect = () => ({ x: 0, y: i * 40, left: 0, top: i * 40, right: 600, bottom: i * 40 + 20, width: 600, height: 20 }) as DOMRect;
  });
  return ps;
}

test('a long read paints the marks in view while it goes on, and every other mark at its end', () => {
  const ps = longPage(1000);
  const marks = createMarkRegistry();
  marks.show();
  const annotator = createAnnotator(session, { matcher: compileMatcher(FIXTURE_INDEX), marks, markInCode: false, onShadowRoot() {} });
  annotator.readAll();
  annotator.scanAll();
  const painted = () => highlights.get('chiplens')!.size;

  // Slice by slice until the first paint.
  let slices = 0;
  for (; session.pending.length && painted() === 0; slices++) session.step();
  expect(session.pending.length).toBeGreaterThan(0); // the read goes on
  const nearLine = innerHeight * 1.5; // half a screen below the view
  const inView = ps.filter((p) => p.getBoundingClientRect().top < innerHeight).length;
  const first = painted();
  expect(first).toBeGreaterThanOrEqual(inView); // the view's marks are there (with all found so far)

  // The rest of the read paints nothing more until its end: what it finds is far below the view.
  let more = 0;
  for (; session.pending.length && painted() === first; more++) session.step();
  expect(session.pending).toEqual([]);
  expect(more).toBeGreaterThan(1); // slices went by
  expect(painted()).toBe(1000); // the end painted every mark
  expect(first).toBeLessThan(ps.filter((p) => p.getBoundingClientRect().top > nearLine).length); // it had many left

});
