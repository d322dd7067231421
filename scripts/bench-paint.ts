// `npx tsx scripts/bench-paint.ts`: what Chromium itself costs to paint CSS highlight ranges, with
// no extension: on a minimal page (N short paragraphs, one chip name each) and on the bench's chip
// page, N ranges are made untraced, then one Highlight of them is registered under a trace with
// ChipLens's style and two frames are let pass. Prints the page's main-thread time (script, style,
// layout, prepaint, paint…) for N = 0, 20 and every name; asserts nothing. Medians of BENCH_RUNS.
// Then every name added to the one Highlight in STEPS steps a few frames apart (as a long read
// paints what it has so far): Chromium re-validates every range of the registry at each step.
// BENCH_PAINT=changes (or all): on the chip page, what one change to the registry costs once
// every name is painted (a few ranges added to the same Highlight, to a second registered one, a
// new Highlight set under another name, the whole Highlight replaced; every name split across
// several Highlights/names in steps), to tell whether a change re-validates the whole registry or
// only the Highlight that changed, and add() from set().
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startPageServer } from '../tests/e2e/server';
import { browserVersion, launchBench, settle } from './bench-browser';
import { buildBenchPage } from './bench-page';
import { chipNames, namesPattern } from './bench-names';
import { mainThreadTime, traceAround, type TraceEvent } from './bench-trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CSS_FILE = readFileSync(resolve('engine/marks/marks.css'), 'utf8');
/** The marks' rule, also under the extra names the scenarios register (chiplens-b, chiplens-0…). */
const RULE = /::highlight\(chiplens\) \{[^}]*\}/.exec(CSS_FILE)![0];
const EXTRA_NAMES = ['chiplens-b', ...Array.from({ length: 8 }, (_, i) => `chiplens-${i}`)];
const STYLE = CSS_FILE + EXTRA_NAMES.map((n) => RULE.replace('(chiplens)', `(${n})`)).join('\n');
const MODE = process.env.BENCH_PAINT ?? 'steps';
const RENDER = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
/** How many steps the stepwise registration takes. */
const STEPS = 5;

function minimalPage(names: string[], count: number): string {
  const ps = Array.from({ length: count }, (_, i) => `<p>${names[i % names.length]!.replace(/&/g, '&amp;').replace(/</g, '&lt;')} ships.</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:16px/1.6 serif}</style></head><body>${ps.join('')}</body></html>`;
}

/** Registers the ranges at once, or in `steps` parts, each after two frames. */
const register = (steps: number) => `new Promise((done) => {
  const all = window.__ranges;
  const h = new Highlight();
  CSS.highlights.set('chiplens', h);
  const per = Math.ceil(all.length / ${steps});
  let at = 0;
  (function step() {
    for (const r of all.slice(at, at + per)) h.add(r);
    at += per;
    requestAnimationFrame(() => requestAnimationFrame(() => (at < all.length ? step() : done())));
  })();
})`;

/** Two frames after the statements `js` ran (and the promise they return settled) (a string: tsx would wrap inner functions). */
const framesAfter = (js: string) => `(async () => { await (async () => { ${js} })(); await new Promise((d) => requestAnimationFrame(() => requestAnimationFrame(d))); })()`;

/**
 * The registry changes the scenarios make, as [untraced set-up, traced change]; window.__ranges
 * holds every name's range (__few: the 20 at the end of the page; __rest: the others; __head: the
 * first 20, in the view).
 */
const SCENARIOS: Record<string, [string, string]> = {
  'nothing changes (two frames)': [`CSS.highlights.set('chiplens', new Highlight(...__ranges))`, `0`],
  '20 added to the painted Highlight (add)': [`CSS.highlights.set('chiplens', window.__h = new Highlight(...__rest))`, `__few.forEach((r) => __h.add(r))`],
  '20 added to a second registered Highlight (add)': [
    `CSS.highlights.set('chiplens', new Highlight(...__rest)); CSS.highlights.set('chiplens-b', window.__h = new Highlight())`,
    `__few.forEach((r) => __h.add(r))`,
  ],
  '20 in a new Highlight under a second name (set)': [`CSS.highlights.set('chiplens', new Highlight(...__rest))`, `CSS.highlights.set('chiplens-b', new Highlight(...__few))`],
  '20 in view in a new Highlight under a second name (set)': [`CSS.highlights.set('chiplens', new Highlight(...__tail))`, `CSS.highlights.set('chiplens-b', new Highlight(...__head))`],
  '20 added to a second Highlight, first one 20 ranges': [
    `CSS.highlights.set('chiplens', new Highlight(...__head)); CSS.highlights.set('chiplens-b', window.__h = new Highlight())`,
    `__few.forEach((r) => __h.add(r))`,
  ],
  'second name deleted (20 ranges)': [
    `CSS.highlights.set('chiplens', new Highlight(...__rest)); CSS.highlights.set('chiplens-b', new Highlight(...__few))`,
    `CSS.highlights.delete('chiplens-b')`,
  ],
  'the painted Highlight replaced by a new one of every name (set)': [`CSS.highlights.set('chiplens', new Highlight(...__rest))`, `CSS.highlights.set('chiplens', new Highlight(...__ranges))`],
  'every name added to an empty registered Highlight (add)': [`CSS.highlights.set('chiplens', window.__h = new Highlight())`, `__ranges.forEach((r) => __h.add(r))`],
  'every name in a new Highlight (set)': [`0`, `CSS.highlights.set('chiplens', new Highlight(...__ranges))`],
  'every name in 5 steps, one Highlight (add)': [`CSS.highlights.set('chiplens', window.__h = new Highlight())`, `return __steps((part) => part.forEach((r) => __h.add(r)))`],
  'every name in 5 steps, one new Highlight per step under its own name': [`0`, `return __steps((part, i) => CSS.highlights.set('chiplens-' + i, new Highlight(...part)))`],
  'every name in 5 steps, one Highlight per name registered first (add)': [
    `window.__hs = [0, 1, 2, 3, 4].map((i) => { const h = new Highlight(); CSS.highlights.set('chiplens-' + i, h); return h; })`,
    `return __steps((part, i) => part.forEach((r) => __hs[i].add(r)))`,
  ],
};

/**
 * Loads the page with the marks' style and makes a Range of every name untraced (window.__ranges,
 * the first `count`; the scenarios' parts of them too), then traces `js` and two frames after it.
 */
async function measure(page: Page, url: string, pattern: string, count: number, setup: string, js: string): Promise<Record<string, number>> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addStyleTag({ content: STYLE });
  await settle(page);
  await page.evaluate(`(() => {
    const re = new RegExp(${JSON.stringify(pattern)}, 'g');
    const ranges = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      re.lastIndex = 0;
      for (let m = re.exec(n.data); m; m = re.exec(n.data)) { const r = new Range(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length); ranges.push(r); }
      if (ranges.length >= ${count}) break;
    }
    window.__ranges = ranges.slice(0, ${count});
    window.__few = ranges.slice(-20);
    window.__rest = ranges.slice(0, -20);
    window.__head = ranges.slice(0, 20);
    window.__tail = ranges.slice(20);
    window.__steps = (fn) => new Promise((done) => {
      const per = Math.ceil(ranges.length / 5);
      let i = 0;
      (function step() {
        fn(ranges.slice(i * per, (i + 1) * per), i);
        i++;
        requestAnimationFrame(() => requestAnimationFrame(() => (i < 5 ? step() : done())));
      })();
    });
  })()`);
  await page.evaluate(framesAfter(setup));
  await settle(page);
  const events: TraceEvent[] = await traceAround(page, async () => {
    await page.evaluate(js);
  });
  const time = mainThreadTime(events, url);
  const out: Record<string, number> = { total: time.totalMs, cpu: time.cpuMs, longest: time.longestMs };
  for (const name of RENDER) out[name] = events.filter((e) => e.ph === 'X' && e.name === name).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  return out;
}

const scenario = (page: Page, url: string, pattern: string, setup: string, change: string) => measure(page, url, pattern, Infinity, setup, framesAfter(change));

const once = (page: Page, url: string, pattern: string, count: number, steps = 1) => measure(page, url, pattern, count, '0', register(steps));

async function main() {
  const names = chipNames();
  const pattern = namesPattern(names);
  const server = await startPageServer(resolve('tests/pages'));
  server.route('/minimal.html', minimalPage(names, 1500));
  server.route('/names.html', buildBenchPage({ names, paragraphs: 3000 }).html);
  const browser = await launchBench(null);
  try {
    console.log(`${await browserVersion(browser)}; medians of ${RUNS}; ms of the page's main thread`);
    const page = await browser.context.newPage();
    if (MODE === 'changes' || MODE === 'all') {
      const url = `${server.origin}/names.html`;
      // Interleaved: one run of every scenario per round, so the machine's load touches each alike.
      const results = new Map<string, Record<string, number>[]>();
      for (let run = 0; run <= RUNS; run++) {
        for (const [label, [setup, change]] of Object.entries(SCENARIOS)) {
          const r = await scenario(page, url, pattern, setup, change);
          if (run > 0) results.set(label, [...(results.get(label) ?? []), r]);
        }
      }
      for (const [label, runs] of results) {
        const med = (k: string) => [...runs.map((r) => r[k]!)].sort((a, b) => a - b)[runs.length >> 1]!;
        console.log(
          `chip page, ${label}: total ${med('total').toFixed(1)} (cpu ${med('cpu').toFixed(1)}, longest task ${med('longest').toFixed(1)})  ` +
            RENDER.map((k) => `${k} ${med(k).toFixed(1)}`).join(' · '),
        );
      }
      if (MODE === 'changes') return;
    }
    for (const [label, path] of [['minimal page, 1,500 paragraphs', '/minimal.html'], ['bench chip page', '/names.html']] as const) {
      for (const [count, steps] of [[0, 1], [20, 1], [100_000, 1], [100_000, STEPS]] as const) {
        await once(page, `${server.origin}${path}`, pattern, count, steps); // warm-up
        const runs: Record<string, number>[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await once(page, `${server.origin}${path}`, pattern, count, steps));
        const med = (k: string) => [...runs.map((r) => r[k]!)].sort((a, b) => a - b)[RUNS >> 1]!;
        const n = await page.evaluate<number>('window.__ranges.length');
        const how = steps > 1 ? `, in ${steps} steps` : '';
        console.log(
          `${label}, ${String(n).padStart(4)} ranges${how}: total ${med('total').toFixed(1)} (cpu ${med('cpu').toFixed(1)}, longest task ${med('longest').toFixed(1)})  ` +
            RENDER.map((k) => `${k} ${med(k).toFixed(1)}`).join(' · '),
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
