// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { withLeanTimers } from '../../../../engine/session/lean-timers';

// happy-dom has no idle callbacks; a timer stands in for one.
if (typeof window.requestIdleCallback !== 'function') {
  window.requestIdleCallback = (callback) => window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 0 }), 0);
  window.cancelIdleCallback = (id) => window.clearTimeout(id);
}

const contexts: ContentScriptContext[] = [];
function context(): ContentScriptContext {
  const ctx = new ContentScriptContext('content', { noScriptStartedPostMessage: true });
  contexts.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  vi.useRealTimers();
});

const schedule = (ctx: ContentScriptContext, times: number) => {
  for (let i = 0; i < times; i++) {
    ctx.setTimeout(() => {}, 0);
    ctx.requestAnimationFrame(() => {});
    ctx.requestIdleCallback(() => {}, { timeout: 100 });
  }
};

describe('withLeanTimers', () => {
  test("WXT's own timers keep a listener per call (why the wrapper exists; if this fails, WXT fixed it)", () => {
    const ctx = context();
    const listen = vi.spyOn(ctx.signal, 'addEventListener');
    schedule(ctx, 100);
    expect(listen).toHaveBeenCalledTimes(300);
  });

  test('the lean timers keep nothing per call, however often the page makes them run', () => {
    const ctx = context();
    const listen = vi.spyOn(ctx.signal, 'addEventListener');
    schedule(withLeanTimers(ctx), 1000);
    expect(listen).not.toHaveBeenCalled();
  });

  test('they run while the context is valid and not after it is invalidated', async () => {
    vi.useFakeTimers();
    const ctx = context();
    const lean = withLeanTimers(ctx);
    const ran: string[] = [];
    lean.setTimeout(() => ran.push('before'), 10);
    await vi.advanceTimersByTimeAsync(10);
    lean.setTimeout(() => ran.push('after'), 10);
    ctx.abort();
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toEqual(['before']);
  });

  test('the rest is the context itself: validity, invalidation listeners, event listeners', () => {
    const ctx = context();
    const lean = withLeanTimers(ctx);
    const gone = vi.fn();
    lean.onInvalidated(gone);
    const heard = vi.fn();
    lean.addEventListener(document, 'click', heard);
    document.dispatchEvent(new Event('click'));
    expect(lean.isValid).toBe(true);
    ctx.abort();
    document.dispatchEvent(new Event('click'));
    expect(heard).toHaveBeenCalledTimes(1);
    expect(gone).toHaveBeenCalledOnce();
    expect(lean.isInvalid).toBe(true);
  });
});
