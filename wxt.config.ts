import { defineConfig } from 'wxt';
import { assertBundledDatasetValid } from './rules/validate-build';

/**
 * CHIPLENS_UPDATE_URL + CHIPLENS_UPDATE_KEYS (JSON: key id → SPKI base64), both or neither: a
 * test build's own update source. Never in a package (`wxt zip`), and checked here.
 */
function updateSourceOverride(): string {
  const { CHIPLENS_UPDATE_URL: url, CHIPLENS_UPDATE_KEYS: keys } = process.env;
  if (!url && !keys) return 'undefined';
  if (!url || !keys) throw new Error('CHIPLENS_UPDATE_URL and CHIPLENS_UPDATE_KEYS go together');
  if (process.argv.includes('zip')) throw new Error('a store package takes its updates from PUBLISHED_URL: unset CHIPLENS_UPDATE_URL/KEYS');
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'https:' && !(protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(hostname))) {
    throw new Error(`CHIPLENS_UPDATE_URL must be https (or http on this machine): ${url}`);
  }
  const parsed = JSON.parse(keys) as unknown;
  const valid =
    typeof parsed === 'object' && parsed !== null && Object.values(parsed).every((k) => typeof k === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(k));
  if (!valid || !Object.keys(parsed).length) throw new Error('CHIPLENS_UPDATE_KEYS must map key ids to SPKI keys in base64');
  return JSON.stringify({ url, keys: parsed });
}

// Version comes from package.json (WXT reads it); this is the one place it lives.
export default defineConfig({
  // Parallel work (and tests) may build into separate folders.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every import is written out: auto-imports once resolved a prop named `destinations` to a
  // utils export of the same name, silently (docs/decisions.md, "WXT auto-imports off").
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // Name, description and shortcut words in English and Chinese: public/_locales/{en,zh_CN}.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: the twice-daily look for a signed data update (README, "Permissions and privacy").
    // scripting: the card's UI goes into a frame when its first card opens, injected by the
    // background (utils/background/card-ui-injection.ts) instead of exposed as a web-accessible
    // resource. Its host access: the content script's matches in Firefox; Chromium refuses
    // scripting.executeScript on hosts only those name, so its manifest repeats them below.
    permissions: ['storage', 'alarms', 'scripting'],
    action: { default_title: '__MSG_actionTitle__' },
    // The reader's shortcuts to the marks (suggested keys; changeable in the browser's shortcut
    // settings). The background forwards them to the tab (card/keyboard.ts).
    commands: {
      'next-mark': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextMark__' },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPreviousMark__' },
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdOpenPopup__' },
    },
    ...(browser === 'firefox'
      ? {
          // Firefox shows data_collection_permissions (the install prompt's "collects no
          // data") from desktop 140 (ESR 140, what Debian 12's apt gives) and Android 142; the
          // minimums follow it. Every API the extension uses is in Firefox 140 (README, "Browsers").
          browser_specific_settings: {
            gecko: {
              id: 'chiplens@chiplens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          minimum_chrome_version: '128', // caretPositionFromPoint (the hover's hit test)
          // The content script's own two patterns, for the card UI's injection (above): the same
          // sites, the same install prompt, nothing a page can reach.
          host_permissions: ['http://*/*', 'https://*/*'],
        }),
  }),
  // The sources zip (built with the Firefox zip) is what AMO reviewers rebuild from:
  // source, config and lockfile; tests and build output stay out (docs/maintainers.md, "Releasing").
  zip: { excludeSources: ['tests/**', 'coverage/**', '.output*/**'] },
  // CHIPLENS_NO_MINIFY=1 keeps function names in the build, for readable CPU profiles.
  vite: () => ({
    build: { minify: process.env.CHIPLENS_NO_MINIFY ? false : undefined },
    // A build for the tests can take its data updates from elsewhere (utils/updates/update-source.ts).
    define: { __CHIPLENS_UPDATE_SOURCE__: updateSourceOverride() },
  }),
  hooks: {
    // The build refuses an invalid dataset, naming the bad file and field.
    'build:before': () => assertBundledDatasetValid(),
  },
});
