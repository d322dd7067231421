// The names every benchmark looks for, and the one plain regex that mark.js, the floor and the
// least extension (bench-least/) run. No browser here: the least extension's build config imports it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every name and alias in the dataset, once each. */
export function chipNames(repo = '.'): string[] {
  const chips = JSON.parse(readFileSync(join(repo, 'rules/data/chips.json'), 'utf8')) as { names: string[] }[];
  return [...new Set(chips.flatMap((c) => c.names))].sort();
}

/** One regex of every name, longest first, not inside a longer word (H20 must not match H200). */
export function namesPattern(names: string[]): string {
  const escaped = [...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?<![A-Za-z0-9])(?:${escaped.join('|')})(?![A-Za-z0-9])`;
}
