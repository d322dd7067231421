// Stored records of the wrong shape (an older version, a bug, a hand edit) heal themselves: each
// read goes through its zod schema, what fails is replaced or removed, and the reader works at
// once; the background's start checks every record. The content script's own parsers (no zod
// there) are held to the same schemas.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  datasetUpdate,
  DisabledHostsSchema,
  healStorage,
  SettingsSchema,
  TabRecordSchema,
  updateCheck,
  writeProblem,
} from '../../../../utils/storage/checked-storage';
import { disabledHosts, settings } from '../../../../utils/storage/storage';
import { DEFAULT_SETTINGS, parseSettings } from '../../../../utils/storage/settings';
import { recordFrameMentions, tabMentions } from '../../../../utils/background/tab-mentions';

beforeEach(() => fakeBrowser.reset());

const CORRUPT: unknown[] = ['text', 42, true, [], [1, 'a'], {}, { envelope: 5 }, { at: 1, ok: 'yes', message: null }, { host: 7, frames: [] }];

describe('a corrupt record is replaced when it is read', () => {
  test.each(CORRUPT)('datasetUpdate and updateCheck holding %j read as none, and are removed', async (raw) => {
    await fakeBrowser.storage.local.set({ datasetUpdate: raw, updateCheck: raw });
    expect(await datasetUpdate.getValue()).toBeNull();
    expect(await updateCheck.getValue()).toBeNull();
    expect(await fakeBrowser.storage.local.get(['datasetUpdate', 'updateCheck'])).toEqual({});
  });

  test('good records are read as they are and left alone', async () => {
    const check = { at: '2026-12-07T01:00:00.000Z', ok: true, message: 'up to date (2026.12.07)' };
    await updateCheck.setValue(check);
    expect(await updateCheck.getValue()).toEqual(check);
    expect(await fakeBrowser.storage.local.get('updateCheck')).toEqual({ updateCheck: check });
  });

  test("a tab's mentions record of the wrong type no longer stops the tab's reports (the popup's list)", async () => {
    await fakeBrowser.storage.session.set({ 'mentions:7': 'not a record' });
    await recordFrameMentions(7, 0, 'news.example', { 'nvidia-h20': 3 });
    expect(await tabMentions(7)).toEqual({ host: 'news.example', counts: new Map([['nvidia-h20', 3]]) });

    await fakeBrowser.storage.session.set({ 'mentions:7': { host: 'news.example', frames: { 0: { 'nvidia-h20': -1 } } } });
    expect(await tabMentions(7)).toEqual({ host: null, counts: new Map() });
    expect(await fakeBrowser.storage.session.get('mentions:7')).toEqual({});
  });
});

describe('healStorage (each start of the background)', () => {
  test('repairs settings field by field, keeps the hosts that are strings, removes the rest; good records stay', async () => {
    const goodMentions = { host: 'a.example', frames: { 0: { 'nvidia-h20': 1 } } };
    await fakeBrowser.storage.local.set({
      settings: { lang: 'fr', hoverDelayMs: 100, markInCode: 'yes' },
      disabledHosts: ['a.example', 3, null],
      datasetUpdate: { envelope: 5 },
      updateCheck: 'x',
      seenStatuses: { 'nvidia-h20': { version: 1 } },
      unrelated: { kept: true },
    });
    await fakeBrowser.storage.session.set({ 'mentions:1': [], 'mentions:2': goodMentions, other: 1 });

    expect((await healStorage()).sort()).toEqual(['datasetUpdate', 'disabledHosts', 'mentions:1', 'seenStatuses', 'settings', 'updateCheck']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { lang: 'auto', hoverDelayMs: 100, markInCode: false, focus: 'CN' },
      disabledHosts: ['a.example'],
      unrelated: { kept: true },
    });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'mentions:2': goodMentions, other: 1 });
    expect(await healStorage()).toEqual([]); // nothing left to heal
  });

  test('a storage that cannot be read is left alone, without throwing', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('unavailable'));
    expect(await healStorage()).toEqual([]);
    vi.restoreAllMocks();
  });
});

describe("the content script's parsers (no zod there) always give what the schemas accept", () => {
  const odd: unknown[] = [...CORRUPT, null, { lang: 'zh', hoverDelayMs: 1.5e9 }, { hoverDelayMs: -0.4 }, { hoverDelayMs: Number.NaN }, { lang: 'en', hoverDelayMs: 333.7, markInCode: true }];
  test.each(odd)('settings from %j', async (raw) => {
    expect(SettingsSchema.safeParse(parseSettings(raw)).success).toBe(true);
    await fakeBrowser.storage.local.set({ settings: raw });
    expect(SettingsSchema.parse(await settings.getValue())).toBeTruthy();
  });
  test.each(odd)('disabledHosts from %j', async (raw) => {
    await fakeBrowser.storage.local.set({ disabledHosts: raw });
    expect(DisabledHostsSchema.safeParse(await disabledHosts.getValue()).success).toBe(true);
  });
  test('nothing stored: the defaults, which the schemas accept', async () => {
    expect(SettingsSchema.parse(await settings.getValue())).toEqual(DEFAULT_SETTINGS);
    expect(TabRecordSchema.safeParse({ host: null, frames: {} }).success).toBe(true);
  });
});

test('a failed write says "storage full" when the browser says its quota is exceeded', () => {
  expect(writeProblem(new Error('QUOTA_BYTES quota exceeded'))).toBe('could not save: storage full'); // Chromium
  expect(writeProblem(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('could not save: storage full'); // Firefox
  expect(writeProblem(new Error('IO error'))).toBe('could not save: IO error');
});
