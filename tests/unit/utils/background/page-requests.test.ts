// What the background answers the popup and the options page, on the bundled dataset: the search
// with "did you mean" (the names a reader types when nothing matches exactly), each chip's status
// toward the destination of interest the reader set, and the destinations to choose from.
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledRaw } from '../../../../rules/bundled-data';
import { parseDataset } from '../../../../rules/dataset';
import type { Dataset } from '../../../../rules/schema';
import { resolveStatus } from '../../../../rules/status';
import { RequestSchema } from '../../../../utils/messages/message-schema';
import { chipList, destinationChoices, focusIn, lookUp, tabInfo } from '../../../../utils/background/page-requests';
import { settings } from '../../../../utils/storage/storage';
import { recordFrameMentions } from '../../../../utils/background/tab-mentions';

let dataset: Dataset;
beforeAll(() => {
  const parsed = parseDataset(bundledRaw);
  if (!parsed.ok) throw new Error('bundled data does not parse');
  dataset = parsed.dataset;
});
beforeEach(() => fakeBrowser.reset());

describe('lookup', () => {
  test.each([
    ['rtx pro 6000', 'nvidia-rtx-pro-6000'],
    ['  RTX  PRO-6000 ', 'nvidia-rtx-pro-6000'],
    ['b30', 'nvidia-b30a'],
    ['英伟达H20芯片', 'nvidia-h20'],
    ['nvidia-h200', 'nvidia-h200'], // the popup asks by id for a chip picked from a list
  ])('%j finds %s', async (query, chipId) => {
    const answer = await lookUp(dataset, query, 'en');
    expect(answer.model?.chipId).toBe(chipId);
    expect(answer.suggestions).toEqual([]);
  });

  test.each([
    ['h2oo', ['H20', 'H200']],
    ['昇腾', ['Ascend 910', 'Ascend 910B', 'Ascend 910C']],
    ['Huawei', ['Ascend 910', 'Ascend 910B', 'Ascend 910C', 'Ascend 910D']],
    ['华为', ['Ascend 910B', 'Ascend 910C']],
    ['blackwell', ['B200', 'B300', 'B30A', 'GB300', 'RTX Pro 6000']],
    ['Blackwel', ['B200', 'B30A']],
  ])('%j finds no one chip and suggests %j among others', async (query, expected) => {
    const answer = await lookUp(dataset, query, 'en');
    expect(answer.model).toBeNull();
    expect(answer.suggestions).toEqual(expect.arrayContaining(expected));
    for (const name of answer.suggestions) expect((await lookUp(dataset, name, 'en')).model, `${name} is a name the search finds`).not.toBeNull();
  });

  test('a vendor or family word lists only that vendor\'s or family\'s chips', async () => {
    const byName = new Map(dataset.chips.map((c) => [c.name, c]));
    expect((await lookUp(dataset, 'Huawei', 'en')).suggestions.every((n) => byName.get(n)?.vendor === 'Huawei')).toBe(true);
    expect((await lookUp(dataset, 'blackwell', 'en')).suggestions.every((n) => byName.get(n)?.architecture.startsWith('Blackwell'))).toBe(true);
  });

  test('the card leads with the destination of interest, in the language asked for', async () => {
    await settings.setValue({ ...(await settings.getValue()), focus: 'AE' });
    const { model } = await lookUp(dataset, 'H20', 'zh');
    expect(model?.focus).toBe('AE');
    expect(model?.lang).toBe('zh');
    expect(model?.destinations[0]!.destinationId).toBe('AE');
  });

  test('the message schema takes the language and refuses others', () => {
    expect(RequestSchema.safeParse({ type: 'lookup', query: 'H20', lang: 'zh' }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'lookup', query: 'H20', lang: 'fr' }).success).toBe(false);
    expect(RequestSchema.safeParse({ type: 'chip-list' }).success).toBe(true);
    expect(RequestSchema.safeParse({ type: 'destinations' }).success).toBe(true);
  });
});

describe('the destination of interest', () => {
  test('an id or a country it covers; China for anything the dataset does not have', () => {
    expect(focusIn(dataset, 'AE')).toBe('AE');
    expect(focusIn(dataset, 'HK')).toBe('CN');
    expect(focusIn(dataset, 'OTHER')).toBe('OTHER');
    expect(focusIn(dataset, 'XX')).toBe('CN');
  });

  test('every chip\'s status toward it, China by default, and toward the one set', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const china = await chipList(dataset);
    expect(china.focus).toEqual({ id: 'CN', name: { en: 'China (incl. Hong Kong and Macau)', zh: '中国（含香港、澳门）' } });
    expect(china.chips).toHaveLength(dataset.chips.length);
    const h20 = china.chips.find((c) => c.chipId === 'nvidia-h20')!;
    expect(h20.status).toBe(resolveStatus(dataset, 'nvidia-h20', 'CN', today).status);

    await settings.setValue({ ...(await settings.getValue()), focus: 'OTHER' });
    const other = await chipList(dataset);
    expect(other.focus.id).toBe('OTHER');
    // Toward most countries, a 3A090 chip needs no licence where toward China it does.
    expect(other.chips.filter((c) => c.status === 'not-controlled').length).toBeGreaterThan(china.chips.filter((c) => c.status === 'not-controlled').length);
  });

  test('the tab\'s marked chips carry their status toward it', async () => {
    await recordFrameMentions(3, 0, 'news.example', { 'nvidia-h20': 2, 'nvidia-b30a': 5 });
    const info = await tabInfo(dataset, 3);
    const today = new Date().toISOString().slice(0, 10);
    expect(info.mentions).toEqual([
      { chipId: 'nvidia-b30a', name: 'B30A', count: 5, status: resolveStatus(dataset, 'nvidia-b30a', 'CN', today).status },
      { chipId: 'nvidia-h20', name: 'H20', count: 2, status: resolveStatus(dataset, 'nvidia-h20', 'CN', today).status },
    ]);
  });

  test('the destinations to choose from, named in both languages', () => {
    const { destinations: list } = destinationChoices(dataset);
    expect(list.map((d) => d.id)).toEqual(dataset.destinations.map((d) => d.id));
    expect(list[0]).toEqual({ id: 'CN', name: { en: 'China (incl. Hong Kong and Macau)', zh: '中国（含香港、澳门）' } });
  });
});
