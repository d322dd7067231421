/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm } from '../../../components/OptionsForm';
import { uiWords } from '../../../rules/ui-words';

afterEach(cleanup);
const base = { lang: 'auto', hoverDelayMs: 250, markInCode: false, focus: 'CN' } as const;
const places = [
  { id: 'CN', name: { en: 'China (incl. Hong Kong and Macau)', zh: '中国（含香港、澳门）' } },
  { id: 'AE', name: { en: 'United Arab Emirates', zh: '阿联酋' } },
  { id: 'OTHER', name: { en: 'Most other countries', zh: '其他大多数国家' } },
];

describe('OptionsForm', () => {
  it('edits language, hover delay (clamped) and code marking', () => {
    const onSettings = vi.fn();
    render(<OptionsForm s={uiWords('en')} lang="en" settings={{ ...base }} destinations={places} offHosts={[]} onSettings={onSettings} onRemoveHost={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh' } });
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, lang: 'zh' });
    fireEvent.change(screen.getByRole('spinbutton'), { target: { value: '99999' } });
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, hoverDelayMs: 2000 });
    fireEvent.click(screen.getByRole('checkbox', { name: /inside code blocks/ }));
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, markInCode: true });
    expect(screen.getByText('None: ChipLens marks chips on every site.')).toBeTruthy();
  });

  it('chooses the destination of interest among the dataset\'s, China by default, named in the page\'s language', () => {
    const onSettings = vi.fn();
    const { rerender } = render(<OptionsForm s={uiWords('en')} lang="en" settings={{ ...base }} destinations={places} offHosts={[]} onSettings={onSettings} onRemoveHost={() => {}} />);
    const select = screen.getByRole('combobox', { name: /Destination of interest/ }) as HTMLSelectElement;
    expect(select.value).toBe('CN');
    expect([...select.options].map((o) => o.textContent)).toEqual(['China (incl. Hong Kong and Macau)', 'United Arab Emirates', 'Most other countries']);
    fireEvent.change(select, { target: { value: 'AE' } });
    expect(onSettings).toHaveBeenLastCalledWith({ ...base, focus: 'AE' });
    // A stored destination the dataset no longer has shows as China, which is what the cards use.
    rerender(<OptionsForm s={uiWords('zh')} lang="zh" settings={{ ...base, focus: 'XX' }} destinations={places} offHosts={[]} onSettings={onSettings} onRemoveHost={() => {}} />);
    const zh = screen.getByRole('combobox', { name: /关注的目的地/ }) as HTMLSelectElement;
    expect(zh.value).toBe('CN');
    expect(zh.options[1]!.textContent).toBe('阿联酋');
  });

  it('lists switched-off sites, each with its own remove button', () => {
    const onRemoveHost = vi.fn();
    render(<OptionsForm s={uiWords('en')} lang="en" settings={{ ...base }} destinations={places} offHosts={['www.reuters.com', 'example.org']} onSettings={() => {}} onRemoveHost={onRemoveHost} />);
    fireEvent.click(screen.getByRole('button', { name: 'Turn marking back on for example.org' }));
    expect(onRemoveHost).toHaveBeenCalledWith('example.org');
  });
});
