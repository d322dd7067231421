// `npx tsx scripts/bench-profile.ts [build dir]`: where ChipLens's time goes on the bench's pages,
// split by phase. Build with names kept for readable profiles:
//   CHIPLENS_NO_MINIFY=1 WXT_OUT_DIR=.output-prof npx wxt build && npx tsx scripts/bench-profile.ts .output-prof
// Each scenario (switch-on as loaded / every name / no names, and start-up during a load with the
// site off) runs BENCH_RUNS times twice over: once under a Chrome trace (the main thread's
// script, style, layout, paint and the rest: what the page pays in all) and once under the V8
// CPU profiler (the script's time by phase: each sample goes to the innermost function on its
// stack whose name PHASES knows). Prints medians; asserts nothing. The least extension
// (.output-least, built by `npm run bench`) is profiled the same way unless BENCH_LEAST=0.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startPageServer } from '../tests/e2e/server';
import { askToReadAll, browserVersion, launchBench, setSiteOff, settle, type BenchBrowser } from './bench-browser';
import { buildBenchPage } from './bench-page';
import { chipNames } from './bench-names';
import { mainThreadOf, traceAround, type TraceEvent } from './bench-trace';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DIR = resolve(process.argv[2] ?? process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const LEAST = resolve('.output-least/chrome-mv3');
/** BENCH_DETAIL=1: also the innermost function of each phase's samples. */
const DETAIL = process.env.BENCH_DETAIL === '1';

/** Function names (of the unminified build, rules/ and entrypoints/content/) → phase. */
const PHASES: Record<string, string> = {};
const phase = (name: string, fns: string[]) => fns.forEach((f) => (PHASES[f] = name));
phase('reading: walk, skip rules, blocks', [
  'sweep', 'sweepTree', 'sweepShadows', 'sweepRest', 'candidateBlocks', 'candidateParents', 'textAt', 'textStart', 'inViewFirst', 'openShadowRoots',
  'readDown', 'textFeed', 'isFar', 'columnOf', 'skipSubtree', 'splitsWord', 'blockRuns', 'textRuns', 'walk', 'enterShadow',
  'ancestryOf', 'isInline', 'flowsInlineByStyle', 'blockOf', 'blockAround', 'isHiddenByCss', 'clippedAway', 'readable', 'skips',
  'blocksOfParents', 'nextNode', 'eachOwn', 'each', 'wholeDocument', 'possibleNames', 'inView', 'readWhole', 'tagOf', 'upOf',
]);
phase('reading: regions regex over the text', ['regions', 'search']);
phase('matching: scan of runs', ['scan', 'boundaryBefore', 'toMention', 'decoratedTest']);
phase('context', ['hasPageContext', 'headline', 'outermostArticle', 'createPageContext', 'pageContextFor', 'streamOf', 'inSiteChrome', 'blockHasContext', 'pointsElsewhere', 'hasContextWord', 'hasPageContext', 'contextMayHaveChanged', 'urlJudge']);
phase('visibility of matched text', ['shows', 'hides', 'hidesText']);
phase('range creation, mark registry', ['apply', 'nodeIndexAt', 'add', 'dropBlock', 'unindex', 'finish', 'dropWhere', 'blocks', 'setStart', 'setEnd', 'Range']);
phase('highlight registration (marks.paint)', ['paint']);
phase('observers: near view, rests, changes', ['createDeferral', 'createHiddenText', 'createNearView', 'observerFor', 'boxless', 'wait', 'createWaitingRests', 'listen', 'measure', 'flush', 'watchChanges', 'createLateShadows', 'lookAgain', 'meet', 'report', 'prune', 'covers']);
phase('start-up: matcher, wiring', ['createPassQueue', 'matcherFrom', 'compileMatcher', 'createAnnotator', 'createPageAnnotation', 'createMarkRegistry', 'createCardController', 'createShadowStyles', 'createCountsReporter', 'main', 'switchOn', 'watchSiteSwitch']);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Script time by phase, ms: each sample to the innermost named phase on its stack. */
function byPhase(profile: Profile): Map<string, number> {
  const parent = new Map<number, number>();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map<number, string>();
  const resolveNode = (id: number): string => {
    const known = phaseOf.get(id);
    if (known) return known;
    let found = '';
    const leaf = nodes.get(id)!.callFrame;
    for (let at: number | undefined = id; at !== undefined && !found; at = parent.get(at)) {
      const frame = nodes.get(at)!.callFrame;
      if (frame.url.startsWith('chrome-extension://')) found = PHASES[frame.functionName] ?? '';
    }
    if (!found) {
      // Not under a named function of ours: whose script was it?
      let ours = false;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) ours ||= nodes.get(at)!.callFrame.url.startsWith('chrome-extension://');
      found = leaf.functionName === '(garbage collector)' ? 'garbage collection' : ours ? `other extension script (${leaf.functionName || 'anonymous'})` : leaf.functionName === '(idle)' ? '' : 'not the extension';
    }
    phaseOf.set(id, found);
    return found;
  };
  const out = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = resolveNode(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!key) return;
    out.set(key, (out.get(key) ?? 0) + ms);
    // And which function (or native call, or regex) the sample was in, under that phase.
    const leaf = nodes.get(id)!.callFrame.functionName.slice(0, 40) || 'anonymous';
    if (DETAIL) out.set(`    ${key} ← ${leaf}`, (out.get(`    ${key} ← ${leaf}`) ?? 0) + ms);
  });
  return out;
}

const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'v8.callFunction', 'v8.run', 'V8.Execute', 'EventDispatch', 'FireIdleCallback', 'v8.compile']);
const RENDER: Record<string, string> = { UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prepaint', Paint: 'paint', Layerize: 'layerize', Commit: 'commit', IntersectionObserverController: 'intersection', UpdateLayer: 'paint', 'LocalFrameView::RunPostLifecycleSteps': 'intersection' };

/** Main-thread time of the page's renderer by kind (script / style / layout / paint…), ms. */
function traceSplit(events: TraceEvent[], url: string): Map<string, number> {
  const main = mainThreadOf(events, url);
  const out = new Map<string, number>();
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // Top-level tasks, then inside each: outermost script spans, and rendering outside them.
  const tasks = mine.filter((e) => e.name === 'RunTask');
  let total = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    total += task.dur!;
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    let scriptUntil = -1;
    let counted = 0;
    const renderUntil: Record<string, number> = {};
    for (const e of inside) {
      if (SCRIPT.has(e.name)) {
        if (e.ts >= scriptUntil) {
          out.set('script', (out.get('script') ?? 0) + e.dur! / 1000);
          counted += e.dur!;
          scriptUntil = e.ts + e.dur!;
        }
      } else if (RENDER[e.name] && e.ts >= scriptUntil) {
        const kind = RENDER[e.name]!;
        if (e.ts >= (renderUntil.any ?? -1)) {
          out.set(kind, (out.get(kind) ?? 0) + e.dur! / 1000);
          counted += e.dur!;
          renderUntil.any = e.ts + e.dur!;
        }
      }
    }
    out.set('other (tasks, messages, GC outside script)', (out.get('other (tasks, messages, GC outside script)') ?? 0) + (task.dur! - counted) / 1000);
  }
  out.set('TOTAL', total / 1000);
  return out;
}

type Scenario = { label: string; url: string; readAll?: boolean; startup?: boolean };

async function once(browser: BenchBrowser, s: Scenario, how: 'trace' | 'profile'): Promise<Map<string, number>> {
  await setSiteOff(browser.worker!, true);
  const page = await browser.context.newPage();
  try {
    const session = await browser.context.newCDPSession(page);
    let work: () => Promise<void>;
    if (s.startup) {
      work = async () => {
        await page.goto(s.url, { waitUntil: 'load' });
        await settle(page);
      };
    } else {
      await page.goto(s.url, { waitUntil: 'load' });
      await settle(page);
      if (s.readAll) await askToReadAll(browser.worker!, page);
      work = async () => {
        await setSiteOff(browser.worker!, false);
        await settle(page);
      };
    }
    if (how === 'trace') return traceSplit(await traceAround(page, work), s.url);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    await work();
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
    return byPhase(profile);
  } finally {
    await page.close();
    await setSiteOff(browser.worker!, false);
  }
}

function medians(maps: Map<string, number>[]): [string, number][] {
  const keys = new Set(maps.flatMap((m) => [...m.keys()]));
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return [...keys].map((k) => [k, med(maps.map((m) => m.get(k) ?? 0))] as [string, number]).sort((a, b) => b[1] - a[1]);
}

async function main() {
  const names = chipNames();
  const server = await startPageServer(resolve('tests/pages'));
  server.route('/names.html', buildBenchPage({ names, paragraphs: 3000 }).html);
  server.route('/none.html', buildBenchPage({ names: [], paragraphs: 3000 }).html);
  const scenarios: Scenario[] = [
    { label: 'chip page, as loaded (switch-on)', url: `${server.origin}/names.html` },
    { label: 'chip page, every name (switch-on after read-all)', url: `${server.origin}/names.html`, readAll: true },
    { label: 'page with no names (switch-on)', url: `${server.origin}/none.html` },
    { label: 'start-up: load with the site off', url: `${server.origin}/names.html`, startup: true },
  ];
  const builds: [string, string][] = [['ChipLens', DIR]];
  if (process.env.BENCH_LEAST !== '0' && existsSync(LEAST)) builds.push(['least extension', LEAST]);
  try {
    for (const [name, dir] of builds) {
      const browser = await launchBench(dir);
      try {
        if (name === 'ChipLens') console.log(`${await browserVersion(browser)}; ${dir}; medians of ${RUNS}`);
        // BENCH_ONLY=every: only the scenarios whose label holds it.
        for (const s of scenarios.filter((x) => x.label.includes(process.env.BENCH_ONLY ?? ''))) {
          await once(browser, s, 'trace'); // warm-up
          const traces: Map<string, number>[] = [];
          const profiles: Map<string, number>[] = [];
          for (let i = 0; i < RUNS; i++) {
            traces.push(await once(browser, s, 'trace'));
            profiles.push(await once(browser, s, 'profile'));
          }
          console.log(`\n## ${name}: ${s.label}`);
          console.log('main thread (trace):   ' + medians(traces).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' · '));
          console.log('script by phase (CPU profile, ms):');
          for (const [k, v] of medians(profiles)) if (v >= 0.1) console.log(`  ${v.toFixed(1).padStart(6)}  ${k}`);
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
