// The messages between the content script, the popup and the background, typed end to end.
// A request's shape is written once, as the zod schema the background checks it with
// (utils/messages/message-schema.ts); `Request` is inferred from it. Only types come from there:
// the content script imports this file and must not carry zod.
import { browser } from 'wxt/browser';
import type { z } from 'zod';
import type { RequestSchema } from './message-schema';
import type { CardModel } from '../../rules/card-model';
import type { PreparedMatcher } from '../../matching/matcher';
import type { StatusCode } from '../../rules/schema';
import type { UpdateCheck } from '../storage/checked-storage';
import type { PageResponses } from './page-messages';

export interface TabInfo {
  /** Host name of the tab's top frame, or null where ChipLens does not run (browser pages). */
  host: string | null;
  /** Chips marked in the tab, all frames together, most mentioned first, with each one's status toward the destination of interest. */
  mentions: { chipId: string; name: string; count: number; status: StatusCode }[];
}

/** Which dataset the extension answers from, and how the last look for a newer one went. */
export interface DatasetInfo {
  version: string;
  asOf: string;
  /** How far the sources behind the data reach (meta.checkedThrough); null for a copy without it. */
  checkedThrough: string | null;
  /** When the signed update in use was fetched; null for the copy bundled with this version. */
  fetchedAt: string | null;
  lastCheck: UpdateCheck | null;
}

/** Every request the background answers, as RequestSchema parses it. */
export type Request = z.infer<typeof RequestSchema>;

export interface Responses extends PageResponses {
  matcher: PreparedMatcher;
  'changed-chips': string[];
  card: CardModel | null;
  /** The card's UI (card-ui.js) was put into the asking frame, or not (false). */
  'card-ui': boolean;
  'page-mentions': null;
  'tab-info': TabInfo;
  'dataset-status': DatasetInfo;
  'check-dataset': DatasetInfo;
}

/** What the popup asks a tab's content scripts (every frame): read the whole page now. */
export interface ReadAllRequest {
  type: 'read-all';
}

export const isReadAllRequest = (message: unknown): message is ReadAllRequest =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'read-all';

/** Asks every frame of a tab to read its whole page; a tab without ChipLens is fine. */
export async function askTabToReadAll(tabId: number): Promise<void> {
  const request: ReadAllRequest = { type: 'read-all' };
  await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
}

export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** Sends a request to the background and returns its typed answer. */
export function sendToBackground<T extends Request['type']>(request: RequestOf<T>): Promise<Responses[T]> {
  return browser.runtime.sendMessage(request) as Promise<Responses[T]>;
}
