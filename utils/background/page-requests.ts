// The background's answers to the popup and the options page: the search (with "did you mean"),
// every chip's status toward the reader's destination of interest, and the tab's marked chips.
import { buildCardModel } from '../../rules/card-model-builder';
import type { Lang } from '../../rules/card-model';
import { findChip } from '../../matching/lookup';
import { resolveDestination, resolveStatus } from '../../rules/status';
import type { Dataset } from '../../rules/schema';
import { suggestNames } from '../../matching/suggest';
import type { TabInfo } from '../messages/messages';
import type { ChipList, ChipStatus, DestinationName, Destinations, LookupAnswer } from '../messages/page-messages';
import { readerLang } from '../reader-lang';
import { settings } from '../storage/storage';
import { tabMentions } from './tab-mentions';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The destination the reader asked about, as the dataset names it: a destination id or a country
 * it covers (HK → CN); China when the setting names neither (a destination a later dataset dropped).
 */
export function focusIn(dataset: Dataset, code: string): string {
  const known = dataset.destinations.some((d) => d.id === code || d.covers.includes(code));
  return resolveDestination(dataset, known ? code : 'CN');
}

/** The reader's destination of interest, resolved against the dataset in use. */
export async function readerFocus(dataset: Dataset): Promise<string> {
  return focusIn(dataset, (await settings.getValue()).focus);
}

function chipStatuses(dataset: Dataset, focus: string, date: string): ChipStatus[] {
  return dataset.chips.map((chip) => ({
    chipId: chip.id,
    name: chip.name,
    vendor: chip.vendor,
    status: resolveStatus(dataset, chip.id, focus, date).status,
  }));
}

export async function lookUp(dataset: Dataset, query: string, lang?: Lang): Promise<LookupAnswer> {
  const chip = findChip(dataset, query);
  if (!chip) return { model: null, suggestions: suggestNames(dataset, query) };
  const model = buildCardModel(dataset, chip.id, today(), lang ?? (await readerLang()), { focus: await readerFocus(dataset) });
  return { model, suggestions: [] };
}

const named = (dataset: Dataset, id: string): DestinationName => {
  const d = dataset.destinations.find((x) => x.id === id);
  return { id, name: d ? { en: d.name.en, zh: d.name.zh } : { en: id, zh: id } };
};

export async function chipList(dataset: Dataset): Promise<ChipList> {
  const focus = await readerFocus(dataset);
  return { focus: named(dataset, focus), chips: chipStatuses(dataset, focus, today()) };
}

export function destinationChoices(dataset: Dataset): Destinations {
  return { destinations: dataset.destinations.map((d) => named(dataset, d.id)) };
}

/** The chips marked in a tab, most mentioned first, each with its status toward the destination of interest. */
export async function tabInfo(dataset: Dataset, tabId: number): Promise<TabInfo> {
  const [{ host, counts }, focus] = await Promise.all([tabMentions(tabId), readerFocus(dataset)]);
  const date = today();
  const mentions: TabInfo['mentions'] = [...counts]
    .filter(([, count]) => count > 0)
    .flatMap(([chipId, count]) => {
      const chip = dataset.chips.find((c) => c.id === chipId);
      return chip ? [{ chipId, name: chip.name, count, status: resolveStatus(dataset, chipId, focus, date).status }] : [];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { host, mentions };
}
