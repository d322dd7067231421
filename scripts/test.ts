// `npm test`: every quality gate, in order, then a one-screen summary.
// It keeps going after a failing step so the summary shows everything at once, except that the
// steps needing a build are skipped (and counted as failed) when a build failed.
// The last line is always `N passed, N failed` (steps); CI reads it. Exit code 1 if any failed.
// Builds go to WXT_OUT_DIR (default .output); the end-to-end steps reuse them (CHIPLENS_SKIP_BUILD=1).
// The browsers' versions (CHROMIUM_PATH / FIREFOX_PATH, Debian's by default) are printed first and
// beside each end-to-end step, since each machine's apt may give another one.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CHROMIUM } from '../tests/e2e/chromium';
import { FIREFOX } from '../tests/e2e/firefox';

interface Step {
  name: string;
  cmd: string[];
  /** Skipped when any of these steps failed. */
  needs?: string[];
  env?: Record<string, string>;
  /** The browser the step drives, named in the summary. */
  browser?: string;
}

/** "Chromium 156.0.8078.129", "Firefox 140.12.0esr": what the browser says, or why it could not. */
function versionOf(path: string): string {
  try {
    const said = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return said.trim().split('\n').at(-1)!.replace(/ built on .*/, '').replace(/^Mozilla /, '').trim();
  } catch {
    return `no browser at ${path}`;
  }
}
const chromiumVersion = versionOf(CHROMIUM);
const firefoxVersion = versionOf(FIREFOX);
const versions = `Node ${process.version}, ${chromiumVersion} (${CHROMIUM}), ${firefoxVersion} (${FIREFOX})`;

const OUT = process.env.WXT_OUT_DIR ?? '.output';
// Only stops a step that hangs. On a 2-core machine shared by seven (2026-12-07) the longest step,
// e2e chromium (16 files), took 5 min 30 s at load average 4 and 10 min 17 s near 18 (one file
// failing on its timeouts); e2e firefox (6 files) 1 min 34 s. CI's whole run has 90 minutes.
const STEP_TIMEOUT_MS = 15 * 60_000;
const bin = (name: string): string => join('node_modules', '.bin', name);
const builds = ['build chrome', 'build firefox'];
const e2eEnv = { CHIPLENS_SKIP_BUILD: '1', WXT_OUT_DIR: OUT };

const STEPS: Step[] = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit'] },
  { name: 'lint', cmd: [bin('eslint'), '.'] },
  // Dead code and unused exports (knip.jsonc).
  { name: 'dead code', cmd: [bin('knip')] },
  { name: 'rules check', cmd: [bin('tsx'), 'rules/cli/cli.ts', 'check'] },
  { name: 'unit tests', cmd: [bin('vitest'), 'run'] },
  { name: 'build chrome', cmd: [bin('wxt'), 'build'] },
  { name: 'build firefox', cmd: [bin('wxt'), 'build', '-b', 'firefox', '--mv3'] },
  { name: 'budgets', cmd: [bin('tsx'), 'scripts/check-budgets.ts'], needs: builds },
  // Unit tests ran before the builds existed (on a clean clone), so check the manifests now.
  {
    name: 'permissions',
    cmd: [bin('vitest'), 'run', 'tests/unit/meta/manifest-permissions.test.ts', 'tests/unit/meta/update-source.test.ts'],
    needs: builds,
  },
  {
    name: 'web-ext lint',
    cmd: [bin('web-ext'), 'lint', '--source-dir', join(OUT, 'firefox-mv3'), '--no-input'],
    needs: ['build firefox'],
  },
  // Each e2e file runs in one of the two steps: the config picks a browser's files by name
  // (vitest.e2e.config.ts: a file driving Firefox has "firefox" in its name).
  {
    name: 'e2e chromium',
    cmd: [bin('vitest'), 'run', '-c', 'vitest.e2e.config.ts'],
    needs: ['build chrome'],
    env: { ...e2eEnv, CHIPLENS_E2E_BROWSER: 'chromium' },
    browser: chromiumVersion,
  },
  {
    name: 'e2e firefox',
    cmd: [bin('vitest'), 'run', '-c', 'vitest.e2e.config.ts'],
    needs: ['build firefox'],
    env: { ...e2eEnv, CHIPLENS_E2E_BROWSER: 'firefox' },
    browser: firefoxVersion,
  },
];

type Status = 'pass' | 'FAIL' | 'skip';
interface Result {
  name: string;
  status: Status;
  ms: number;
  note: string;
}

// Each step runs in its own process group, so a timeout or Ctrl-C also ends the browsers and
// workers it started.
let running: number | undefined;
const killGroup = (pid: number): void => {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('SIGINT', () => {
  if (running) killGroup(running);
  process.exit(130);
});

/** Runs a command, echoing its output live; resolves with its exit code and output. */
function run(step: Step): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const [cmd, ...args] = step.cmd as [string, ...string[]];
    const child = spawn(cmd, args, {
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running = child.pid;
    let output = '';
    const echo = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    const timer = setTimeout(() => {
      output += `\n(timed out after ${STEP_TIMEOUT_MS / 60_000} min)`;
      if (child.pid) killGroup(child.pid);
    }, STEP_TIMEOUT_MS);
    child.on('error', (error) => {
      output += String(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      running = undefined;
      done({ code: code ?? 1, output });
    });
  });
}

/** A short note for the summary: vitest's test counts, or the last error-looking line. */
function noteFor(output: string, passed: boolean): string {
  const plain = stripVTControlCharacters(output);
  if (/timed out after/.test(plain)) return 'timed out';
  const tests = plain.match(/^\s*Tests\s+(.+?)\s*$/m)?.[1];
  const files = plain.match(/^\s*Test Files\s+(.*failed.*?)\s*$/m)?.[1];
  if (tests?.includes('failed')) return `tests: ${tests}`;
  if (files) return `files: ${files}`; // a file failed to load, though its tests (if any) passed
  if (tests) return `tests: ${tests}`;
  const content = plain.match(/content script\s+([\d.]+ KB) gzipped/)?.[1]; // budgets
  if (passed && content) return `content script ${content} gzipped`;
  const warnings = plain.match(/^warnings\s+(\d+)/m)?.[1]; // web-ext lint's summary
  if (passed) return warnings ? `${warnings} warnings (docs/maintainers.md, "web-ext lint warnings")` : '';
  const lines = plain.split('\n').map((l) => l.trim()).filter(Boolean);
  const line = [...lines].reverse().find((l) => /error|fail|✗|not found|cannot/i.test(l)) ?? lines.at(-1) ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

const results: Result[] = [];
const started = Date.now();
console.log(`━━ npm test on ${versions}`);
for (const step of STEPS) {
  const blocked = step.needs?.filter((n) => results.find((r) => r.name === n)?.status !== 'pass') ?? [];
  if (blocked.length) {
    results.push({ name: step.name, status: 'skip', ms: 0, note: `needs ${blocked.join(', ')}` });
    continue;
  }
  console.log(`\n━━ ${step.name}: ${step.cmd.join(' ')}`);
  const t0 = Date.now();
  const { code, output } = await run(step);
  const note = [noteFor(output, code === 0) || (code ? `exit code ${code}` : ''), step.browser].filter(Boolean).join(' · ');
  results.push({ name: step.name, status: code === 0 ? 'pass' : 'FAIL', ms: Date.now() - t0, note });
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;
console.log('\n━━ Summary');
for (const r of results) {
  console.log(`  ${r.status.padEnd(4)}  ${r.name.padEnd(14)} ${seconds(r.ms).padStart(7)}  ${r.note}`);
}
const passed = results.filter((r) => r.status === 'pass').length;
const failed = results.length - passed;
const skipped = results.some((r) => r.status === 'skip');
console.log(`  total ${seconds(Date.now() - started)}${skipped ? '  (skipped steps count as failed)' : ''}`);
console.log(`  on ${versions}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
