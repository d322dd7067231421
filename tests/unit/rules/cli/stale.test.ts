// `rules stale`: the statuses a maintainer should re-check next (chips.json "checked").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runStale, staleStatuses } from '../../../../rules/cli/commands/stale';
import { CHIPS, fixtureDataset, rawDataset } from '../fixture-dataset';

const checks: Record<string, Record<string, string>> = {
  'nvidia-h20': { CN: '2026-11-25', '*': '2026-06-01' },
  'nvidia-h200': { '*': '2026-11-01' },
  'nvidia-a100': { CN: '2026-01-10' },
};
const chips = CHIPS.map((c) => (checks[c.id] ? { ...c, checked: checks[c.id] } : c));
const data = fixtureDataset({ chips });

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
function folder(withChips: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiplens-stale-'));
  temps.push(dir);
  for (const [key, value] of Object.entries(rawDataset({ chips: withChips }))) writeFileSync(join(dir, `${key}.json`), JSON.stringify(value));
  return dir;
}
function run(args: string[], withChips: unknown[] = chips) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runStale(args, folder(withChips), { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('staleStatuses', () => {
  it('lists never-checked statuses first, then the oldest check, and leaves recent ones out', () => {
    const stale = staleStatuses(data, '2026-12-07', 90);
    const h20 = stale.filter((s) => s.chipId === 'nvidia-h20').map((s) => [s.destination, s.checked, s.days]);
    expect(h20).toEqual([['AE', '2026-06-01', 189], ['SA', '2026-06-01', 189], ['OTHER', '2026-06-01', 189]]);
    expect(stale.some((s) => s.chipId === 'nvidia-h200')).toBe(false);
    const a100 = stale.find((s) => s.chipId === 'nvidia-a100' && s.destination === 'CN');
    expect(a100).toMatchObject({ checked: '2026-01-10', days: 331, status: 'case-by-case' });
    // Order: every never-checked status, then 331 days, then 189 days.
    const days = stale.map((s) => s.days);
    const firstKnown = days.findIndex((d) => d !== null);
    expect(days.slice(0, firstKnown).every((d) => d === null)).toBe(true);
    expect(days.slice(firstKnown)).toEqual([331, 189, 189, 189]);
    expect(stale.find((s) => s.chipId === 'nvidia-a100' && s.destination === 'AE')).toMatchObject({ checked: null, days: null });
  });

  it('counts N days as still fresh and N + 1 as stale', () => {
    expect(staleStatuses(data, '2026-12-07', 189).some((s) => s.chipId === 'nvidia-h20')).toBe(false);
    expect(staleStatuses(data, '2026-12-07', 188).some((s) => s.chipId === 'nvidia-h20')).toBe(true);
  });
});

describe('rules stale', () => {
  it('prints the oldest first with chip, destination and status, and a count', () => {
    const r = run(['--on', '2026-12-07']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^never checked\s+nvidia-\S+ → \S+ {2}\(.+; now [a-z-]+\)$/);
    expect(r.out).toContain('2026-01-10 ( 331 days)  nvidia-a100 → CN  (A100; now case-by-case)');
    expect(lines.at(-1)).toMatch(/^31 of 36 statuses were not checked within 90 days of 2026-12-07/);
  });

  it('takes --days and --json', () => {
    const r = run(['--on', '2026-12-07', '--days', '200', '--json']);
    const stale = JSON.parse(r.out) as { chipId: string; days: number | null }[];
    expect(stale.filter((s) => s.days !== null)).toEqual([expect.objectContaining({ chipId: 'nvidia-a100', days: 331 })]);
  });

  it('says so when nothing is stale', () => {
    const allChecked = CHIPS.map((c) => ({ ...c, checked: { '*': '2026-11-01' } }));
    expect(run(['--on', '2026-12-07'], allChecked).out).toBe('✔ every status (36) was checked within 90 days of 2026-12-07');
  });

  it.each([
    [['--days', 'soon'], 'rules stale: --days must be a whole number of days, e.g. --days 90'],
    [['--days', '-3'], 'rules stale: --days needs a value (see `npm run rules -- stale --help`)'],
    [['--on', '2026-02-30'], 'rules stale: --on must be a date written YYYY-MM-DD, e.g. --on 2026-12-01'],
  ])('%j: one line, exit 2', (args, message) => {
    expect(run(args)).toEqual({ code: 2, out: '', err: message });
  });
});
