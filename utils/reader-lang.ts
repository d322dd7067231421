// The language cards and the extension's pages speak. The rule is `chooseLang` (pure, tested):
// the reader's setting; on 'auto', the page's language where it is Chinese or English, then the
// browser's UI language (Chinese if it is any Chinese, else English).
import { browser } from 'wxt/browser';
import type { Lang } from '../rules/card-model';
import { settings, type Settings } from './storage/storage';

/** 'zh' or 'en' for a BCP 47 tag that is Chinese or English ("zh-Hant-TW", "en_GB", "ZH"); null otherwise. */
export function langOfTag(tag: string | null | undefined): Lang | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'zh' ? 'zh' : primary === 'en' ? 'en' : null;
}

export function chooseLang(setting: Settings['lang'], pageLang: string | null | undefined, uiLang: string): Lang {
  if (setting !== 'auto') return setting;
  return langOfTag(pageLang) ?? (langOfTag(uiLang) === 'zh' ? 'zh' : 'en');
}

/** The reader's language now; `pageLang`: the language of the page in question, when there is one. */
export async function readerLang(pageLang?: string | null): Promise<Lang> {
  const { lang } = await settings.getValue();
  return chooseLang(lang, pageLang, browser.i18n.getUILanguage());
}

/** How long to wait for the browser to say a tab's language before going by the browser's own. */
const DETECT_WAIT_MS = 500;

/** A tab's language as the browser detects it; null where it cannot say (a browser page, "und"). */
export async function tabLang(tabId: number | null | undefined): Promise<string | null> {
  if (tabId === null || tabId === undefined) return null;
  const detected = browser.tabs.detectLanguage(tabId).then(
    (tag) => (tag && tag !== 'und' ? tag : null),
    () => null,
  );
  return Promise.race([detected, new Promise<null>((done) => setTimeout(() => done(null), DETECT_WAIT_MS))]);
}
