import { configDefaults, defineConfig } from 'vitest/config';

// End-to-end: the built extension in real browsers. One file at a time (two cores).
// A file that drives Firefox says so in its name (firefox.e2e.ts, hostile-page-firefox.e2e.ts);
// CHIPLENS_E2E_BROWSER=chromium or firefox runs only that browser's files (npm test's two steps).
const FIREFOX_FILES = 'tests/e2e/**/*firefox*.e2e.ts';
const only = process.env.CHIPLENS_E2E_BROWSER;
if (only && only !== 'chromium' && only !== 'firefox') throw new Error(`CHIPLENS_E2E_BROWSER=${only}: say chromium or firefox`);

export default defineConfig({
  test: {
    include: only === 'firefox' ? [FIREFOX_FILES] : ['tests/e2e/**/*.e2e.ts'],
    exclude: only === 'chromium' ? [...configDefaults.exclude, FIREFOX_FILES] : configDefaults.exclude,
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
