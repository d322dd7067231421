// The stored settings: what a reader (or an older version) left in storage is read field by
// field, so a malformed value falls back to its default instead of reaching the content script.
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledHosts, settings } from '../../../../utils/storage/storage';
import { DEFAULT_SETTINGS } from '../../../../utils/storage/settings';

beforeEach(() => fakeBrowser.reset());

test('nothing stored: the defaults', async () => {
  expect(await settings.getValue()).toEqual(DEFAULT_SETTINGS);
  expect(await disabledHosts.getValue()).toEqual([]);
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
