/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '../../../components/OptionsForm';
import { pageStrings } from '../../../components/page-strings';

afterEach(cleanup);
const base = { lang: 'auto', hoverDelayMs: 250, markInCode: false } as const;

describe('OptionsForm', () => {
  it('edits language, hover delay (clamped) and code marking', () => {
    const onSettings = vi.fn();
    render(<OptionsForm s={pageStrings('en')} settings={{ ...base }} offHosts={[]} onSettings={onSettings} onRemoveHost={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh' } });
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, lang: 'zh' });
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '99999' } });
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, hoverDelayMs: 2000 });
    fireEvent.click(screen.getByRole('checkbox', { name: /inside code blocks/ }));
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, markInCode: true });
    expect(screen.getByText('None: ChipLens marks chips on every site.')).toBeTruthy();
  });

  it('lists switched-off sites, each with its own remove button', () => {
    const onRemoveHost = vi.fn();
    render(<OptionsForm s={pageStrings('en')} settings={{ ...base }} offHosts={['www.reuters.com', 'example.org']} onSettings={() => {}} onRemoveHost={onRemoveHost} />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn marking back on for example.org' }));
    expect(onRemoveHost).toHaveBeenCalledWith('example.org');
  });
});
