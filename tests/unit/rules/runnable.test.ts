// A dataset is accepted only if the extension can run on it (issue #17's red-team cases): limits
// in the schema, totals, no date ahead of the check's day, a release's floor and ceiling, the
// status work and every card's size. The same checks run in `rules check`, `publish`, `verify`,
// the build and the background (tests/unit/rules/signed-dataset.test.ts for the signed path).
import { describe, expect, it } from 'vitest';
import { bundledRaw } from '../../../rules/bundled-data';
import { parseDataset } from '../../../rules/dataset';
import { CARD_ENTRY_BUDGET, checkRunnable, versionDate } from '../../../rules/runnable';
import { Dataset, LIMITS } from '../../../rules/schema';
import { chip, CHIPS, event, EVENTS, fixtureDataset, rawDataset } from './fixture-dataset';

const TODAY = '2026-12-07';

/** The problems parseDataset gives for a raw dataset (it must be refused). */
function refused(raw: unknown): string[] {
  const result = parseDataset(raw);
  if (result.ok) throw new Error('accepted');
  return result.errors;
}

describe('the real data', () => {
  it('is something the extension can run on, on the day it was reviewed', () => {
    const parsed = parseDataset(bundledRaw);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(checkRunnable(parsed.dataset, { today: parsed.dataset.meta.asOf })).toEqual([]);
  });
});

describe('limits in the schema (per record)', () => {
  it('an alias of 1,000 characters: refused, naming the chip and field, not repeating the alias', () => {
    const long = `H${'0'.repeat(999)}`;
    const errors = refused(rawDataset({ chips: [...CHIPS.slice(1), chip('nvidia-a100', { names: ['A100', long] })] }));
    expect(errors).toEqual(['rules/data/chips.json: chip "nvidia-a100" › names.1: is longer than 64 characters']);
  });

  it('50,000 aliases on one chip: refused as more than 32 names', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `X${i}`);
    expect(refused(rawDataset({ chips: [...CHIPS.slice(1), chip('nvidia-a100', { names })] }))).toEqual(['rules/data/chips.json: chip "nvidia-a100" › names: has more than 32 names']);
  });

  it('more chips, events, sources or destinations than the extension carries: refused', () => {
    const chips = Array.from({ length: LIMITS.chips + 1 }, (_, i) => chip(`test-c${i}`, { names: [`C${i}`] }));
    expect(refused(rawDataset({ chips }))).toEqual(['rules/data/chips.json: has more than 200 chips']);
    const raw = rawDataset() as ReturnType<typeof rawDataset> & { destinations: unknown[] };
    raw.destinations = Array.from({ length: 6_000 }, (_, i) => ({ id: `D${i}`, name: { en: `D${i}`, zh: `D${i}` } }));
    expect(refused(raw)).toEqual(['rules/data/destinations.json: has more than 60 destinations']);
    const events = Array.from({ length: LIMITS.events + 1 }, (_, i) => event(`e-${i}`, '2026-01-01', 'report', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'] }]));
    expect(refused(rawDataset({ events }))).toEqual(['rules/data/events.json: has more than 2,000 events']);
    const sources = Array.from({ length: LIMITS.sources + 1 }, (_, i) => ({ id: i ? `s${i}` : 'src', title: 'T', publisher: 'P', date: '2025-01-01', url: 'https://example.org/', reliability: 'weak' }));
    expect(refused(rawDataset({ sources }))).toEqual(['rules/data/sources.json: has more than 5,000 sources']);
  });

  it('a summary longer than 4,000 characters and an event with more than 50 effects: refused', () => {
    const wordy = { ...chip('nvidia-a100', { names: ['A100'] }), summary: { en: 'x'.repeat(4_001), zh: '简' } };
    expect(refused(rawDataset({ chips: [...CHIPS.slice(1), wordy] }))).toEqual(['rules/data/chips.json: chip "nvidia-a100" › summary.en: is longer than 4,000 characters']);
    const effects = Array.from({ length: 51 }, () => ({ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'] }));
    expect(refused(rawDataset({ events: [...EVENTS, event('2026-02-01-big', '2026-02-01', 'report', effects)] }))).toEqual([
      'rules/data/events.json: event "2026-02-01-big" › effects: has more than 50 effects',
    ]);
  });
});

describe('checkRunnable', () => {
  it('finds nothing wrong with the fixture', () => {
    expect(checkRunnable(fixtureDataset(), { today: TODAY })).toEqual([]);
  });

  it('more than 1,000 names in all: refused with the count (matching/name-rules.ts)', () => {
    const chips = Array.from({ length: 32 }, (_, i) => chip(`test-c${i}`, { names: Array.from({ length: 32 }, (_, j) => `C${i}N${j}`) }));
    expect(checkRunnable(fixtureDataset({ chips, events: [] }), { today: TODAY })).toEqual(['rules/data/chips.json: 1024 chip names in all; the dataset has at most 1000']);
  });

  it('common words as names (the, and, of): refused before any matcher is built, naming chip and name', () => {
    const chips = [...CHIPS.slice(1), chip('nvidia-a100', { names: ['A100', 'the', 'and'] })];
    expect(checkRunnable(fixtureDataset({ chips }), { today: TODAY })).toEqual([
      'rules/data/chips.json: chip nvidia-a100: name "the" is a common word, a vendor or an everyday code, which every page is full of',
      'rules/data/chips.json: chip nvidia-a100: name "and" is a common word, a vendor or an everyday code, which every page is full of',
    ]);
  });

  it('names that pass the word rules but mark everyday news: refused by the matcher trial', () => {
    const chips = [...CHIPS.slice(1), chip('nvidia-a100', { names: ['A100', 'Q3 revenue'] })];
    const problems = checkRunnable(fixtureDataset({ chips }), { today: TODAY });
    expect(problems).toEqual([expect.stringMatching(/^rules\/data\/chips\.json: the matcher marks ordinary words in a probe of everyday news: "Q3 revenue" \(nvidia-a100\)/)]);
  });

  it('a chip whose card would hold too much (6,000 events on one chip in the red-team case): refused, naming it', () => {
    const events = Array.from({ length: 800 }, (_, i) => {
      const day = new Date(Date.parse('2020-01-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10);
      return event(`flood-${i}`, day, 'rule', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'], status: 'denied' }]);
    });
    const problems = checkRunnable(fixtureDataset({ events }), { today: TODAY });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^rules/data/chips\\.json: chip "nvidia-h20": its card would hold [\\d,]+ entries \\(at most ${CARD_ENTRY_BUDGET.toLocaleString('en-US')}\\)$`));
  });

  it('more status work than the cards may take: refused before any card is built', () => {
    const raw = rawDataset({
      chips: Array.from({ length: 200 }, (_, i) => chip(`test-c${i}`, { names: [`CX${i}`] })),
      events: Array.from({ length: 34 }, (_, i) => event(`e-${i}`, '2026-01-01', 'report', Array.from({ length: 50 }, () => ({ chips: { ids: ['test-c0'] }, destinations: ['CN'] })))),
    }) as ReturnType<typeof rawDataset> & { destinations: unknown[] };
    raw.destinations = [...raw.destinations, ...Array.from({ length: 56 }, (_, i) => ({ id: `D${i}`, name: { en: `D${i}`, zh: `D${i}` } }))];
    expect(checkRunnable(Dataset.parse(raw), { today: TODAY })).toEqual(['dataset: 200 chips × 60 destinations × 1700 effects is more status work than a card may take (20,000,000)']);
  });
});

describe('no pinning: nothing dated ahead of the check’s day', () => {
  const at = (meta: Record<string, unknown>) => fixtureDataset({ meta });

  it('a version 9999.99.99 names no date: refused on any day', () => {
    expect(versionDate('9999.99.99')).toBeNull();
    expect(checkRunnable(at({ version: '9999.99.99' }), { today: TODAY })).toEqual(['rules/data/meta.json: version: 9999.99.99 does not name a calendar date (YYYY.MM.DD)']);
  });

  it('a version, asOf or checkedThrough later than the day plus 2 days: refused, each named', () => {
    expect(checkRunnable(at({ version: '2999.12.31', asOf: '2999-12-31', checkedThrough: '2999-12-30' }), { today: TODAY })).toEqual([
      "rules/data/meta.json: version: 2999.12.31 is later than the check's day (2026-12-07) plus 2 days: a dataset cannot be dated ahead",
      "rules/data/meta.json: asOf: 2999-12-31 is later than the check's day (2026-12-07) plus 2 days: a dataset cannot be dated ahead",
      "rules/data/meta.json: checkedThrough: 2999-12-30 is later than the check's day (2026-12-07) plus 2 days: a dataset cannot be dated ahead",
    ]);
  });

  it('two days ahead is within the margin (time zones, a slow clock); three are not', () => {
    expect(checkRunnable(at({ version: '2026.12.09-3', asOf: '2026-12-09' }), { today: TODAY })).toEqual([]);
    expect(checkRunnable(at({ version: '2026.12.10', asOf: '2026-12-09' }), { today: TODAY })).toHaveLength(1);
    expect(checkRunnable(at({ version: '2026.12.09', asOf: '2026-12-10' }), { today: TODAY })).toHaveLength(1);
  });

  it('a release’s floor and ceiling refuse versions outside them', () => {
    const d = at({ version: '2026.11.29-2' });
    expect(checkRunnable(d, { today: TODAY, floor: '2026.11.29-2', ceiling: '2026.11.29-2' })).toEqual([]);
    expect(checkRunnable(d, { today: TODAY, floor: '2026.11.30' })).toEqual(['rules/data/meta.json: version: 2026.11.29-2 is older than this release accepts (2026.11.30)']);
    expect(checkRunnable(d, { today: TODAY, ceiling: '2026.11.29' })).toEqual(['rules/data/meta.json: version: 2026.11.29-2 is newer than this release accepts (2026.11.29)']);
  });
});
