// End to end: the CLI as maintainers run it (`npx tsx rules/cli/cli.ts …`), against the real data
// and against temporary data folders (--data) holding the fixture or a deliberate mistake.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { consoleIo } from '../../../../rules/cli/commands/args';
import { runCheck } from '../../../../rules/cli/commands/check';
import { today } from '../../../../rules/cli/commands/dates';
import { runLookup } from '../../../../rules/cli/commands/lookup';
import { runKeygen, runPublish, runVerify } from '../../../../rules/cli/commands/publish';
import { runScan } from '../../../../rules/cli/commands/scan';
import { runStale } from '../../../../rules/cli/commands/stale';
import { runWatch } from '../../../../rules/cli/commands/watch';
import { CHIPS, EVENTS, rawDataset } from '../fixture-dataset';

const run = (...args: string[]) => {
  const r = spawnSync('npx', ['tsx', 'rules/cli/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const temps: string[] = [];
function tempData(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiplens-data-'));
  temps.push(dir);
  edit(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeFixture(dir: string, raw: object = rawDataset()): void {
  for (const [key, value] of Object.entries(raw)) writeFileSync(join(dir, `${key}.json`), JSON.stringify(value, null, 2));
}

describe('rules CLI', { timeout: 60_000 }, () => {
  it('--help lists the commands', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/check[\s\S]*lookup[\s\S]*scan/);
  });

  it('check passes on the real data', () => {
    const r = run('check');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^✔ rules\/data valid: \d+ chips, \d+ events, \d+ sources \(version \d{4}\.\d{2}\.\d{2}(-\d+)?, as of \d{4}-\d{2}-\d{2}, sources checked through \d{4}-\d{2}-\d{2}\)/);
  });

  it('check names the file and line of a JSON syntax error', () => {
    const dir = tempData((d) => {
      cpSync('rules/data', d, { recursive: true });
      writeFileSync(join(d, 'events.json'), readFileSync(join(d, 'events.json'), 'utf8').replace(/\]\s*$/, ',]'));
    });
    const r = run('check', '--data', dir);
    expect(r.code).toBe(1);
    const line = readFileSync(join(dir, 'events.json'), 'utf8').split('\n').findIndex((l) => l.includes(',]')) + 1;
    expect(r.err).toContain(`${join(dir, 'events.json')}: invalid JSON: Unexpected token ']' (line ${line}, column `);
  });

  it('check names the record and field of a cross-record mistake', () => {
    const raw = rawDataset();
    const events = EVENTS.map((e, i) => (i === 3 ? { ...e, effects: [{ ...e.effects[0], chips: { ids: ['nvidia-h21'] } }] } : e));
    const dir = tempData((d) => writeFixture(d, { ...raw, events }));
    const r = run('check', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('rules/data/events.json: event "2025-04-09-is-informed" › effects.0.chips.ids: unknown chip id "nvidia-h21"');
  });

  it('lookup --json prints one object with the resolved status (fixture data)', () => {
    const raw = rawDataset();
    const chips = CHIPS.map((c) => (c.id === 'nvidia-h200' ? { ...c, checked: { CN: '2026-11-18', '*': '2026-09-01' } } : c));
    const dir = tempData((d) => writeFixture(d, { ...raw, chips }));
    const r = run('lookup', 'Nvidia H-200', '--to', 'HK', '--on', '2026-02-01', '--json', '--data', dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(json).toMatchObject({
      chipId: 'nvidia-h200', name: 'H200', destination: 'CN', date: '2026-02-01', status: 'case-by-case', since: '2026-01-15',
      checked: '2026-11-18', checkedThrough: '2026-11-20',
      conditions: [], confidence: null,
      events: [{ id: '2026-01-13-case-by-case', date: '2026-01-13', kind: 'rule', title: 'Title 2026-01-13-case-by-case', sources: [{ title: 'A source', publisher: 'Pub', date: '2025-01-01', url: 'https://example.org/a' }] }],
      watch: [
        { id: '2025-12-04-safe-chips-act', date: '2025-12-04', kind: 'bill', title: 'Title 2025-12-04-safe-chips-act' },
        { id: '2025-11-05-state-dc-ban', date: '2025-11-05', kind: 'china-measure', title: 'Title 2025-11-05-state-dc-ban' },
      ],
    });
  });

  it('lookup prints what the card says, in Chinese on request, with the other destinations', () => {
    const dir = tempData((d) => writeFixture(d));
    const r = run('lookup', '英伟达H20', '--on', '2025-09-01', '--lang', 'zh', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('状态: 需要许可证——正在发放，附带条件 [licensed]');
    expect(r.out).toContain('15%收入上缴美国政府');
    expect(r.out).toContain('https://example.org/a');
    expect(r.out).toContain('阿联酋 [AE]: 未知');
  });

  it('lookup works on the real data', () => {
    const r = run('lookup', 'h20', '--on', '2025-05-01', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { chipId: string; destination: string; status: string; events: { sources: { url: string }[] }[] };
    expect(json).toMatchObject({ chipId: 'nvidia-h20', destination: 'CN', status: 'denied' });
    expect(json.events.flatMap((e) => e.sources.map((s) => s.url)).every((u) => u.startsWith('https://'))).toBe(true);
  });

  it.each([
    [['lookup', 'H21'], /no chip called "H21"\. Close names: .*H20/],
    [['lookup', 'H20', '--on', '2025-02-30'], /--on "2025-02-30" is not a date/],
    [['lookup', 'H20', '--to', 'China'], /--to "China" is not a two-letter country code/],
    [['lookup'], /give a chip name/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('%j exits 2 with a clear message', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('keygen makes a key; publish refuses one the extension does not trust and writes nothing', () => {
    const dir = tempData(() => {});
    const key = join(dir, 'key.json');
    const made = run('keygen', '--out', key, '--id', 'test-2026');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/'test-2026': 'MFkw[A-Za-z0-9+/=]+',/);
    expect(run('keygen', '--out', key).code).toBe(2); // never overwrites a key
    const out = join(dir, 'published.json');
    const published = run('publish', '--key', key, '--out', out);
    expect(published.err).toMatch(/does not trust this key as "test-2026" \(rules\/trust\.ts\): nothing signed/);
    expect(published.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    const verified = run('verify', 'published/chiplens-dataset.json');
    expect(verified.code).toBe(0);
  });

  it('publish refuses invalid data; verify checks the committed copy and names a tampered one', () => {
    const dir = tempData((d) => writeFixture(d, rawDataset({ chips: [{ id: 'broken' }] })));
    const key = join(dir, 'key.json');
    run('keygen', '--out', key);
    const refused = run('--data', dir, 'publish', '--key', key, '--out', join(dir, 'out.json'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/nothing signed/);
    expect(run('verify').out).toMatch(/^✔ published\/chiplens-dataset\.json: signed by a trusted key/);
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, readFileSync('published/chiplens-dataset.json', 'utf8').replace('case-by-case', 'allowed'));
    const r = run('verify', tampered);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/signature does not match/);
    const notKey = join(dir, 'not-a-key.json');
    writeFileSync(notKey, '{"keyId":"x","privateJwk":{"kty":"EC"}}');
    expect(run('publish', '--key', notKey).err).toMatch(/^rules: cannot read the key in .*not-a-key\.json/);
  });
});

describe('every subcommand: --help, unknown options, missing values', () => {
  // In-process (each runner with its output captured): spawning tsx 20 times is slow.
  const RUNNERS: Record<string, (args: string[], io: typeof consoleIo) => number | Promise<number>> = {
    check: (args) => runCheck(args),
    lookup: (args) => runLookup(args),
    scan: (args, io) => runScan(args, { ...io, readInput: async () => '', dataDir: 'rules/data' }),
    keygen: (args) => runKeygen(args),
    publish: (args) => runPublish(args, 'rules/data'),
    verify: (args) => runVerify(args),
    stale: (args, io) => runStale(args, undefined, io),
    watch: (args, io) => runWatch(args, undefined, { ...io, fetch: () => Promise.reject(new Error('no network in tests')), today: () => '2026-12-07', env: {} }),
  };
  afterEach(() => vi.restoreAllMocks());

  async function inProcess(command: string, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((l: string) => void out.push(l));
    vi.spyOn(console, 'error').mockImplementation((l: string) => void err.push(l));
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const code = await RUNNERS[command]!(args, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it.each(Object.keys(RUNNERS))('%s --help prints its usage and exits 0', async (command) => {
    const r = await inProcess(command, '--help');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(new RegExp(`^Usage: npm run rules -- ${command}\\b`));
  });

  it.each(Object.keys(RUNNERS))('%s --frobnicate: one line naming the option, exit 2', async (command) => {
    expect(await inProcess(command, '--frobnicate')).toEqual({ code: 2, out: '', err: `rules ${command}: unknown option --frobnicate (see \`npm run rules -- ${command} --help\`)` });
  });

  it.each([
    [['publish', '--key'], 'rules publish: --key needs a value (see `npm run rules -- publish --help`)'],
    [['keygen', '--out', '--id', 'x'], 'rules keygen: --out needs a value (see `npm run rules -- keygen --help`)'],
    [['lookup', 'H20', '--to'], 'rules lookup: --to needs a value (see `npm run rules -- lookup --help`)'],
    [['stale', '--days'], 'rules stale: --days needs a value (see `npm run rules -- stale --help`)'],
    [['watch', '--since'], 'rules watch: --since needs a value (see `npm run rules -- watch --help`)'],
    [['lookup', 'H20', '--json=yes'], 'rules lookup: --json takes no value (see `npm run rules -- lookup --help`)'],
    [['verify', 'a.json', 'b.json'], 'rules verify: takes at most 1 argument (see `npm run rules -- verify --help`)'],
    [['scan', 'a.txt', 'b.txt'], 'rules scan: takes at most 1 argument (see `npm run rules -- scan --help`)'],
    [['check', 'extra'], 'rules check: unexpected argument (see `npm run rules -- check --help`)'],
  ])('%j: one line, exit 2', async ([command, ...args], message) => {
    expect(await inProcess(command!, ...args)).toEqual({ code: 2, out: '', err: message });
  });

  it('check refuses data dated ahead of today and names why (the same check as publish, verify and the background)', () => {
    const dir = tempData((d) => writeFixture(d, { ...rawDataset(), meta: { ...rawDataset().meta, version: '2999.12.31', asOf: '2999-12-31' } }));
    const out: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((l: string) => void out.push(l));
    expect(runCheck([], dir)).toBe(1);
    expect(out[0]).toBe("✘ rules/data/meta.json: version: 2999.12.31 is later than the check's day (" + today() + ") plus 2 days: a dataset cannot be dated ahead");
  });

  it('scan refuses data the extension cannot run on (a 1,000-character alias) instead of crashing', async () => {
    const long = `H${'0'.repeat(999)}`;
    const dir = tempData((d) => writeFixture(d, rawDataset({ chips: CHIPS.map((c) => (c.id === 'nvidia-h20' ? { ...c, names: [...c.names, long] } : c)) })));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runScan(['-'], { out: (l) => out.push(l), err: (l) => err.push(l), readInput: async () => 'H20 and H100', dataDir: dir });
    expect(code).toBe(1);
    expect(err).toEqual(['✘ rules/data/chips.json: chip "nvidia-h20" › names.3: is longer than 64 characters']);
    expect(out).toEqual([]);
  });

  it('check requires meta.checkedThrough of the maintainers’ data', () => {
    const raw = rawDataset();
    const dir = tempData((d) => writeFixture(d, { ...raw, meta: { ...raw.meta, checkedThrough: undefined } }));
    const out: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((l: string) => void out.push(l));
    expect(runCheck([], dir)).toBe(1);
    expect(out[0]).toBe('✘ rules/data/meta.json: checkedThrough: required (the date through which sources were searched, YYYY-MM-DD)');
  });

  it('through the CLI itself: publish --help is its usage, an unknown option one line (no Node stack)', { timeout: 60_000 }, () => {
    const help = run('publish', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: npm run rules -- publish --key <file>/);
    const bad = run('publish', '--frobnicate');
    expect(bad).toEqual({ code: 2, out: '', err: 'rules publish: unknown option --frobnicate (see `npm run rules -- publish --help`)\n' });
    expect(run('--help').out).toMatch(/stale \[--days N\][\s\S]*watch \[--since YYYY-MM-DD\]/);
  });
});
