// One chip, most important first. The first screen answers for the reader's destination of
// interest: the status (then and now, when the page gave its date), since when, and the event that
// set it. Then one expandable line each: conditions, events, things to watch, other destinations,
// why controlled (in words, with the figures), and where the data comes from. Every word arrives
// in the CardModel (built in the background); parts are plain functions called in reading order,
// so the glossary explains each term where it first appears.
import type { ComponentChildren } from 'preact';
import type { ConfidenceView, DestinationStatusView } from '../rules/card-model';
import type { CardWithChange } from '../rules/changes';
import type { CardWords } from '../rules/card-words';
import { EventLine, EventList } from './EventList';
import { glosser, type Glosser } from './glossed';
import { StatusBadge } from './StatusBadge';
import { thresholdTable } from './ThresholdTable';

/** How sure the data is: the level in a line, the long note one click away to keep the card short. */
function confidenceNote(c: ConfidenceView) {
  if (!c.note) return <p class="cl-confidence">{c.label}</p>;
  return (
    <details class="cl-confidence">
      <summary>{c.label}</summary>
      <p>{c.note}</p>
    </details>
  );
}

/** One line that opens: "Conditions (2)". */
function more(cls: string, title: ComponentChildren, body: ComponentChildren) {
  return (
    <details class={`cl-more ${cls}`}>
      <summary class="cl-subhead">{title}</summary>
      {body}
    </details>
  );
}

const counted = (title: string, n: number) => `${title} (${n})`;

/** Another destination: one line (name, status, since) that opens on its conditions and events. */
function otherDestination(d: DestinationStatusView, w: CardWords, gl: Glosser) {
  return (
    <li key={d.destinationId}>
      <details class="cl-dest" data-destination={d.destinationId}>
        <summary>
          <span class="cl-dest-name">{gl(d.destinationName)}</span> <StatusBadge status={d.status} label={gl(d.statusLabel)} />{' '}
          <span class="cl-since">{d.since ? `${w.since} ${d.since}` : w.noRuleYet}</span>
        </summary>
        <div class="cl-dest-body">
          {d.confidence && confidenceNote(d.confidence)}
          {d.conditions.length > 0 && (
            <ul class="cl-conditions" aria-label={w.conditions}>
              {d.conditions.map((c) => (
                <li key={c}>{gl(c)}</li>
              ))}
            </ul>
          )}
          {d.events.length > 0 ? <EventList events={d.events} w={w} /> : <p class="cl-muted">{w.noEvents}</p>}
        </div>
      </details>
    </li>
  );
}

export function ChipCard({ model }: { model: CardWithChange }) {
  const w = model.words;
  const gl = glosser(model.glossary);
  const { lead, reach } = model;
  const f = model.destinations.find((d) => d.destinationId === model.focus) ?? model.destinations[0];
  const others = model.destinations.filter((d) => d !== f);
  const setter = f?.events[0];
  const change = f && model.change?.destinationId === f.destinationId ? model.change : undefined;
  return (
    <article
      class="cl-card"
      data-chip-id={model.chipId}
      data-status-now={lead.statusNow}
      data-then-date={lead.thenDate}
      data-status-then={lead.statusThen}
      data-changed-from={change?.was}
      lang={w.htmlLang}
      aria-label={model.name}
    >
      <header class="cl-header">
        <h2 class="cl-name">{model.name}</h2>
        <p class="cl-meta">
          {model.vendor} · {model.architecture}
          {model.chinaSpecific && <span class="cl-chip-tag">{w.chinaSpecific}</span>}
          {model.availability !== 'shipping' && <span class="cl-chip-tag">{w.availability[model.availability]}</span>}
        </p>
      </header>
      {f && (
        <section class={`cl-dest cl-dest--primary${change ? ' cl-dest--changed' : ''}`} data-destination={f.destinationId}>
          <h3 class="cl-dest-head">
            <span class="cl-dest-name">{gl(f.destinationName)}</span> <StatusBadge status={f.status} label={gl(f.statusLabel)} />
            {change && <span class="cl-changed-tag">{w.changedTag}</span>}
          </h3>
          {/* What changed since the reader last opened this card (after a data update), before all else. */}
          {change && <p class="cl-changed">{gl(change.line)}</p>}
          <p class="cl-lead">
            {lead.then && <span class="cl-then">{gl(lead.then)} </span>}
            <span class="cl-now">{gl(lead.now)}</span>
          </p>
          {f.confidence && confidenceNote(f.confidence)}
          {setter ? (
            <p class="cl-set-by">
              {w.setBy}: <EventLine e={setter} w={w} />
            </p>
          ) : (
            <p class="cl-muted">{w.noEvents}</p>
          )}
        </section>
      )}
      {f &&
        f.conditions.length > 0 &&
        more(
          'cl-conds',
          counted(w.conditions, f.conditions.length),
          <ul class="cl-conditions">
            {f.conditions.map((c) => (
              <li key={c}>{gl(c)}</li>
            ))}
          </ul>,
        )}
      {/* One event is already on the first screen ("Set by"); the list is for the run behind it. */}
      {f && f.events.length > 1 && more('cl-history', counted(w.events, f.events.length), <EventList events={f.events} w={w} />)}
      {f && f.watch.length > 0 && more('cl-watch', counted(w.watch, f.watch.length), <EventList events={f.watch} w={w} />)}
      {others.length > 0 && more('cl-others', counted(w.otherDestinations, others.length), <ul>{others.map((d) => otherDestination(d, w, gl))}</ul>)}
      {model.thresholds.length > 0 && (
        <details class="cl-why">
          <summary>
            {w.whyControlled}: {gl(reach.short)}
          </summary>
          {reach.detail && <p class="cl-explanation">{gl(reach.detail)}</p>}
          {model.thresholds.map((t) => thresholdTable(t, w, gl))}
        </details>
      )}
      {model.summary && <p class="cl-summary">{model.summary}</p>}
      {model.confidence && confidenceNote(model.confidence)}
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
