// The dataset's codes and the card's status sentences, for one language: statuses, event kinds,
// confidence levels, 3A090 regimes, "Now: …" and "When this was published …". The card, the popup
// and the CLI all read them from here; the words themselves are in the one table, rules/ui-words.ts.
import type { Lang } from './card-model';
import type { Confidence, EventKind, Regime, StatusCode } from './schema';
import { codeWords, modelWords } from './ui-words';

export const statusLabel = (status: StatusCode, lang: Lang): string => codeWords(lang).status[status];
export const kindLabel = (kind: EventKind, lang: Lang): string => codeWords(lang).kind[kind];
export const confidenceLabel = (level: Confidence['level'], lang: Lang): string => codeWords(lang).confidence[level];
export const regimeLabel = (regime: Regime, lang: Lang): string => codeWords(lang).regime[regime];

/** The card's footer: how far the sources reach (never the build date), then the data version. */
export const freshnessLine = (checkedThrough: string | null, version: string, lang: Lang): string => modelWords(lang).freshness(checkedThrough, version);

/** Said plainly on the card when the sources reach only to a day more than STALE_AFTER_DAYS ago. */
export const staleNote = (checkedThrough: string, days: number, lang: Lang): string => modelWords(lang).stale(checkedThrough, days);

/** The status in a few plain words, for the sentence that leads the card ("Now: …"). */
export const statusPhrase = (status: StatusCode, lang: Lang): string => codeWords(lang).statusPhrase[status];

/** "licences granted with conditions, since 8 Aug 2025" (the date already readable). */
const phraseSince = (status: StatusCode, since: string | null, lang: Lang): string => modelWords(lang).phraseSince(statusPhrase(status, lang), since);

/** "Now: licences granted with conditions, since 8 Aug 2025." */
export const nowLine = (status: StatusCode, since: string | null, lang: Lang): string => modelWords(lang).now(phraseSince(status, since, lang));

/** "When this was published (16 Apr 2025): licence required, none granted." */
export const thenLine = (published: string, status: StatusCode, lang: Lang): string => modelWords(lang).then(published, statusPhrase(status, lang));

/** One line when the status has not changed since the article: "Same as when this was published (…): …". */
export const sameLine = (published: string, status: StatusCode, since: string | null, lang: Lang): string =>
  modelWords(lang).same(published, phraseSince(status, since, lang));
