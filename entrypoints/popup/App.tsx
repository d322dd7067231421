// The popup: switch marking off for this site, see what is marked on this page, look a chip up.
// The list stays above the search so a long card never pushes it out of view.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChipSearch, type SearchResult } from '../../components/ChipSearch';
import { OnThisPage } from '../../components/OnThisPage';
import { SiteSwitch } from '../../components/SiteSwitch';
import { SourcesChecked } from '../../components/SourcesChecked';
import type { DatasetFreshness } from '../../components/DatasetStatus';
import { pageStrings } from '../../components/page-strings';
import type { Lang } from '../../rules/card-model';
import { askTabToReadAll, sendToBackground, type TabInfo } from '../../utils/messages';
import { disabledHosts } from '../../utils/storage';

/** Frames report their marks as they finish scanning; refresh the list while the popup is open. */
const TAB_INFO_REFRESH_MS = 1000;

function useTabInfo(tabId: number | null): TabInfo | null {
  const [info, setInfo] = useState<TabInfo | null>(null);
  useEffect(() => {
    if (tabId === null) return setInfo({ host: null, mentions: [] });
    let live = true;
    // A long page reads its far part as the reader scrolls; the list should cover the whole page.
    // Asked again on every refresh: a frame that loads later must hear it too.
    const load = () => {
      void askTabToReadAll(tabId);
      return sendToBackground({ type: 'tab-info', tabId })
        .then((next) => live && setInfo(next))
        .catch(() => live && setInfo({ host: null, mentions: [] }));
    };
    void load();
    const timer = setInterval(load, TAB_INFO_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId]);
  return info;
}

function useDisabledHosts(): string[] | null {
  const [hosts, setHosts] = useState<string[] | null>(null);
  useEffect(() => {
    void disabledHosts.getValue().then(setHosts);
    return disabledHosts.watch(setHosts);
  }, []);
  return hosts;
}

/** Which data answers, asked once: the popup says how far its sources reach. */
function useDatasetInfo(): DatasetFreshness | null {
  const [info, setInfo] = useState<DatasetFreshness | null>(null);
  useEffect(() => {
    void sendToBackground({ type: 'dataset-status' }).then(setInfo, () => setInfo(null));
  }, []);
  return info;
}

async function setSiteEnabled(host: string, on: boolean) {
  const hosts = (await disabledHosts.getValue()).filter((h) => h !== host);
  await disabledHosts.setValue(on ? hosts : [...hosts, host]);
}

export function App({ tabId, lang }: { tabId: number | null; lang: Lang }) {
  const s = pageStrings(lang);
  const info = useTabInfo(tabId);
  const disabled = useDisabledHosts();
  const dataInfo = useDatasetInfo();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>({ state: 'idle' });
  const latest = useRef(0); // answers to older keystrokes are dropped

  function lookUp(q: string, request: () => Promise<SearchResult>) {
    setQuery(q);
    const mine = ++latest.current;
    if (!q.trim()) return setResult({ state: 'idle' });
    setResult({ state: 'loading' });
    void request()
      .catch((): SearchResult => ({ state: 'none', query: q }))
      .then((r) => mine === latest.current && setResult(r));
  }

  const onQuery = (q: string) =>
    lookUp(q, async () => {
      const model = await sendToBackground({ type: 'lookup', query: q.trim() });
      return model ? { state: 'found', model } : { state: 'none', query: q };
    });

  const onPick = (chipId: string) => {
    const name = info?.mentions.find((m) => m.chipId === chipId)?.name ?? chipId;
    lookUp(name, async () => {
      const model = await sendToBackground({ type: 'card', chipId });
      return model ? { state: 'found', model } : { state: 'none', query: name };
    });
  };

  const host = info?.host ?? null;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>ChipLens</h1>
        <button type="button" class="popup-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {s.settings}
        </button>
      </header>
      {info && disabled && (
        <SiteSwitch s={s} host={host} enabled={host !== null && !disabled.includes(host)} onChange={(on) => host && void setSiteEnabled(host, on)} />
      )}
      {info && host !== null && <OnThisPage s={s} mentions={info.mentions} onPick={onPick} />}
      <ChipSearch s={s} query={query} result={result} onQuery={onQuery} />
      <SourcesChecked s={s} info={dataInfo} />
    </main>
  );
}
