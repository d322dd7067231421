// `npx tsx scripts/bench-paint.ts`: what Chromium itself costs to paint CSS highlight ranges, with
// no extension: on a minimal page (N short paragraphs, one chip name each) and on the bench's chip
// page, N ranges are made untraced, then one Highlight of them is registered under a trace with
// ChipLens's style and two frames are let pass. Prints the page's main-thread time (script, style,
// layout, prepaint, paint…) for N = 0, 20 and every name; asserts nothing. Medians of BENCH_RUNS.
// Then every name added to the one Highlight in STEPS steps a few frames apart (as a long read
// paints what it has so far): Chromium re-validates every range of the registry at each step.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startPageServer } from '../tests/e2e/server';
import { browserVersion, launchBench, settle } from './bench-browser';
import { buildBenchPage } from './bench-page';
import { chipNames, namesPattern } from './bench-names';
import { mainThreadTime, traceAround, type TraceEvent } from './bench-trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STYLE = readFileSync(resolve('engine/marks/marks.css'), 'utf8');
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

async function once(page: Page, url: string, pattern: string, count: number, steps = 1): Promise<Record<string, number>> {
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
    }
    window.__ranges = ranges.slice(0, ${count});
  })()`);
  const events: TraceEvent[] = await traceAround(page, async () => {
    await page.evaluate(register(steps));
  });
  const time = mainThreadTime(events, url);
  const out: Record<string, number> = { total: time.totalMs, cpu: time.cpuMs, longest: time.longestMs };
  for (const name of RENDER) out[name] = events.filter((e) => e.ph === 'X' && e.name === name).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  return out;
}

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
