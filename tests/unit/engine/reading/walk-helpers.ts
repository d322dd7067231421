// What the walk tests share: running a walk to its end, and what its runs name, node by node.
import type { Matcher } from '../../../../matching/matcher';
import { nodeIndexAt } from '../../../../engine/reading/text-offsets';
import type { TextRun } from '../../../../engine/reading/text-runs';

export function collect(gen: Generator<TextRun, boolean>): TextRun[] {
  const out: TextRun[] = [];
  for (let step = gen.next(); !step.done; step = gen.next()) out.push(step.value);
  return out;
}

/** Every name found in the runs, as "node path:offset–node path:offset chip" strings. */
export const mentionsOf = (matcher: Matcher) => (runs: TextRun[]): string[] => {
  const path = (n: Node) => {
    const steps: number[] = [];
    for (let c: Node | null = n; c?.parentNode; c = c.parentNode) steps.unshift([...c.parentNode.childNodes].indexOf(c as ChildNode));
    return steps.join('.');
  };
  return runs
    .flatMap((run) =>
      matcher.scan(run.text).map((m) => {
        const [a, b] = [nodeIndexAt(run.starts, m.start, 'start'), nodeIndexAt(run.starts, m.end, 'end')];
        return `${path(run.nodes[a]!)}:${m.start - run.starts[a]!}–${path(run.nodes[b]!)}:${m.end - run.starts[b]!} ${m.chipId}`;
      }),
    )
    .sort();
};
