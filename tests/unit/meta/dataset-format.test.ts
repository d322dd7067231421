// The dataset is reviewed in diffs, so its files keep one layout: 2-space indented JSON, LF line
// ends, one final newline, no trailing spaces, one record per block, unique ids, and a fixed
// order — chips and sources by id, events by date then id, destinations as the card lists them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

const files = sourceFiles(['rules/data'], /\.json$/);

type DataRecord = { id: string; date?: string };
/** The documented order of each list file; a new list file must add its order here. */
const ORDER: { [file: string]: (records: DataRecord[]) => string[] } = {
  'chips.json': (r) => r.map((x) => x.id).sort(),
  'sources.json': (r) => r.map((x) => x.id).sort(),
  'events.json': (r) => [...r].sort((a, b) => `${a.date} ${a.id}`.localeCompare(`${b.date} ${b.id}`)).map((x) => x.id),
  // The card's order (docs/architecture.md): China, UAE, Saudi Arabia first, "other" last.
  'destinations.json': (r) => {
    const ids = r.map((x) => x.id);
    const first = ['CN', 'AE', 'SA'];
    return [...first, ...ids.filter((id) => !first.includes(id) && id !== 'OTHER'), 'OTHER'];
  },
};

describe('dataset files', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const lines = text.split('\n');

    it('is valid JSON ending in exactly one newline, with LF line ends', () => {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      expect(text.includes('\r')).toBe(false);
    });

    it('is indented with 2 spaces and has no trailing whitespace', () => {
      const bad = lines
        .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
        .filter(({ line }) => /\t/.test(line) || /\s$/.test(line) || (line.match(/^ */)![0].length % 2 !== 0));
      expect(bad.map((b) => b.at)).toEqual([]);
    });

    it('puts each record of a list on its own block, with a unique id', () => {
      const data: unknown = JSON.parse(text);
      if (!Array.isArray(data)) return;
      const recordStarts = lines.filter((line) => line === '  {').length;
      expect(recordStarts).toBe(data.length);
      const ids = data.map((record: { id?: unknown }) => record.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it('keeps its records in the documented order', () => {
      const data: unknown = JSON.parse(text);
      if (!Array.isArray(data)) return;
      const order = ORDER[file.split('/').pop()!];
      expect(order, `no documented order for ${file}`).toBeDefined();
      expect(data.map((r: DataRecord) => r.id)).toEqual(order!(data as DataRecord[]));
    });
  });
});
