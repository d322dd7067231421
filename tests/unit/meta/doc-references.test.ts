// Every citation of a document section in the repository points at a section that exists: a
// comment sending a reader to a README heading that was renamed or moved is a dead end.
//
// A citation is README or a docs/….md path followed by a section, in one of these shapes:
//   README, "Section"      docs/x.md "Section"      docs/x.md: “Section”      README, *Section*
//   (README, Section)      (docs/x.md: Section)     — unquoted only inside parentheses
// and may run over several comment lines. The document must exist and hold a heading with that
// text, or a bold lead-in: a paragraph or list item that opens with **Section.** (docs/decisions.md
// is written that way). Comparison ignores case, `code` and *emphasis* marks, curly quotes, a
// trailing period or colon, and a heading's trailing "(…)". A bare path (docs/x.md) must exist.
// Scanned: source, scripts, tests, configs, HTML and Markdown (the docs cite each other too).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './source-files';

const SCANNED = /\.(ts|tsx|js|mjs|cjs|css|html|sh|md)$/;
const THIS_FILE = 'tests/unit/meta/doc-references.test.ts';

const DOC = String.raw`(README(?:\.md)?|docs/[\w./-]+\.md)`;
// DOC, then an optional comma or colon, then a section in "…", “…” or *…* (quotes may be escaped).
const QUOTED = new RegExp(
  DOC + String.raw`[,:]?[ \t]+(?:\\?"([^"\\\n]+)\\?"|“([^”\n]+)”|\*([^*\n]+)\*)`,
  'g',
);
// (DOC, Section) or (DOC: Section), the section unquoted, up to the closing parenthesis.
const BARE = new RegExp(String.raw`\(` + DOC + String.raw`[,:][ \t]+([^)"“*\\\n][^)\n]*)\)`, 'g');
const PATH = /\bdocs\/[\w./-]+\.md\b/g;

export interface Citation {
  file: string;
  line: number;
  doc: string;
  section?: string;
}

/** The text with each line break, its indent and a leading comment mark (// * # >) as one space. */
function joinLines(text: string): { joined: string; lineAt: (index: number) => number } {
  const breaks = /\r?\n[ \t]*(?:\/\/+|\*(?!\/)|#+(?=[ \t])|>)?[ \t]*/g;
  let joined = '';
  const starts: Array<[joinedAt: number, line: number]> = [[0, 1]];
  let last = 0;
  let line = 1;
  for (const m of text.matchAll(breaks)) {
    joined += text.slice(last, m.index) + ' ';
    line += 1;
    starts.push([joined.length, line]);
    last = m.index + m[0].length;
  }
  joined += text.slice(last);
  const lineAt = (index: number): number => {
    let found = 1;
    for (const [at, l] of starts) {
      if (at > index) break;
      found = l;
    }
    return found;
  };
  return { joined, lineAt };
}

export function citationsIn(file: string, text: string): Citation[] {
  const { joined, lineAt } = joinLines(text);
  const found: Citation[] = [];
  const docName = (raw: string): string => (raw.startsWith('README') ? 'README.md' : raw);
  for (const m of joined.matchAll(QUOTED)) {
    found.push({ file, line: lineAt(m.index), doc: docName(m[1]!), section: m[2] ?? m[3] ?? m[4] });
  }
  for (const m of joined.matchAll(BARE)) {
    found.push({ file, line: lineAt(m.index), doc: docName(m[1]!), section: m[2] });
  }
  for (const m of joined.matchAll(PATH)) {
    if (!found.some((c) => c.doc === m[0] && c.line === lineAt(m.index))) {
      found.push({ file, line: lineAt(m.index), doc: m[0] });
    }
  }
  return found;
}

const normal = (s: string): string =>
  s
    .replace(/[`*]/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.:]$/, '')
    .toLowerCase();

/** The sections of a Markdown text: its headings (also without a trailing "(…)") and bold lead-ins. */
export function sectionsOf(markdown: string): Set<string> {
  const sections = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) {
      sections.add(normal(heading[1]));
      sections.add(normal(heading[1].replace(/\s*\([^)]*\)\s*$/, '')));
      continue;
    }
    const lead = /^\s*(?:[-*+]\s+|\d+\.\s+)?\*\*(.+?)\*\*/.exec(line);
    if (lead?.[1]) sections.add(normal(lead[1]));
  }
  return sections;
}

/** One line per citation whose document or section does not exist. */
export function brokenCitations(citations: Citation[], read: (doc: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const c of citations) {
    const text = read(c.doc);
    const where = `${c.file}:${c.line}`;
    if (text === undefined) problems.push(`${where}: ${c.doc} does not exist`);
    else if (c.section !== undefined && !sectionsOf(text).has(normal(c.section))) {
      problems.push(`${where}: ${c.doc} has no section "${c.section}"`);
    }
  }
  return problems;
}

const readDoc = (doc: string): string | undefined => {
  const path = join(ROOT, doc);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

describe('citations of document sections', () => {
  it('point at documents and sections that exist', () => {
    const files = [...sourceFiles(['.'], SCANNED), '.ci/run'].filter(
      (f) => f !== THIS_FILE && existsSync(join(ROOT, f)),
    );
    const citations = files.flatMap((f) => citationsIn(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(citations.length).toBeGreaterThan(10); // the scan finds the citations it is meant to
    expect(brokenCitations(citations, readDoc)).toEqual([]);
  });

  it('reads the shapes a citation takes, across comment lines', () => {
    const source = [
      '// see (README, "Install") and docs/x.md "Two',
      ' * words") and (docs/y.md: Bare words) and README, *Stars*',
      "writeFileSync('docs/z.md', text); // a path only",
    ].join('\n');
    expect(citationsIn('a.ts', source)).toEqual([
      { file: 'a.ts', line: 1, doc: 'README.md', section: 'Install' },
      { file: 'a.ts', line: 1, doc: 'docs/x.md', section: 'Two words' },
      { file: 'a.ts', line: 2, doc: 'README.md', section: 'Stars' },
      { file: 'a.ts', line: 2, doc: 'docs/y.md', section: 'Bare words' },
      { file: 'a.ts', line: 3, doc: 'docs/z.md' },
    ]);
  });

  it('reports a section that is missing and a document that is missing', () => {
    const docs: Record<string, string> = {
      'README.md': '# ChipLens\n## Install\n```\n## not a heading\n```\n- **Lead in.** text\n',
    };
    const cite = (doc: string, section?: string): Citation => ({ file: 'a.ts', line: 1, doc, section });
    expect(
      brokenCitations(
        [cite('README.md', 'install'), cite('README.md', 'Lead in'), cite('README.md', 'Not a heading'), cite('docs/gone.md')],
        (d) => docs[d],
      ),
    ).toEqual(['a.ts:1: README.md has no section "Not a heading"', 'a.ts:1: docs/gone.md does not exist']);
  });
});
