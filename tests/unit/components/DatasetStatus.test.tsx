/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetStatus } from '../../../components/DatasetStatus';
import { uiWords } from '../../../rules/ui-words';

afterEach(cleanup);
const bundled = { version: '2026.11.29', asOf: '2026-11-29', checkedThrough: null, fetchedAt: null, lastCheck: null };

describe('DatasetStatus', () => {
  it('says which data is in use and that no check has run yet; the button asks for one', () => {
    const onCheck = vi.fn();
    render(<DatasetStatus s={uiWords('en')} status={bundled} checking={false} onCheck={onCheck} />);
    expect(screen.getByText('Version 2026.11.29, reviewed 2026-11-29.')).toBeTruthy();
    expect(screen.getByText('Bundled with this version of ChipLens.')).toBeTruthy();
    expect(screen.getByText(/has not looked yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(onCheck).toHaveBeenCalledOnce();
  });

  it('says how far the sources reach, in English and Chinese, when the data gives the date', () => {
    const { container } = render(<DatasetStatus s={uiWords('en')} status={{ ...bundled, checkedThrough: '2026-11-20' }} checking={false} onCheck={() => {}} />);
    expect(container.querySelector('[data-checked-through]')!.textContent).toBe('Sources checked through 2026-11-20.');
    cleanup();
    render(<DatasetStatus s={uiWords('zh')} status={{ ...bundled, checkedThrough: '2026-11-20' }} checking={false} onCheck={() => {}} />);
    expect(screen.getByText('资料核查截至 2026-11-20。')).toBeTruthy();
  });

  it('shows a refused check as text (never as markup), marked as a failure, and the data kept', () => {
    const message = 'refused: <img src=x onerror=alert(1)>';
    const { container } = render(
      <DatasetStatus
        s={uiWords('zh')}
        status={{ ...bundled, version: '2026.12.05', fetchedAt: '2026-12-05T10:00:00Z', lastCheck: { at: '2026-12-06T10:00:00Z', ok: false, message } }}
        checking={false}
        onCheck={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    const last = container.querySelector('.last-check')!;
    expect(last.textContent).toContain(message);
    expect(last.getAttribute('data-ok')).toBe('false');
    expect(screen.getByText(/^已于 2026-12-05 \d\d:\d\d 从签名发布的副本更新。$/)).toBeTruthy();
  });

  it('while checking, the button says so and cannot be pressed again', () => {
    render(<DatasetStatus s={uiWords('en')} status={bundled} checking onCheck={() => {}} />);
    expect((screen.getByRole('button', { name: 'Checking…' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
