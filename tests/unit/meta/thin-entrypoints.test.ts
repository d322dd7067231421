// Entrypoints read like a table of contents: they wire modules and hold no logic
// (docs/architecture.md). A long entrypoint is logic that belongs in its own module.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

const MAX_LINES = 80;
/** The files WXT starts from: entrypoints/<name>.ts, <name>/index.ts and <name>/main.tsx. */
const ENTRY = /^entrypoints\/(?:[^/]+\.tsx?|[^/]+\/(?:index|main)\.tsx?)$/;

it(`every entrypoint is under ${MAX_LINES} lines`, () => {
  const entries = sourceFiles(['entrypoints'], /\.tsx?$/).filter((file) => ENTRY.test(file.replaceAll('\\', '/')));
  expect(entries).toContain('entrypoints/background.ts');
  const long = entries
    .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').trimEnd().split('\n').length }))
    .filter(({ lines }) => lines > MAX_LINES)
    .map(({ file, lines }) => `${file}: ${lines} lines`);
  expect(long).toEqual([]);
});
