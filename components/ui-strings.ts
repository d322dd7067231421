// The card's words now live in rules/card-words.ts and travel in the CardModel (the content script
// carries none); the popup's and options page's strings (page-strings.ts) still start from them.
export { cardWords as uiStrings, type CardWords as UiStrings } from '../rules/card-words';
