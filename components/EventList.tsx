// Events, one line each: date, kind, title, then their sources.
import { Fragment } from 'preact';
import type { EventView } from '../rules/card-model';
import { SourceLink } from './SourceLink';
import type { UiStrings } from './ui-strings';

/** "2025-04" for month-precision dates, the full day otherwise. */
export function shownDate(date: string, precision: 'day' | 'month'): string {
  return precision === 'month' ? date.slice(0, 7) : date;
}

export function EventList({ events, s }: { events: EventView[]; s: UiStrings }) {
  return (
    <ul class="cl-events">
      {events.map((e) => (
        <li key={e.id} class="cl-event" data-event-id={e.id}>
          <time class="cl-date" dateTime={e.date}>
            {shownDate(e.date, e.datePrecision)}
          </time>{' '}
          <span class={`cl-kind cl-kind--${e.kind}`}>{e.kindLabel}</span>{' '}
          <span class="cl-event-title" title={e.summary}>
            {e.title}
          </span>
          {!e.inForce && <span class="cl-tag"> ({s.notInForce})</span>}
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
                </Fragment>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
