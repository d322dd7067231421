// The first-run page: what ChipLens does, shown on a short built-in sample (its chip names marked
// as on any page; picking one shows that chip's real card below), the keys, that it is information
// and not legal advice, and the way to the settings. Every word comes from rules/ui-words.ts.
import type { CardWithChange } from '../rules/changes';
import type { UiWords } from '../rules/ui-words';
import { ChipCard } from './ChipCard';

/** A browser command and the keys the reader has for it ('' when none is set). */
export interface Shortcut {
  name: string;
  shortcut: string;
}

/** The keys ChipLens suggests (wxt.config.ts `commands`), shown when the browser does not say. */
const SUGGESTED_KEYS: Record<string, string> = { 'next-mark': 'Alt+Shift+J', 'previous-mark': 'Alt+Shift+K', _execute_action: 'Alt+Shift+L' };

function keysFor(name: string, shortcuts: Shortcut[] | null): string {
  const set = shortcuts?.find((s) => s.name === name);
  return set ? set.shortcut : (SUGGESTED_KEYS[name] ?? '');
}

export function Welcome({ s, shortcuts, picked, model, onPick, onSettings }: {
  s: UiWords;
  /** The browser's commands (browser.commands.getAll), or null where it cannot say. */
  shortcuts: Shortcut[] | null;
  /** The sample name whose card is shown. */
  picked: string;
  model: CardWithChange | null;
  onPick: (name: string) => void;
  onSettings: () => void;
}) {
  const keys: [string, string][] = [
    [keysFor('next-mark', shortcuts), s.keysNext],
    [keysFor('previous-mark', shortcuts), s.keysPrev],
    [keysFor('_execute_action', shortcuts), s.keysPopup],
    ['Esc', s.keysEsc],
  ];
  return (
    <main class="welcome">
      <h1>{s.welcomeTitle}</h1>
      <p>{s.welcomeIntro}</p>
      <section aria-labelledby="cl-demo-head">
        <h2 id="cl-demo-head">{s.demoHeading}</h2>
        <p class="muted">{s.demoHint}</p>
        <blockquote class="demo-article">
          {s.demoArticle.map((part, i) =>
            typeof part === 'string' ? (
              part
            ) : (
              <button key={i} type="button" class="demo-mark" aria-pressed={part.mark === picked} onClick={() => onPick(part.mark)}>
                {part.mark}
              </button>
            ),
          )}
        </blockquote>
        <div class="demo-card" aria-live="polite">
          {model ? <ChipCard model={model} /> : <p class="muted">{s.demoLoading}</p>}
        </div>
      </section>
      <section aria-labelledby="cl-keys-head">
        <h2 id="cl-keys-head">{s.keysHeading}</h2>
        <dl class="keys">
          {keys.map(([k, what]) => (
            <div key={what}>
              <dt>{k ? <kbd>{k}</kbd> : '—'}</dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p>{s.keysTouch}</p>
        <p class="muted">{s.keysChange}</p>
      </section>
      <section aria-labelledby="cl-advice-head">
        <h2 id="cl-advice-head">{s.notAdviceHeading}</h2>
        <p>{s.notAdvice}</p>
      </section>
      <p>
        {s.welcomeSettings}{' '}
        <button type="button" class="welcome-settings" onClick={onSettings}>
          {s.openSettings}
        </button>
      </p>
    </main>
  );
}
