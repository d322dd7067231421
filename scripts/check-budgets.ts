// Size and content budgets for the built extension (run by `npm test` after the builds).
// The content script runs on every page, so it must stay small and must not carry zod
// (docs/architecture.md): validation happens in the background and at build time. The card's UI
// (card-ui.js, injected into a frame on its first card) is reported beside it and must not carry
// zod either.
// Usage: tsx scripts/check-budgets.ts [buildDir...]   (default: <WXT_OUT_DIR>/chrome-mv3 and firefox-mv3)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_SCRIPT_LIMIT_BYTES = 25 * 1024;
/** The card's UI, not in the manifest: the background injects it (utils/background/card-ui-injection.ts). */
const CARD_UI_FILE = 'card-ui.js';
/** Strings that only a zod bundle contains (class names kept by the minifier). */
const ZOD_MARKERS = ['ZodError', '$ZodType'];

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

const gzipSize = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** An HTML page plus the scripts and styles it loads (absolute paths inside the build). */
function pageFiles(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [page, ...refs];
}

function checkBuild(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Manifest;
  const failures: string[] = [];
  const parts: [string, string[]][] = [
    ['content script', (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])],
    ['background', [manifest.background?.service_worker ?? '', ...(manifest.background?.scripts ?? [])].filter(Boolean)],
  ];
  parts.push(['card UI', [CARD_UI_FILE]]);
  const popup = manifest.action?.default_popup;
  if (popup) parts.push(['popup', pageFiles(dist, popup)]);
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options) parts.push(['options', pageFiles(dist, options)]);

  console.log(`\n${dist}`);
  for (const [label, files] of parts.filter(([, f]) => f.length > 0)) {
    const missing = files.filter((f) => !existsSync(join(dist, f)));
    if (missing.length) {
      failures.push(`${label}: missing ${missing.join(', ')} in ${dist}`);
      continue;
    }
    const size = files.reduce((sum, f) => sum + gzipSize(join(dist, f)), 0);
    console.log(`  ${label.padEnd(15)} ${kb(size).padStart(9)} gzipped  (${files.join(', ')})`);
    if (label !== 'content script' && label !== 'card UI') continue;
    if (label === 'content script' && size > CONTENT_SCRIPT_LIMIT_BYTES) {
      failures.push(`content script is ${kb(size)} gzipped, over the ${kb(CONTENT_SCRIPT_LIMIT_BYTES)} limit (${dist})`);
    }
    for (const file of files) {
      const text = readFileSync(join(dist, file), 'utf8');
      const marker = ZOD_MARKERS.find((m) => text.includes(m));
      if (marker) failures.push(`${label} ${file} contains zod ("${marker}"): keep zod in the background (${dist})`);
    }
  }
  return failures;
}

const outDir = process.env.WXT_OUT_DIR ?? '.output';
const args = process.argv.slice(2);
const builds = (args.length ? args : ['chrome-mv3', 'firefox-mv3'].map((b) => join(outDir, b))).map((d) => resolve(d));
const present = builds.filter((d) => existsSync(join(d, 'manifest.json')));
const failures = builds.filter((d) => !present.includes(d)).map((d) => `no build at ${d} (run npm run build first)`);
for (const dist of present) failures.push(...checkBuild(dist));

if (failures.length) {
  console.error(`\nBudget check failed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nBudgets OK: content script under ${kb(CONTENT_SCRIPT_LIMIT_BYTES)} gzipped, no zod in it nor in the card UI.`);
