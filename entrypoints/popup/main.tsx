import { render } from 'preact';

render(<p>ChipLens</p>, document.getElementById('app')!);
