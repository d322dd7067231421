// Every chip in the dataset grouped by its status toward the destination of interest, most
// restricted first, folded away until the reader opens it. Picking a chip shows its card.
import type { StatusCode } from '../rules/schema';
import type { ChipStatus } from '../utils/messages/page-messages';
import type { UiWords } from '../rules/ui-words';
import { StatusBadge } from './StatusBadge';

/** The order the groups are listed in: what a reader most needs to know about first. */
const STATUS_ORDER: readonly StatusCode[] = ['denied', 'case-by-case', 'licensed', 'not-controlled', 'unknown'];

export function groupByStatus(chips: ChipStatus[]): { status: StatusCode; chips: ChipStatus[] }[] {
  return STATUS_ORDER.map((status) => ({ status, chips: chips.filter((c) => c.status === status) })).filter((g) => g.chips.length > 0);
}

export function ChipBrowser({ s, chips, focusName, onPick, onSettings }: {
  s: UiWords;
  chips: ChipStatus[];
  focusName: string | null;
  onPick: (chipId: string) => void;
  onSettings: () => void;
}) {
  if (chips.length === 0) return null;
  return (
    <details class="cl-browse">
      <summary class="cl-section-head">{s.browseAll(chips.length)}</summary>
      {focusName && (
        <p class="cl-muted cl-focus-line">
          {s.statusFor(focusName)} ·{' '}
          <button type="button" class="popup-link" onClick={onSettings}>
            {s.changeFocus}
          </button>
        </p>
      )}
      {groupByStatus(chips).map((group) => (
        <section key={group.status} class="cl-browse-group" data-status={group.status}>
          <h3 class="cl-browse-head">
            <StatusBadge status={group.status} label={s.statusName(group.status)} /> <span class="cl-count">{s.chipsInGroup(group.chips.length)}</span>
          </h3>
          <ul class="cl-mentions">
            {group.chips.map((c) => (
              <li key={c.chipId} data-browse-chip-id={c.chipId}>
                <button type="button" class="cl-mention" onClick={() => onPick(c.chipId)}>
                  {c.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
