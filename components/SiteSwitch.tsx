// Annotation on or off for one site: a real checkbox with role="switch", named after the host.
// Where ChipLens does not run (host null) the switch is shown disabled, with the reason as its name.
import type { UiWords } from '../rules/ui-words';

export function SiteSwitch({ s, host, enabled, onChange }: { s: UiWords; host: string | null; enabled: boolean; onChange: (on: boolean) => void }) {
  const on = host !== null && enabled;
  return (
    <label class={`cl-switch${host === null ? ' cl-switch--off' : ''}`}>
      <input
        type="checkbox"
        role="switch"
        checked={on}
        disabled={host === null}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span class="cl-switch-text">{host === null ? s.notRunning : s.markOn(host)}</span>
    </label>
  );
}
