// @vitest-environment happy-dom
// The annotator's passes, driven step by step: a change read while a whole-page pass is still
// running must keep its marks when that pass ends.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createAnnotator } from '../../../../engine/annotator/annotator';
import { compileMatcher } from '../../../../matching/matcher';
import { FIXTURE_INDEX } from '../../matching/fixture-index';
import { fakeRegistry } from '../fake-registry';
import { manualSession, type ManualSession } from '../manual-session';


/** The page session the annotator runs in: its slices of work run when the test says. */
let session: ManualSession;
/** Runs the next scheduled slice of work. */
const step = () => session.step();
/** Runs every scheduled slice of work. */
const runAll = () => session.runAll();
/** An annotator over the fixture's names, and the registry it marks into. */
function annotate() {
  const marks = fakeRegistry();
  const annotator = createAnnotator(session, { matcher: compileMatcher(FIXTURE_INDEX), marks, markInCode: false, onShadowRoot() {} });
  return { marks, annotator };
}

beforeEach(() => {
  session = manualSession();
  // Each clock read moves time on by 1 ms, so a slice (8 ms) ends after a few dozen runs.
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => ++now);
});
afterEach(() => vi.restoreAllMocks());

test('text added while a whole pass runs keeps the marks its rescan found', () => {
  const prose = 'Officials said the new rules would be reviewed later this year. '.repeat(5); // short of READ_DOWN_FROM_CHARS: this is not about reading down
  document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>${i % 4 ? prose : `The H20 story ${i}.`}</p>`).join('');
  const marks = fakeRegistry();
  const annotator = createAnnotator(session, {
    matcher: compileMatcher(FIXTURE_INDEX),
    marks,
    markInCode: false,
    onShadowRoot() {},
  });
  annotator.scanAll();
  step(); // the whole pass has chosen its blocks and read the first of them
  expect(session.pending).toHaveLength(1); // …and is not done yet
  const added = Object.assign(document.createElement('p'), { textContent: 'Late news: GB300 racks.' });
  document.body.append(added);
  annotator.rescan([added]); // what the page watcher does
  runAll();
  expect(marks.texts()).toContain('GB300');
  expect(marks.texts().filter((t) => t === 'H20')).toHaveLength(100);
});

test('a class toggled on a marked container reads its own text again, not every block in it', () => {
  document.body.innerHTML = `H20 in the body itself ${Array.from({ length: 300 }, (_, i) => `<p>B300 and H200 item ${i}</p>`).join('')}`;
  const { marks, annotator } = annotate();
  annotator.readAll(); // over 400 names: read all now, not as they come near the view
  annotator.scanAll();
  runAll();
  expect(marks.size).toBe(601);
  marks.dropped.length = 0;

  document.body.className = 'scrolled';
  annotator.attributesChanged([document.body]);
  runAll();
  expect(marks.dropped).toEqual([document.body]);
  expect(marks.size).toBe(601);
});

test("restyling elements with no marks in or around them reads no style (it would make the page's style be recalculated)", () => {
  document.body.innerHTML = `<p id="news">The H20 story.</p><table>${'<tr><td>1.5%</td><td>up</td></tr>'.repeat(200)}</table>`;
  const { marks, annotator } = annotate();
  annotator.scanAll();
  runAll();
  expect(marks.texts()).toEqual(['H20']);

  const styleReads = vi.spyOn(window, 'getComputedStyle');
  const cells = [...document.querySelectorAll('td')];
  for (const td of cells) td.className = 'tick';
  annotator.attributesChanged(cells);
  expect(styleReads).not.toHaveBeenCalled();
  // The marked paragraph's own change is still looked at: hidden, its mark goes.
  const news = document.getElementById('news')!;
  news.hidden = true;
  annotator.attributesChanged([news]);
  runAll();
  expect(marks.texts()).toEqual([]);
});

test('a marked block moved where text is not read (a code block) loses its marks', () => {
  document.body.innerHTML = '<p id="p">The H20 story.</p><pre id="code"></pre>';
  const { marks, annotator } = annotate();
  annotator.scanAll();
  runAll();
  expect(marks.texts()).toEqual(['H20']);
  const p = document.getElementById('p')!;
  document.getElementById('code')!.append(p);
  annotator.rescan([p]); // what the page watcher reports
  runAll();
  expect(marks.texts()).toEqual([]);
});

test("a shadow host and a block in its shadow tree changed together: the block's stale mark goes", () => {
  document.body.innerHTML = '<div id="h">light</div><p>filler</p>';
  const host = document.getElementById('h')!;
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<div><p id="in">The H200 story.</p></div><slot></slot>';
  const { marks, annotator } = annotate();
  annotator.scanAll();
  runAll();
  expect(marks.texts()).toEqual(['H200']);
  const inner = shadow.getElementById('in')!;
  (inner.firstChild as Text).data = 'No names here at all.';
  (host.firstChild as Text).data = 'light changed';
  annotator.rescan([host, inner]); // one batch from the page watcher
  runAll();
  expect(marks.texts()).toEqual([]);
});

/** An IntersectionObserver the test drives: `near(el)` reports el within the observer's margin. */
class FakeIntersectionObserver {
  static all: FakeIntersectionObserver[] = [];
  targets = new Set<Element>();
  constructor(private readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeIntersectionObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  static near(pick: (el: Element) => boolean) {
    for (const io of FakeIntersectionObserver.all) {
      const entries = [...io.targets].filter(pick).map((target) => ({ target, isIntersecting: true }));
      if (entries.length) io.callback(entries);
    }
  }
  static waiting = () => FakeIntersectionObserver.all.reduce((n, io) => n + io.targets.size, 0);
}

/** Runs `body` with FakeIntersectionObserver in place of the browser's. */
function withFakeObserver(body: () => void) {
  FakeIntersectionObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  try {
    body();
  } finally {
    vi.unstubAllGlobals();
  }
}

test('a page with hundreds of names is read where the reader comes near; readAll reads the rest', () => {
  withFakeObserver(() => {
    document.body.innerHTML = Array.from({ length: 500 }, (_, i) => `<p id="p${i}">Item ${i}: the <b>H20</b> and more</p>`).join('');
    const { marks, annotator } = annotate();
    const run = runAll;
    annotator.scanAll();
    run();
    expect(marks.size).toBe(0); // nothing came near the view yet
    expect(FakeIntersectionObserver.waiting()).toBe(500); // each paragraph waits (the block of its <b>)

    const first = new Set(['p0', 'p1', 'p2']);
    FakeIntersectionObserver.near((el) => first.has(el.id));
    run();
    expect(marks.texts()).toEqual(['H20', 'H20', 'H20']);
    expect([...marks.blocks()].map((b) => (b as Element).id)).toEqual(['p0', 'p1', 'p2']);

    // A whole pass again (SPA navigation): marks of blocks still waiting are not dropped.
    annotator.scanAll();
    run();
    expect(marks.size).toBe(3);

    annotator.readAll();
    run();
    expect(marks.size).toBe(500);
    expect(new Set([...marks.blocks()].map((b) => (b as Element).localName))).toEqual(new Set(['p']));
    expect(FakeIntersectionObserver.waiting()).toBe(0);
  });
});

test('a thousand items appended as siblings are read near the view, as one added part would be', () => {
  withFakeObserver(() => {
    document.body.innerHTML = '<h1>Wire</h1><div id="wire"></div>';
    const { marks, annotator } = annotate();
    const run = runAll;
    annotator.scanAll();
    run();
    const wire = document.getElementById('wire')!;
    wire.innerHTML = Array.from({ length: 1000 }, (_, i) => `<p id="w${i}">${i}: Nvidia H20 licences.</p>`).join('');
    annotator.rescan([...wire.children]); // what the page watcher reports: each added block
    run();
    expect(marks.size).toBe(0);
    expect(FakeIntersectionObserver.waiting()).toBe(1000);
    FakeIntersectionObserver.near((el) => el.id === 'w0' || el.id === 'w1');
    run();
    expect(marks.texts()).toEqual(['H20', 'H20']);

    // A few added later are read at once.
    const late = Array.from({ length: 3 }, (_, i) => Object.assign(document.createElement('p'), { textContent: `Late ${i}: the H200.` }));
    wire.prepend(...late);
    annotator.rescan(late);
    run();
    expect(marks.texts().filter((t) => t === 'H200')).toHaveLength(3);
  });
});

test("on a long page, the popup's read-all reads the part left for later, even with nothing else waiting", () => {
  // Over 150,000 characters, laid out one line per element: read down, it stops far above the names.
  const prose = 'Officials said the new rules would be reviewed later this year. '.repeat(8);
  document.body.innerHTML = `<article>${Array.from({ length: 400 }, (_, i) => `<p>${prose}${i >= 200 ? ` The H20 story ${i}.` : ''}</p>`).join('')}</article>`;
  const order = new Map([...document.querySelectorAll('*')].map((el, i) => [el, i] as const));
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return new DOMRect(0, (order.get(this) ?? 0) * 100, 500, 100);
  });
  vi.stubGlobal('innerHeight', 800);
  const { marks, annotator } = annotate();
  annotator.scanAll();
  runAll();
  expect(marks.size).toBe(0);
  annotator.readAll();
  runAll();
  expect(marks.texts().filter((t) => t === 'H20')).toHaveLength(200);
  vi.unstubAllGlobals();
});

test('when its session ends, nothing waits to come near the view any more', () => {
  withFakeObserver(() => {
    // Over 400 names: the blocks wait to come near the view.
    document.body.innerHTML = Array.from({ length: 500 }, (_, i) => `<p>B300 item ${i}</p>`).join('');
    const { annotator } = annotate();
    annotator.scanAll();
    runAll();
    expect(FakeIntersectionObserver.waiting()).toBe(500);
    session.end(); // the site was switched off
    expect(FakeIntersectionObserver.waiting()).toBe(0);
  });
});
