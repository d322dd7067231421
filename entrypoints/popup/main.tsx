// Wiring only: which tab the popup acts on (popup.html?tabId=N, or the active tab) and the
// languages the App chooses from (the tab's, the browser's), then the App.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/chip-card.css';
import './popup.css';
import { App } from './App';

async function targetTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** How long the popup waits for the browser to say the tab's language before it goes by the browser's own. */
const DETECT_WAIT_MS = 500;

/** The tab's language as the browser detects it; null where it cannot say (a browser page, "und"). */
async function tabLang(tabId: number | null): Promise<string | null> {
  if (tabId === null) return null;
  const detected = browser.tabs.detectLanguage(tabId).then(
    (tag) => (tag && tag !== 'und' ? tag : null),
    () => null,
  );
  return Promise.race([detected, new Promise<null>((done) => setTimeout(() => done(null), DETECT_WAIT_MS))]);
}

void targetTabId().then(async (tabId) => {
  const pageLang = await tabLang(tabId);
  render(<App tabId={tabId} pageLang={pageLang} uiLang={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
});
