// The background's message boundary: every message parses before it is answered (a content script
// runs beside hostile pages), only the extension's own pages may read other tabs or make it go to
// the network, a frame's counts are filed under the tab and frame the browser names (never ids the
// message claims) and keep only chips the dataset knows, and the card's UI goes only into the
// asking frame.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Runtime } from 'webextension-polyfill';
import { handleRequest } from '../../../../utils/background/background-requests';
import { tabMentions } from '../../../../utils/background/tab-mentions';
import { loadBundledDataset, type DatasetHolder } from '../../../../utils/updates/dataset-updates';

const check = vi.fn();
const data: DatasetHolder = {
  ready: Promise.resolve(),
  active: loadBundledDataset(),
  check: async () => (check(), data.active),
};

/** A content script in frame 3 of tab 7, on a web page. */
const page: Runtime.MessageSender = { tab: { id: 7 } as Runtime.MessageSender['tab'], frameId: 3, url: 'https://news.example/story' };
/** The popup or the options page. */
const own = (): Runtime.MessageSender => ({ url: fakeBrowser.runtime.getURL('/popup.html') });

const executeScript = vi.fn(async () => [{ frameId: 3, result: null }]);

beforeEach(() => {
  fakeBrowser.reset();
  check.mockReset();
  executeScript.mockClear();
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
});

describe('malformed or foreign messages are refused, unanswered', () => {
  test.each([
    ['nothing', undefined],
    ['a string', 'card'],
    ['an array', [{ type: 'card' }]],
    ['an unknown type', { type: 'evaluate', code: 'alert(1)' }],
    ['a card for an id that is not an id', { type: 'card', chipId: '../../etc' }],
    ['a card for an upper-case id', { type: 'card', chipId: 'NVIDIA-H20' }],
    ['a card with clues of the wrong shape', { type: 'card', chipId: 'nvidia-h20', clues: { meta: 'x', ld: [], micro: null, time: null } }],
    ['counts with a negative count', { type: 'page-mentions', host: 'a.example', counts: { 'nvidia-h20': -1 } }],
    ['counts with a fractional count', { type: 'page-mentions', host: 'a.example', counts: { 'nvidia-h20': 1.5 } }],
    ['counts for too many chips', { type: 'page-mentions', host: 'a.example', counts: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`c${i}`, 1])) }],
    ['counts with a host too long to be one', { type: 'page-mentions', host: 'a'.repeat(254), counts: {} }],
    ['tab info for a tab id that is not one', { type: 'tab-info', tabId: -1 }],
    ['tab info for a tab id as text', { type: 'tab-info', tabId: '7' }],
  ])('%s', async (_, message) => {
    expect(await handleRequest(data, message, page)).toBeUndefined();
    expect(await handleRequest(data, message, own())).toBeUndefined();
    expect(await tabMentions(7)).toEqual({ host: null, counts: new Map() });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('the sender decides what may be asked', () => {
  test('a content script may not read another tab, the dataset status, or start a network check', async () => {
    await handleRequest(data, { type: 'page-mentions', host: 'a.example', counts: { 'nvidia-h20': 2 } }, { ...page, tab: { id: 9 } as Runtime.MessageSender['tab'] });
    expect(await handleRequest(data, { type: 'tab-info', tabId: 9 }, page)).toBeUndefined();
    expect(await handleRequest(data, { type: 'dataset-status' }, page)).toBeUndefined();
    expect(await handleRequest(data, { type: 'check-dataset' }, page)).toBeUndefined();
    expect(check).not.toHaveBeenCalled();
  });

  test('a page whose address merely contains the extension’s is still a page', async () => {
    const lookalike = { ...page, url: `https://evil.example/?${fakeBrowser.runtime.getURL('/popup.html')}` };
    expect(await handleRequest(data, { type: 'tab-info', tabId: 9 }, lookalike)).toBeUndefined();
    expect(await handleRequest(data, { type: 'check-dataset' }, lookalike)).toBeUndefined();
    expect(check).not.toHaveBeenCalled();
  });

  test('the extension’s own pages may', async () => {
    await handleRequest(data, { type: 'page-mentions', host: 'a.example', counts: { 'nvidia-h20': 2 } }, { ...page, tab: { id: 9 } as Runtime.MessageSender['tab'], frameId: 0 });
    const info = await handleRequest(data, { type: 'tab-info', tabId: 9 }, own());
    expect(info).toMatchObject({ host: 'a.example', mentions: [{ chipId: 'nvidia-h20', count: 2 }] });
    expect(await handleRequest(data, { type: 'dataset-status' }, own())).toMatchObject({ version: data.active.dataset.meta.version });
    await handleRequest(data, { type: 'check-dataset' }, own());
    expect(check).toHaveBeenCalledOnce();
  });
});

describe('a frame’s counts', () => {
  test('are filed under the tab and frame the browser names, keeping only chips the dataset knows', async () => {
    const counts = { 'nvidia-h20': 2, 'made-up-chip': 40 };
    expect(await handleRequest(data, { type: 'page-mentions', host: 'news.example', counts }, page)).toBeNull();
    expect(await handleRequest(data, { type: 'page-mentions', host: 'ignored.example', counts: { 'nvidia-h200': 1 } }, { ...page, frameId: 0 })).toBeNull();
    const { host, counts: filed } = await tabMentions(7);
    expect(host).toBe('ignored.example'); // the top frame (0) names the tab's host, frame 3 does not
    expect(Object.fromEntries(filed)).toEqual({ 'nvidia-h20': 2, 'nvidia-h200': 1 });
  });

  test('from a sender with no tab (an extension page) are recorded nowhere', async () => {
    expect(await handleRequest(data, { type: 'page-mentions', host: 'a.example', counts: { 'nvidia-h20': 2 } }, own())).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});

describe('the card', () => {
  test('its UI goes into the asking frame only, and never for a sender without a tab', async () => {
    expect(await handleRequest(data, { type: 'card-ui' }, page)).toBe(true);
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({ target: { tabId: 7, frameIds: [3] }, files: ['/card-ui.js'] });
    expect(await handleRequest(data, { type: 'card-ui' }, own())).toBe(false);
    expect(await handleRequest(data, { type: 'card-ui' }, { url: 'https://news.example/' })).toBe(false);
    expect(executeScript).toHaveBeenCalledOnce();
  });

  test('a failed injection (the frame went away) answers false, so the next card asks again', async () => {
    executeScript.mockRejectedValueOnce(new Error('Frame with ID 3 was removed.'));
    expect(await handleRequest(data, { type: 'card-ui' }, page)).toBe(false);
  });

  test('a known chip’s model, none for an id the dataset lacks', async () => {
    fakeBrowser.tabs.detectLanguage = (async () => 'en') as never;
    fakeBrowser.i18n.getUILanguage = () => 'en';
    expect(await handleRequest(data, { type: 'card', chipId: 'nvidia-h20' }, page)).toMatchObject({ chipId: 'nvidia-h20', name: 'H20' });
    expect(await handleRequest(data, { type: 'card', chipId: 'not-a-chip' }, page)).toBeNull();
  });

  test('speaks the frame’s declared language when the browser cannot say the tab’s (slow or "und")', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'en';
    fakeBrowser.tabs.detectLanguage = (async () => 'und') as never;
    expect(await handleRequest(data, { type: 'card', chipId: 'nvidia-h20', pageLang: 'zh-CN' }, page)).toMatchObject({ lang: 'zh' });
    // What the browser detects wins over a declaration (templates often declare "en" on any page).
    fakeBrowser.tabs.detectLanguage = (async () => 'zh-CN') as never;
    expect(await handleRequest(data, { type: 'card', chipId: 'nvidia-h20', pageLang: 'en' }, page)).toMatchObject({ lang: 'zh' });
    expect(await handleRequest(data, { type: 'card', chipId: 'nvidia-h20', pageLang: 'x'.repeat(36) }, page)).toBeUndefined();
  });
});
