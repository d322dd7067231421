// The dataset schema rejects each kind of bad record with a message a maintainer can act on: it
// names the data file, the record, the field and what is wrong. Each case starts from the real
// shipped data (rules/data), breaks one thing, and reads the message parseDataset gives.
// integrity.test.ts covers the cross-record checks on a small fixture; the last block here adds
// the ones it leaves out, run on the real data.
import { describe, expect, it } from 'vitest';
import { bundledRaw } from '../../../rules/bundled-data';
import { DATA_FILES, parseDataset } from '../../../rules/dataset';
import { checkIntegrity } from '../../../rules/integrity';
import type { Dataset } from '../../../rules/schema';

/** The raw JSON as the files hold it (before zod fills defaults). */
interface Raw {
  meta: Record<string, unknown>;
  sources: Record<string, unknown>[];
  destinations: Record<string, unknown>[];
  chips: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

const fresh = (): Raw => structuredClone(bundledRaw) as Raw;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => v as Obj;
/** First record the predicate picks; a failing lookup means the real data changed shape. */
function pick(list: Obj[], test: (r: Obj) => boolean): Obj {
  const found = list.find(test);
  if (!found) throw new Error('no record in the real data fits this case');
  return found;
}
const firstEffect = (event: Obj): Obj => obj((event.effects as unknown[])[0]);
const statusEvent = (raw: Raw) => pick(raw.events, (e) => e.kind === 'rule' && firstEffect(e).status !== undefined);
/** A rule whose first effect is its only one with a status: one broken field, one message. */
const oneStatusEvent = (raw: Raw) =>
  pick(raw.events, (e) => e.kind === 'rule' && (e.effects as Obj[]).every((effect, i) => (i === 0) === (effect.status !== undefined)));
const knownTppChip = (raw: Raw) => pick(raw.chips, (c) => obj(obj(c.specs).tpp).value !== null);

interface Case {
  what: string;
  /** Breaks one thing; returns the prefix the message must start with: file, record (and field). */
  breakIt(raw: Raw): string;
  /** The human reason the message must give. */
  reason: RegExp;
}

const at = (file: string, noun: string, id: unknown, field: string) => `${file}: ${noun} "${String(id)}" › ${field}: `;
const eventAt = (e: Obj, field: string) => at(DATA_FILES.events, 'event', e.id, field);
const chipAt = (c: Obj, field: string) => at(DATA_FILES.chips, 'chip', c.id, field);
const sourceAt = (s: Obj, field: string) => at(DATA_FILES.sources, 'source', s.id, field);

// An event with no effective or ended date, so only the date itself is wrong.
const badDate = (date: string): Case['breakIt'] => (raw) => {
  const e = pick(raw.events, (x) => x.effective === undefined && x.ended === undefined);
  e.date = date;
  return eventAt(e, 'date');
};

const CASES: Case[] = [
  {
    what: 'an event with no sources',
    breakIt: (raw) => {
      const e = raw.events[0]!;
      e.sources = [];
      return eventAt(e, 'sources');
    },
    reason: /every event cites at least one source/,
  },
  {
    what: 'a source with an http:// link',
    breakIt: (raw) => {
      const s = raw.sources[0]!;
      s.url = String(s.url).replace(/^https:/, 'http:');
      return sourceAt(s, 'url');
    },
    reason: /must be an https:\/\/ link/,
  },
  {
    what: 'a source URL that is not a URL',
    breakIt: (raw) => {
      const s = raw.sources[0]!;
      s.url = 'federal register, page 12';
      return sourceAt(s, 'url');
    },
    reason: /must be a URL/,
  },
  { what: 'a month 13 (2025-13-01)', breakIt: badDate('2025-13-01'), reason: /is not a real calendar date/ },
  { what: 'a 30 February (2025-02-30)', breakIt: badDate('2025-02-30'), reason: /is not a real calendar date/ },
  { what: 'a date written in words ("May 2025")', breakIt: badDate('May 2025'), reason: /must be a date written YYYY-MM-DD/ },
  {
    what: 'an unknown status code',
    breakIt: (raw) => {
      const e = statusEvent(raw);
      firstEffect(e).status = 'banned';
      return eventAt(e, 'effects.0.status');
    },
    reason: /expected one of .*"denied"/,
  },
  {
    what: 'a bill with a status (bills never change the US status)',
    breakIt: (raw) => {
      const e = oneStatusEvent(raw);
      e.kind = 'bill';
      return eventAt(e, 'effects.0.status');
    },
    reason: /a bill never changes the US status: leave status out/,
  },
  {
    what: 'an event that ended before it took effect',
    breakIt: (raw) => {
      const e = pick(raw.events, (x) => x.ended !== undefined);
      e.effective = e.date;
      e.ended = '2000-01-01';
      return eventAt(e, 'ended');
    },
    reason: /ended before it took effect/,
  },
  {
    what: 'an event that has ended but is still in force',
    breakIt: (raw) => {
      const e = pick(raw.events, (x) => x.ended !== undefined);
      e.inForce = true;
      return eventAt(e, 'inForce');
    },
    reason: /an event that has ended is not in force/,
  },
  {
    what: 'a chip id that is not vendor-model ("H20")',
    breakIt: (raw) => {
      const c = pick(raw.chips, (x) => x.id === 'nvidia-h20');
      c.id = 'H20';
      return chipAt(c, 'id');
    },
    reason: /must be vendor-model, lowercase \(e\.g\. nvidia-h20\)/,
  },
  {
    what: 'a chip with no names',
    breakIt: (raw) => {
      const c = raw.chips[0]!;
      c.names = [];
      return chipAt(c, 'names');
    },
    reason: /a chip needs at least one name/,
  },
  {
    what: 'a known spec value with no source',
    breakIt: (raw) => {
      const c = knownTppChip(raw);
      obj(obj(c.specs).tpp).sources = [];
      return chipAt(c, 'specs.tpp.sources');
    },
    reason: /a known value must cite at least one source/,
  },
  {
    what: 'an effect that selects no chips',
    breakIt: (raw) => {
      const e = statusEvent(raw);
      firstEffect(e).chips = { describe: 'all the chips' };
      return eventAt(e, 'effects.0.chips');
    },
    reason: /an effect must name chips \(ids\) or give a threshold selector/,
  },
  {
    what: 'an empty Chinese title',
    breakIt: (raw) => {
      const e = raw.events[0]!;
      obj(e.title).zh = '';
      return eventAt(e, 'title.zh');
    },
    reason: /Chinese text is required/,
  },
  {
    what: 'a missing Chinese title',
    breakIt: (raw) => {
      const e = raw.events[0]!;
      delete obj(e.title).zh;
      return eventAt(e, 'title.zh');
    },
    reason: /Chinese text is required/,
  },
  {
    what: 'a malformed meta.version',
    breakIt: (raw) => {
      raw.meta.version = '29/11/2026';
      return `${DATA_FILES.meta}: version: `;
    },
    reason: /must look like 2026\.11\.29 or 2026\.11\.29-2/,
  },
  {
    what: 'a checkedThrough later than asOf',
    breakIt: (raw) => {
      raw.meta.checkedThrough = '2999-01-01';
      return `${DATA_FILES.meta}: checkedThrough: `;
    },
    reason: /is later than asOf/,
  },
  {
    what: 'a checkedThrough that is not a date',
    breakIt: (raw) => {
      raw.meta.checkedThrough = '2026-02-30';
      return `${DATA_FILES.meta}: checkedThrough: `;
    },
    reason: /is not a real calendar date/,
  },
  {
    what: 'a chip check date that is not a date',
    breakIt: (raw) => {
      const c = raw.chips[0]!;
      c.checked = { CN: '1 Dec 2026' };
      return `${DATA_FILES.chips}: chip "${String(c.id)}" › checked.CN: `;
    },
    reason: /must be a date written YYYY-MM-DD/,
  },
  {
    what: 'a lowercase destination id',
    breakIt: (raw) => {
      const d = pick(raw.destinations, (x) => x.id === 'CN');
      d.id = 'cn';
      return at(DATA_FILES.destinations, 'destination', 'cn', 'id');
    },
    reason: /must be an ISO country code, OTHER, or an uppercase group id/,
  },
  {
    what: 'an unknown event kind',
    breakIt: (raw) => {
      const e = raw.events[0]!;
      e.kind = 'law';
      return eventAt(e, 'kind');
    },
    reason: /expected one of .*"rule".*"bill"/,
  },
];

describe('parseDataset on the real data', () => {
  it('accepts the shipped data as it is', () => {
    const result = parseDataset(fresh());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(CASES.map((c) => [c.what, c] as const))('rejects %s, naming file, record and field', (_what, c) => {
    const raw = fresh();
    const prefix = c.breakIt(raw);
    const result = parseDataset(raw);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    // One thing broken: every message is about that record's field, and one of them says why.
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error.startsWith(prefix), error).toBe(true);
    expect(errors.some((e) => c.reason.test(e.slice(prefix.length))), errors.join('\n')).toBe(true);
  });
});

describe('checkIntegrity on the real data (cases integrity.test.ts does not cover)', () => {
  const parsed = (): Dataset => {
    const result = parseDataset(fresh());
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return result.dataset;
  };

  it('finds nothing wrong with the shipped data', () => {
    expect(checkIntegrity(parsed())).toEqual([]);
  });

  it.each<[string, (d: Dataset) => string | string[]]>([
    [
      'an unknown source id behind a chip spec',
      (d) => {
        const c = d.chips.find((x) => x.specs.tpp.sources.length > 0)!;
        c.specs.tpp.sources[0] = 'no-such-source';
        return `rules/data/chips.json: chip "${c.id}" › specs.tpp.sources.0: unknown source id "no-such-source"`;
      },
    ],
    [
      'an unknown source id behind a recorded classification',
      (d) => {
        const c = d.chips.find((x) => (x.classification['2023']?.sources.length ?? 0) > 0)!;
        c.classification['2023']!.sources[0] = 'no-such-source';
        return `rules/data/chips.json: chip "${c.id}" › classification.2023.sources.0: unknown source id "no-such-source"`;
      },
    ],
    [
      'an unknown chip id in an effect’s exceptions',
      (d) => {
        const e = d.events.find((x) => x.effects[0]?.chips.except?.length)!;
        e.effects[0]!.chips.except![0] = 'huawei-ascend-9100';
        return `rules/data/events.json: event "${e.id}" › effects.0.chips.except: unknown chip id "huawei-ascend-9100"`;
      },
    ],
    [
      'a chip id used twice',
      (d) => {
        d.chips.push({ ...structuredClone(d.chips[0]!), names: ['ZX9000'] });
        return `rules/data/chips.json: chip #${d.chips.length}: id "${d.chips[0]!.id}" is used twice`;
      },
    ],
    [
      'a source id used twice',
      (d) => {
        d.sources.push(structuredClone(d.sources[0]!));
        return `rules/data/sources.json: source #${d.sources.length}: id "${d.sources[0]!.id}" is used twice`;
      },
    ],
    [
      'a country covered by two destinations',
      (d) => {
        const ae = d.destinations.find((x) => x.id === 'AE')!;
        ae.covers.push('HK');
        // Reported from both sides: either record may be the one to fix.
        return [
          'rules/data/destinations.json: destination "CN" › covers: "HK" also belongs to destination "AE"',
          'rules/data/destinations.json: destination "AE" › covers: "HK" also belongs to destination "CN"',
        ];
      },
    ],
    [
      'a Chinese name claimed by two chips',
      (d) => {
        const h20 = d.chips.find((x) => x.id === 'nvidia-h20')!;
        h20.names.push('英伟达H200');
        // nvidia-h200 comes after nvidia-h20 in the file, so it is the second claimant.
        return 'rules/data/chips.json: chip "nvidia-h200" › names: "英伟达H200" is also a name of chip "nvidia-h20"';
      },
    ],
  ])('reports %s', (_what, breakIt) => {
    const d = parsed();
    const messages = [breakIt(d)].flat();
    expect(checkIntegrity(d)).toEqual(messages);
  });
});
