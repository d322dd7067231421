// @vitest-environment happy-dom
// The page is never held for long: the annotator reads in slices that each end when its own
// clock says 8 ms are up, and hands the page back between them. The clock here is counted (each
// read moves it 1 ms), so this holds on any machine, however slow; how long real slices take
// on a real page is the bench's to report ("Longest task while marking", npm run bench).
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAnnotator } from '../../../../engine/annotator/annotator';
import { compileMatcher } from '../../../../matching/matcher';
import { FIXTURE_INDEX } from '../../matching/fixture-index';
import { fakeRegistry } from '../fake-registry';


/** Slices of work the annotator scheduled and has not run yet (the page runs between them). */
let slices: (() => void)[] = [];
const ctx = { setTimeout: (fn: () => void) => slices.push(fn) } as unknown as ContentScriptContext;
let now = 0;

beforeEach(() => {
  slices = [];
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
  const annotator = createAnnotator(ctx, { matcher: compileMatcher(FIXTURE_INDEX), marks, markInCode: false, onShadowRoot() {} });
  annotator.readAll();
  annotator.scanAll();

  const clockPerSlice: number[] = [];
  for (let i = 0; slices.length && i < 10_000; i++) {
    const before = now;
    slices.shift()!();
    clockPerSlice.push(now - before);
  }
  expect(slices).toEqual([]); // the work came to an end
  expect(marks.size).toBe(800);
  // Several slices, not one: the page's own tasks run between them.
  expect(clockPerSlice.length).toBeGreaterThan(1);
  // A slice reads the clock at its start, every few steps, and once at its end: it stops at
  // the first look past its 8 ms.
  expect(Math.max(...clockPerSlice)).toBeLessThanOrEqual(8 + 2);
});
