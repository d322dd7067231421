// One page's annotation: the pieces that live while a site is switched on (the walk, the
// observer, the shadow-root styles) and the two ways out of it (switch off, code setting). Each
// switch-on is a child of the script's session, ended by the switch-off: what it listened to and
// scheduled goes with it.
import type { ChildSession, Session } from './session';
import type { Matcher } from '../../matching/matcher';
import { createAnnotator, type Annotator } from '../annotator/annotator';
import type { CardController } from '../../card/card';
import type { MarkRegistry } from '../marks/marks';
import { createLateShadows } from '../following/late-shadows';
import type { CountsReporter } from './report';
import type { ShadowStyles } from '../marks/shadow-styles';
import { watchChanges } from '../following/watch';

/** How often the marks are checked against a page that may have cleared the highlight registry. */
const REPAIR_MS = 2000;

export interface PageAnnotation {
  switchOn(): void;
  switchOff(): void;
  /** Marks inside <code>/<pre> or not; re-marks the page if it is on. */
  setMarkInCode(markInCode: boolean): void;
  /** The page changed under us (SPA navigation): read it all again. */
  rescanAll(): void;
  /**
   * Reads what waits to come near the view, now and after a switch-on (the popup opened: its
   * counts should cover the page).
   */
  readAll(): void;
}

interface Parts {
  matcher: Matcher;
  marks: MarkRegistry;
  card: CardController;
  shadows: ShadowStyles;
  report: CountsReporter;
  markInCode: boolean;
}

export function createPageAnnotation(script: Session, parts: Parts): PageAnnotation {
  const { matcher, marks, card, shadows, report } = parts;
  let markInCode = parts.markInCode;
  let annotator: Annotator | null = null;
  /** The switched-on run: ends on switch-off (and with the script). */
  let run: ChildSession | null = null;
  // The popup asked for the whole page: that holds for this page load, also once switched on.
  let readAll = false;
  /** Open shadow roots the walk entered (styled and watched). */
  let entered = new WeakSet<ShadowRoot>();
  const late = createLateShadows({
    setTimeout: (fn, ms) => script.setTimeout(fn, ms),
    entered: (root) => entered.has(root),
    found: (hosts) => annotator?.rescan(hosts),
  });
  const watcher = watchChanges(script, {
    rescan: (roots) => {
      if (!annotator) return;
      late.meet(roots);
      annotator.rescan(roots);
    },
    rescanAll: () => readWhole(),
    attributesChanged: (elements) => {
      late.check(elements);
      annotator?.attributesChanged(elements);
    },
  });

  function readWhole() {
    if (!annotator) return;
    annotator.scanAll();
    shadows.prune();
    late.pageRead([document, ...shadows.roots()]);
  }

  // Text can show or hide without an attribute change: a media query after a resize, a popover
  // or <details> toggled. Look once per burst of such events.
  let lookSoon = 0;
  let sizeChanged = false;
  const lookAgain = (resized: boolean) => {
    sizeChanged ||= resized;
    if (!annotator || lookSoon) return;
    lookSoon = script.setTimeout(() => {
      lookSoon = 0;
      if (sizeChanged) annotator?.resized();
      else annotator?.hiddenMayShow();
      sizeChanged = false;
    }, 200);
  };
  const hiddenMayShow = () => lookAgain(false);
  window.addEventListener('resize', () => lookAgain(true), { passive: true, signal: script.signal });
  // A popover that closes changes no attribute: its marks go as if it had been hidden by one.
  const onToggle = (event: Event) => {
    const target = event.target;
    if ((event as ToggleEvent).newState === 'closed' && target instanceof Element && target.hasAttribute('popover')) {
      annotator?.attributesChanged([target]);
    }
    hiddenMayShow();
  };
  document.addEventListener('toggle', onToggle, { capture: true, signal: script.signal });
  // toggle events do not leave a shadow tree: each root read gets its own listener, once per run
  // (removed with the run).
  let listened = new WeakSet<ShadowRoot>();
  const listenIn = (root: ShadowRoot, signal: AbortSignal) => {
    if (listened.has(root)) return;
    listened.add(root);
    root.addEventListener('toggle', onToggle, { capture: true, signal });
  };

  function endRun() {
    annotator = null; // its pending work ends with its run
    run?.end();
    run = null;
    listened = new WeakSet();
  }

  function switchOn() {
    endRun();
    const session = (run = script.child());
    annotator = createAnnotator(session, {
      matcher,
      marks,
      markInCode,
      onShadowRoot: (root) => {
        entered.add(root);
        listenIn(root, session.signal);
        late.meet([root]);
        shadows.adopt(root);
        watcher.observe(root);
      },
      onIdle: report.changed,
    });
    marks.show();
    session.setInterval(marks.repair, REPAIR_MS);
    watcher.observe(document);
    if (readAll) annotator.readAll();
    readWhole();
  }

  function switchOff() {
    endRun();
    late.stop();
    entered = new WeakSet();
    watcher.disconnect();
    card.close();
    marks.clear();
    shadows.release();
    report.empty();
  }

  return {
    switchOn,
    switchOff,
    setMarkInCode(next) {
      if (next === markInCode) return;
      markInCode = next;
      if (annotator) switchOn();
    },
    rescanAll() {
      card.close();
      readWhole();
    },
    readAll() {
      readAll = true;
      annotator?.readAll();
    },
  };
}
