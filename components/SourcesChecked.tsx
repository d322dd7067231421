// The popup's last line: how far the sources behind every answer reach (meta.checkedThrough),
// never the day the extension was built. Nothing until the background says.
import type { DatasetFreshness } from './DatasetStatus';
import type { UiWords } from '../rules/ui-words';

export function SourcesChecked({ s, info }: { s: UiWords; info: DatasetFreshness | null }) {
  if (!info?.checkedThrough) return null;
  return (
    <p class="cl-muted popup-foot" data-checked-through={info.checkedThrough}>
      {s.checkedThrough(info.checkedThrough)}
    </p>
  );
}
