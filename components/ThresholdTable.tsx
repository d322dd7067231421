// "Why controlled": a chip's figures against one 3A090 regime, and each test's outcome in words.
import type { ThresholdView } from '../rules/card-model';
import type { UiStrings } from './ui-strings';

function outcome(met: boolean | null, s: UiStrings): { word: string; cls: string } {
  if (met === null) return { word: s.unknown, cls: 'unknown' };
  return met ? { word: s.met, cls: 'met' } : { word: s.notMet, cls: 'not-met' };
}

export function ThresholdTable({ view, s }: { view: ThresholdView; s: UiStrings }) {
  return (
    <div class="cl-threshold">
      <p class="cl-regime">
        <strong>{view.regimeLabel}</strong>: <code>{view.classification}</code>
      </p>
      {view.explanation && <p class="cl-explanation">{view.explanation}</p>}
      <table class="cl-table">
        <thead>
          <tr>
            <th scope="col">{s.spec}</th>
            <th scope="col">{s.value}</th>
          </tr>
        </thead>
        <tbody>
          {view.specs.map((spec) => (
            <tr key={spec.label}>
              <th scope="row">{spec.label}</th>
              <td>
                {spec.unknown ? <em>{s.unknown}</em> : spec.value}
                {spec.derived && !spec.unknown && <span class="cl-tag cl-derived"> ({s.derived})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.tests.length > 0 && (
        <ul class="cl-tests">
          {view.tests.map((t) => {
            const o = outcome(t.met, s);
            return (
              <li key={t.label} data-met={String(t.met)}>
                <span>{t.label}</span> <span class={`cl-test cl-test--${o.cls}`}>{o.word}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
