// Everything ChipLens knows about one chip, compact: China expanded, other destinations one line
// each (expandable), why it is controlled, and where the data comes from.
import type { CardModel, ConfidenceView, DestinationStatusView } from '../rules/card-model';
import { EventList } from './EventList';
import { StatusBadge } from './StatusBadge';
import { ThresholdTable } from './ThresholdTable';
import { uiStrings, type UiStrings } from './ui-strings';

/** How sure the data is: the level in a line, the long note one click away to keep the card short. */
function ConfidenceNote({ c }: { c: ConfidenceView }) {
  if (!c.note) return <p class="cl-confidence">{c.label}</p>;
  return (
    <details class="cl-confidence">
      <summary>{c.label}</summary>
      <p>{c.note}</p>
    </details>
  );
}

function DestinationBody({ d, s }: { d: DestinationStatusView; s: UiStrings }) {
  return (
    <div class="cl-dest-body">
      {d.confidence && <ConfidenceNote c={d.confidence} />}
      {d.conditions.length > 0 && (
        <ul class="cl-conditions" aria-label={s.conditions}>
          {d.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {d.events.length > 0 ? <EventList events={d.events} s={s} /> : <p class="cl-muted">{s.noEvents}</p>}
      {d.watch.length > 0 && (
        <details class="cl-watch">
          <summary class="cl-subhead">
            {s.watch} ({d.watch.length})
          </summary>
          <EventList events={d.watch} s={s} />
        </details>
      )}
    </div>
  );
}

function StatusLine({ d, s }: { d: DestinationStatusView; s: UiStrings }) {
  return (
    <span class="cl-status-line">
      <span class="cl-dest-name">{d.destinationName}</span>
      <br />
      <StatusBadge status={d.status} label={d.statusLabel} />{' '}
      <span class="cl-since">{d.since ? `${s.since} ${d.since}` : s.noRuleYet}</span>
    </span>
  );
}

export function ChipCard({ model }: { model: CardModel }) {
  const s = uiStrings(model.lang);
  // China first even if a model arrives in another order.
  const dests = [...model.destinations].sort((a, b) => Number(b.destinationId === 'CN') - Number(a.destinationId === 'CN'));
  const [first, ...others] = dests;
  return (
    <article class="cl-card" data-chip-id={model.chipId} lang={model.lang === 'zh' ? 'zh-CN' : 'en'} aria-label={model.name}>
      <header class="cl-header">
        <h2 class="cl-name">{model.name}</h2>
        <p class="cl-meta">
          {model.vendor} · {model.architecture}
          {model.chinaSpecific && <span class="cl-chip-tag">{s.chinaSpecific}</span>}
          {model.availability !== 'shipping' && <span class="cl-chip-tag">{s.availability[model.availability]}</span>}
        </p>
      </header>
      {first && (
        <section class="cl-dest cl-dest--primary" data-destination={first.destinationId}>
          <h3 class="cl-dest-head">
            <StatusLine d={first} s={s} />
          </h3>
          <DestinationBody d={first} s={s} />
        </section>
      )}
      {others.map((d) => (
        <details key={d.destinationId} class="cl-dest" data-destination={d.destinationId}>
          <summary>
            <StatusLine d={d} s={s} />
          </summary>
          <DestinationBody d={d} s={s} />
        </details>
      ))}
      {model.thresholds.length > 0 && (
        <details class="cl-why">
          <summary>
            {/* The first view is the current 3A090 rule (Oct 2023); the others follow inside. */}
            {s.whyControlled}: {model.thresholds[0]!.classification}
          </summary>
          {model.thresholds.map((t) => (
            <ThresholdTable key={t.regimeLabel} view={t} s={s} />
          ))}
        </details>
      )}
      {model.summary && <p class="cl-summary">{model.summary}</p>}
      {model.confidence && <ConfidenceNote c={model.confidence} />}
      {model.stale && (
        <p class="cl-confidence" role="note">
          {model.stale}
        </p>
      )}
      <footer class="cl-footer">
        <span>{model.freshness}</span>
        <span class="cl-disclaimer">{model.disclaimer}</span>
      </footer>
    </article>
  );
}
