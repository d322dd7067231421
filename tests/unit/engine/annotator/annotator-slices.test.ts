// @vitest-environment happy-dom
// The page is never held for long: the annotator reads in slices that each end when its own
// clock says 8 ms are up, and hands the page back between them. The clock here is counted (each
// read moves it 1 ms), so this holds on any machine, however slow; how long real slices take
// on a real page is the bench's to report ("Longest task while marking", npm run bench).
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createAnnotator } from '../../../../engine/annotator/annotator';
import { compileMatcher } from '../../../../matching/matcher';
import { FIXTURE_INDEX } from '../../matching/fixture-index';
import { fakeRegistry } from '../fake-registry';
import { manualSession, type ManualSession } from '../manual-session';


/** The annotator's page session: slices of work it scheduled wait in `pending` (the page runs between them). */
let session: ManualSession;
let now = 0;

beforeEach(() => {
  session = manualSession();
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ++now);
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

test('reading a long page in full (what the popup asks) takes several slices, each ending once its 8 ms are up', () => {
  // 400 paragraphs with two names each: the whole page is read now, not as it comes near the view.
  document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>B300 and H200 item ${i}</p>`).join('');
  const marks = fakeRegistry();
  const annotator = createAnnotator(session, { matcher: compileMatcher(FIXTURE_INDEX), marks, markInCode: false, onShadowRoot() {} });
  annotator.readAll();
  annotator.scanAll();

  const clockPerSlice: number[] = [];
  for (let i = 0; session.pending.length && i < 10_000; i++) {
    const before = now;
    session.step();
    clockPerSlice.push(now - before);
  }
  expect(session.pending).toEqual([]); // the work came to an end
  expect(marks.size).toBe(800);
  // Several slices, not one: the page's own tasks run between them.
  expect(clockPerSlice.length).toBeGreaterThan(1);
  // A slice reads the clock at its start, every few steps, and once at its end: it stops at
  // the first look past its 8 ms.
  expect(Math.max(...clockPerSlice)).toBeLessThanOrEqual(8 + 2);
});
