// Builds the Chrome extension once before the end-to-end files run, unless the caller already did
// (npm test builds first and sets CHIPLENS_SKIP_BUILD=1) or only Firefox's files run
// (CHIPLENS_E2E_BROWSER=firefox): a Firefox file builds the Firefox variant itself (withFirefox).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.CHIPLENS_SKIP_BUILD === '1' || process.env.CHIPLENS_E2E_BROWSER === 'firefox') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
