import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../rules/integrity';
import { CHIPS, chip, event, EVENTS, fixtureDataset } from './fixture-dataset';

describe('checkIntegrity', () => {
  it('finds nothing wrong with a valid dataset', () => {
    expect(checkIntegrity(fixtureDataset())).toEqual([]);
  });

  it.each([
    [
      'an unknown chip id in an effect',
      { events: [...EVENTS, event('2026-02-01-typo', '2026-02-01', 'rule', [{ chips: { ids: ['nvidia-h21'] }, destinations: ['CN'], status: 'denied' }])] },
      'rules/data/events.json: event "2026-02-01-typo" › effects.0.chips.ids: unknown chip id "nvidia-h21"',
    ],
    [
      'an unknown destination',
      { events: [...EVENTS, event('2026-02-01-xx', '2026-02-01', 'rule', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['XX'], status: 'denied' }])] },
      'rules/data/events.json: event "2026-02-01-xx" › effects.0.destinations: unknown destination id "XX"',
    ],
    [
      'an unknown source',
      { events: [...EVENTS, { ...event('2026-02-01-nosrc', '2026-02-01', 'report', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'] }]), sources: ['nope'] }] },
      'rules/data/events.json: event "2026-02-01-nosrc" › sources.0: unknown source id "nope"',
    ],
    [
      'events out of date order',
      { events: [...EVENTS, event('2020-01-01-early', '2020-01-01', 'report', [{ chips: { ids: ['nvidia-h20'] }, destinations: ['CN'] }])] },
      'rules/data/events.json: event "2020-01-01-early" › date: 2020-01-01 comes after "2026-01-13-case-by-case" (2026-01-13); keep events sorted by date',
    ],
    [
      'a duplicate event id',
      { events: [...EVENTS, EVENTS.at(-1)] },
      `rules/data/events.json: event #${EVENTS.length + 1}: id "2026-01-13-case-by-case" is used twice`,
    ],
    [
      'a name claimed by two chips (compared normalised)',
      { chips: [...CHIPS, chip('other-h20', { names: ['H-20'] })] },
      'rules/data/chips.json: chip "other-h20" › names: "H-20" is also a name of chip "nvidia-h20"',
    ],
    [
      'a context-only name that is not a name',
      { chips: [...CHIPS, chip('nvidia-b40', { names: ['B40'], needsContext: ['B-40'] })] },
      'rules/data/chips.json: chip "nvidia-b40" › needsContext: "B-40" is not one of the chip\'s names',
    ],
    [
      'an unknown related chip',
      { chips: [...CHIPS, chip('nvidia-b40', { names: ['B40'], related: ['nvidia-b4'] })] },
      'rules/data/chips.json: chip "nvidia-b40" › related: unknown chip id "nvidia-b4"',
    ],
    [
      'specs that contradict the recorded classification',
      { chips: [...CHIPS, chip('nvidia-l20', { names: ['L20'], tpp: 5000, c2023: 'not-3A090' })] },
      'rules/data/chips.json: chip "nvidia-l20" › classification.2023.code: recorded "not-3A090" but the specs give "3A090.a"',
    ],
    [
      'a check date for an unknown destination',
      { chips: [...CHIPS, { ...chip('nvidia-b40', { names: ['B40'] }), checked: { XX: '2026-11-01' } }] },
      'rules/data/chips.json: chip "nvidia-b40" › checked.XX: unknown destination id (use a destination id or "*")',
    ],
    [
      'a check date after the data was reviewed',
      { chips: [...CHIPS, { ...chip('nvidia-b40', { names: ['B40'] }), checked: { '*': '2026-12-01' } }] },
      'rules/data/chips.json: chip "nvidia-b40" › checked.*: 2026-12-01 is later than meta.asOf (2026-11-29)',
    ],
    [
      'a source newer than the date sources were checked through',
      { sources: [{ id: 'src', title: 'A source', publisher: 'Pub', date: '2026-11-25', url: 'https://example.org/a', reliability: 'primary' }] },
      'rules/data/sources.json: source "src" › date: 2026-11-25 is later than meta.checkedThrough (2026-11-20)',
    ],
  ])('reports %s', (_what, over, message) => {
    expect(checkIntegrity(fixtureDataset(over as Parameters<typeof fixtureDataset>[0]))).toEqual([message]);
  });

  it('does not judge a classification the figures cannot decide', () => {
    const d = fixtureDataset({ chips: [...CHIPS, chip('nvidia-x', { names: ['X9'], tpp: 3000, c2023: '3A090.b' })] });
    expect(checkIntegrity(d)).toEqual([]);
  });
});
