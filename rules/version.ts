// Dataset versions (meta.version: 2026.11.29, 2026.11.29-2), ordered. No dependencies: the
// update path, the CLI and the runnable check share it.

/** Orders dataset versions (2026.11.29 < 2026.11.29-2 < 2026.12.01): negative, 0 or positive. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.-]/).map(Number).concat([0]).slice(0, 4);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
