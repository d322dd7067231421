// Page and dataset text is never inserted as HTML anywhere in the extension (eslint bans it
// too; this test also covers files eslint is told to ignore).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

const HTML_SINKS = /\.(?:innerHTML|outerHTML)\s*[+]?=(?!=)|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write(?:ln)?\s*\(/;

it('no source file writes HTML strings into the DOM', () => {
  const files = sourceFiles(['entrypoints', 'components', 'rules', 'utils'], /\.(?:ts|tsx|js|mjs)$/);
  expect(files.length).toBeGreaterThan(0);
  const hits = files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (HTML_SINKS.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(hits).toEqual([]);
});
