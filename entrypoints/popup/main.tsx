// Wiring only: which tab the popup acts on (popup.html?tabId=N, or the active tab), then the App.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { readerLang } from '../../utils/reader-lang';
import '../../components/chip-card.css';
import './popup.css';
import { App } from './App';

async function targetTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void Promise.all([targetTabId(), readerLang()]).then(([tabId, lang]) => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  render(<App tabId={tabId} lang={lang} />, document.getElementById('app')!);
});
