// @vitest-environment happy-dom
// The one teardown: a session's signal, its timers (nothing kept per call, nothing run after the
// end), children that end with their parent or on their own, and the script's session from WXT's context.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sessionFromContext, sessionFromController, type Session } from '../../../../engine/session/session';

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

const schedule = (s: Pick<Session, 'setTimeout' | 'requestAnimationFrame' | 'requestIdleCallback'>, times: number) => {
  for (let i = 0; i < times; i++) {
    s.setTimeout(() => {}, 0);
    s.requestAnimationFrame(() => {});
    s.requestIdleCallback(() => {}, { timeout: 100 });
  }
};

describe('timers', () => {
  test("WXT's own timers keep a listener per call (why the session has its own; if this fails, WXT fixed it)", () => {
    const ctx = context();
    const listen = vi.spyOn(ctx.signal, 'addEventListener');
    schedule(ctx, 100);
    expect(listen).toHaveBeenCalledTimes(300);
  });

  test("a session's timers keep nothing per call, however often the page makes them run", () => {
    const ctx = context();
    const listen = vi.spyOn(ctx.signal, 'addEventListener');
    const script = sessionFromContext(ctx);
    schedule(script, 1000);
    schedule(script.child(), 1000);
    expect(listen).toHaveBeenCalledTimes(1); // the one child, once
  });

  test('run while the session lives, not after it ended', async () => {
    vi.useFakeTimers();
    const ctx = context();
    const script = sessionFromContext(ctx);
    const ran: string[] = [];
    script.setTimeout(() => ran.push('before'), 10);
    await vi.advanceTimersByTimeAsync(10);
    script.setTimeout(() => ran.push('after'), 10);
    ctx.abort();
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toEqual(['before']);
    expect(script.live).toBe(false);
  });

  test('an interval stops running at the end and clears itself on its next tick', async () => {
    vi.useFakeTimers();
    const s = sessionFromController(new AbortController());
    const tick = vi.fn();
    const clear = vi.spyOn(window, 'clearInterval');
    const id = s.setInterval(tick, 100);
    await vi.advanceTimersByTimeAsync(250);
    expect(tick).toHaveBeenCalledTimes(2);
    s.end();
    await vi.advanceTimersByTimeAsync(1000);
    expect(tick).toHaveBeenCalledTimes(2);
    expect(clear).toHaveBeenCalledWith(id);
  });
});

describe('ending', () => {
  test('listeners given the signal and onEnd cleanups go at the end, once', () => {
    const s = sessionFromController(new AbortController());
    const heard = vi.fn();
    const gone = vi.fn();
    document.addEventListener('click', heard, { signal: s.signal });
    s.onEnd(gone);
    document.dispatchEvent(new Event('click'));
    s.end();
    s.end();
    document.dispatchEvent(new Event('click'));
    expect(heard).toHaveBeenCalledOnce();
    expect(gone).toHaveBeenCalledOnce();
    const late = vi.fn();
    s.onEnd(late); // after the end: at once
    expect(late).toHaveBeenCalledOnce();
  });

  test('a child ends with its parent, or alone without ending the parent', () => {
    const parent = sessionFromController(new AbortController());
    const first = parent.child();
    first.end();
    expect([first.live, parent.live]).toEqual([false, true]);
    const second = parent.child();
    const gone = vi.fn();
    second.onEnd(gone);
    parent.end();
    expect(second.live).toBe(false);
    expect(gone).toHaveBeenCalledOnce();
  });

  test('switching on and off many times leaves nothing on the parent', () => {
    const controller = new AbortController();
    const parent = sessionFromController(controller);
    const listen = vi.spyOn(controller.signal, 'addEventListener');
    const ended = vi.fn();
    for (let i = 0; i < 50; i++) {
      const run = parent.child();
      run.onEnd(ended);
      run.end();
    }
    expect(ended).toHaveBeenCalledTimes(50);
    expect(listen).toHaveBeenCalledTimes(50);
    // Each child's listener was added with the child's own signal, so it went with the child.
    for (const [, , options] of listen.mock.calls) expect((options as AddEventListenerOptions).signal?.aborted).toBe(true);
    controller.abort();
    expect(ended).toHaveBeenCalledTimes(50); // nothing of the ended runs is left to run again
  });

  test("the script's session ends with WXT's context (the extension reloaded, a newer script started)", () => {
    const ctx = context();
    const script = sessionFromContext(ctx);
    const run = script.child();
    const gone = vi.fn();
    run.onEnd(gone);
    ctx.notifyInvalidated();
    expect([script.live, run.live]).toEqual([false, false]);
    expect(gone).toHaveBeenCalledOnce();
  });
});
