/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChipBrowser, groupByStatus } from '../../../components/ChipBrowser';
import { ChipSearch } from '../../../components/ChipSearch';
import { OnThisPage } from '../../../components/OnThisPage';
import { SiteSwitch } from '../../../components/SiteSwitch';
import { SourcesChecked } from '../../../components/SourcesChecked';
import { StatusBadge } from '../../../components/StatusBadge';
import { uiWords } from '../../../rules/ui-words';
import { cardModelFixture } from './card-model-fixture';

afterEach(cleanup);
const en = uiWords('en');

describe('OnThisPage', () => {
  const two = [
    { chipId: 'nvidia-h20', name: 'H20', count: 3, status: 'licensed' as const },
    { chipId: 'amd-mi308', name: 'MI308', count: 1, status: 'denied' as const },
  ];

  it('gives every entry data-chip-id, data-count and data-status, and says each status in words', () => {
    const { container } = render(<OnThisPage s={en} mentions={two} focusName="China (incl. Hong Kong and Macau)" onPick={() => {}} />);
    const entries = [...container.querySelectorAll('[data-chip-id]')];
    expect(entries.map((e) => [e.getAttribute('data-chip-id'), e.getAttribute('data-count'), e.getAttribute('data-status')])).toEqual([
      ['nvidia-h20', '3', 'licensed'],
      ['amd-mi308', '1', 'denied'],
    ]);
    expect(entries[0]!.textContent).toBe('H20 Licences granted 3 marks');
    expect(entries[1]!.textContent).toBe('MI308 Not allowed 1 mark');
    expect(screen.getByText('Status for China (incl. Hong Kong and Macau), today')).toBeTruthy();
  });

  it('says each status in Chinese too', () => {
    const { container } = render(<OnThisPage s={uiWords('zh')} mentions={two} focusName="中国（含香港、澳门）" onPick={() => {}} />);
    expect(container.querySelector('[data-chip-id="amd-mi308"]')!.textContent).toBe('MI308 不予放行 1 处');
    expect(screen.getByText('今日对中国（含香港、澳门）的状态')).toBeTruthy();
  });

  it('tags a chip whose status changed since its card was last opened, and no other', () => {
    const seen = {
      'nvidia-h20': { version: '2026.11.01', day: '2026-11-02', statuses: { CN: 'denied' as const } },
      'amd-mi308': { version: '2026.11.01', day: '2026-11-02', statuses: { CN: 'denied' as const } },
    };
    const { container } = render(<OnThisPage s={en} mentions={two} focusName="China" seen={seen} focusId="CN" onPick={() => {}} />);
    const h20 = container.querySelector('[data-chip-id="nvidia-h20"]')!;
    expect(h20.getAttribute('data-changed-from')).toBe('denied');
    expect(h20.textContent).toBe('H20 Licences granted Changed, was Not allowed 3 marks');
    expect(container.querySelector('[data-chip-id="amd-mi308"]')!.hasAttribute('data-changed-from')).toBe(false);
    cleanup();
    const zh = render(<OnThisPage s={uiWords('zh')} mentions={two} focusName="中国" seen={seen} focusId="CN" onPick={() => {}} />);
    expect(zh.container.querySelector('[data-chip-id="nvidia-h20"] .cl-changed-from')!.textContent).toBe('有变化，原为不予放行');
  });

  it('says when nothing is marked, and reports picks', () => {
    const onPick = vi.fn();
    const { rerender } = render(<OnThisPage s={en} mentions={[]} onPick={onPick} />);
    expect(screen.getByText('No chips marked on this page.')).toBeTruthy();
    rerender(<OnThisPage s={en} mentions={[{ chipId: 'nvidia-h20', name: 'H20', count: 2, status: 'licensed' }]} onPick={onPick} />);
    fireEvent.click(screen.getByRole('button', { name: /H20/ }));
    expect(onPick).toHaveBeenCalledWith('nvidia-h20');
  });
});

describe('SiteSwitch', () => {
  it('is a checkbox switch named after the host', () => {
    const onChange = vi.fn();
    render(<SiteSwitch s={en} host="www.reuters.com" enabled onChange={onChange} />);
    const sw = screen.getByRole('switch', { name: /www\.reuters\.com/ }) as HTMLInputElement;
    expect(sw.type).toBe('checkbox');
    expect(sw.checked).toBe(true);
    fireEvent.click(sw);
    expect(onChange).toHaveBeenCalledWith(false);
  });

  it('is disabled, with the reason, where ChipLens does not run', () => {
    render(<SiteSwitch s={en} host={null} enabled onChange={() => {}} />);
    const sw = screen.getByRole('switch', { name: 'ChipLens doesn’t run on this page.' }) as HTMLInputElement;
    expect(sw.disabled).toBe(true);
    expect(sw.checked).toBe(false);
  });

  it('is named in Chinese too, still with the host', () => {
    render(<SiteSwitch s={uiWords('zh')} host="www.caixin.com" enabled={false} onChange={() => {}} />);
    expect((screen.getByRole('switch', { name: /www\.caixin\.com/ }) as HTMLInputElement).checked).toBe(false);
  });
});

describe('ChipSearch', () => {
  it('passes what is typed and shows the found card', () => {
    const onQuery = vi.fn();
    const { container, rerender } = render(<ChipSearch s={en} query="" result={{ state: 'idle' }} onQuery={onQuery} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'H-20' } });
    expect(onQuery).toHaveBeenCalledWith('H-20');
    rerender(<ChipSearch s={en} query="H-20" result={{ state: 'found', model: cardModelFixture() }} onQuery={onQuery} />);
    expect(container.querySelector('[data-chip-id="nvidia-h20"] h2')!.textContent).toBe('H20');
  });

  it('says when nothing matches', () => {
    render(<ChipSearch s={en} query="Z9" result={{ state: 'none', query: 'Z9' }} onQuery={() => {}} />);
    expect(screen.getByText('No chip called “Z9” in the dataset.')).toBeTruthy();
  });

  it('takes the focus when it opens', () => {
    render(<ChipSearch s={en} query="" result={{ state: 'idle' }} onQuery={() => {}} />);
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });

  it('offers close names as buttons; one looks that name up and gives the focus back to the box', () => {
    const onQuery = vi.fn();
    render(<ChipSearch s={en} query="h2oo" result={{ state: 'none', query: 'h2oo', suggestions: ['H20', 'H200'] }} onQuery={onQuery} />);
    expect(screen.getByText(/No chip called “h2oo”\. Did you mean:/)).toBeTruthy();
    const offered = screen.getAllByRole('button').map((b) => b.textContent);
    expect(offered).toEqual(['H20', 'H200']);
    const h200 = screen.getByRole('button', { name: 'H200' });
    h200.focus();
    fireEvent.click(h200);
    expect(onQuery).toHaveBeenCalledWith('H200');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });

  it('offers them in Chinese too', () => {
    render(<ChipSearch s={uiWords('zh')} query="昇腾" result={{ state: 'none', query: '昇腾', suggestions: ['Ascend 910B'] }} onQuery={() => {}} />);
    expect(screen.getByText(/没有名为“昇腾”的芯片。您是不是要找：/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ascend 910B' })).toBeTruthy();
  });
});

describe('ChipBrowser', () => {
  const chips = [
    { chipId: 'nvidia-h20', name: 'H20', vendor: 'NVIDIA', status: 'licensed' as const },
    { chipId: 'nvidia-b30a', name: 'B30A', vendor: 'NVIDIA', status: 'denied' as const },
    { chipId: 'nvidia-rtx-4090', name: 'RTX 4090', vendor: 'NVIDIA', status: 'not-controlled' as const },
    { chipId: 'nvidia-h200', name: 'H200', vendor: 'NVIDIA', status: 'licensed' as const },
  ];

  it('groups chips by status, most restricted first, keeping their order', () => {
    expect(groupByStatus(chips).map((g) => [g.status, g.chips.map((c) => c.name)])).toEqual([
      ['denied', ['B30A']],
      ['licensed', ['H20', 'H200']],
      ['not-controlled', ['RTX 4090']],
    ]);
  });

  it('is folded away until opened, says the status of each group in words, and reports picks', () => {
    const onPick = vi.fn();
    const onSettings = vi.fn();
    const { container } = render(<ChipBrowser s={en} chips={chips} focusName="Saudi Arabia" onPick={onPick} onSettings={onSettings} />);
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(container.querySelector('summary')!.textContent).toBe('All 4 chips, by status');
    const heads = [...container.querySelectorAll('.cl-browse-head')].map((h) => h.textContent);
    expect(heads).toEqual([
      'Licence needed — presumption of denial / not allowed 1 chip',
      'Licence needed — being granted, with conditions 2 chips',
      'No US licence needed 1 chip',
    ]);
    expect(container.textContent).toContain('Status for Saudi Arabia, today');
    fireEvent.click(screen.getByRole('button', { name: 'H200', hidden: true }));
    expect(onPick).toHaveBeenCalledWith('nvidia-h200');
    fireEvent.click(screen.getByRole('button', { name: 'Change the destination in Settings', hidden: true }));
    expect(onSettings).toHaveBeenCalled();
  });
});

describe('StatusBadge', () => {
  it('carries the meaning in its text, with the status as a class for colour', () => {
    const { container } = render(<StatusBadge status="denied" label="Licence required; presumption of denial" />);
    const badge = container.firstElementChild!;
    expect(badge.textContent).toBe('Licence required; presumption of denial');
    expect(badge.className).toContain('cl-badge--denied');
  });
});

describe('SourcesChecked', () => {
  const info = { version: '2026.12.07', asOf: '2026-12-07', checkedThrough: null, fetchedAt: null, lastCheck: null };

  it('says how far the sources reach, in English and Chinese', () => {
    const { container } = render(<SourcesChecked s={en} info={{ ...info, checkedThrough: '2026-12-01' }} />);
    expect(container.textContent).toBe('Sources checked through 2026-12-01.');
    cleanup();
    const zh = render(<SourcesChecked s={uiWords('zh')} info={{ ...info, checkedThrough: '2026-12-01' }} />);
    expect(zh.container.textContent).toBe('资料核查截至 2026-12-01。');
  });

  it('offers no other date in its place (not the review date, not a build date)', () => {
    expect(render(<SourcesChecked s={en} info={info} />).container.textContent).toBe('');
  });
});
