import { defineConfig } from 'wxt';
import { assertBundledDatasetValid } from './rules/validate-build';

/** CHIPLENS_UPDATE_URL + CHIPLENS_UPDATE_KEYS (JSON: key id → SPKI base64), both or neither. */
function updateSourceOverride(): string {
  const { CHIPLENS_UPDATE_URL: url, CHIPLENS_UPDATE_KEYS: keys } = process.env;
  if (!url && !keys) return 'undefined';
  if (!url || !keys) throw new Error('CHIPLENS_UPDATE_URL and CHIPLENS_UPDATE_KEYS go together');
  return JSON.stringify({ url, keys: JSON.parse(keys) as Record<string, string> });
}

// Version comes from package.json (WXT reads it); this is the one place it lives.
export default defineConfig({
  // Parallel work (and tests) may build into separate folders.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'ChipLens',
    description:
      'Marks AI-chip names (H20, H200, B30A, GB300, MI308…) on news pages and shows their current US export-control status, with sources.',
    // alarms: the twice-daily look for a signed data update (README, "Permissions and privacy").
    permissions: ['storage', 'alarms'],
    action: { default_title: 'ChipLens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'chiplens@chiplens.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
  // The sources zip (built with the Firefox zip) is what AMO reviewers rebuild from:
  // source, config and lockfile; tests and build output stay out (README, "Releasing").
  zip: { excludeSources: ['tests/**', 'coverage/**', '.output*/**'] },
  // CHIPLENS_NO_MINIFY=1 keeps function names in the build, for readable CPU profiles.
  vite: () => ({
    build: { minify: process.env.CHIPLENS_NO_MINIFY ? false : undefined },
    // A build for the tests can take its data updates from elsewhere (utils/update-source.ts).
    define: { __CHIPLENS_UPDATE_SOURCE__: updateSourceOverride() },
  }),
  hooks: {
    // The build refuses an invalid dataset, naming the bad file and field.
    'build:before': () => assertBundledDatasetValid(),
  },
});
