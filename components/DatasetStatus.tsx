// The options page's data section: which dataset ChipLens answers from, how the last look for a
// signed update went, and a button to look now. The check's message is the background's own
// (English, as a maintainer would read it), shown as text.
import type { DatasetInfo } from '../utils/messages/messages';
import type { UiWords } from '../rules/ui-words';

/** An ISO time as the reader's local `YYYY-MM-DD HH:MM`. */
function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** DatasetInfo, with how far the sources reach once the background sends it (meta.checkedThrough). */
export type DatasetFreshness = DatasetInfo & { checkedThrough?: string | null };

export function DatasetStatus({ s, status, checking, onCheck }: { s: UiWords; status: DatasetFreshness | null; checking: boolean; onCheck: () => void }) {
  return (
    <fieldset class="dataset" aria-busy={checking}>
      <legend>{s.dataTitle}</legend>
      {status && (
        <>
          {status.checkedThrough && <p data-checked-through={status.checkedThrough}>{s.checkedThrough(status.checkedThrough)}</p>}
          <p data-version={status.version}>{s.dataVersion(status.version, status.asOf)}</p>
          <p class="muted">{status.fetchedAt ? s.dataUpdated(when(status.fetchedAt)) : s.dataBundled}</p>
          <p class="last-check" data-ok={status.lastCheck ? String(status.lastCheck.ok) : undefined}>
            {status.lastCheck ? `${s.lastCheck} ${when(status.lastCheck.at)} · ${status.lastCheck.message}` : s.neverChecked}
          </p>
        </>
      )}
      <button type="button" disabled={checking} onClick={onCheck}>
        {checking ? s.checking : s.checkNow}
      </button>
    </fieldset>
  );
}
