// The options page's form: the destination of interest, language, hover delay, marking inside
// code, and the switched-off sites.
import type { Lang } from '../rules/card-model';
import type { DestinationName } from '../utils/messages/page-messages';
import { DEFAULT_SETTINGS, HOVER_DELAY_RANGE, clampHoverDelay, type Settings } from '../utils/storage/settings';
import type { UiWords } from '../rules/ui-words';

export function OptionsForm({ s, lang, settings, destinations, offHosts, onSettings, onRemoveHost }: {
  s: UiWords;
  lang: Lang;
  settings: Settings;
  /** The dataset's destinations (empty until the background answers). */
  destinations: DestinationName[];
  offHosts: string[];
  onSettings: (next: Settings) => void;
  onRemoveHost: (host: string) => void;
}) {
  return (
    <form class="options" onSubmit={(e) => e.preventDefault()}>
      <h1>{s.optionsTitle}</h1>
      {destinations.length > 0 && (
        <div class="row row--stack">
          <span>
            <label for="cl-focus">{s.destination}</label>
            <span id="cl-focus-hint" class="muted hint">{s.destinationHint}</span>
          </span>
          <select
            id="cl-focus"
            aria-describedby="cl-focus-hint"
            value={destinations.some((d) => d.id === settings.focus) ? settings.focus : DEFAULT_SETTINGS.focus}
            onChange={(e) => onSettings({ ...settings, focus: e.currentTarget.value })}
          >
            {destinations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="row row--stack">
        <span>
          <label for="cl-lang">{s.language}</label>
          <span id="cl-lang-hint" class="muted hint">{s.langHint}</span>
        </span>
        <select id="cl-lang" aria-describedby="cl-lang-hint" value={settings.lang} onChange={(e) => onSettings({ ...settings, lang: e.currentTarget.value as Settings['lang'] })}>
          <option value="auto">{s.langAuto}</option>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </div>
      <label class="row">
        <span>{s.hoverDelay}</span>
        <input
          type="number"
          {...HOVER_DELAY_RANGE}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const ms = clampHoverDelay(Number(e.currentTarget.value));
            if (ms !== null) onSettings({ ...settings, hoverDelayMs: ms });
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
