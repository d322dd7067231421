// A small dataset modelled on the real history (facts.md §3–4), built through the real schema so
// defaults apply exactly as they do for rules/data. Tests add or swap records with the helpers.
import { Dataset, type Dataset as DatasetType } from '../../../rules/schema';

type Figures = { tpp?: number; pd?: number; bw?: number; io?: number };
type ChipOpts = Figures & {
  names?: string[];
  vendor?: string;
  announced?: string;
  chinaSpecific?: boolean;
  soldInUS?: boolean;
  c2022?: string;
  c2023?: string;
  needsContext?: string[];
  related?: string[];
};

const spec = (value: number | undefined) => (value === undefined ? { value: null } : { value, sources: ['src'] });

export function chip(id: string, o: ChipOpts = {}) {
  const classification: Record<string, { code: string }> = {};
  if (o.c2022) classification['2022'] = { code: o.c2022 };
  if (o.c2023) classification['2023'] = { code: o.c2023 };
  return {
    id,
    vendor: o.vendor ?? 'NVIDIA',
    name: (o.names ?? [id.split('-').slice(1).join('-').toUpperCase()])[0],
    architecture: 'Test',
    kind: 'datacenter-gpu',
    chinaSpecific: o.chinaSpecific ?? false,
    soldInUS: o.soldInUS ?? true,
    announced: o.announced ?? '2020-01-01',
    availability: 'shipping',
    names: o.names ?? [id.split('-').slice(1).join('-').toUpperCase()],
    needsContext: o.needsContext ?? [],
    specs: { tpp: spec(o.tpp), performanceDensity: spec(o.pd), memoryBandwidthGBs: spec(o.bw), interconnectGBs: spec(o.io), dieAreaMm2: spec(undefined) },
    classification,
    summary: { en: `${id} summary`, zh: `${id} 简介` },
    related: o.related ?? [],
  };
}

type EffectOpts = { chips: Record<string, unknown>; destinations: string[]; status?: string; conditions?: { en: string; zh: string }[] };

export function event(id: string, date: string, kind: string, effects: EffectOpts[], extra: Record<string, unknown> = {}) {
  return {
    id,
    date,
    kind,
    title: { en: `Title ${id}`, zh: `标题 ${id}` },
    summary: { en: `Summary ${id}`, zh: `摘要 ${id}` },
    sources: ['src'],
    inForce: extra.ended === undefined,
    effects,
    ...extra,
  };
}

export const CHIPS = [
  chip('nvidia-a100', { names: ['A100'], tpp: 4992, pd: 6.04, io: 600, bw: 2039, announced: '2020-05-14', c2022: '3A090', c2023: '3A090.a' }),
  chip('nvidia-a800', { names: ['A800'], tpp: 4992, pd: 6.04, io: 400, bw: 2039, announced: '2022-11-07', chinaSpecific: true, soldInUS: false, c2022: 'not-3A090', c2023: '3A090.a' }),
  chip('nvidia-h100', { names: ['H100', 'HGX H100'], tpp: 15830, pd: 19.4, io: 900, bw: 3350, announced: '2022-03-22', c2022: '3A090', c2023: '3A090.a' }),
  chip('nvidia-h800', { names: ['H800'], tpp: 15830, pd: 19.4, io: 400, bw: 3350, announced: '2023-03-21', chinaSpecific: true, soldInUS: false, c2022: 'not-3A090', c2023: '3A090.a' }),
  chip('nvidia-h20', { names: ['H20', 'HGX H20', '英伟达H20'], tpp: 2368, pd: 2.91, io: 900, bw: 4000, announced: '2023-11-09', chinaSpecific: true, soldInUS: false, c2022: 'not-3A090', c2023: 'not-3A090' }),
  chip('nvidia-h200', { names: ['H200', 'HGX H200'], tpp: 15830, pd: 19.4, io: 900, bw: 4800, announced: '2023-11-13', c2022: '3A090', c2023: '3A090.a' }),
  chip('nvidia-gb300', { names: ['GB300', 'GB300 NVL72'], tpp: 36000, bw: 8000, announced: '2025-03-18', c2023: '3A090.a' }),
  chip('nvidia-b30a', { names: ['B30A'], announced: '2025-08-19', chinaSpecific: true, soldInUS: false, c2023: '3A090.a' }),
  chip('amd-mi308', { names: ['MI308', 'MI308X', 'Instinct MI308X'], vendor: 'AMD', announced: '2024-01-01', chinaSpecific: true, soldInUS: false, c2023: 'unknown' }),
];

const ids = (...chips: string[]) => ({ ids: chips });
const cls = (regime: string, ...codes: string[]) => ({ classification: { regime, in: codes } });

export const EVENTS = [
  event('2022-10-07-3a090', '2022-10-07', 'rule', [
    { chips: cls('2022', '3A090'), destinations: ['CN'], status: 'denied' },
    { chips: cls('2022', 'not-3A090'), destinations: ['CN'], status: 'not-controlled' },
  ]),
  event('2023-10-17-3a090-update', '2023-10-17', 'rule', [
    { chips: cls('2023', '3A090.a', '3A090.b'), destinations: ['CN'], status: 'denied' },
    { chips: cls('2023', '3A090.a', '3A090.b'), destinations: ['AE', 'SA'], status: 'case-by-case' },
  ], { effective: '2023-11-17' }),
  event('2025-01-15-ai-diffusion', '2025-01-15', 'rule', [
    { chips: cls('2023', '3A090.a'), destinations: ['OTHER'], status: 'licensed' },
  ], { ended: '2025-05-13' }),
  event('2025-04-09-is-informed', '2025-04-09', 'rule', [{ chips: ids('nvidia-h20', 'amd-mi308'), destinations: ['CN'], status: 'denied' }]),
  event('2025-05-13-gulf-deals', '2025-05-13', 'announcement', [{ chips: ids('nvidia-gb300'), destinations: ['AE', 'SA'], status: 'case-by-case' }]),
  event('2025-07-31-cac-summons', '2025-07-31', 'china-measure', [{ chips: ids('nvidia-h20'), destinations: ['CN'] }]),
  event('2025-08-08-h20-licences', '2025-08-08', 'licence-decision', [
    { chips: ids('nvidia-h20'), destinations: ['CN'], status: 'licensed', conditions: [{ en: '15% of revenue to the US government', zh: '15%收入上缴美国政府' }] },
  ]),
  event('2025-11-05-state-dc-ban', '2025-11-05', 'china-measure', [{ chips: ids('nvidia-h20', 'nvidia-h200'), destinations: ['CN'] }]),
  event('2025-11-19-gulf-licences', '2025-11-19', 'licence-decision', [
    { chips: ids('nvidia-gb300'), destinations: ['AE', 'SA'], status: 'licensed', conditions: [{ en: 'Security and reporting conditions', zh: '安全与报告条件' }] },
  ]),
  event('2025-12-03-warren-letter', '2025-12-03', 'report', [{ chips: ids('nvidia-h200'), destinations: ['CN'] }]),
  event('2025-12-04-safe-chips-act', '2025-12-04', 'bill', [{ chips: cls('2023', '3A090.a'), destinations: ['CN'] }]),
  event('2026-01-13-case-by-case', '2026-01-13', 'rule', [
    { chips: { tpp: { lt: 21000 }, memoryBandwidthGBs: { lt: 6500 }, soldInUS: true }, destinations: ['CN'], status: 'case-by-case' },
  ], { effective: '2026-01-15' }),
];

export function rawDataset(over: { chips?: unknown[]; events?: unknown[]; sources?: unknown[]; meta?: Record<string, unknown> } = {}) {
  return {
    meta: { schemaVersion: 1, version: '2026.11.29', asOf: '2026-11-29', checkedThrough: '2026-11-20', disclaimer: { en: 'Not legal advice.', zh: '非法律意见。' }, ...over.meta },
    sources: over.sources ?? [{ id: 'src', title: 'A source', publisher: 'Pub', date: '2025-01-01', url: 'https://example.org/a', reliability: 'primary' }],
    destinations: [
      { id: 'CN', name: { en: 'China', zh: '中国' }, covers: ['CN', 'HK', 'MO'] },
      { id: 'AE', name: { en: 'UAE', zh: '阿联酋' }, covers: ['AE'] },
      { id: 'SA', name: { en: 'Saudi Arabia', zh: '沙特' }, covers: ['SA'] },
      { id: 'OTHER', name: { en: 'Other', zh: '其他' } },
    ],
    chips: over.chips ?? CHIPS,
    events: over.events ?? EVENTS,
  };
}

/** The fixture, validated (throws with zod's message if a test builds an invalid one). */
export function fixtureDataset(over: Parameters<typeof rawDataset>[0] = {}): DatasetType {
  return Dataset.parse(rawDataset(over));
}
