// Finds chips by any name, alias or id the way people type them: any case, with or without
// spaces and hyphens, full-width characters, a vendor in front ("Nvidia H20", "英伟达的H20",
// "AMD Instinct MI308X") or a generic word after ("H20芯片", "H200 GPU").
import { nameKey } from './name-key';
import { GENERIC_WORDS, LINE_WORDS, VENDOR_WORDS } from './matcher-words';
import type { Chip, Dataset } from '../rules/schema';

// Words that may stand before a name (vendors and product lines, English and Chinese) or after it.
const PREFIXES = [...VENDOR_WORDS, ...LINE_WORDS];
// Each is tried on its own, so a plural or possessive ("H20 chips", "H20s", "H20's") needs no
// special case; a form only counts if it is some chip's name.
const SUFFIXES = [...GENERIC_WORDS, "'s", '’s', 's'];

function stripped(q: string, prefixes: string[]): string[] {
  const forms = [q];
  let cur = q;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prefixes) {
      if (cur.startsWith(p) && cur.length > p.length) {
        cur = cur.slice(p.length).replace(/^(?:['’]s|的)/, '');
        forms.push(cur);
        changed = true;
      }
    }
  }
  for (const f of [...forms]) {
    for (const s of SUFFIXES) if (f.endsWith(s) && f.length > s.length + 1) forms.push(f.slice(0, -s.length));
  }
  return forms;
}

/** Every normalised key a chip answers to: its names, its id, and its vendor + name. */
function keysOf(chip: Chip): string[] {
  const vendor = nameKey(chip.vendor);
  return [...new Set([chip.id, ...chip.names, ...chip.names.map((n) => `${vendor}${nameKey(n)}`)].map(nameKey))];
}

function prefixesFor(dataset: Dataset): string[] {
  return [...new Set([...PREFIXES, ...dataset.chips.map((c) => nameKey(c.vendor))])];
}

export function findChip(dataset: Dataset, query: string): Chip | null {
  const q = nameKey(query);
  if (!q) return null;
  const owner = new Map<string, Chip>();
  for (const chip of dataset.chips) for (const k of keysOf(chip)) if (!owner.has(k)) owner.set(k, chip);
  const forms = stripped(q, prefixesFor(dataset));
  for (const form of forms) {
    const chip = owner.get(form);
    if (chip) return chip;
  }
  // A series written without its letter ("MI350" for MI350X, "MI325" in AMD's filings for
  // MI325X, "B30" for B30A): the one chip whose name is the query plus one letter. Where the
  // letter tells chips apart ("Ascend 910": 910B, 910C, 910D), nothing; closeNames lists them.
  for (const form of forms) {
    if (!/[0-9]$/.test(form)) continue;
    const found = new Set<Chip>();
    for (const [key, chip] of owner) if (key.length === form.length + 1 && key.startsWith(form) && /[a-z]$/.test(key)) found.add(chip);
    if (found.size === 1) return [...found][0] as Chip;
    if (found.size > 1) return null;
  }
  return null;
}

/** Suggestions for a search box: exact, then prefix, then substring matches, in dataset order. */
export function searchChips(dataset: Dataset, query: string, limit = 8): Chip[] {
  const forms = stripped(nameKey(query), prefixesFor(dataset)).filter(Boolean);
  if (forms.length === 0) return [];
  const scored = dataset.chips
    .map((chip, order) => {
      const keys = keysOf(chip);
      const score = Math.min(
        ...forms.map((f) => (keys.includes(f) ? 0 : keys.some((k) => k.startsWith(f)) ? 1 : keys.some((k) => k.includes(f)) ? 2 : 3)),
      );
      return { chip, order, score };
    })
    .filter((s) => s.score < 3)
    .sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.chip);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** Names close to a query that found nothing ("H21" → H20, H200…), for "did you mean". */
export function closeNames(dataset: Dataset, query: string, limit = 5): string[] {
  const found = searchChips(dataset, query, limit).map((c) => c.name);
  if (found.length > 0) return found;
  const q = stripped(nameKey(query), prefixesFor(dataset)).at(-1) ?? '';
  return dataset.chips
    .flatMap((c) => c.names.map((name) => ({ name, d: editDistance(q, nameKey(name)) })))
    .filter((x) => x.d <= Math.max(1, Math.floor(q.length / 2)))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.name)
    .filter((n, i, arr) => arr.indexOf(n) === i)
    .slice(0, limit);
}
