// The reader's settings as data (utils/storage/settings.ts): what a reader (or an older version)
// left in storage is read field by field, so a malformed value falls back to its default; the
// hover delay is held to the options page's range by one clamp, wherever it comes from.
import { expect, test } from 'vitest';
import { DEFAULT_SETTINGS, HOVER_DELAY_RANGE, clampHoverDelay, parseSettings } from '../../../../utils/storage/settings';

test('malformed fields take their defaults; good ones are kept', () => {
  expect(parseSettings({ lang: 'fr', hoverDelayMs: 'soon', markInCode: 'yes' })).toEqual(DEFAULT_SETTINGS);
  expect(parseSettings({ lang: 'zh', hoverDelayMs: 1e9, markInCode: true })).toEqual({ lang: 'zh', hoverDelayMs: 2000, markInCode: true, focus: 'CN' });
  expect(parseSettings({ hoverDelayMs: -5 }).hoverDelayMs).toBe(0);
  expect(parseSettings({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(250);
  expect(parseSettings('settings')).toEqual(DEFAULT_SETTINGS);
  expect(parseSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
});

test('the hover delay: whole ms within the range the options page offers, or null for no number', () => {
  expect(clampHoverDelay(333.7)).toBe(334);
  expect(clampHoverDelay(-0.4)).toBe(0);
  expect(clampHoverDelay(1e9)).toBe(HOVER_DELAY_RANGE.max);
  expect(clampHoverDelay(-5)).toBe(HOVER_DELAY_RANGE.min);
  for (const bad of [Number.NaN, Infinity, '100', null, undefined]) expect(clampHoverDelay(bad)).toBeNull();
});

test('the destination of interest: a destination id is kept, anything else is China', () => {
  expect(parseSettings({ focus: 'AE' }).focus).toBe('AE');
  expect(parseSettings({ focus: 'OTHER' }).focus).toBe('OTHER');
  expect(parseSettings({ focus: 'D5' }).focus).toBe('D5');
  for (const bad of ['ae', '', 'X', 42, null, '<img>', 'CN; drop', 'A'.repeat(13)]) expect(parseSettings({ focus: bad }).focus).toBe('CN');
});
