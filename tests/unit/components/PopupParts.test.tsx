/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChipSearch } from '../../../components/ChipSearch';
import { OnThisPage } from '../../../components/OnThisPage';
import { SiteSwitch } from '../../../components/SiteSwitch';
import { SourcesChecked } from '../../../components/SourcesChecked';
import { StatusBadge } from '../../../components/StatusBadge';
import { pageStrings } from '../../../components/page-strings';
import { cardModelFixture } from './card-model-fixture';

afterEach(cleanup);
const en = pageStrings('en');

describe('OnThisPage', () => {
  it('gives every entry data-chip-id and data-count', () => {
    const { container } = render(
      <OnThisPage s={en} mentions={[{ chipId: 'nvidia-h20', name: 'H20', count: 3 }, { chipId: 'amd-mi308', name: 'MI308', count: 1 }]} onPick={() => {}} />,
    );
    const entries = [...container.querySelectorAll('[data-chip-id]')];
    expect(entries.map((e) => [e.getAttribute('data-chip-id'), e.getAttribute('data-count')])).toEqual([
      ['nvidia-h20', '3'],
      ['amd-mi308', '1'],
    ]);
    expect(entries[0]!.textContent).toBe('H20 3 marks');
  });

  it('says when nothing is marked, and reports picks', () => {
    const onPick = vi.fn();
    const { rerender } = render(<OnThisPage s={en} mentions={[]} onPick={onPick} />);
    expect(screen.getByText('No chips marked on this page.')).toBeTruthy();
    rerender(<OnThisPage s={en} mentions={[{ chipId: 'nvidia-h20', name: 'H20', count: 2 }]} onPick={onPick} />);
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
    render(<SiteSwitch s={pageStrings('zh')} host="www.caixin.com" enabled={false} onChange={() => {}} />);
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
    const zh = render(<SourcesChecked s={pageStrings('zh')} info={{ ...info, checkedThrough: '2026-12-01' }} />);
    expect(zh.container.textContent).toBe('资料核查截至 2026-12-01。');
  });

  it('offers no other date in its place (not the review date, not a build date)', () => {
    expect(render(<SourcesChecked s={en} info={info} />).container.textContent).toBe('');
  });
});
