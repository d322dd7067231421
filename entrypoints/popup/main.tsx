// Wiring only: which tab the popup acts on (popup.html?tabId=N, or the active tab) and the
// languages the App chooses from (the tab's, the browser's), then the App.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/chip-card.css';
import './popup.css';
import { tabLang } from '../../utils/reader-lang';
import { App } from './App';

async function targetTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void targetTabId().then(async (tabId) => {
  const pageLang = await tabLang(tabId);
  render(<App tabId={tabId} pageLang={pageLang} uiLang={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
});
