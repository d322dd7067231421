// The language rule: the reader's choice; on 'auto', the page's language where it is Chinese or
// English, then the browser's (Chinese for any Chinese, else English).
import { describe, expect, test } from 'vitest';
import { chooseLang, langOfTag } from '../../../utils/reader-lang';

describe('chooseLang', () => {
  test('a language the reader chose wins over the page and the browser', () => {
    expect(chooseLang('en', 'zh-CN', 'zh-CN')).toBe('en');
    expect(chooseLang('zh', 'en', 'en-US')).toBe('zh');
  });

  test('auto: a Chinese page in an English browser is Chinese, an English page in a Chinese browser English', () => {
    expect(chooseLang('auto', 'zh-CN', 'en-US')).toBe('zh');
    expect(chooseLang('auto', 'zh-Hant-TW', 'en')).toBe('zh');
    expect(chooseLang('auto', 'en-GB', 'zh-CN')).toBe('en');
    expect(chooseLang('auto', 'EN', 'zh')).toBe('en');
  });

  test('auto: a page in another language, or none, goes by the browser', () => {
    expect(chooseLang('auto', 'de', 'zh-TW')).toBe('zh');
    expect(chooseLang('auto', 'ja', 'en-US')).toBe('en');
    expect(chooseLang('auto', null, 'zh_CN')).toBe('zh');
    expect(chooseLang('auto', undefined, 'fr')).toBe('en');
    expect(chooseLang('auto', '', 'en')).toBe('en');
  });
});

test('langOfTag reads the primary subtag only', () => {
  expect(langOfTag('zh')).toBe('zh');
  expect(langOfTag(' zh_Hans ')).toBe('zh');
  expect(langOfTag('en-US')).toBe('en');
  expect(langOfTag('eng')).toBe(null);
  expect(langOfTag('zha')).toBe(null);
  expect(langOfTag(null)).toBe(null);
});
