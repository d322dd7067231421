// Lists the project's own source files for the meta-tests (never node_modules or build output).
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '../../..');

/** Files under `dirs` (relative to the repo root) whose names match `pattern`, as repo paths. */
export function sourceFiles(dirs: string[], pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return; // a folder that does not exist (yet) holds no files
    }
    for (const name of names) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) found.push(relative(ROOT, path));
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return found.sort();
}
