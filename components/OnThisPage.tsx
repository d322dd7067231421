// The chips marked in the current tab, most mentioned first. Each entry carries data-chip-id and
// data-count (tests and the popup read them); picking one shows its card.
import type { TabInfo } from '../utils/messages';
import type { PageStrings } from './page-strings';

export function OnThisPage({ s, mentions, onPick }: { s: PageStrings; mentions: TabInfo['mentions']; onPick: (chipId: string) => void }) {
  return (
    <section class="cl-on-page">
      <h2 class="cl-section-head">{s.onThisPage}</h2>
      {mentions.length === 0 ? (
        <p class="cl-muted">{s.nothingOnPage}</p>
      ) : (
        <ul class="cl-mentions">
          {mentions.map((m) => (
            <li key={m.chipId} data-chip-id={m.chipId} data-count={String(m.count)}>
              <button type="button" class="cl-mention" onClick={() => onPick(m.chipId)}>
                <span class="cl-mention-name">{m.name}</span> <span class="cl-count">{s.marks(m.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
