import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: pure modules, components (happy-dom per file), and WXT's fakeBrowser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    mockReset: true,
    restoreMocks: true,
    // Only stops a test that hangs (as e2e's 60 s): vitest's 5 s default failed tests on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
