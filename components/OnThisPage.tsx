// The chips marked in the current tab, most mentioned first, each with its status toward the
// reader's destination of interest (a badge whose words carry the meaning) and its count. Each
// entry carries data-chip-id, data-count and data-status (tests read them); picking one shows its card.
import type { TabInfo } from '../utils/messages/messages';
import type { PageStrings } from './page-strings';
import { StatusBadge } from './StatusBadge';

export function OnThisPage({ s, mentions, focusName, onPick }: {
  s: PageStrings;
  mentions: TabInfo['mentions'];
  /** The destination of interest's name, once known. */
  focusName?: string | null;
  onPick: (chipId: string) => void;
}) {
  return (
    <section class="cl-on-page">
      <h2 class="cl-section-head">{s.onThisPage}</h2>
      {mentions.length === 0 ? (
        <p class="cl-muted">{s.nothingOnPage}</p>
      ) : (
        <>
          {focusName && <p class="cl-muted cl-focus-line">{s.statusFor(focusName)}</p>}
          <ul class="cl-mentions cl-mentions--rows">
            {mentions.map((m) => (
              <li key={m.chipId} data-chip-id={m.chipId} data-count={String(m.count)} data-status={m.status}>
                <button type="button" class="cl-mention" onClick={() => onPick(m.chipId)}>
                  <span class="cl-mention-name">{m.name}</span> <StatusBadge status={m.status} label={s.statusShort[m.status]} />{' '}
                  <span class="cl-count">{s.marks(m.count)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
