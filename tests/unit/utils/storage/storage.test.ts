// The stored settings: what a reader (or an older version) left in storage is read field by
// field, so a malformed value falls back to its default instead of reaching the content script.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, disabledHosts, parseSettings, settings } from '../../../../utils/storage/storage';

beforeEach(() => fakeBrowser.reset());

test('nothing stored: the defaults', async () => {
  expect(await settings.getValue()).toEqual(DEFAULT_SETTINGS);
  expect(await disabledHosts.getValue()).toEqual([]);
});

test('malformed fields take their defaults; good ones are kept', () => {
  expect(parseSettings({ lang: 'fr', hoverDelayMs: 'soon', markInCode: 'yes' })).toEqual(DEFAULT_SETTINGS);
  expect(parseSettings({ lang: 'zh', hoverDelayMs: 1e9, markInCode: true })).toEqual({ lang: 'zh', hoverDelayMs: 2000, markInCode: true, focus: 'CN' });
  expect(parseSettings({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
  expect(parseSettings({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(250);
  expect(parseSettings('settings')).toEqual(DEFAULT_SETTINGS);
  expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
});

test('a stored value is parsed on read and on change', async () => {
  await fakeBrowser.storage.local.set({ disabledHosts: ['example.com', 42, null], settings: { lang: 'en', hoverDelayMs: 100 } });
  expect(await disabledHosts.getValue()).toEqual(['example.com']);
  expect(await settings.getValue()).toEqual({ lang: 'en', hoverDelayMs: 100, markInCode: false, focus: 'CN' });

  const seen = vi.fn();
  const unwatch = disabledHosts.watch(seen);
  await disabledHosts.setValue(['a.example', 'b.example']);
  await fakeBrowser.storage.local.set({ disabledHosts: 'not a list' });
  await fakeBrowser.storage.local.remove('disabledHosts');
  expect(seen.mock.calls).toEqual([[['a.example', 'b.example']], [[]], [[]]]);
  unwatch();
  await disabledHosts.setValue(['c.example']);
  expect(seen).toHaveBeenCalledTimes(3);
});

test('changes to other keys or areas are not reported', async () => {
  const seen = vi.fn();
  settings.watch(seen);
  await fakeBrowser.storage.local.set({ other: 1 });
  await fakeBrowser.storage.session.set({ settings: { lang: 'zh' } });
  expect(seen).not.toHaveBeenCalled();
});

test('the destination of interest: a destination id is kept, anything else is China', () => {
  expect(parseSettings({ focus: 'AE' }).focus).toBe('AE');
  expect(parseSettings({ focus: 'OTHER' }).focus).toBe('OTHER');
  expect(parseSettings({ focus: 'D5' }).focus).toBe('D5');
  for (const bad of ['ae', '', 'X', 42, null, '<img>', 'CN; drop', 'A'.repeat(13)]) expect(parseSettings({ focus: bad }).focus).toBe('CN');
});
