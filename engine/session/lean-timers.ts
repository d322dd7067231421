// WXT's ctx.setTimeout, requestAnimationFrame and requestIdleCallback each add a listener to the
// context's abort signal, kept until the context ends (WXT 0.21.4). The content script lives as
// long as its page and schedules on every pointer frame, mutation batch and work slice, so a
// page kept open for hours would hold hundreds of thousands of them. The context these return
// schedules the same way (nothing runs once it is invalid) and keeps nothing per call.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export function withLeanTimers(ctx: ContentScriptContext): ContentScriptContext {
  const live =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (ctx.isValid) fn(...args);
    };
  // Everything else (isValid, onInvalidated, addEventListener…) is the context's own.
  const lean = Object.create(ctx) as ContentScriptContext;
  lean.setTimeout = (handler, timeout) => window.setTimeout(live(handler), timeout);
  lean.requestAnimationFrame = (callback) => window.requestAnimationFrame(live(callback));
  lean.requestIdleCallback = (callback, options) => window.requestIdleCallback(live(callback), options);
  return lean;
}
