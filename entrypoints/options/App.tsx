// The options page: reads and writes utils/storage.ts items; content scripts watch them. The data
// section asks the background, which holds the dataset and looks for updates.
import { useEffect, useState } from 'preact/hooks';
import { DatasetStatus } from '../../components/DatasetStatus';
import { OptionsForm } from '../../components/OptionsForm';
import { pageStrings } from '../../components/page-strings';
import type { Lang } from '../../rules/card-model';
import { sendToBackground, type DatasetInfo } from '../../utils/messages';
import { disabledHosts, settings as settingsItem, type Settings } from '../../utils/storage';

function useItem<T>(item: { getValue(): Promise<T>; watch(cb: (next: T) => void): () => void }): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

export function App({ lang }: { lang: Lang }) {
  const settings = useItem<Settings>(settingsItem);
  const offHosts = useItem<string[]>(disabledHosts);
  const [status, setStatus] = useState<DatasetInfo | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => void sendToBackground({ type: 'dataset-status' }).then(setStatus), []);
  if (!settings || !offHosts) return null;
  const s = pageStrings(lang);
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
        settings={settings}
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
