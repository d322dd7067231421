// Wiring only: the options page in the reader's language.
import { render } from 'preact';
import { readerLang } from '../../utils/reader-lang';
import './options.css';
import { App } from './App';

void readerLang().then((lang) => {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  render(<App lang={lang} />, document.getElementById('app')!);
});
