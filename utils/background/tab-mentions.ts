// Per-tab record of what each frame's content script marked, kept in session storage so the
// popup's "On this page" list survives the service worker going to sleep.
// Each record is read through its zod schema: one of the wrong shape is replaced, so the next
// report writes a good one instead of failing on it until the tab closes.
import { browser } from 'wxt/browser';
import { TAB_RECORD_PREFIX, tabRecord, type TabRecord } from '../storage/checked-storage';

async function read(tabId: number): Promise<TabRecord> {
  return (await tabRecord(tabId).getValue()) ?? { host: null, frames: {} };
}

// Frames report at the same moment; each tab's read-modify-write runs after the previous one so
// no frame's counts are lost.
const queues = new Map<number, Promise<void>>();

function serialised(tabId: number, update: (record: TabRecord) => void): Promise<void> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(async () => {
    const record = await read(tabId);
    update(record);
    await tabRecord(tabId).setValue(record);
  });
  const settled = run.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
  return run;
}

export function recordFrameMentions(tabId: number, frameId: number, host: string, counts: Record<string, number>): Promise<void> {
  return serialised(tabId, (record) => {
    if (frameId === 0) record.host = host;
    record.frames[String(frameId)] = counts;
  });
}

/** Called when the tab starts loading a new document: the old page's frames are gone. */
export function resetTab(tabId: number): Promise<void> {
  return serialised(tabId, (record) => {
    record.host = null;
    record.frames = {};
  });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(`${TAB_RECORD_PREFIX}${tabId}`);
}

export async function tabMentions(tabId: number): Promise<{ host: string | null; counts: Map<string, number> }> {
  const record = await read(tabId);
  const counts = new Map<string, number>();
  for (const frame of Object.values(record.frames)) {
    for (const [chipId, n] of Object.entries(frame)) counts.set(chipId, (counts.get(chipId) ?? 0) + n);
  }
  return { host: record.host, counts };
}
