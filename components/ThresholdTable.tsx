// "Why controlled": a chip's figures against one 3A090 regime, and each test's outcome in words.
// A plain function, not a component, so the card's glossary meets its terms in reading order.
import type { ThresholdView } from '../rules/card-model';
import type { CardWords } from '../rules/card-words';
import type { Glosser } from './glossed';

function outcome(met: boolean | null, w: CardWords): { word: string; cls: string } {
  if (met === null) return { word: w.unknown, cls: 'unknown' };
  return met ? { word: w.met, cls: 'met' } : { word: w.notMet, cls: 'not-met' };
}

export function thresholdTable(view: ThresholdView, w: CardWords, gl: Glosser) {
  return (
    <div class="cl-threshold" key={view.regimeLabel}>
      <p class="cl-regime">
        <strong>{gl(view.regimeLabel)}</strong>: <code>{view.classification}</code>
      </p>
      {view.explanation && <p class="cl-explanation">{gl(view.explanation)}</p>}
      <table class="cl-table">
        <thead>
          <tr>
            <th scope="col">{w.spec}</th>
            <th scope="col">{w.value}</th>
          </tr>
        </thead>
        <tbody>
          {view.specs.map((spec) => (
            <tr key={spec.label}>
              <th scope="row">{gl(spec.label)}</th>
              <td>
                {spec.unknown ? <em>{w.unknown}</em> : spec.value}
                {spec.derived && !spec.unknown && <span class="cl-tag cl-derived"> ({w.derived})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.tests.length > 0 && (
        <ul class="cl-tests">
          {view.tests.map((t) => {
            const o = outcome(t.met, w);
            return (
              <li key={t.label} data-met={String(t.met)}>
                <span>{gl(t.label)}</span> <span class={`cl-test cl-test--${o.cls}`}>{o.word}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
