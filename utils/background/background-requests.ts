// Answers each request the background receives, after checking its shape.
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { dayFromClues } from '../../rules/article-day';
import { resolveStatus } from '../../rules/status';
import { buildCardModel } from '../../rules/card-model-builder';
import { buildMatcherIndex } from '../../matching/matcher-index';
import { prepareMatcher, type PreparedMatcher } from '../../matching/matcher';
import type { Dataset } from '../../rules/schema';
import { latestCheck, type DatasetHolder } from '../updates/dataset-updates';
import type { DatasetInfo, Responses } from '../messages/messages';
import { RequestSchema } from '../messages/message-schema';
import { readerLang, tabLang } from '../reader-lang';
import { chipList, destinationChoices, lookUp, readerFocus, tabInfo } from './page-requests';
import { changedChips, noteCardSeen } from '../storage/seen-statuses';
import { injectCardUi } from './card-ui-injection';
import { recordFrameMentions } from './tab-mentions';

const today = () => new Date().toISOString().slice(0, 10);

const isExtensionPage = (sender: Runtime.MessageSender) => sender.url?.startsWith(browser.runtime.getURL('')) === true;

const ids = new WeakMap<Dataset, Set<string>>();
function chipIds(dataset: Dataset): Set<string> {
  let set = ids.get(dataset);
  if (!set) ids.set(dataset, (set = new Set(dataset.chips.map((c) => c.id))));
  return set;
}

// Prepared once per dataset: every page load asks for it.
const prepared = new WeakMap<Dataset, PreparedMatcher>();
function preparedFor(dataset: Dataset): PreparedMatcher {
  let value = prepared.get(dataset);
  if (!value) prepared.set(dataset, (value = prepareMatcher(buildMatcherIndex(dataset))));
  return value;
}

async function statusOf(data: DatasetHolder): Promise<DatasetInfo> {
  const { dataset, origin } = data.active;
  return {
    version: dataset.meta.version,
    asOf: dataset.meta.asOf,
    checkedThrough: dataset.meta.checkedThrough ?? null,
    fetchedAt: origin === 'bundled' ? null : origin.fetchedAt,
    lastCheck: await latestCheck(),
  };
}

export async function handleRequest(data: DatasetHolder, message: unknown, sender: Runtime.MessageSender): Promise<Responses[keyof Responses] | undefined> {
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return undefined; // not ours, or malformed: ignore
  const request = parsed.data;
  // The card's UI needs no dataset: it goes into the frame before the first card's model is ready.
  if (request.type === 'card-ui') return isExtensionPage(sender) ? false : injectCardUi(sender);
  await data.ready;
  const { dataset } = data.active;
  switch (request.type) {
    case 'matcher':
      return preparedFor(dataset);
    case 'changed-chips': {
      const focus = await readerFocus(dataset);
      const date = today();
      return changedChips(focus, (id) => (chipIds(dataset).has(id) ? resolveStatus(dataset, id, focus, date).status : null));
    }
    case 'card':
      // The first screen answers for the reader's destination of interest, then and now when the
      // page gave its publication date.
      // On 'auto' the card speaks the page's language where it is Chinese or English (as the popup does):
      // as the browser detects it, else as the frame declares it (detection can be slow or say nothing).
      // Noted as seen: the card says what changed since the reader last opened it (the popup's
      // lookup is not noted, so looking a chip up does not clear its "changed" tag).
      return noteCardSeen(
        buildCardModel(dataset, request.chipId, today(), await readerLang((await tabLang(sender.tab?.id)) ?? request.pageLang), {
          focus: await readerFocus(dataset),
          articleDate: request.clues ? dayFromClues(request.clues) : null,
        }),
      );
    case 'lookup':
      return lookUp(dataset, request.query, request.lang);
    case 'chip-list':
      return chipList(dataset);
    case 'destinations':
      return destinationChoices(dataset);
    case 'page-mentions': {
      const tabId = sender.tab?.id;
      // Keep only ids the dataset knows: a content script beside a hostile page proves nothing.
      const counts = Object.fromEntries(Object.entries(request.counts).filter(([id]) => chipIds(dataset).has(id)));
      if (tabId !== undefined) await recordFrameMentions(tabId, sender.frameId ?? 0, request.host, counts);
      return null;
    }
    case 'tab-info':
      // Only the extension's own pages may read what another tab shows (a content script may not).
      return isExtensionPage(sender) ? tabInfo(dataset, request.tabId) : undefined;
    case 'dataset-status':
      return isExtensionPage(sender) ? statusOf(data) : undefined;
    case 'check-dataset':
      // Only the extension's own pages may make it go to the network.
      if (!isExtensionPage(sender)) return undefined;
      await data.check();
      return statusOf(data);
  }
}
