// The first-run page's wiring (opened once, on install): the reader's language, the browser's
// keys for ChipLens's commands, and the sample chip's card from the background (the real data).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStored } from '../../components/use-stored';
import { Welcome, type Shortcut } from '../../components/Welcome';
import type { CardModel } from '../../rules/card-model';
import { uiWords } from '../../rules/ui-words';
import { sendToBackground } from '../../utils/messages/messages';
import { chooseLang } from '../../utils/reader-lang';
import { settings as settingsItem } from '../../utils/storage/storage';

export function App({ uiLang }: { uiLang: string }) {
  const settings = useStored(settingsItem);
  // No article here: 'auto' goes by the browser's language.
  const lang = chooseLang(settings?.lang ?? 'auto', null, uiLang);
  const s = uiWords(lang);
  const [picked, setPicked] = useState('H20');
  const [model, setModel] = useState<CardModel | null>(null);
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);

  useEffect(() => {
    document.documentElement.lang = s.htmlLang;
    document.title = s.welcomeTitle;
  }, [lang]);
  useEffect(() => {
    void browser.commands?.getAll().then(
      (all) => setShortcuts(all.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }))),
      () => setShortcuts(null),
    );
  }, []);
  useEffect(() => {
    let live = true;
    void sendToBackground({ type: 'lookup', query: picked, lang }).then((a) => live && setModel(a.model), () => undefined);
    return () => void (live = false);
  }, [picked, lang, settings?.focus]);

  return <Welcome s={s} shortcuts={shortcuts} picked={picked} model={model} onPick={setPicked} onSettings={() => void browser.runtime.openOptionsPage()} />;
}
