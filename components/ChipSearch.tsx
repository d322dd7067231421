// A search box and what it found. The caller does the lookup and hands back the result. The box
// takes the focus when the popup opens; on a miss, close names are offered as buttons ("did you
// mean"), each looking that name up and handing the focus back to the box.
import { useEffect, useRef } from 'preact/hooks';
import type { CardModel } from '../rules/card-model';
import { ChipCard } from './ChipCard';
import type { UiWords } from '../rules/ui-words';

export type SearchResult =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; model: CardModel }
  | { state: 'none'; query: string; suggestions?: string[] };

export function ChipSearch({ s, query, result, onQuery }: { s: UiWords; query: string; result: SearchResult; onQuery: (q: string) => void }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);
  const suggestions = result.state === 'none' ? (result.suggestions ?? []) : [];
  const pick = (name: string) => {
    onQuery(name);
    box.current?.focus();
  };
  return (
    <section class="cl-search">
      <form role="search" onSubmit={(e) => (e.preventDefault(), onQuery(query))}>
        <label class="cl-search-label">
          <span>{s.searchLabel}</span>
          <input
            ref={box}
            type="search"
            name="q"
            autoComplete="off"
            spellcheck={false}
            placeholder={s.searchPlaceholder}
            value={query}
            onInput={(e) => onQuery(e.currentTarget.value)}
          />
        </label>
      </form>
      <div class="cl-search-result">
        {/* Only a short line is announced; the card itself would be read out on every keystroke. */}
        <p class={result.state === 'found' ? 'cl-visually-hidden' : 'cl-muted'} aria-live="polite">
          {result.state === 'loading' && s.searching}
          {result.state === 'none' && (suggestions.length > 0 ? s.didYouMean(result.query) : s.notFound(result.query))}
          {suggestions.length > 0 && <span class="cl-visually-hidden"> {s.suggestionsHint(suggestions.length)}</span>}
          {result.state === 'found' && s.found(result.model.name)}
        </p>
        {suggestions.length > 0 && (
          <ul class="cl-suggestions">
            {suggestions.map((name) => (
              <li key={name}>
                <button type="button" class="cl-mention" data-suggestion={name} onClick={() => pick(name)}>
                  {name}
                </button>
              </li>
            ))}
          </ul>
        )}
        {result.state === 'found' && <ChipCard model={result.model} />}
      </div>
    </section>
  );
}
