// The one way the content script tears down: a Session is an AbortSignal plus the few timers the
// engine and the card use. The script's session lives as long as WXT's context (the page, until
// the extension is reloaded or updated); each switched-on annotation is a child session that ends
// when the site is switched off. Listeners take `{ signal }`; cleanups go to `onEnd`.
//
// Timers keep nothing per call. WXT's ctx.setTimeout, requestAnimationFrame and
// requestIdleCallback each add a listener to the context's abort signal, kept until the context
// ends (WXT 0.21.4); the content script schedules on every pointer frame, mutation batch and work
// slice, so a page kept open for hours would hold hundreds of thousands of them. Here a callback
// simply does nothing once its session has ended, and an interval clears itself on its next tick.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export interface Session {
  /** Aborted when the session ends: pass it to addEventListener (`{ signal }`) and fetches. */
  readonly signal: AbortSignal;
  /** False once ended; the script's session also ends when the extension is reloaded or updated. */
  readonly live: boolean;
  /** Runs `fn` when the session ends (at once if it has). */
  onEnd(fn: () => void): void;
  /** Like window.setTimeout, but `fn` does not run once the session has ended. */
  setTimeout(fn: () => void, ms?: number): number;
  /** Like window.setInterval; cleared on its first tick after the session ended. */
  setInterval(fn: () => void, ms: number): number;
  requestAnimationFrame(fn: FrameRequestCallback): number;
  requestIdleCallback(fn: IdleRequestCallback, options?: IdleRequestOptions): number;
  /** A session that ends with this one, or earlier with its own `end()`. */
  child(): ChildSession;
}

export interface ChildSession extends Session {
  end(): void;
}

function sessionOf(signal: AbortSignal, isLive: () => boolean, end: () => void): ChildSession {
  const session: ChildSession = {
    signal,
    get live() {
      return isLive();
    },
    onEnd(fn) {
      if (signal.aborted) fn();
      else signal.addEventListener('abort', () => fn(), { once: true });
    },
    setTimeout: (fn, ms) => window.setTimeout(() => isLive() && fn(), ms),
    setInterval(fn, ms) {
      const id = window.setInterval(() => (isLive() ? fn() : window.clearInterval(id)), ms);
      return id;
    },
    requestAnimationFrame: (fn) => window.requestAnimationFrame((t) => isLive() && fn(t)),
    requestIdleCallback: (fn, options) => window.requestIdleCallback((d) => isLive() && fn(d), options),
    child() {
      const controller = new AbortController();
      // Removed with the child (its own signal), so switching on and off many times leaves
      // nothing on the parent.
      signal.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
      return sessionOf(controller.signal, () => !controller.signal.aborted && isLive(), () => controller.abort());
    },
    end,
  };
  return session;
}

/** The session of a plain AbortController (tests; a script without WXT). */
export function sessionFromController(controller: AbortController): ChildSession {
  return sessionOf(controller.signal, () => !controller.signal.aborted, () => controller.abort());
}

/**
 * The content script's session: WXT's context for the script's life. `ctx.isValid` also notices
 * an extension that was reloaded or updated under the page (and then aborts the signal).
 */
export function sessionFromContext(ctx: ContentScriptContext): Session {
  return sessionOf(ctx.signal, () => ctx.isValid, () => ctx.abort());
}
