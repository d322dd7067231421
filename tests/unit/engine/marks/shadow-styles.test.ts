// @vitest-environment happy-dom
// The marks' style in shadow roots: adopted once per root, all roots met in one task together
// (each adoption invalidates the page's style, and reading checks style between roots).
import { expect, test } from 'vitest';
import { createShadowStyles } from '../../../../engine/marks/shadow-styles';

const hosts = (n: number) =>
  Array.from({ length: n }, () => {
    const host = document.createElement('div');
    document.body.append(host);
    return host.attachShadow({ mode: 'open' });
  });

test('roots met in one task get the sheet together when the task ends, each once', async () => {
  const styles = createShadowStyles();
  const roots = hosts(3);
  for (const root of roots) styles.adopt(root);
  styles.adopt(roots[0]!);
  // Not yet: the reading that met them may still check what is hidden.
  expect(roots.map((r) => r.adoptedStyleSheets.length)).toEqual([0, 0, 0]);
  await Promise.resolve();
  // One sheet (the marks' rule; vitest loads CSS as empty text), the same in every root.
  expect(roots.map((r) => r.adoptedStyleSheets.length)).toEqual([1, 1, 1]);
  expect(new Set(roots.map((r) => r.adoptedStyleSheets[0])).size).toBe(1);
  expect(styles.roots()).toEqual(roots);
});

test("a root keeps its own sheets; switching off takes only ChipLens's back out, also before they were adopted", async () => {
  const styles = createShadowStyles();
  const [own, early] = hosts(2);
  const page = new CSSStyleSheet();
  own!.adoptedStyleSheets = [page];
  styles.adopt(own!);
  await Promise.resolve();
  expect(own!.adoptedStyleSheets.length).toBe(2);
  styles.adopt(early!);
  styles.release();
  await Promise.resolve();
  expect(own!.adoptedStyleSheets).toEqual([page]);
  expect(early!.adoptedStyleSheets).toEqual([]);
  expect(styles.roots()).toEqual([]);
});

test('roots whose host left the page are forgotten; met again, they are not given the sheet twice', async () => {
  const styles = createShadowStyles();
  const [kept, gone] = hosts(2);
  styles.adopt(kept!);
  styles.adopt(gone!);
  await Promise.resolve();
  gone!.host.remove();
  expect(styles.roots()).toEqual([kept]);
  styles.prune();
  document.body.append(gone!.host);
  styles.adopt(gone!);
  await Promise.resolve();
  expect(gone!.adoptedStyleSheets.length).toBe(1);
  expect(styles.roots()).toEqual([kept, gone]);
});
