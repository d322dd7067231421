// Wiring only: the first-run page, told the browser's language (the App follows the setting).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/chip-card.css';
import './welcome.css';
import { App } from './App';

render(<App uiLang={browser.i18n.getUILanguage()} />, document.getElementById('app')!);
