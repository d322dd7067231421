// The options page: reads and writes utils/storage/storage.ts items; content scripts and open popups
// watch them, and so does this page (a change made in another window shows here at once). The
// data section and the destinations ask the background, which holds the dataset.
import { useEffect, useState } from 'preact/hooks';
import { DatasetStatus } from '../../components/DatasetStatus';
import { OptionsForm } from '../../components/OptionsForm';
import { uiWords } from '../../rules/ui-words';
import { useStored } from '../../components/use-stored';
import { sendToBackground, type DatasetInfo } from '../../utils/messages/messages';
import type { DestinationName } from '../../utils/messages/page-messages';
import { chooseLang } from '../../utils/reader-lang';
import { disabledHosts, settings as settingsItem } from '../../utils/storage/storage';

export function App({ uiLang }: { uiLang: string }) {
  const settings = useStored(settingsItem);
  const offHosts = useStored(disabledHosts);
  const [status, setStatus] = useState<DatasetInfo | null>(null);
  const [places, setPlaces] = useState<DestinationName[]>([]);
  const [checking, setChecking] = useState(false);
  useEffect(() => void sendToBackground({ type: 'dataset-status' }).then(setStatus), []);
  useEffect(() => void sendToBackground({ type: 'destinations' }).then((d) => setPlaces(d.destinations), () => undefined), []);
  // This page shows no article: 'auto' goes by the browser's language.
  const lang = chooseLang(settings?.lang ?? 'auto', null, uiLang);
  useEffect(() => {
    document.documentElement.lang = uiWords(lang).htmlLang;
    document.title = uiWords(lang).optionsTitle;
  }, [lang]);
  if (!settings || !offHosts) return null;
  const s = uiWords(lang);
  const checkNow = () => {
    setChecking(true);
    void sendToBackground({ type: 'check-dataset' })
      .then(setStatus)
      .finally(() => setChecking(false));
  };
  return (
    <>
      <OptionsForm
        s={s}
        lang={lang}
        settings={settings}
        destinations={places}
        offHosts={offHosts}
        onSettings={(next) => void settingsItem.setValue(next)}
        onRemoveHost={(host) => void disabledHosts.setValue(offHosts.filter((h) => h !== host))}
      />
      <div class="options">
        <DatasetStatus s={s} status={status} checking={checking} onCheck={checkNow} />
      </div>
    </>
  );
}
