// What the card says around the dataset's texts: its labels, the glossary of terms a reader may
// not know, and how a day is written, all read from the one table (rules/ui-words.ts). They travel
// in the CardModel (built in the background), so the content script, which only renders, carries
// none of them.
import type { Lang } from './card-model';
import { cardWordsFor, modelWords, type CardWords } from './ui-words';

export type { CardWords };

/** The card's labels: its part of the one table of UI words (rules/ui-words.ts). */
export const cardWords = (lang: Lang): CardWords => cardWordsFor(lang);

/** Terms explained where they first appear on a card (matched case-sensitively, longest first). */
export const glossary = (lang: Lang): { term: string; gloss: string }[] => modelWords(lang).glossary.map(([term, gloss]) => ({ term, gloss }));

/** "16 Apr 2025" / "2025年4月16日" from YYYY-MM-DD (no Intl: the same in every runtime). */
export function readableDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return modelWords(lang).date(y, m, d);
}
