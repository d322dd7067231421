// The built manifests ask only for what the store listing justifies (README, "Permissions and privacy"):
// "storage", "alarms" (the data-update check), "scripting" (the card's UI injected on the first
// open), http(s) pages for the content script and that injection (Chrome's host_permissions repeats
// the content script's matches, no more; Firefox needs none), and nothing web-accessible. Needs a build; skipped with a reason if none.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './source-files';

const ALLOWED_PERMISSIONS = ['storage', 'alarms', 'scripting'];
const ALLOWED_MATCHES = ['http://*/*', 'https://*/*'];
const OUT = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
}

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (target) => {
  const path = join(OUT, target, 'manifest.json');
  const built = existsSync(path);

  it.skipIf(!built)(built ? 'asks only for allowed permissions' : `skipped: no build at ${path} (npm run build)`, () => {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    expect((manifest.permissions ?? []).filter((p) => !ALLOWED_PERMISSIONS.includes(p))).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    const matches = [...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((c) => c.matches)];
    expect(matches.filter((m) => !ALLOWED_MATCHES.includes(m))).toEqual([]);
    // Host access is the content script's sites, no more; no page can fetch a file of ours.
    expect(manifest.host_permissions ?? []).toEqual(target === 'chrome-mv3' ? ALLOWED_MATCHES : []);
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });
});
