// One walk, one regex, one highlight. Marks near the view as loaded (a binary search over the
// hits, which come in document order) and every hit when asked to read all, as ChipLens does.
import '../../../../engine/marks/marks.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';

declare const __NAMES_PATTERN__: string;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main() {
    const host = location.hostname;
    let found: Range[] | null = null;
    let all = false;
    const find = (): Range[] => {
      const re = new RegExp(__NAMES_PATTERN__, 'g');
      const ranges: Range[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        re.lastIndex = 0;
        for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
          const range = new Range();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          ranges.push(range);
        }
      }
      return ranges;
    };
    /** The hits from one screen above the view to three below (about what ChipLens reads first). */
    const nearView = (ranges: Range[]): Range[] => {
      const top = (i: number) => ranges[i]!.getBoundingClientRect().top;
      const firstAtOrBelow = (y: number) => {
        let lo = 0;
        let hi = ranges.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (top(mid) < y) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      return ranges.slice(firstAtOrBelow(-innerHeight), firstAtOrBelow(innerHeight * 4));
    };
    const mark = () => {
      found ??= find();
      const shown = all ? found : nearView(found);
      if (shown.length) CSS.highlights.set('chiplens', new Highlight(...shown));
    };
    let on = false;
    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== 'read-all') return;
      all = true;
      if (on) mark();
    });
    const update = (hosts: unknown) => {
      const next = !(Array.isArray(hosts) && hosts.includes(host));
      if (next && !on) mark();
      on = next;
    };
    browser.storage.onChanged.addListener((changes) => {
      if (changes.disabledHosts) update(changes.disabledHosts.newValue);
    });
    update((await browser.storage.local.get('disabledHosts')).disabledHosts);
  },
});
