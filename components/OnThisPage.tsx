// The chips marked in the current tab, most mentioned first, each with its status toward the
// reader's destination of interest (a badge whose words carry the meaning) and its count. Each
// entry carries data-chip-id, data-count and data-status (tests read them); picking one shows its card.
// A chip whose status changed since the reader last opened its card is tagged (data-changed-from).
import { unseenChange, type SeenRecord } from '../rules/changes';
import type { TabInfo } from '../utils/messages/messages';
import type { UiWords } from '../rules/ui-words';
import { StatusBadge } from './StatusBadge';

export function OnThisPage({ s, mentions, focusName, seen, focusId, onPick }: {
  s: UiWords;
  mentions: TabInfo['mentions'];
  /** The destination of interest's name, once known. */
  focusName?: string | null;
  /** What the reader last saw of each chip, and the destination the statuses are toward: a chip
   * whose status changed since its card was last opened says so ("Changed, was Not allowed"). */
  seen?: SeenRecord | null;
  focusId?: string | null;
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
            {mentions.map((m) => {
              const was = seen && focusId ? unseenChange(seen[m.chipId], focusId, m.status) : null;
              return (
                <li key={m.chipId} data-chip-id={m.chipId} data-count={String(m.count)} data-status={m.status} data-changed-from={was ?? undefined}>
                  <button type="button" class={`cl-mention${was ? ' cl-mention--changed' : ''}`} onClick={() => onPick(m.chipId)}>
                    <span class="cl-mention-name">{m.name}</span> <StatusBadge status={m.status} label={s.statusShort[m.status]} />{' '}
                    {was && <><span class="cl-changed-from">{s.changedFrom(s.statusShort[was])}</span> </>}<span class="cl-count">{s.marks(m.count)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
