// A search box and what it found. The caller does the lookup and hands back the result.
import type { CardModel } from '../rules/card-model';
import { ChipCard } from './ChipCard';
import type { PageStrings } from './page-strings';

export type SearchResult =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; model: CardModel }
  | { state: 'none'; query: string };

export function ChipSearch({ s, query, result, onQuery }: { s: PageStrings; query: string; result: SearchResult; onQuery: (q: string) => void }) {
  return (
    <section class="cl-search">
      <form role="search" onSubmit={(e) => (e.preventDefault(), onQuery(query))}>
        <label class="cl-search-label">
          <span>{s.searchLabel}</span>
          <input
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
          {result.state === 'none' && s.notFound(result.query)}
          {result.state === 'found' && s.found(result.model.name)}
        </p>
        {result.state === 'found' && <ChipCard model={result.model} />}
      </div>
    </section>
  );
}
