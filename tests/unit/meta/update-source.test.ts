// The build CI checks (and a release packages) takes its data updates from the published URL
// with the shipped keys, not from a test's local server. Needs a build; skipped with a reason if none.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_URL, TRUSTED_KEYS } from '../../../rules/trust';
import { ROOT } from './source-files';

const OUT = resolve(ROOT, process.env.WXT_OUT_DIR ?? '.output');

describe.each(['chrome-mv3', 'firefox-mv3'])('%s background', (target) => {
  const path = join(OUT, target, 'background.js');
  const built = existsSync(path);
  it.skipIf(!built)(built ? 'looks for updates at the published URL, trusting the shipped keys' : `skipped: no build at ${path}`, () => {
    const background = readFileSync(path, 'utf8');
    expect(background).toContain(PUBLISHED_URL);
    for (const key of Object.values(TRUSTED_KEYS)) expect(background).toContain(key);
    expect(background).not.toMatch(/http:\/\/(?:127\.0\.0\.1|localhost)/);
  });
});
