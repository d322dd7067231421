// Events, one line each: date, kind, title, then their sources, each with its grade.
import { Fragment } from 'preact';
import type { EventView } from '../rules/card-model';
import type { CardWords } from '../rules/card-words';
import { SourceLink } from './SourceLink';

/** "2025-04" for month-precision dates, the full day otherwise. */
function shownDate(date: string, precision: 'day' | 'month'): string {
  return precision === 'month' ? date.slice(0, 7) : date;
}

/** One event: date, kind, title, whether in force, how sure, and its graded sources. */
export function EventLine({ e, w }: { e: EventView; w: CardWords }) {
  return (
    <>
      <time class="cl-date" dateTime={e.date}>
        {shownDate(e.date, e.datePrecision)}
      </time>{' '}
      <span class={`cl-kind cl-kind--${e.kind}`}>{e.kindLabel}</span>{' '}
      <span class="cl-event-title" title={e.summary}>
        {e.title}
      </span>
      {!e.inForce && <span class="cl-tag"> ({w.notInForce})</span>}
      {e.confidence && (
        <span class="cl-confidence" title={e.confidence.note}>
          {' '}
          · {e.confidence.label}
        </span>
      )}
      {e.sources.length > 0 && (
        <span class="cl-sources">
          {' '}
          {e.sources.map((src, i) => (
            <Fragment key={`${i}:${src.url}`}>
              {i > 0 && ', '}
              <SourceLink source={src} />
              <span class={`cl-grade cl-grade--${src.reliability}`} title={w.sourceGrades}>
                {' '}
                ({w.reliability[src.reliability]})
              </span>
            </Fragment>
          ))}
        </span>
      )}
    </>
  );
}

export function EventList({ events, w }: { events: EventView[]; w: CardWords }) {
  return (
    <ul class="cl-events">
      {events.map((e) => (
        <li key={e.id} class="cl-event" data-event-id={e.id}>
          <EventLine e={e} w={w} />
        </li>
      ))}
    </ul>
  );
}
