// The messages between the content script, the popup and the background, typed end to end.
// No zod here (the content script imports this file); the background checks what it receives
// with utils/message-schema.ts.
import { browser } from 'wxt/browser';
import type { CardModel } from '../rules/card-model';
import type { PreparedMatcher } from '../rules/matcher';

export interface TabInfo {
  /** Host name of the tab's top frame, or null where ChipLens does not run (browser pages). */
  host: string | null;
  /** Chips marked in the tab, all frames together, most mentioned first. */
  mentions: { chipId: string; name: string; count: number }[];
}

export type Request =
  | { type: 'matcher' }
  | { type: 'card'; chipId: string }
  | { type: 'lookup'; query: string }
  | { type: 'page-mentions'; host: string; counts: Record<string, number> }
  | { type: 'tab-info'; tabId: number };

export interface Responses {
  matcher: PreparedMatcher;
  card: CardModel | null;
  lookup: CardModel | null;
  'page-mentions': null;
  'tab-info': TabInfo;
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** Sends a request to the background and returns its typed answer. */
export function sendToBackground<T extends Request['type']>(request: RequestOf<T>): Promise<Responses[T]> {
  return browser.runtime.sendMessage(request) as Promise<Responses[T]>;
}
