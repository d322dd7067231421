// The popup: switch marking off for this site, see what is marked on this page and each chip's
// status toward the destination of interest, look a chip up (with "did you mean"), browse every
// chip by status. The list stays above the search so a long card never pushes it out of view.
// Settings changed elsewhere (the options page) apply at once: language, destination of interest.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ChipBrowser } from '../../components/ChipBrowser';
import { ChipSearch, type SearchResult } from '../../components/ChipSearch';
import { OnThisPage } from '../../components/OnThisPage';
import { SiteSwitch } from '../../components/SiteSwitch';
import { SourcesChecked } from '../../components/SourcesChecked';
import type { DatasetFreshness } from '../../components/DatasetStatus';
import { uiWords } from '../../rules/ui-words';
import { useStored } from '../../components/use-stored';
import { askTabToReadAll, sendToBackground, type TabInfo } from '../../utils/messages/messages';
import type { ChipList } from '../../utils/messages/page-messages';
import { chooseLang } from '../../utils/reader-lang';
import { seenStatuses } from '../../utils/storage/seen-record';
import { disabledHosts, settings as settingsItem } from '../../utils/storage/storage';

/** Frames report their marks as they finish scanning; refresh the list while the popup is open. */
const TAB_INFO_REFRESH_MS = 1000;

function useTabInfo(tabId: number | null, focus: string | undefined): TabInfo | null {
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
  }, [tabId, focus]);
  return info;
}

/** Which data answers, asked once: the popup says how far its sources reach. */
function useDatasetInfo(): DatasetFreshness | null {
  const [info, setInfo] = useState<DatasetFreshness | null>(null);
  useEffect(() => {
    void sendToBackground({ type: 'dataset-status' }).then(setInfo, () => setInfo(null));
  }, []);
  return info;
}

/** Every chip's status toward the destination of interest, asked again when that changes. */
function useChipList(focus: string | undefined): ChipList | null {
  const [list, setList] = useState<ChipList | null>(null);
  useEffect(() => {
    if (focus === undefined) return;
    let live = true;
    void sendToBackground({ type: 'chip-list' }).then((next) => live && setList(next), () => undefined);
    return () => void (live = false);
  }, [focus]);
  return list;
}

async function setSiteEnabled(host: string, on: boolean) {
  const hosts = (await disabledHosts.getValue()).filter((h) => h !== host);
  await disabledHosts.setValue(on ? hosts : [...hosts, host]);
}

const openOptions = () => void browser.runtime.openOptionsPage();

/** `pageLang`: the tab's language, when known; `uiLang`: the browser's. */
export function App({ tabId, pageLang, uiLang }: { tabId: number | null; pageLang: string | null; uiLang: string }) {
  const settings = useStored(settingsItem);
  const lang = chooseLang(settings?.lang ?? 'auto', pageLang, uiLang);
  const s = uiWords(lang);
  const info = useTabInfo(tabId, settings?.focus);
  const disabled = useStored(disabledHosts);
  const seen = useStored(seenStatuses);
  const dataInfo = useDatasetInfo();
  const list = useChipList(settings?.focus);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult>({ state: 'idle' });
  const latest = useRef(0); // answers to older keystrokes are dropped
  const asked = useRef<string | null>(null); // what the result answers, asked again when the language or destination changes

  useEffect(() => {
    document.documentElement.lang = uiWords(lang).htmlLang;
  }, [lang]);

  function lookUp(shown: string, asking: string) {
    setQuery(shown);
    const mine = ++latest.current;
    asked.current = asking.trim() || null;
    if (!asked.current) return setResult({ state: 'idle' });
    setResult({ state: 'loading' });
    void sendToBackground({ type: 'lookup', query: asked.current, lang })
      .then((a): SearchResult => (a.model ? { state: 'found', model: a.model } : { state: 'none', query: shown, suggestions: a.suggestions }))
      .catch((): SearchResult => ({ state: 'none', query: shown }))
      .then((r) => mine === latest.current && setResult(r));
  }

  // The card on show follows a change of language or destination of interest made elsewhere.
  useEffect(() => {
    if (asked.current) lookUp(query, asked.current);
  }, [lang, settings?.focus]);

  const onQuery = (q: string) => lookUp(q, q);
  // A chip picked from a list is asked for by id: its name may be another chip's alias too.
  const onPick = (chipId: string) => {
    const name = list?.chips.find((c) => c.chipId === chipId)?.name ?? info?.mentions.find((m) => m.chipId === chipId)?.name ?? chipId;
    lookUp(name, chipId);
    document.querySelector('.cl-search')?.scrollIntoView({ block: 'nearest' });
  };

  const host = info?.host ?? null;
  const focusName = list ? list.focus.name[lang] : null;
  return (
    <main class="popup">
      <header class="popup-head">
        <h1>ChipLens</h1>
        <button type="button" class="popup-link" onClick={openOptions}>
          {s.settings}
        </button>
      </header>
      {info && disabled && (
        <SiteSwitch s={s} host={host} enabled={host !== null && !disabled.includes(host)} onChange={(on) => host && void setSiteEnabled(host, on)} />
      )}
      {info && host !== null && (
        <OnThisPage s={s} mentions={info.mentions} focusName={focusName} seen={seen} focusId={list?.focus.id} onPick={onPick} />
      )}
      <ChipSearch s={s} query={query} result={result} onQuery={onQuery} />
      {list && <ChipBrowser s={s} chips={list.chips} focusName={focusName} onPick={onPick} onSettings={openOptions} />}
      <SourcesChecked s={s} info={dataInfo} />
    </main>
  );
}
