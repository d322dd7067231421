// Wiring only: matcher from the background → text walk → marks → follow changes → card on hover,
// switched per site, everything torn down through WXT's ctx.
import './marks.css';
import { compileMatcher } from '../../rules/matcher';
import { sendToBackground } from '../../utils/messages';
import { settings } from '../../utils/storage';
import { createAnnotator, type Annotator } from './annotator';
import { createCardController } from './card';
import { createMarkRegistry } from './marks';
import { followPointer } from './pointer';
import { createCountsReporter } from './report';
import { createShadowStyles } from './shadow-styles';
import { siteHost, watchSiteSwitch } from './site-switch';
import { watchChanges } from './watch';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Each frame marks its own document and reports its own counts; the background adds them up.
  allFrames: true,
  matchAboutBlank: true,
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const host = siteHost();
    const [index, initialSettings] = await Promise.all([sendToBackground({ type: 'matcher-index' }), settings.getValue()]);
    if (ctx.isInvalid) return;
    let markInCode = initialSettings.markInCode;

    const matcher = compileMatcher(index);
    const marks = createMarkRegistry();
    const card = createCardController(ctx);
    const shadows = createShadowStyles();
    const report = createCountsReporter(ctx, host, () => marks.counts());
    let annotator: Annotator | null = null;
    const watcher = watchChanges(ctx, {
      rescan: (roots) => annotator?.rescan(roots),
      rescanAll: () => annotator?.scanAll(),
      attributesChanged: (elements) => annotator?.attributesChanged(elements),
    });

    function switchOn() {
      annotator?.stop();
      annotator = createAnnotator(ctx, {
        matcher,
        marks,
        markInCode,
        onShadowRoot: (root) => {
          shadows.adopt(root);
          watcher.observe(root);
        },
        onIdle: report.changed,
      });
      marks.show();
      watcher.observe(document);
      annotator.scanAll();
    }

    function switchOff() {
      annotator?.stop();
      annotator = null;
      watcher.disconnect();
      card.close();
      marks.clear();
      shadows.release();
      report.empty();
    }

    marks.onChange(report.changed);
    followPointer(ctx, marks, card, shadows.roots);
    watchSiteSwitch(ctx, host, (enabled) => (enabled ? switchOn() : switchOff()));
    ctx.onInvalidated(settings.watch((next) => {
      if (next?.markInCode === undefined || next.markInCode === markInCode) return;
      markInCode = next.markInCode;
      if (annotator) switchOn();
    }));
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      card.close();
      annotator?.scanAll();
    });
    ctx.addEventListener(window, 'pagehide', report.empty);
    ctx.addEventListener(window, 'pageshow', report.changed);
    ctx.onInvalidated(switchOff);
  },
});
