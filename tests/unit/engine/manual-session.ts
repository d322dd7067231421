// A page session for engine tests whose timers run only when the test says: what a module
// scheduled waits in `pending` (timeouts and idle callbacks alike) until run. No real time passes.
import { sessionFromController, type ChildSession } from '../../../engine/session/session';

export interface ManualSession extends ChildSession {
  /** Callbacks scheduled and not run yet, oldest first. */
  pending: (() => void)[];
  /** Runs the oldest one. */
  step(): void;
  /** Runs them until none is left (at most `limit`). */
  runAll(limit?: number): void;
  /** Resolves once something is scheduled (at once if something is). */
  scheduled(): Promise<void>;
}

export function manualSession(): ManualSession {
  const session = sessionFromController(new AbortController()) as ManualSession;
  const pending: (() => void)[] = [];
  let wake: (() => void) | null = null;
  const add = (fn: () => void) => {
    pending.push(fn);
    wake?.();
    wake = null;
    return pending.length;
  };
  return Object.assign(session, {
    pending,
    setTimeout: (fn: () => void) => add(() => session.live && fn()),
    requestIdleCallback: (fn: IdleRequestCallback) => add(() => session.live && fn({ didTimeout: false, timeRemaining: () => 50 })),
    step: () => pending.shift()?.(),
    runAll(limit = 1000) {
      for (let i = 0; pending.length && i < limit; i++) pending.shift()!();
    },
    scheduled: () => (pending.length ? Promise.resolve() : new Promise<void>((ok) => (wake = ok))),
  });
}
