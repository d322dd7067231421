// The options page: reads and writes utils/storage.ts items; content scripts watch them.
import { useEffect, useState } from 'preact/hooks';
import { OptionsForm } from '../../components/OptionsForm';
import { uiStrings } from '../../components/ui-strings';
import type { Lang } from '../../rules/card-model';
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
  if (!settings || !offHosts) return null;
  return (
    <OptionsForm
      s={uiStrings(lang)}
      settings={settings}
      offHosts={offHosts}
      onSettings={(next) => void settingsItem.setValue(next)}
      onRemoveHost={(host) => void disabledHosts.setValue(offHosts.filter((h) => h !== host))}
    />
  );
}
