// Cross-record checks zod cannot express alone: ids that exist and are unique, one owner per
// name, https sources, events in date order, and specs that agree with the recorded 3A090
// classification. Messages name the file, the record and the field, like rules/dataset.ts.
import { DATA_FILES } from './dataset';
import { nameKey } from '../matching/name-key';
import type { Dataset, Regime } from './schema';
import { classify, figuresOf } from './thresholds';

type Key = keyof typeof DATA_FILES;
const NOUN = { sources: 'source', destinations: 'destination', chips: 'chip', events: 'event' } as const;

const at = (key: Exclude<Key, 'meta'>, id: string, field: string): string => `${DATA_FILES[key]}: ${NOUN[key]} "${id}" › ${field}`;

function duplicateIds(key: Exclude<Key, 'meta'>, ids: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(`${DATA_FILES[key]}: ${NOUN[key]} #${i + 1}: id "${id}" is used twice`);
    seen.add(id);
  });
  return out;
}

export function checkIntegrity(dataset: Dataset): string[] {
  const problems: string[] = [
    ...duplicateIds('sources', dataset.sources.map((s) => s.id)),
    ...duplicateIds('destinations', dataset.destinations.map((d) => d.id)),
    ...duplicateIds('chips', dataset.chips.map((c) => c.id)),
    ...duplicateIds('events', dataset.events.map((e) => e.id)),
  ];
  const sourceIds = new Set(dataset.sources.map((s) => s.id));
  const chipIds = new Set(dataset.chips.map((c) => c.id));
  const destinationIds = new Set(dataset.destinations.map((d) => d.id));
  const needSource = (key: 'chips' | 'events', id: string, field: string, sid: string) => {
    if (!sourceIds.has(sid)) problems.push(`${at(key, id, field)}: unknown source id "${sid}"`);
  };

  const { checkedThrough } = dataset.meta;
  for (const s of dataset.sources) {
    if (!s.url.startsWith('https://')) problems.push(`${at('sources', s.id, 'url')}: must be an https:// link`);
    // Sources reach only as far as they were searched: a later one means checkedThrough is stale.
    if (checkedThrough && s.date > checkedThrough) problems.push(`${at('sources', s.id, 'date')}: ${s.date} is later than meta.checkedThrough (${checkedThrough})`);
  }
  for (const d of dataset.destinations) {
    for (const code of d.covers) {
      const other = dataset.destinations.find((o) => o !== d && (o.id === code || o.covers.includes(code)));
      if (other) problems.push(`${at('destinations', d.id, 'covers')}: "${code}" also belongs to destination "${other.id}"`);
    }
  }

  const nameOwner = new Map<string, string>();
  for (const chip of dataset.chips) {
    for (const name of chip.names) {
      const key = nameKey(name);
      const owner = nameOwner.get(key);
      if (owner && owner !== chip.id) problems.push(`${at('chips', chip.id, 'names')}: "${name}" is also a name of chip "${owner}"`);
      else nameOwner.set(key, chip.id);
    }
    for (const name of chip.needsContext) {
      if (!chip.names.includes(name)) problems.push(`${at('chips', chip.id, 'needsContext')}: "${name}" is not one of the chip's names`);
    }
    for (const [key, day] of Object.entries(chip.checked)) {
      if (key !== '*' && !destinationIds.has(key)) problems.push(`${at('chips', chip.id, `checked.${key}`)}: unknown destination id (use a destination id or "*")`);
      if (day > dataset.meta.asOf) problems.push(`${at('chips', chip.id, `checked.${key}`)}: ${day} is later than meta.asOf (${dataset.meta.asOf})`);
    }
    for (const rel of chip.related) {
      if (!chipIds.has(rel)) problems.push(`${at('chips', chip.id, 'related')}: unknown chip id "${rel}"`);
    }
    for (const [field, spec] of Object.entries(chip.specs)) {
      spec?.sources.forEach((sid, i) => needSource('chips', chip.id, `specs.${field}.sources.${i}`, sid));
    }
    for (const [regime, recorded] of Object.entries(chip.classification)) {
      if (!recorded) continue;
      recorded.sources.forEach((sid, i) => needSource('chips', chip.id, `classification.${regime}.sources.${i}`, sid));
      const computed = classify(regime as Regime, figuresOf(chip)).code;
      // Only known figures can contradict a record; 'unknown' either side decides nothing.
      if (computed !== 'unknown' && recorded.code !== 'unknown' && computed !== recorded.code) {
        problems.push(`${at('chips', chip.id, `classification.${regime}.code`)}: recorded "${recorded.code}" but the specs give "${computed}"`);
      }
    }
  }

  dataset.events.forEach((event, i) => {
    event.sources.forEach((sid, j) => needSource('events', event.id, `sources.${j}`, sid));
    event.effects.forEach((effect, j) => {
      const field = `effects.${j}`;
      effect.chips.ids?.forEach((cid) => {
        if (!chipIds.has(cid)) problems.push(`${at('events', event.id, `${field}.chips.ids`)}: unknown chip id "${cid}"`);
      });
      effect.chips.except?.forEach((cid) => {
        if (!chipIds.has(cid)) problems.push(`${at('events', event.id, `${field}.chips.except`)}: unknown chip id "${cid}"`);
      });
      effect.destinations.forEach((did) => {
        if (!destinationIds.has(did)) problems.push(`${at('events', event.id, `${field}.destinations`)}: unknown destination id "${did}"`);
      });
    });
    const prev = dataset.events[i - 1];
    if (prev && prev.date > event.date) {
      problems.push(`${at('events', event.id, 'date')}: ${event.date} comes after "${prev.id}" (${prev.date}); keep events sorted by date`);
    }
  });
  return problems;
}
