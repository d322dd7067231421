/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Welcome } from '../../../components/Welcome';
import { uiWords } from '../../../rules/ui-words';
import { cardModelFixture } from './card-model-fixture';

afterEach(cleanup);

describe('the first-run page', () => {
  it('shows the sample with its names marked, the picked one’s card, the keys, the disclaimer and the way to settings', () => {
    const onPick = vi.fn();
    const onSettings = vi.fn();
    const shortcuts = [
      { name: 'next-mark', shortcut: 'Ctrl+Shift+9' },
      { name: 'previous-mark', shortcut: '' },
    ];
    const { container } = render(
      <Welcome s={uiWords('en')} shortcuts={shortcuts} picked="H20" model={cardModelFixture()} onPick={onPick} onSettings={onSettings} />,
    );
    const marks = screen.getAllByRole('button', { pressed: undefined }).filter((b) => b.classList.contains('demo-mark'));
    expect(marks.map((b) => b.textContent)).toEqual(['H20', 'H200', 'MI308X']);
    expect(marks[0]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(marks[1]!);
    expect(onPick).toHaveBeenCalledWith('H200');
    expect(container.querySelector('.demo-card [data-chip-id="nvidia-h20"]')).not.toBeNull();
    // The browser's keys where it has them, '—' where the reader removed one, ChipLens's suggestion where it does not say.
    const keys = [...container.querySelectorAll('.keys dt')].map((dt) => dt.textContent);
    expect(keys).toEqual(['Ctrl+Shift+9', '—', 'Alt+Shift+L', 'Esc']);
    expect(screen.getByRole('heading', { name: 'Information, not legal advice' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }));
    expect(onSettings).toHaveBeenCalled();
  });

  it('speaks Chinese, and says the card is on its way until it comes', () => {
    render(<Welcome s={uiWords('zh')} shortcuts={null} picked="H20" model={null} onPick={() => {}} onSettings={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('欢迎使用 ChipLens');
    expect(screen.getByText('正在载入示例卡片…')).toBeTruthy();
    expect(screen.getByText('Alt+Shift+J')).toBeTruthy();
  });
});
