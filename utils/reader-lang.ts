// The language cards and the popup speak: the reader's setting, or the browser's UI language.
import { browser } from 'wxt/browser';
import type { Lang } from '../rules/card-model';
import { settings } from './storage';

export async function readerLang(): Promise<Lang> {
  const { lang } = await settings.getValue();
  if (lang !== 'auto') return lang;
  return browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
