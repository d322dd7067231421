import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { runScan, scanByParagraph, type ScanIo } from '../../../../rules/cli/commands/scan';
import { compileMatcher } from '../../../../matching/matcher';
import { FIXTURE_INDEX } from '../../matching/fixture-index';

function fakeIo(input: Record<string, string>): ScanIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    readInput: async (path) => {
      const text = input[path];
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    dataDir: 'rules/data',
  };
}

test('each paragraph is its own context block; offsets are into the whole file', () => {
  const matcher = compileMatcher(FIXTURE_INDEX);
  const text = 'Nvidia sells the A100.\n\nA100 alone.\n \nH100 and A100';
  expect(scanByParagraph(matcher, text).map((m) => [m.chipId, m.start, text.slice(m.start, m.end)])).toEqual([
    ['nvidia-a100', 17, 'A100'],
    ['nvidia-h100', 38, 'H100'],
    ['nvidia-a100', 47, 'A100'],
  ]);
});

// The real dataset grows during development (and its aliases may widen a mark, e.g. "H20芯片"):
// these tests check the output's shape against the input, and only that H20 is found.
test('prints offset, chip id, text and line:col for each mention', async () => {
  const input = 'intro\n\nthe H20 and H200 compared';
  const io = fakeIo({ 'a.txt': input });
  expect(await runScan(['a.txt'], io)).toBe(0);
  const rows = io.lines.map((line) => line.split('\t'));
  expect(rows.map((r) => r[1])).toContain('nvidia-h20');
  for (const [offset, , text, lineCol] of rows) {
    expect(input.slice(Number(offset), Number(offset) + (text ?? '').length)).toBe(text);
    const column = Number(offset) - 'intro\n\n'.length + 1;
    expect(lineCol).toBe(`3:${column}`);
  }
});

test('--json prints an array of {chipId, text, offset, end}', async () => {
  const input = '英伟达的H20芯片';
  const io = fakeIo({ '-': input });
  expect(await runScan(['-', '--json'], io)).toBe(0);
  const mentions = JSON.parse(io.lines.join('\n')) as { chipId: string; text: string; offset: number; end: number }[];
  expect(mentions.map((m) => m.chipId)).toEqual(['nvidia-h20']);
  for (const m of mentions) expect(input.slice(m.offset, m.end)).toBe(m.text);
  expect(mentions[0]?.text).toContain('H20');
});

test('no mentions is still a success', async () => {
  const io = fakeIo({ 'a.txt': 'H2O and water' });
  expect(await runScan(['a.txt'], io)).toBe(0);
  expect(io.lines).toEqual([]);
});

test('an unreadable file exits 2 and names the file', async () => {
  const io = fakeIo({});
  expect(await runScan(['missing.txt'], io)).toBe(2);
  expect(io.errors.join('\n')).toContain('missing.txt');
});

test('by default it reads the file from disk and writes to stdout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiplens-scan-'));
  writeFileSync(join(dir, 'news.txt'), 'the H20');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  expect(await runScan([join(dir, 'news.txt')])).toBe(0);
  expect(write.mock.calls.map((c) => String(c[0]))).toEqual(['4\tnvidia-h20\tH20\t1:5\n']);
});
