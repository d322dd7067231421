// Builds the extension once before the end-to-end files run, unless the caller already did
// (npm test builds first and sets CHIPLENS_SKIP_BUILD=1).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.CHIPLENS_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}
