// The options page's form: language, hover delay, marking inside code, and the switched-off sites.
import { HOVER_DELAY_RANGE, type Settings } from '../utils/storage';
import type { PageStrings } from './page-strings';

export function OptionsForm({ s, settings, offHosts, onSettings, onRemoveHost }: {
  s: PageStrings;
  settings: Settings;
  offHosts: string[];
  onSettings: (next: Settings) => void;
  onRemoveHost: (host: string) => void;
}) {
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <h1>{s.optionsTitle}</h1>
      <label class="row">
        <span>{s.language}</span>
        <select value={settings.lang} onChange={(e) => onSettings({ ...settings, lang: e.currentTarget.value as Settings['lang'] })}>
          <option value="auto">{s.langAuto}</option>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </label>
      <label class="row">
        <span>{s.hoverDelay}</span>
        <input
          type="number"
          {...HOVER_DELAY_RANGE}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const ms = Math.round(Number(e.currentTarget.value));
            if (Number.isFinite(ms)) onSettings({ ...settings, hoverDelayMs: Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, ms)) });
          }}
        />
      </label>
      <label class="row row--check">
        <input type="checkbox" checked={settings.markInCode} onChange={(e) => onSettings({ ...settings, markInCode: e.currentTarget.checked })} />
        <span>{s.markInCode}</span>
      </label>
      <fieldset>
        <legend>{s.offSites}</legend>
        {offHosts.length === 0 ? (
          <p class="muted">{s.noOffSites}</p>
        ) : (
          <ul class="hosts">
            {offHosts.map((host) => (
              <li key={host} data-host={host}>
                <span>{host}</span>
                <button type="button" aria-label={s.remove(host)} onClick={() => onRemoveHost(host)}>
                  {s.removeShort}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </form>
  );
}
