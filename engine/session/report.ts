// Tells the background what this frame marked, so the popup's "On this page" equals the marks.
// At most one message per interval; the last state always goes out.
import type { Session } from './session';
import { sendToBackground } from '../../utils/messages/messages';

const INTERVAL_MS = 500;

export interface CountsReporter {
  /** The counts changed; send them soon. */
  changed(): void;
  /** The page is going away or switched off: report nothing marked. */
  empty(): void;
}

export function createCountsReporter(
  session: Pick<Session, 'setTimeout'>,
  host: string,
  counts: () => Record<string, number>,
  isTopFrame: boolean,
): CountsReporter {
  let timer = 0;
  let lastAt = -Infinity;
  // Nothing marked is what the background assumes for a new page, so an empty subframe stays
  // quiet. The top frame always reports once: that report is how the popup learns the tab's
  // host, which it needs to offer the site switch even when nothing is marked (or it is off).
  let lastSent = isTopFrame ? '' : '{}';

  function send(value: Record<string, number>) {
    const json = JSON.stringify(value);
    if (json === lastSent) return;
    lastSent = json;
    lastAt = performance.now();
    // async, so a synchronous throw (the extension was reloaded) also lands in catch.
    (async () => sendToBackground({ type: 'page-mentions', host, counts: value }))().catch(() => {
      // The extension was reloaded or the page is closing; the next change tries again.
      lastSent = '';
    });
  }

  return {
    changed() {
      if (timer) return;
      const wait = Math.max(0, lastAt + INTERVAL_MS - performance.now());
      timer = session.setTimeout(() => {
        timer = 0;
        send(counts());
      }, wait);
    },
    empty() {
      clearTimeout(timer);
      timer = 0;
      send({});
    },
  };
}
