// The least extension that does ChipLens's job, for `npm run bench` to measure beside ChipLens:
// the same stack (WXT, webextension-polyfill, MV3), the per-site switch, one TreeWalker pass with
// the floor's regex, and one CSS highlight of what it finds. No skip rules, no context, no page
// following, no card. What it costs is the least any extension built this way can cost, so the
// bench can show which targets are out of reach for the stack itself. Built by the bench into
// .output-least (`npx wxt build scripts/bench-least`).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { chipNames, namesPattern } from '../bench-names';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  outDir: resolve(repo, '.output-least'),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: { name: 'ChipLens bench: least extension', permissions: ['storage'] },
  vite: () => ({ define: { __NAMES_PATTERN__: JSON.stringify(namesPattern(chipNames(repo))) } }),
});
