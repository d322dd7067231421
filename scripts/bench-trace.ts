// Main-thread time of a page's renderer, from a Chrome trace: every top-level task (script,
// style, layout, paint, parsing, messages) that ran on the page's CrRendererMain thread while
// the trace was recording. Idle time costs nothing, so the window's end does not skew a sum.
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time inside the event, µs (absent on some events). */
  tdur?: number;
  args?: {
    name?: string;
    data?: { url?: string; processId?: number; isMainFrame?: boolean; frames?: { url?: string; processId?: number }[] };
  };
}

export interface MainThreadTime {
  /** Sum of top-level task durations on the page's main thread, ms. */
  totalMs: number;
  /** The longest single top-level task, ms. */
  longestMs: number;
  tasks: number;
  /**
   * The thread's CPU time in those tasks, ms: the same work without the time the thread waited
   * for a core. On a machine shared with other work, wall time also counts the waits.
   */
  cpuMs: number;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', '__metadata'];

/** The renderer process that committed a frame for `url` (a navigation may change process). */
function rendererPid(events: TraceEvent[], url: string): number | undefined {
  let pid: number | undefined;
  for (const e of events) {
    const data = e.args?.data;
    if (e.name === 'FrameCommittedInBrowser' && data?.url === url) pid = data.processId ?? pid;
    if (e.name === 'TracingStartedInBrowser') {
      for (const frame of data?.frames ?? []) if (frame.url === url) pid = frame.processId ?? pid;
    }
  }
  return pid;
}

/** When the main frame of `url` finished DOMContentLoaded (µs); content scripts at document_idle run after it. */
export function domContentLoadedAt(events: TraceEvent[], url: string): number {
  const pid = rendererPid(events, url);
  const mark = events.find((e) => e.name === 'MarkDOMContent' && e.pid === pid && e.args?.data?.isMainFrame === true);
  if (!mark) throw new Error(`the trace has no DOMContentLoaded for ${url}`);
  return mark.ts;
}

/** The page's main thread: CrRendererMain of the renderer that committed `url`. */
export function mainThreadOf(events: TraceEvent[], url: string): { pid: number; tid: number } {
  const pid = rendererPid(events, url);
  if (pid === undefined) throw new Error(`the trace has no renderer for ${url}`);
  const main = events.find((e) => e.pid === pid && e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error(`the trace has no main thread for ${url}`);
  return { pid, tid: main.tid };
}

/** Merges overlapping [start, end) spans (a task may nest one of the same name). */
function union(spans: (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function eventsOnThread(events: TraceEvent[], thread: { pid: number; tid: number }, keep: (e: TraceEvent) => boolean) {
  return events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.dur !== undefined && keep(e));
}

function onThread(events: TraceEvent[], thread: { pid: number; tid: number }, keep: (e: TraceEvent) => boolean) {
  return eventsOnThread(events, thread, keep).map((e) => [e.ts, e.ts + e.dur!] as const);
}

/** Thread CPU time of the events not inside another one of them, ms. */
function outermostCpuMs(events: TraceEvent[]): number {
  let [until, sum] = [-Infinity, 0];
  for (const e of [...events].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    if (e.ts + e.dur! <= until) continue;
    until = e.ts + e.dur!;
    sum += e.tdur ?? e.dur!;
  }
  return sum / 1000;
}

/** Pure: top-level tasks of `url`'s renderer main thread, optionally only those from `fromUs` on. */
export function mainThreadTime(events: TraceEvent[], url: string, fromUs = -Infinity): MainThreadTime {
  const runTasks = eventsOnThread(events, mainThreadOf(events, url), (e) => e.name === 'RunTask' && e.ts + e.dur! >= fromUs);
  const tasks = union(runTasks.map((e) => [e.ts, e.ts + e.dur!] as const));
  const lengths = tasks.map(([start, end]) => end - start);
  return {
    totalMs: lengths.reduce((a, b) => a + b, 0) / 1000,
    longestMs: Math.max(0, ...lengths) / 1000,
    tasks: tasks.length,
    cpuMs: outermostCpuMs(runTasks),
  };
}

/** Pure: time the main thread spent in scripts whose URL starts with `prefix` (e.g. an extension's), ms. */
export function scriptTime(events: TraceEvent[], url: string, prefix: string): number {
  const spans = union(onThread(events, mainThreadOf(events, url), (e) => e.args?.data?.url?.startsWith(prefix) === true));
  return spans.reduce((sum, [start, end]) => sum + end - start, 0) / 1000;
}

/** Pure: as scriptTime, the thread's CPU time in those scripts, ms. */
export function scriptCpuTime(events: TraceEvent[], url: string, prefix: string): number {
  return outermostCpuMs(eventsOnThread(events, mainThreadOf(events, url), (e) => e.args?.data?.url?.startsWith(prefix) === true));
}

/** Records a trace around `work` and returns the events. */
export async function traceAround(page: Page, work: () => Promise<void>): Promise<TraceEvent[]> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (message) => void events.push(...(message.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => session.once('Tracing.tracingComplete', () => done()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  try {
    await work();
  } finally {
    await session.send('Tracing.end');
    await complete;
    await session.detach();
  }
  return events;
}
