// Builds the extension once before the end-to-end files run, unless the caller already did
// (npm test builds first and sets CHIPLENS_SKIP_BUILD=1): the Firefox build when only Firefox's
// files run (CHIPLENS_E2E_BROWSER=firefox), else the Chrome one (a Firefox file run alone builds
// its own: withFirefox).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.CHIPLENS_SKIP_BUILD === '1') return;
  const firefox = process.env.CHIPLENS_E2E_BROWSER === 'firefox';
  execFileSync('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox', '--mv3'] : [])], { stdio: 'inherit' });
}
