// Destinations in the shipped data (rules/data): sanctioned and arms-embargoed countries must not
// fall through to "Most other countries" and read as not controlled.
import { describe, expect, it } from 'vitest';
import { loadDataFolder } from '../../../rules/cli/commands/check';
import { Destination, type Dataset } from '../../../rules/schema';
import { resolveDestination, resolveStatus } from '../../../rules/status';

const loaded = loadDataFolder();
const data = loaded.ok ? loaded.dataset : (undefined as unknown as Dataset);
const AS_OF = '2026-11-29';

describe('destination ids', () => {
  it.each(['CN', 'OTHER', 'EMBARGO', 'D5'])('accepts %s', (id) => {
    expect(Destination.safeParse({ id, name: { en: 'x', zh: 'x' } }).success).toBe(true);
  });
  it.each(['cn', 'D:5', 'X', '-EMBARGO'])('rejects %s', (id) => {
    expect(Destination.safeParse({ id, name: { en: 'x', zh: 'x' } }).success).toBe(false);
  });
});

describe('shipped destinations', () => {
  it('loads', () => expect(loaded.ok ? [] : loaded.problems).toEqual([]));

  it('keeps China and the Gulf first and the default last, so the card rows stay in that order', () => {
    const ids = data.destinations.map((d) => d.id);
    expect(ids.slice(0, 3)).toEqual(['CN', 'AE', 'SA']);
    expect(ids.at(-1)).toBe('OTHER');
  });

  it.each([
    ['RU', 'RU'], ['by', 'RU'], ['IR', 'EMBARGO'], ['KP', 'EMBARGO'], ['CU', 'EMBARGO'], ['SY', 'SY'],
    ['VE', 'D5'], ['IQ', 'D5'], ['HK', 'CN'], ['DE', 'OTHER'],
  ])('%s resolves to %s', (code, id) => {
    expect(resolveDestination(data, code)).toBe(id);
  });

  it('answers "denied" for every US chip to Russia and Belarus since the 2022 sanctions', () => {
    const usVendors = ['nvidia', 'amd', 'intel'];
    for (const chip of data.chips.filter((c) => usVendors.includes(c.vendor.toLowerCase()))) {
      const r = resolveStatus(data, chip.id, 'BY', AS_OF);
      expect([chip.id, r.status]).toEqual([chip.id, 'denied']);
      expect(r.events[0]?.id).toBe('2022-02-24-bis-russia-sanctions');
    }
  });

  it('answers "denied" for the H20 to Iran, North Korea and Cuba', () => {
    for (const code of ['IR', 'KP', 'CU']) expect(resolveStatus(data, 'nvidia-h20', code, AS_OF).status).toBe('denied');
  });

  it('follows Syria from denial to case-by-case review on 2 September 2025', () => {
    expect(resolveStatus(data, 'nvidia-h200', 'SY', '2025-09-01').status).toBe('denied');
    expect(resolveStatus(data, 'nvidia-h200', 'SY', AS_OF)).toMatchObject({ status: 'case-by-case', since: '2025-09-02' });
  });

  it('needs a licence for 3A090 chips and the H20 to D:5 countries, but not before the rules reached them', () => {
    expect(resolveStatus(data, 'nvidia-h200', 'VE', AS_OF).status).toBe('case-by-case');
    expect(resolveStatus(data, 'nvidia-h20', 'VE', '2025-01-01').status).toBe('not-controlled');
    expect(resolveStatus(data, 'nvidia-h20', 'VE', AS_OF)).toMatchObject({ status: 'case-by-case', since: '2025-04-09' });
  });

  it('warns on the default row that unlisted D:1, D:4 and D:5 countries may need a licence', () => {
    const other = data.destinations.find((d) => d.id === 'OTHER');
    expect(other?.note?.en).toMatch(/D:1, D:4 or D:5/);
    expect(other?.note?.zh).toMatch(/D:1、D:4或D:5/);
  });
});
