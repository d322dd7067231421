// Wiring only: matcher from the background → text walk → marks → follow changes → card on hover,
// switched per site, everything torn down by one session (engine/session/session.ts) made from
// WXT's context.
import '../../engine/marks/marks.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { matcherFrom } from '../../matching/matcher';
import { sendToBackground } from '../../utils/messages/messages';
import { settings } from '../../utils/storage/storage';
import { createCardController } from '../../card/card';
import { createMarkRegistry } from '../../engine/marks/marks';
import { createPageAnnotation } from '../../engine/session/page-annotation';
import { followKeyboard } from '../../card/keyboard';
import { followPointer } from '../../card/pointer';
import { createCountsReporter } from '../../engine/session/report';
import { createShadowStyles } from '../../engine/marks/shadow-styles';
import { siteHost, watchSiteSwitch } from '../../engine/session/site-switch';
import { sessionFromContext } from '../../engine/session/session';
import { listenForFrameRequests } from './frame-requests';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Each frame marks its own document and reports its own counts; the background adds them up.
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manifest',
  // WXT also announces each start with window.postMessage, which every script on the page hears
  // (and which names the extension's id); its custom event on the document is enough.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const session = sessionFromContext(ctx);
    const { signal } = session;
    const host = siteHost();
    const requests = listenForFrameRequests(session);
    const [prepared, initialSettings, changed] = await Promise.all([
      sendToBackground({ type: 'matcher' }),
      settings.getValue(),
      sendToBackground({ type: 'changed-chips' }).catch(() => []),
    ]);
    if (!session.live) return;

    const marks = createMarkRegistry();
    if (changed.length) marks.setChanged(new Set(changed));
    const card = createCardController(session);
    const shadows = createShadowStyles();
    const report = createCountsReporter(session, host, () => marks.counts(), window.top === window);
    const page = createPageAnnotation(session, {
      matcher: matcherFrom(prepared),
      marks,
      card,
      shadows,
      report,
      markInCode: initialSettings.markInCode,
    });

    marks.onChange(report.changed);
    followPointer(session, marks, card, shadows.roots);
    const step = followKeyboard(session, marks, card, page.readAll);
    watchSiteSwitch(session, host, (enabled) => (enabled ? page.switchOn() : page.switchOff()));
    session.onEnd(settings.watch((next) => page.setMarkInCode(next.markInCode)));
    // WXT's context only for its SPA-navigation watcher (which it starts for this event).
    ctx.addEventListener(window, 'wxt:locationchange', page.rescanAll);
    requests.ready({ readAll: page.readAll, step });
    // The browser's own, not a page's synthetic ones (which would empty the popup's list).
    window.addEventListener('pagehide', (e) => e.isTrusted && report.empty(), { signal });
    window.addEventListener('pageshow', (e) => e.isTrusted && report.changed(), { signal });
    session.onEnd(page.switchOff);
  },
});
