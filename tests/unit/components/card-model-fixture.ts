// A hand-made CardModel for component tests: China denied, UAE licensed with conditions, one
// source with an http URL and one with a javascript: URL that must never become links.
import type { CardModel, EventView } from '../../../rules/card-model';
import { cardWords, glossary } from '../../../rules/card-words';

const rule: EventView = {
  id: 'bis-2025-04-h20-licence',
  date: '2025-04-15',
  datePrecision: 'day',
  kind: 'rule',
  kindLabel: 'Rule',
  title: 'BIS informs NVIDIA that H20 exports to China need a licence',
  summary: 'Is-informed letter.',
  inForce: true,
  sources: [
    { title: 'NVIDIA 8-K', publisher: 'SEC', date: '2025-04-15', url: 'https://www.sec.gov/nvidia-8k', reliability: 'primary' },
    { title: 'Plain http copy', publisher: 'Mirror', date: '2025-04-16', url: 'http://mirror.example/8k', reliability: 'weak' },
  ],
};

const bill: EventView = {
  id: 'gain-act-2025',
  date: '2025-07',
  datePrecision: 'month',
  kind: 'bill',
  kindLabel: 'Bill',
  title: 'GAIN AI Act introduced',
  summary: 'Would give US buyers first call.',
  inForce: false,
  sources: [{ title: 'Evil', publisher: 'Evil link', date: '2025-07-01', url: 'javascript:alert(1)', reliability: 'weak' }],
  confidence: { level: 'reported', label: 'Reported, not confirmed' },
};

export function cardModelFixture(overrides: Partial<CardModel> = {}): CardModel {
  return {
    chipId: 'nvidia-h20',
    name: 'H20',
    vendor: 'NVIDIA',
    architecture: 'Hopper',
    summary: 'A Hopper GPU cut down for the China market.',
    chinaSpecific: true,
    availability: 'shipping',
    lang: 'en',
    date: '2026-11-29',
    destinations: [
      {
        destinationId: 'AE',
        destinationName: 'UAE',
        status: 'licensed',
        statusLabel: 'Licence required; granted with conditions',
        since: '2025-05-13',
        checked: '2026-11-20',
        conditions: ['End-user audits'],
        events: [],
        watch: [],
      },
      {
        destinationId: 'CN',
        destinationName: 'China',
        status: 'denied',
        statusLabel: 'Licence required; presumption of denial',
        since: '2025-04-15',
        checked: '2026-11-20',
        conditions: ['Covers Hong Kong and Macau'],
        events: [rule],
        watch: [bill],
      },
      {
        destinationId: 'OTHER',
        destinationName: 'Other destinations',
        status: 'not-controlled',
        statusLabel: 'No licence needed',
        since: null,
        checked: null,
        conditions: [],
        events: [],
        watch: [],
      },
    ],
    thresholds: [
      {
        regimeLabel: 'ECCN 3A090 (Oct 2023 rule)',
        classification: 'not-3A090',
        explanation: 'Below the TPP threshold.',
        specs: [
          { label: 'TPP', value: '2,368', derived: true, unknown: false },
          { label: 'Die area', value: '', derived: false, unknown: true },
        ],
        tests: [
          { label: 'TPP ≥ 4,800', met: false },
          { label: 'TPP ≥ 1,600 and PD ≥ 5.92', met: true },
          { label: 'PD ≥ 3.2', met: null },
        ],
      },
    ],
    asOf: '2026-11-29',
    checkedThrough: '2026-11-20',
    freshness: 'Sources checked through 2026-11-20 · data version 2026.11.29',
    datasetVersion: '2026.11.29',
    disclaimer: 'Information, not legal advice.',
    focus: 'CN',
    lead: { destinationId: 'CN', statusNow: 'denied', now: 'Now: licence required, none granted, since 15 Apr 2025.' },
    reach: {
      short: 'below the 3A090 line; a licence is needed for China under the April 2025 bandwidth letters',
      detail: 'The April 2025 bandwidth line reaches it: DRAM 4,000 GB/s, against DRAM ≥ 1,400 GB/s.',
    },
    words: cardWords(overrides.lang ?? 'en'),
    glossary: glossary(overrides.lang ?? 'en'),
    ...overrides,
  };
}
